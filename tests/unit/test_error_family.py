"""Every error the public API raises on bad input is a KwaliteitsregelsError with typed problems.

And the package source holds nothing that could run text from an input: no eval, exec,
pickle, unsafe YAML loading or subprocesses.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import kwaliteitsregels as kr
from kwaliteitsregels import errors
from kwaliteitsregels.loading import parse_profile
from kwaliteitsregels.reporting.registry import REPORTERS

FIXTURES = Path(__file__).parent.parent / "fixtures"
SOURCE = Path(kr.__file__).parent
PROFILE: dict[str, Any] = {"organisation": {"name": "A"}, "services": {"law_domains": ["wmo"]}}


def _ruleset() -> kr.CompiledRuleset:
    return kr.load_ruleset(FIXTURES / "kitchen-sink.yaml")


def _profile() -> kr.Profile:
    return kr.load_profile(PROFILE)


BAD_CALLS: list[tuple[str, Callable[[], object], type[errors.KwaliteitsregelsError]]] = [
    ("load_ruleset(None)", lambda: kr.load_ruleset(None), errors.UsageError),  # type: ignore[arg-type]
    ("load_ruleset(42)", lambda: kr.load_ruleset(42), errors.UsageError),  # type: ignore[arg-type]
    ("load_ruleset(unknown name)", lambda: kr.load_ruleset("twnte"), errors.RulesetError),
    ("load_ruleset(missing file)", lambda: kr.load_ruleset(FIXTURES / "nope.yaml"), errors.RulesetError),
    ("load_ruleset(a folder without ruleset)", lambda: kr.load_ruleset(FIXTURES / "profiles"), errors.RulesetError),
    ("load_ruleset(a profile)", lambda: kr.load_ruleset(FIXTURES / "profiles" / "minimal.json"), errors.RulesetError),
    ("load_ruleset(NUL in the path)", lambda: kr.load_ruleset("a\x00b.yaml"), errors.RulesetError),
    ("load_ruleset({})", lambda: kr.load_ruleset({}), errors.RulesetError),
    ("load_ruleset({1: 2})", lambda: kr.load_ruleset({1: 2}), errors.InputError),  # type: ignore[dict-item]
    ("load_profile(None)", lambda: kr.load_profile(None), errors.UsageError),  # type: ignore[arg-type]
    ("load_profile(b'bytes')", lambda: kr.load_profile(b"organisation: {}"), errors.UsageError),  # type: ignore[arg-type]
    ("load_profile([])", lambda: kr.load_profile([]), errors.UsageError),  # type: ignore[arg-type]
    ("load_profile(a directory)", lambda: kr.load_profile(FIXTURES), errors.ProfileError),
    ("load_profile(a list file)", lambda: parse_profile("- a\n- b\n"), errors.ProfileError),
    ("load_profile(empty)", lambda: parse_profile(""), errors.ProfileError),
    ("parse_profile(bytes)", lambda: parse_profile(b"a: 1"), errors.UsageError),  # type: ignore[arg-type]
    ("evaluate(name, ...)", lambda: kr.evaluate("twente", _profile(), date(2026, 1, 1)), errors.UsageError),  # type: ignore[arg-type]
    ("evaluate(..., dict, ...)", lambda: kr.evaluate(_ruleset(), PROFILE, date(2026, 1, 1)), errors.UsageError),  # type: ignore[arg-type]
    ("evaluate(..., text date)", lambda: kr.evaluate(_ruleset(), _profile(), "2026-01-01"), errors.UsageError),  # type: ignore[arg-type]
    (
        "evaluate(..., datetime)",
        lambda: kr.evaluate(_ruleset(), _profile(), datetime(2026, 1, 1)),  # noqa: DTZ001
        errors.UsageError,
    ),
    (
        "evaluate(..., stage='gunning')",
        lambda: kr.evaluate(_ruleset(), _profile(), date(2026, 1, 1), stage="gunning"),  # type: ignore[arg-type]
        errors.UsageError,
    ),
    (
        "evaluate(before in force)",
        lambda: kr.evaluate(_ruleset(), _profile(), date(2018, 1, 1)),
        errors.EvaluationError,
    ),
    ("evaluate_all([name])", lambda: kr.evaluate_all(["twente"], _profile(), date(2026, 1, 1)), errors.UsageError),  # type: ignore[list-item]
]


@pytest.mark.parametrize(("call", "expected"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_bad_calls_raise_the_family_with_typed_problems(
    call: Callable[[], object], expected: type[errors.KwaliteitsregelsError]
) -> None:
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        call()
    error = caught.value
    assert isinstance(error, expected), (type(error), error)
    assert error.problems
    for problem in error.problems:
        assert isinstance(problem, errors.Problem)
        assert isinstance(problem.code, str)
        assert problem.code
        assert isinstance(problem.message, str)
        assert problem.message
        for name in ("file", "path", "suggestion"):
            assert isinstance(getattr(problem, name), str | None)
        for name in ("line", "column"):
            value = getattr(problem, name)
            assert value is None or (isinstance(value, int) and value >= 1)
        assert str(problem)
    assert str(error)


def test_a_stage_may_be_given_as_text() -> None:
    report = kr.evaluate(_ruleset(), _profile(), date(2026, 1, 1), stage="award")  # type: ignore[arg-type]
    assert report.stage is kr.Stage.AWARD


def test_file_errors_say_where() -> None:
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.load_profile(FIXTURES / "profiles" / "typo.yaml")
    first = caught.value.first
    assert (first.file, first.line, first.column) == (str(FIXTURES / "profiles" / "typo.yaml"), 3, 3)
    assert (first.path, first.suggestion) == ("organisation.kvk_nummer", "kvk_number")


def test_the_family_has_one_root() -> None:
    family = [errors.InputError, errors.RulesetError, errors.ProfileError, errors.EvaluationError, errors.UsageError]
    assert all(issubclass(kind, errors.KwaliteitsregelsError) for kind in family)
    assert issubclass(errors.UsageError, TypeError)  # a wrong call is still a TypeError to generic code


def test_every_reporter_survives_hostile_text() -> None:
    hostile = "\x1b[31m[bold]rood[/bold] :smile: \x07\x9b2J\u202e\x00"
    profile = kr.load_profile(PROFILE | {"organisation": {"name": hostile}})
    report = kr.evaluate(_ruleset(), profile, date(2026, 1, 1))
    for name, render in REPORTERS.items():
        for color in (False, True):
            assert render(report, "nl", color=color), name


def test_a_text_report_cannot_drive_the_terminal() -> None:
    hostile = "\x1b]0;titel\x07\x1b[31mRood [bold]vet[/bold] :smile:\x9b2J\u202eomgekeerd\x00"
    profile = kr.load_profile(PROFILE | {"organisation": {"name": hostile}})
    report = kr.evaluate(_ruleset(), profile, date(2026, 1, 1))
    plain = REPORTERS["text"](report, "nl", color=False)
    assert "\x1b" not in plain
    coloured = REPORTERS["text"](report, "nl", color=True)
    line = next(text for text in coloured.splitlines() if "Rood" in text)
    assert "\x1b]0;" not in line
    assert "\x1b[31mRood" not in line
    for text in (plain, coloured):
        assert not {"\x07", "\x00", "\x9b", "\u202e"} & set(text)
        assert "␛[31mRood [bold]vet[/bold] :smile:" in text  # shown as written: no markup, no emoji
    assert "😄" not in plain


def test_a_json_report_escapes_every_control_character() -> None:
    hostile = "\x1b[31mRood\x9b2J\u202e\x7f\x00"
    profile = kr.load_profile(PROFILE | {"organisation": {"name": hostile}})
    report = kr.evaluate(_ruleset(), profile, date(2026, 1, 1))
    text = report.to_json()
    assert not any(ord(c) < 0x20 and c != "\n" for c in text)
    assert not {"\x7f", "\x9b", "\u202e"} & set(text)
    assert report.to_dict()["provider"] == hostile  # nothing lost: the data is the same


FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "subprocess", "dill"}
FORBIDDEN_ATTRIBUTES = {
    ("yaml", "load"),
    ("yaml", "load_all"),
    ("yaml", "unsafe_load"),
    ("yaml", "full_load"),
    ("yaml", "Loader"),
    ("yaml", "UnsafeLoader"),
    ("yaml", "FullLoader"),
    ("yaml", "CLoader"),
    ("os", "system"),
    ("os", "popen"),
    ("os", "execv"),
    ("os", "spawnv"),
    ("jinja2", "from_string"),
}
# `require("pandas")`: literal names of optional extras
ALLOWED_IMPORT_MODULE = {"reporting/frame.py", "analytics/frames.py"}
# PDF: headless Chromium with fixed flags, printing a file the library itself wrote; nothing from the input runs.
# Version impact: `git show`/`ls-tree` with an argument list (no shell) and a revision refused when it starts with
# '-', so it cannot become an option.
# Monitoring with --jobs: workers are `python -m kwaliteitsregels.monitoring.parallel` with an argument list (no
# shell), each told by a task file the parent wrote; the module they run is named by a constant.
ALLOWED_SUBPROCESS = {"reporting/pdf.py", "analytics/versions.py", "monitoring/parallel.py"}
ALLOWED_IMPORT_MODULE |= {"monitoring/parallel.py"}
# Monitoring spools findings to disk and hands tasks to its workers as pickles: only objects the library built
# itself, written and read back in a folder of its own (`tempfile.mkdtemp`, mode 0700). Event lines are parsed
# into those objects first; no byte of the input is ever unpickled.
ALLOWED_PICKLE = {"monitoring/parallel.py"}  # task and result files between the parent and its workers


def _findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            found.append(f"{node.func.id}()")
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            )
            relative = path.relative_to(SOURCE).as_posix()
            allowed = {"subprocess"} if relative in ALLOWED_SUBPROCESS else set()
            allowed |= {"pickle"} if relative in ALLOWED_PICKLE else set()
            found += [f"import {n}" for n in names if n.split(".")[0] in FORBIDDEN_MODULES - allowed]
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in FORBIDDEN_ATTRIBUTES or node.attr == "from_string":
                found.append(f"{node.value.id}.{node.attr}")
            relative = path.relative_to(SOURCE).as_posix()
            if node.attr == "import_module" and relative not in ALLOWED_IMPORT_MODULE:
                found.append("importlib.import_module")
    return found


def test_the_package_source_cannot_run_input() -> None:
    files = sorted(SOURCE.rglob("*.py"))
    assert len(files) > 20
    found = {str(path.relative_to(SOURCE)): hits for path in files if (hits := _findings(path))}
    assert not found, found


def test_the_grep_agrees() -> None:
    """The same, as plain text: a second opinion that does not depend on the parser."""
    patterns = ("eval(", "exec(", "pickle", "yaml.load(", "unsafe_load", "subprocess", "os.system", "__import__(")
    hits = [
        f"{path.relative_to(SOURCE)}: {pattern}"
        for path in SOURCE.rglob("*.py")
        for pattern in patterns
        if pattern in path.read_text("utf-8")
        and not (pattern == "subprocess" and path.relative_to(SOURCE).as_posix() in ALLOWED_SUBPROCESS)
        and not (pattern == "pickle" and path.relative_to(SOURCE).as_posix() in ALLOWED_PICKLE)
    ]
    assert not hits, hits


def test_ruleset_text_is_not_rich_markup_either() -> None:
    """Regression: table titles and cells are plain strings, which rich used to read as markup and emoji."""
    from kwaliteitsregels.loading import parse_bytes  # noqa: PLC0415

    data = parse_bytes((FIXTURES / "kitchen-sink.yaml").read_bytes(), "kitchen-sink").data
    data["categories"][0]["title"] = "[bold red]Cat[/bold red] :smile: \x1b[2J"
    report = kr.evaluate(kr.load_ruleset(data), _profile(), date(2026, 1, 1))
    for color in (False, True):
        text = REPORTERS["text"](report, "nl", color=color)
        assert "[bold red]Cat[/bold red] :smile: ␛[2J" in text
        assert "\x1b[2J" not in text
