"""`--lang en` (or KWALITEITSREGELS_LANG=en) covers the errors a user meets and every command's `--help`."""

from __future__ import annotations

import string
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from kwaliteitsregels import messages
from kwaliteitsregels.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "schema-bad"
GOOD_PROFILE = str(ROOT / "tests" / "data" / "schema-good" / "profile-minimal.yaml")
TYPO = str(ROOT / "tests" / "fixtures" / "profiles" / "typo.yaml")


def _run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner(env=env).invoke(main, list(args))


def _english_error(*args: str) -> str:
    result = _run(*args, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ")
    return result.stderr


def test_file_not_found(tmp_path: Path) -> None:
    err = _english_error("check", str(tmp_path / "nope.yaml"), "-r", "twente")
    assert "nope.yaml: file not found (file-not-found)" in err


def test_unknown_ruleset_with_did_you_mean() -> None:
    err = _english_error("check", GOOD_PROFILE, "-r", "twentee")
    assert "error: unknown ruleset 'twentee' (unknown-ruleset) Did you mean 'twente'?" in err
    assert "<input>" not in err  # a name given on the command line is no place in an input


def test_unknown_field_with_did_you_mean() -> None:
    err = _english_error("check", TYPO, "-r", "twente")
    assert "[organisation.kvk_nummer] unknown field (schema.extra_forbidden) Did you mean 'kvk_number'?" in err
    assert "must be one of 'jeugdwet' or 'wmo' (schema.literal_error) Did you mean 'wmo'?" in err


def test_yaml_syntax(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yaml"
    broken.write_text("organisation: [1\n", encoding="utf-8")
    err = _english_error("check", str(broken), "-r", "twente")
    assert "kapot.yaml:2:1: invalid YAML: " in err
    assert "ongeldige" not in err


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("profile-missing-name.yaml", "[organisation.name] required field missing (schema.missing)"),
        ("profile-typo.yaml", "unknown field (schema.extra_forbidden) Did you mean 'kvk_number'?"),
        ("profile-wrong-type.yaml", "[organisation.founded_on] must be a date (YYYY-MM-DD) (schema.date_type)"),
    ],
)
def test_schema_errors_of_a_profile(file: str, expected: str) -> None:
    assert expected in _english_error("check", str(BAD / file), "-r", "twente")


def test_unknown_keyword_in_a_ruleset() -> None:
    err = _english_error("check", GOOD_PROFILE, "-r", str(BAD / "ruleset-unknown-keyword.yaml"))
    assert "unknown keyword 'equalz' (unknown-keyword) Did you mean 'equals'?" in err


def test_the_environment_chooses_english_and_dutch_stays_the_default() -> None:
    english = _run("check", TYPO, "-r", "twente", env={"KWALITEITSREGELS_LANG": "en"})
    assert "error: " in english.stderr
    assert "Did you mean 'kvk_number'?" in english.stderr
    dutch = _run("check", TYPO, "-r", "twente")
    assert dutch.exit_code == 2
    assert "fout: " in dutch.stderr
    assert "onbekend veld (schema.extra_forbidden) Bedoelde u 'kvk_number'?" in dutch.stderr


def test_check_help_in_english_with_lang() -> None:
    result = _run("check", "--lang", "en", "--help")
    assert result.exit_code == 0
    assert "Check PROFILE against one or more rulesets." in result.stdout
    assert "A bundled ruleset's name or a path" in result.stdout
    assert "Toets PROFILE" not in result.stdout
    dutch = _run("check", "--help")
    assert "Toets PROFILE" in dutch.stdout


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_english_help(command: str) -> None:
    found = main.get_command(click.Context(main), command)
    assert found is not None
    dutch_line = str(found.help).split("\n")[0].split(" / ")[0]
    english = _run(command, "--help", env={"KWALITEITSREGELS_LANG": "en"})
    assert english.exit_code == 0
    assert messages.HELP_EN[command].split("\n")[0] in _words(english.stdout)
    assert dutch_line not in _words(english.stdout)
    dutch = _run(command, "--help", env={"KWALITEITSREGELS_LANG": "nl"})
    assert dutch_line in _words(dutch.stdout)


def test_the_command_list_in_english() -> None:
    result = _run("--help", env={"KWALITEITSREGELS_LANG": "en"})
    assert result.exit_code == 0
    assert messages.HELP_EN["main"].split(" (")[0] in result.stdout
    assert "List the bundled rulesets." in result.stdout


def _words(text: str) -> str:
    """The text with its line wrapping undone."""
    return " ".join(text.split())


def _fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


@pytest.mark.parametrize("key", sorted(k for k in messages.CATALOG if k.startswith("problem.")))
def test_every_problem_phrase_reads_back_into_english(key: str) -> None:
    nl, en = messages.CATALOG[key]
    code = key.removeprefix("problem.").split("~")[0]
    params = {name: f"<{name}-1>" for name in _fields(nl)}
    assert messages.problem_text(code, nl.format(**params), "en") == en.format(**params)
    assert messages.problem_text(f"every.{code}", nl.format(**params), "en") == en.format(**params)
    assert messages.problem_text(code, nl.format(**params), "nl") == nl.format(**params)
