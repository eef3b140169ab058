"""Hostile input, round two: terminal control through every command, spreadsheet formulas, exact decimals."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook  # type: ignore[import-untyped]

import kwaliteitsregels as kr
from kwaliteitsregels._safe_text import spreadsheet_cell, visible, visible_line
from kwaliteitsregels.cli import main
from kwaliteitsregels.loading import parse_profile
from kwaliteitsregels.reporting.frame import summary_frame
from kwaliteitsregels.reporting.registry import DOCUMENTS, REPORTERS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "zzp-jeugdhulp.yaml"

# Everything a terminal obeys: C0 but newline and tab, DEL, C1, and the bidi controls.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

ATTACKS = [
    "\x1b]0;PWNED\x07",  # OSC 0: window title
    "\x1b]8;;http://evil.example\x1b\\klik\x1b]8;;\x1b\\",  # OSC 8: a link
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b[31m",
    "\x07",
    "\x9b31m",  # C1 CSI
    "\x9d0;title\x9c",  # C1 OSC … ST
    "\u202e",
    "\u2066",
    "\u200f",
    "\r",
    "\n",
    "\t",
    "\x00",
    "\x7f",
    "\x85",
]
HOSTILE = st.lists(
    st.one_of(st.sampled_from(ATTACKS), st.characters(codec="utf-8")),
    min_size=1,
    max_size=8,
).map("".join)
FILE_NAME = HOSTILE.filter(lambda s: "/" not in s and "\x00" not in s and s.strip(".") and len(s.encode()) < 200)
CLI = settings(
    max_examples=int(os.environ.get("KWALITEITSREGELS_EXAMPLES", "100")) // 10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _quoted(text: str) -> str:
    """`text` as a double-quoted YAML (and JSON) scalar, every character that YAML may not hold escaped."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    return '"' + re.sub("[\x7f-\x9f\ufffe\uffff]", lambda m: f"\\u{ord(m.group()):04x}", body) + '"'


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), color=True)  # color: click strips nothing itself
    assert result.exit_code in {0, 1, 2}, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result.stdout + result.stderr


def _assert_clean(output: str) -> None:
    found = FORBIDDEN.search(output)
    assert found is None, f"U+{ord(found.group()):04X} reached the terminal: {output!r}"


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _named_profile(name: str) -> str:
    return EXAMPLE.read_text("utf-8").replace("name: Jeugdpraktijk Kompas", f"name: {_quoted(name)}", 1)


class TestNothingDrivesTheTerminal:
    """Issue 18, class 1: keys, file names, case names and event fields are shown, never obeyed."""

    def test_the_reported_example_sets_no_window_title(self, tmp_path: Path) -> None:
        profile = tmp_path / "p.yaml"
        profile.write_text(_named_profile("Kompas").replace("organisation:", '"\\e]0;PWNED\\a": 1\norganisation:'))
        output = _run("check", str(profile), "-r", "twente", "--peildatum", "2026-11-23")
        _assert_clean(output)
        assert "␛]0;PWNED␇" in output  # shown as written, so the author can find the key

    @CLI
    @given(key=HOSTILE, file_name=FILE_NAME)
    def test_unknown_keys_and_file_names_in_errors(self, key: str, file_name: str) -> None:
        with _folder() as folder:
            profile = folder / f"{file_name}.yaml"
            profile.write_text(
                _named_profile("Kompas").replace("organisation:", f"{_quoted('x' + key)}: 1\norganisation:")
            )
            for args in (
                ("check", str(profile), "-r", "twente", "--peildatum", "2026-11-23"),
                ("report", str(profile), "-r", "twente", "--peildatum", "2026-11-23", "-f", "markdown"),
                ("validate", str(profile), "--kind", "profile"),
                ("validate", str(profile), "--kind", "profile", "-f", "github"),
                ("check", str(folder / file_name), "-r", "twente"),  # no such file: click says so
                ("validate", str(folder / file_name)),
            ):
                _assert_clean(_run(*args))

    @CLI
    @given(name=HOSTILE, file_name=FILE_NAME)
    def test_names_in_every_output_format(self, name: str, file_name: str) -> None:
        with _folder() as folder:
            profile = folder / f"{file_name}.yaml"
            profile.write_text(_named_profile(name))
            for fmt in REPORTERS:
                _assert_clean(_run("check", str(profile), "-r", "twente", "--peildatum", "2026-11-23", "-f", fmt))
            for fmt in DOCUMENTS:
                _assert_clean(_run("report", str(profile), "-r", "twente", "--peildatum", "2026-11-23", "-f", fmt))

    @CLI
    @given(name=HOSTILE, requirement=HOSTILE, file_name=FILE_NAME)
    def test_case_names_in_test(self, name: str, requirement: str, file_name: str) -> None:
        with _folder() as folder:
            shutil.copy(ROOT / "rulesets" / "jeugdwet" / "ruleset.yaml", folder / "ruleset.yaml")
            (folder / "tests").mkdir()
            cases = folder / "tests" / f"{file_name}.yaml"
            for expected in ('"4.1.2"', _quoted(requirement)):  # a diff for each case; an unknown requirement
                cases.write_text(
                    "peildatum: 2026-11-23\ncases:\n"
                    f"  - name: {_quoted(name)}\n"
                    "    profile: {organisation: {name: X}, services: {law_domains: [jeugdwet]}}\n"
                    f"    expect: {{verdict: voldoet, results: {{{expected}: pass}}}}\n"
                    f"  - name: {_quoted(name + requirement)}\n"
                    "    profile: {organisation: {name: X}, services: {law_domains: [jeugdwet]}}\n"
                    "    expect: {verdict: voldoet_niet}\n",
                )
                for fmt in ("text", "json"):
                    _assert_clean(_run("test", str(folder), "-f", fmt))

    @CLI
    @given(provider=HOSTILE, field=HOSTILE, file_name=FILE_NAME)
    def test_event_fields_in_monitor(self, provider: str, field: str, file_name: str) -> None:
        events = [
            {"id": field, "provider": provider, "type": "301", "at": "2026-01-05T09:00", "assignment": field},
            {"id": "b", "provider": provider, "type": field, "at": "2026-01-05T09:00"},
            {"id": "c", "provider": field, "type": "igj_report", "at": "2026-01-05T10:00", "report": provider},
        ]
        with _folder() as folder:
            stream = folder / f"{file_name}.jsonl"
            stream.write_text("".join(json.dumps(e) + "\n" for e in events) + json.dumps(field) + "\n")
            for fmt in ("text", "json"):
                args = ("monitor", str(stream), "-r", "achterhoek-2019", "--clock", "2026-04-01", "-f", fmt)
                _assert_clean(_run(*args))

    @given(text=HOSTILE)
    def test_visible_text_keeps_layout_and_nothing_else(self, text: str) -> None:
        shown = visible(text)
        assert FORBIDDEN.search(shown) is None
        assert shown.count("\n") == text.count("\n")
        one_line = visible_line(text)
        assert FORBIDDEN.search(one_line) is None
        assert "\n" not in one_line
        assert "\t" not in one_line

    def test_ordinary_dutch_text_is_left_alone(self) -> None:
        text = "Zorg ’t Anker — cliënten, coördinatie, café, € 39,20\n\tregel twee"
        assert visible(text) == text
        assert visible("\x1b]0;x\x07\u202e\x9b") == "␛]0;x␇<U+202E><U+009B>"


FORMULA = st.tuples(
    st.sampled_from(
        ["=", "+", "-", "@", "\t", "\r", "\n", '=HYPERLINK("http://evil.example","klik")', "-2+3", "@SUM(A1)"]
    ),
    st.text(st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs")), max_size=12),
).map("".join)
SPREADSHEET = settings(
    max_examples=max(5, int(os.environ.get("KWALITEITSREGELS_EXAMPLES", "100")) // 10), deadline=None
)
_TWENTE = kr.load_ruleset("twente")


def _plain_number(text: str) -> bool:
    """A number as a spreadsheet reads it ('+0', '-2,5'): shown as it is, never quoted."""
    return re.fullmatch(r"[-+]?[0-9]+(?:[.,][0-9]+)?", text) is not None


def _no_carriage_returns(text: str) -> str:
    """`text` with each carriage return (or CR LF) a line feed, as a spreadsheet cell holds it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _formula(cell: object) -> bool:
    """Would a spreadsheet evaluate `cell`: text starting like a formula that is not a plain number."""
    return bool(spreadsheet_cell(cell) != cell)


class TestNoFormulasInSpreadsheets:
    """Issue 18, class 2: what `to_frame` and `summary_frame` give to `to_excel`/`to_csv` is never a formula."""

    @given(text=st.one_of(FORMULA, st.text()))
    def test_a_cell_is_quoted_exactly_when_it_reads_as_a_formula(self, text: str) -> None:
        safe = spreadsheet_cell(text)
        kept = _no_carriage_returns(text)
        assert safe in {kept, "'" + kept}
        assert "\r" not in safe
        starts_like_a_formula = text[:1] in {"=", "+", "-", "@", "\t", "\r", "\n"}
        assert (safe != kept) == (starts_like_a_formula and not _plain_number(text))

    @given(number=st.one_of(st.integers(), st.floats(allow_nan=False), st.decimals(allow_nan=False)))
    def test_numbers_stay_numbers(self, number: object) -> None:
        assert spreadsheet_cell(number) is number
        assert spreadsheet_cell(None) is None

    @SPREADSHEET
    @given(name=FORMULA.filter(str.strip), title=FORMULA.filter(str.strip))  # only white space is refused
    @example(name="+0", title="=1")  # a name that is a plain number stays as it is
    @example(name="\r=", title="=")  # a bare carriage return: a CSV reader's new row, starting with '='
    def test_frames_written_to_excel_and_csv_hold_no_formula(self, name: str, title: str) -> None:
        text = _named_profile(name).replace("title: VOG jeugdhulpverlener", f"title: {_quoted(title)}", 1)
        report = kr.evaluate(_TWENTE, parse_profile(text), date(2026, 11, 23))
        frames = [report.to_frame(), summary_frame([report])]
        kept = _no_carriage_returns(name)  # a CSV reader could start a row at a bare '\r'
        quoted = kept if _plain_number(name) else "'" + kept  # '+0' is a number to a spreadsheet, not a formula
        assert summary_frame([report]).index[0] == quoted  # kept whole, behind the quote
        for frame in frames:
            rows = list(csv.reader(io.StringIO(frame.to_csv(), newline="")))
            assert not [cell for row in rows for cell in row if _formula(cell)]
        with _folder() as folder:
            target = folder / "export.xlsx"
            with pd.ExcelWriter(target) as excel:
                frames[0].to_excel(excel, sheet_name="eisen")
                frames[1].to_excel(excel, sheet_name="overzicht")
            workbook = load_workbook(target)
            cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
            assert not [c.value for c in cells if c.data_type == "f" or _formula(c.value)]
            counts = [c.value for c in workbook["overzicht"][2][2:]]  # pass, fail, …: numbers, not text
            assert all(isinstance(value, int) for value in counts[1:])


SEED = "002_e6bd4ce0c9b21154.txt"
_RULE = """
  - id: {id}
    title: {id}
    text: Brontekst.
    source: {{document: Testkader, section: "1", seed: {seed}}}
    category: c
    law_scope: both
    condition: {condition}
"""
MONEY_RULESET = (
    f"id: test\ntitle: Testkader\nissuer: test\nversion: '1'\nvalid_from: 2019-01-01\n"
    f"source: {{title: Testkader, seed: {SEED}}}\ncategories: [{{id: c, title: Categorie}}]\nrequirements:"
    + _RULE.format(id="maximum", seed=SEED, condition="{maximum: {field: size.care_revenue_eur, value: 39.20}}")
    + _RULE.format(id="decimals", seed=SEED, condition="{decimals: {field: size.care_revenue_eur, max: 2}}")
)
_PROFILE = "organisation: {{name: X}}\nservices: {{law_domains: [jeugdwet]}}\nsize: {{care_revenue_eur: {}}}\n"
_PROFILE_JSON = (
    '{{"organisation": {{"name": "X"}}, "services": {{"law_domains": ["jeugdwet"]}}, '
    '"size": {{"care_revenue_eur": {}}}}}'
)

# A YAML 1.1 float as written: digits with `_` between them, a point, an exponent with a sign.
_DIGITS = st.text("0123456789", min_size=1, max_size=25)
DECIMAL_TEXT = st.builds(
    lambda sign, whole, fraction, exponent: f"{sign}{whole}.{fraction}{exponent}",
    st.sampled_from(["", "+"]),
    st.from_regex(r"[0-9](_?[0-9]){0,20}", fullmatch=True),
    st.from_regex(r"([0-9](_?[0-9]){0,20})?", fullmatch=True),
    st.one_of(st.just(""), st.builds("e{}{}".format, st.sampled_from("+-"), st.integers(0, 300))),
)
JSON_TEXT = st.builds(
    lambda whole, fraction, exponent: f"{int(whole)}.{fraction}{exponent}",
    _DIGITS,
    _DIGITS,
    st.one_of(st.just(""), st.builds("E{}{}".format, st.sampled_from(["+", "-", ""]), st.integers(0, 300))),
)


def _money_ruleset() -> kr.CompiledRuleset:
    with _folder() as folder:
        (folder / "ruleset.yaml").write_text(MONEY_RULESET, "utf-8")  # the value 39.20 unquoted, as authors write it
        return kr.load_ruleset(folder / "ruleset.yaml")


def _statuses(profile_text: str) -> dict[str, str]:
    ruleset = _money_ruleset()
    report = kr.evaluate(ruleset, parse_profile(profile_text), date(2026, 1, 1))
    return {r.id: str(r.status) for r in report.results}


class TestMoneyIsReadAsWritten:
    """Issue 18, class 4: decimals come from the text of the scalar, in YAML and JSON, never through a float."""

    def test_a_hair_above_the_maximum_is_above_it(self) -> None:
        assert _statuses(_PROFILE.format("39.200000000000001"))["maximum"] == "fail"
        assert _statuses(_PROFILE_JSON.format("39.200000000000001"))["maximum"] == "fail"
        assert _statuses(_PROFILE.format("39.20")) == {"maximum": "pass", "decimals": "pass"}

    def test_three_decimals_count_three_quoted_or_not(self) -> None:
        for written in ("39.100", '"39.100"'):
            assert _statuses(_PROFILE.format(written))["decimals"] == "fail"
            assert _statuses(_PROFILE_JSON.format(written))["decimals"] == "fail"

    def test_seventeen_digits_stay_seventeen_digits(self) -> None:
        profile = parse_profile(_PROFILE.format("12345678901234567.89"))
        assert profile.size.care_revenue_eur == Decimal("12345678901234567.89")

    def test_yaml_float_spellings(self) -> None:
        for written, value in (("1_000.5", "1000.5"), (".5", "0.5"), ("1.5e+3", "1500"), ("7.", "7")):
            assert parse_profile(_PROFILE.format(written)).size.care_revenue_eur == Decimal(value)

    def test_infinity_and_nan_are_refused_as_numbers(self) -> None:
        for written in (".inf", ".nan", ".NaN", "-.inf"):
            with pytest.raises(kr.KwaliteitsregelsError) as raised:
                parse_profile(_PROFILE.format(written))
            assert [p.code for p in raised.value.problems] == ["schema.finite_number"]

    def test_a_float_from_python_is_what_was_typed(self) -> None:
        data = {"organisation": {"name": "X"}, "services": {"law_domains": ["jeugdwet"]}, "size": {}}
        for typed, value in ((39.2, "39.2"), (0.1 + 0.2, "0.30000000000000004"), (1e16, "1E+16")):
            data["size"] = {"care_revenue_eur": typed}
            read = kr.load_profile(data).size.care_revenue_eur
            assert read is not None
            assert read.as_tuple() == Decimal(value).as_tuple()

    @given(text=DECIMAL_TEXT)
    def test_any_decimal_written_unquoted_in_yaml_reads_exactly(self, text: str) -> None:
        read = parse_profile(_PROFILE.format(text)).size.care_revenue_eur
        assert read is not None
        assert read.as_tuple() == Decimal(text).as_tuple()

    @given(text=JSON_TEXT)
    def test_any_decimal_written_in_json_reads_exactly(self, text: str) -> None:
        read = parse_profile(_PROFILE_JSON.format(text)).size.care_revenue_eur
        assert read is not None
        assert read.as_tuple() == Decimal(text).as_tuple()
