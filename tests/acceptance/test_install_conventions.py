"""What a Python user expects of an installed, typed library: version, `python -m`, public names, typing, start-up.

Start-up *time* is measured by `benchmarks/startup.py`; here we check what makes it fast: which
modules an import or a command pulls in.
"""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
import textwrap
import tomllib
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pydantic", "yaml", "rich", "jinja2", "pandas", "matplotlib", "durable", "click")
OPTIONAL = ("pandas", "matplotlib", "durable", "openpyxl")


def _modules_after(code: str) -> set[str]:
    """Top-level packages imported in a fresh interpreter once `code` ran."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=False)  # noqa: S603
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_version_comes_from_the_package_metadata() -> None:
    assert kr.__version__ == metadata.version("kwaliteitsregels")
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert kr.__version__ in result.output


def test_python_dash_m_runs_the_command_line() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "kwaliteitsregels", "rulesets"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert out.returncode == 0, out.stderr
    assert "twente" in out.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "kwaliteitsregels", "chek"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2
    assert "Usage: kwaliteitsregels" in bad.stderr


def test_every_public_name_resolves_and_is_listed() -> None:
    for name in kr.__all__:
        assert getattr(kr, name).__module__.startswith("kwaliteitsregels"), name
    assert set(kr.__all__) <= set(dir(kr))
    assert "__version__" in dir(kr)
    with pytest.raises(AttributeError, match="no attribute 'load_rulesets'"):
        kr.load_rulesets  # type: ignore[attr-defined] # noqa: B018 - the attribute access is the test


def test_star_import_gives_the_public_api() -> None:
    namespace: dict[str, object] = {}
    exec("from kwaliteitsregels import *", namespace)  # noqa: S102 - a fixed statement
    assert set(kr.__all__) <= set(namespace)


def test_load_ruleset_shows_no_private_parameters() -> None:
    parameters = inspect.signature(kr.load_ruleset).parameters
    assert list(parameters) == ["source", "limits"]
    with pytest.raises(TypeError):
        kr.load_ruleset("twente", _within=())  # type: ignore[call-arg]


def test_the_package_says_it_is_typed() -> None:
    assert (resources.files("kwaliteitsregels") / "py.typed").is_file()


def test_import_loads_no_dependency() -> None:
    assert _modules_after("import kwaliteitsregels").isdisjoint(HEAVY)


def test_version_option_loads_no_command() -> None:
    code = "from kwaliteitsregels.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    loaded = _modules_after(code)
    assert loaded.isdisjoint(set(HEAVY) - {"click"}), loaded & set(HEAVY)


def test_check_loads_no_optional_extra() -> None:
    code = textwrap.dedent(
        """
        from kwaliteitsregels.cli import main
        args = ["check", "examples/zzp-jeugdhulp.yaml", "-r", "twente", "--peildatum", "2026-11-23", "-o", "/dev/null"]
        try:
            main(args)
        except SystemExit as exit:
            assert exit.code in (0, 1), exit.code
        """
    )
    loaded = _modules_after(code)
    assert "pydantic" in loaded  # the probe did run the check
    assert loaded.isdisjoint(OPTIONAL), loaded & set(OPTIONAL)


USER_SCRIPT = '''\
"""A user's script, as in the README."""

from datetime import date

import kwaliteitsregels as kr

ruleset: kr.CompiledRuleset = kr.load_ruleset("twente")
profile = kr.load_profile("profiel.yaml")
report = kr.evaluate(ruleset, profile, date(2026, 11, 23))
verdict: kr.Verdict = report.verdict
print(verdict, kr.__version__, report.exit_code(), [r.status for r in report.results])
'''

WRONG_SCRIPT = """\
import kwaliteitsregels as kr

kr.load_ruleset("twente", _within=())
count: int = kr.load_ruleset("twente")
kr.load_rulesets("twente")
"""


@pytest.mark.slow
def test_a_user_script_type_checks_under_mypy_strict(tmp_path: Path, pytestconfig: pytest.Config) -> None:
    (tmp_path / "user.py").write_text(USER_SCRIPT, encoding="utf-8")
    (tmp_path / "wrong.py").write_text(WRONG_SCRIPT, encoding="utf-8")
    cache = getattr(pytestconfig, "cache", None)  # kept between runs; absent under `-p no:cacheprovider`
    cache = cache.mkdir("mypy-user-script") if cache else tmp_path / "cache"
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), "--no-error-summary"]
    good = subprocess.run([*command, "user.py"], capture_output=True, text=True, cwd=tmp_path, check=False)  # noqa: S603
    assert good.returncode == 0, good.stdout + good.stderr
    wrong = subprocess.run([*command, "wrong.py"], capture_output=True, text=True, cwd=tmp_path, check=False)  # noqa: S603
    assert wrong.returncode == 1
    assert 'Unexpected keyword argument "_within"' in wrong.stdout
    assert 'expression has type "CompiledRuleset", variable has type "int"' in wrong.stdout
    assert 'Module has no attribute "load_rulesets"' in wrong.stdout
    assert "import-untyped" not in wrong.stdout


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def _name(requirement: str) -> str:
    return re.split(r"[\s;<>=!~\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_durable_rules_is_in_the_monitoring_extra_only() -> None:
    project = _pyproject()["project"]
    extras = project["optional-dependencies"]
    assert "durable-rules" not in {_name(r) for r in project["dependencies"]}
    assert {_name(r) for r in extras["monitoring"]} == {"durable-rules"}
    assert "durable-rules" not in {_name(r) for r in extras["dev"]}
    assert "kwaliteitsregels[monitoring,notebook,batch]" in extras["dev"]  # the tests cover the extras too


def test_the_lock_pins_every_dependency() -> None:
    project = _pyproject()["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    wanted |= {_name(r) for extra in project["optional-dependencies"].values() for r in extra}
    wanted.discard("kwaliteitsregels")
    lock = (ROOT / "constraints.txt").read_text("utf-8")
    pinned = {_name(line) for line in lock.splitlines() if "==" in line and not line.startswith((" ", "#"))}
    assert wanted <= pinned, f"not in constraints.txt (run scripts/refresh-lock.sh): {sorted(wanted - pinned)}"
    assert "--python-platform x86_64-manylinux_2_28 --python-version 3.11" in (
        ROOT / "scripts" / "refresh-lock.sh"
    ).read_text("utf-8")  # the lock is made for CI's machine, whichever machine refreshes it


def test_the_readme_quick_start_is_the_base_install() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("```bash\n", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    assert "pip install -q . &&" in commands[0]
    assert "[" not in commands[0]  # no extras
    assert "kwaliteitsregels check examples/zzp-jeugdhulp.yaml --ruleset twente" in commands[0]
    assert 'pip install -q -c constraints.txt ".[dev]"' in commands[1]
    assert "pytest" in commands[1]
