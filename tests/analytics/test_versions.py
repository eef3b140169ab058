"""Two versions of a ruleset: what changed, and for which providers (folders, and git revisions)."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from click.testing import CliRunner

from kwaliteitsregels.analytics.versions import FIELDS, diff, impact, load_version
from kwaliteitsregels.cli import main
from kwaliteitsregels.errors import RulesetError
from kwaliteitsregels.reporting.comparison import phrase
from kwaliteitsregels.schemas import schema

FIXTURES = Path(__file__).parents[1] / "fixtures" / "analytics"
V1, V2 = FIXTURES / "versions" / "v1", FIXTURES / "versions" / "v2"
PROFILES = FIXTURES / "profiles"
PEILDATUM = date(2026, 11, 23)


def test_added_removed_and_changed() -> None:
    found = diff(load_version(V1), load_version(V2))
    assert (found.added, found.removed) == (("V4",), ("V2",))
    (change,) = found.changed
    assert (change.requirement, change.relation, change.fields) == ("V1", "stricter", ("text", "condition"))
    assert [d.describe() for d in change.parameters] == ["professionals.vog_issued_on not_older_than: P3Y ↔ P5Y"]


def test_whose_outcome_changes() -> None:
    found = {
        p.provider: p for p in impact(load_version(V1), load_version(V2), sorted(PROFILES.glob("*.yaml")), PEILDATUM)
    }
    old = found["Oude VOG BV"]
    assert (old.old, old.new) == ("voldoet", "voldoet_niet")
    assert ("V1", "pass", "fail") in [(c.requirement, c.old, c.new) for c in old.changes]
    fresh = found["Verse VOG BV"]
    assert fresh.old == fresh.new == "voldoet"


def _git(cwd: Path, *args: str) -> None:
    command = [shutil.which("git") or "git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args]
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)  # noqa: S603 - git, with the test's own arguments


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_git_revision_against_the_working_tree(tmp_path: Path) -> None:
    target = tmp_path / "regels"
    shutil.copytree(V1, target)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "v1")
    shutil.copy(V2 / "ruleset.yaml", target / "ruleset.yaml")
    old = load_version("HEAD:regels", cwd=tmp_path)
    assert old.spec.version == "1"
    assert load_version("HEAD:regels/ruleset.yaml", cwd=tmp_path).spec.version == "1"
    assert diff(old, load_version(target)).added == ("V4",)
    with pytest.raises(RulesetError, match="bestaat niet"):
        load_version("HEAD:elders", cwd=tmp_path)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_cli_in_every_format(fmt: str) -> None:
    args = ["impact", str(V1), str(V2), "-p", str(PROFILES), "--peildatum", "2026-11-23", "--format", fmt]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Oude VOG BV" in result.output
    if fmt == "json":
        document = json.loads(result.output)
        jsonschema.validate(document, schema("impact"))
        assert [a["id"] for a in document["added"]] == ["V4"]
    if fmt == "html":
        assert "<script" not in result.output
        assert '<td class="v-voldoet_niet">voldoet niet</td>' in result.output  # the label to read, the code for colour
    if fmt in {"text", "markdown"}:
        assert "voldoet_niet" not in result.output  # verdicts and statuses in words for people
        assert "voldaan → niet voldaan" in result.output
        assert "tekst, voorwaarde" in result.output  # the fields that changed, as a reader names them
        assert "Professionals: VOG afgegeven op, niet ouder dan: 3 jaar ↔ 5 jaar" in result.output  # new ↔ old


def test_every_field_a_version_can_change_has_a_name_for_readers() -> None:
    for lang in ("nl", "en"):
        names = [phrase(f"field.{field}", lang) for field in FIELDS]
        assert all(names)
        assert len(set(names)) == len(FIELDS)
