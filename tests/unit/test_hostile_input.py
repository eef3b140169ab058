"""Hostile and broken input: nothing crashes, nothing is lost, nothing runs that should not.

Every refusal is a `KwaliteitsregelsError` with a code, the file, and (for files) the line.
"""

from __future__ import annotations

import builtins
import os
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

import kwaliteitsregels as kr
from kwaliteitsregels.errors import InputError, ProfileError, RulesetError
from kwaliteitsregels.limits import DEFAULT_LIMITS, Limits
from kwaliteitsregels.loading import parse_profile

HOSTILE = Path(__file__).parent.parent / "fixtures" / "hostile"
KITCHEN_SINK = Path(__file__).parent.parent / "fixtures" / "kitchen-sink.yaml"
BASE = "organisation: {name: A}\nservices: {law_domains: [wmo]}\n"
BASE_DICT: dict[str, Any] = {"organisation": {"name": "A"}, "services": {"law_domains": ["wmo"]}}


def _refused(tmp_path: Path, content: str | bytes, name: str = "profiel.yaml") -> kr.KwaliteitsregelsError:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, "utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.load_profile(path)
    assert caught.value.first.file == str(path)
    return caught.value


# (name, file content, expected code, expected line)
YAML_CASES: list[tuple[str, str | bytes, str, int]] = [
    ("duplicate key, top", BASE + "organisation: {name: B}\n", "duplicate-key", 3),
    (
        "duplicate key, depth 2",
        "organisation:\n  name: A\n  name: B\nservices: {law_domains: [wmo]}\n",
        "duplicate-key",
        3,
    ),
    (
        "duplicate key, depth 4",
        BASE + "policies:\n  meldcode:\n    in_place: true\n    in_place: false\n",
        "duplicate-key",
        6,
    ),
    ("duplicate key in a list item", BASE + "documents:\n  - type: vog\n    type: uea\n", "duplicate-key", 5),
    ("tab indentation", "organisation:\n\tname: A\n", "yaml-syntax", 2),
    ("NUL byte", BASE + "x: \x00\n", "yaml-syntax", 3),
    ("control character", BASE + "x: \x07\n", "yaml-syntax", 3),
    ("lone surrogate escape (JSON)", '{"organisation": {"name": "\\ud800"}}', "yaml-syntax", 1),
    ("integer key", BASE + "1: a\n", "key-type", 3),
    ("null key", BASE + "~: a\n", "key-type", 3),
    ("complex key", BASE + "? [a, b]\n: c\n", "key-type", 3),
    ("YAML 1.1 'on' key", BASE + "on: 1\n", "key-type", 3),
    ("YAML 1.1 'yes' key", BASE + "yes: 1\n", "key-type", 3),
    ("!!python/object", BASE + "x: !!python/object:os.system {}\n", "yaml-tag", 3),
    ("!!python/object/apply", BASE + "x: !!python/object/apply:os.system ['true']\n", "yaml-tag", 3),
    ("!!python/name", BASE + "x: !!python/name:os.system\n", "yaml-tag", 3),
    ("!!binary", BASE + "x: !!binary aGVsbG8=\n", "yaml-tag", 3),
    ("!!set", BASE + "x: !!set {a, b}\n", "yaml-tag", 3),
    ("!!omap", BASE + "x: !!omap [{a: 1}]\n", "yaml-tag", 3),
    ("!!pairs", BASE + "x: !!pairs [{a: 1}]\n", "yaml-tag", 3),
    ("!!float on a mapping", BASE + "x: !!float {a: 1}\n", "yaml-tag", 3),
    ("!!str on a list", BASE + "x: !!str [a]\n", "yaml-tag", 3),
    ("!!bool that is no bool (was a KeyError)", BASE + "x: !!bool maybe\n", "yaml-tag", 3),
    ("!!timestamp that is no date (was an AttributeError)", BASE + "x: !!timestamp x\n", "yaml-tag", 3),
    ("!!null that would drop its value", BASE + "x: !!null foo\n", "yaml-tag", 3),
    ("custom tag", BASE + "x: !foo bar\n", "yaml-tag", 3),
    ("%TAG directive", "%TAG !e! tag:example.com,2000:\n---\n" + BASE + "x: !e!foo bar\n", "yaml-tag", 5),
    ("merge key", BASE + "a: &x {b: 1}\nc:\n  <<: *x\n", "yaml-merge", 5),
    ("octal", BASE + "size: {care_employees: 010}\n", "yaml-number", 3),
    ("hexadecimal", BASE + "size: {care_employees: 0x1A}\n", "yaml-number", 3),
    ("binary", BASE + "size: {care_employees: 0b11}\n", "yaml-number", 3),
    ("base 60", BASE + "size: {care_employees: 1:20}\n", "yaml-number", 3),
    ("base 60 float", BASE + "size: {care_revenue_eur: 1:20.5}\n", "yaml-number", 3),
    ("29 February 2019", BASE + "documents: [{type: vog, issued_on: 2019-02-29}]\n", "yaml-value", 3),
    ("month 13", BASE + "documents: [{type: vog, issued_on: 2020-13-01}]\n", "yaml-value", 3),
    ("year 0", BASE + "documents: [{type: vog, issued_on: 0000-01-01}]\n", "yaml-value", 3),
    ("integer with 5,000 digits", BASE + "size: {care_employees: " + "9" * 5000 + "}\n", "yaml-value", 3),
    # a billion zeros in the reason's text (the check hung), or decimal.Overflow from the euro amount
    ("a billion decimals", BASE + "size: {care_revenue_eur: 1.5e-999999999}\n", "value-size", 3),
    ("a billion digits", BASE + "size: {care_revenue_eur: 1.5e+999999999}\n", "value-size", 3),
    ("4,000 digits", BASE + "size: {care_revenue_eur: 1.0e+4000}\n", "value-size", 3),
    ("two documents", BASE + "---\n" + BASE, "yaml-syntax", 3),
    ("undefined alias", BASE + "x: *nope\n", "yaml-syntax", 3),
    ("duplicate anchor", BASE + "a: &x 1\nb: &x 2\n", "yaml-syntax", 4),
    ("not UTF-8", BASE.encode() + "x: café\n".encode("latin-1"), "encoding", 3),
    ("UTF-16", BASE.encode("utf-16"), "encoding", 1),
]


@pytest.mark.parametrize(("content", "code", "line"), [c[1:] for c in YAML_CASES], ids=[c[0] for c in YAML_CASES])
def test_broken_or_unsafe_yaml_is_refused_with_file_and_line(
    tmp_path: Path, content: str | bytes, code: str, line: int
) -> None:
    error = _refused(tmp_path, content)
    assert isinstance(error, InputError)
    assert (error.first.code, error.first.line) == (code, line), error
    assert error.first.column is not None or code == "too-large"
    assert error.first.message


def test_a_billion_laughs_stops_at_the_node_limit() -> None:
    with pytest.raises(InputError) as caught:
        kr.load_profile(HOSTILE / "billion-laughs.yaml")
    assert caught.value.first.code == "too-many-nodes"
    assert caught.value.first.file == str(HOSTILE / "billion-laughs.yaml")
    assert caught.value.first.line is not None


def test_a_wide_file_stops_at_the_node_limit(tmp_path: Path) -> None:
    wide = BASE + "x: [" + ",".join(["1"] * (DEFAULT_LIMITS.max_nodes + 1)) + "]\n"
    error = _refused(tmp_path, wide)
    assert (error.first.code, error.first.line) == ("too-many-nodes", 3)


@pytest.mark.parametrize(
    "nested",
    [
        "x: " + "[" * 100_000 + "]" * 100_000,  # libyaml's own composer crashed (segfault) on this
        "x: " + "{a: " * 10_000 + "1" + "}" * 10_000,
        "x:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(100)) + "  " * 101 + "1\n",
        "x:\n  " + "- " * 50_000 + "1\n",
    ],
    ids=["flow lists", "flow mappings", "block mappings", "block lists"],
)
def test_deep_nesting_is_refused_before_any_recursion(tmp_path: Path, nested: str) -> None:
    error = _refused(tmp_path, BASE + nested)
    assert error.first.code == "too-deep"
    assert error.first.line is not None
    assert error.first.line >= 3


def test_deep_json_arrays_are_refused(tmp_path: Path) -> None:
    error = _refused(tmp_path, '{"x": ' + "[" * 5000 + "]" * 5000 + "}", "profiel.json")
    assert (error.first.code, error.first.line) == ("too-deep", 1)


def test_nesting_up_to_the_limit_is_fine() -> None:
    deep = BASE + "declarations: {}\nx: " + "[" * DEFAULT_LIMITS.max_depth + "]" * DEFAULT_LIMITS.max_depth + "\n"
    with pytest.raises(ProfileError) as caught:  # read fine; only the unknown field 'x' is wrong
        parse_profile(deep)
    assert caught.value.first.code == "schema.extra_forbidden"


def test_the_size_limit_is_configurable_per_call(tmp_path: Path) -> None:
    path = tmp_path / "profiel.yaml"
    path.write_text(BASE + "# " + "x" * 200 + "\n", "utf-8")
    assert kr.load_profile(path).organisation.name == "A"
    with pytest.raises(InputError) as caught:
        kr.load_profile(path, limits=Limits(max_bytes=100))
    assert (caught.value.first.code, caught.value.first.file) == ("too-large", str(path))
    with pytest.raises(InputError):
        parse_profile(BASE * 10, limits=Limits(max_bytes=100))
    with pytest.raises(InputError) as nodes:
        kr.load_profile(BASE_DICT | {"size": {}}, limits=Limits(max_nodes=3))
    assert nodes.value.first.code == "too-many-nodes"
    with pytest.raises(InputError):
        kr.load_ruleset(KITCHEN_SINK, limits=Limits(max_bytes=1000))
    assert kr.load_ruleset(KITCHEN_SINK, limits=Limits(max_bytes=10_000_000)).id == "kitchen-sink"


@pytest.mark.parametrize("bad", [{"max_bytes": 0}, {"max_depth": -1}, {"max_nodes": 1.5}, {"max_depth": 10_000}])
def test_impossible_limits_are_a_usage_error(bad: dict[str, Any]) -> None:
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        Limits(**bad)
    assert caught.value.first.code == "limits"


def test_a_huge_file_is_not_read_into_memory(tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    with path.open("wb") as file:
        file.truncate(DEFAULT_LIMITS.max_bytes * 20)  # sparse: 100 MB of NUL bytes
    with pytest.raises(InputError) as caught:
        kr.load_profile(path)
    assert caught.value.first.code == "too-large"


def test_a_bom_is_fine_and_a_lone_surrogate_in_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    assert kr.load_profile(path).organisation.name == "A"
    with pytest.raises(InputError) as caught:
        parse_profile(BASE + "x: \ud800\n", "tekst")
    assert (caught.value.first.code, caught.value.first.line, caught.value.first.column) == ("encoding", 3, 4)


def test_yaml_1_1_surprises_are_either_refused_or_harmless() -> None:
    profile = parse_profile(BASE + "policies: {meldcode: {in_place: yes}}\nsize: {care_employees: 1_000}\n")
    assert profile.policies.meldcode is not None
    assert profile.policies.meldcode.in_place is True
    assert profile.size.care_employees == 1000
    with pytest.raises(ProfileError) as caught:  # the Norway problem: NO is false, and a name is text
        parse_profile("organisation: {name: NO}\nservices: {law_domains: [wmo]}\n")
    assert (caught.value.first.path, caught.value.first.line) == ("organisation.name", 1)
    with pytest.raises(ProfileError):
        parse_profile("organisation: {name: '0o17'}\nservices: {law_domains: [wmo]}\nx: 0o17\n")


def test_nothing_in_a_yaml_file_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        kr.load_profile(HOSTILE / "python-object.yaml")
    assert caught.value.first.code == "yaml-tag"
    assert not (tmp_path / "pwned.txt").exists()


# JSON is read by the same reader; these are its own edge cases.
def test_json_edge_cases(tmp_path: Path) -> None:
    error = _refused(tmp_path, '{"organisation": {"name": "A"}, "organisation": {"name": "B"}}', "p.json")
    assert (error.first.code, error.first.line) == ("duplicate-key", 1)
    for literal in ("NaN", "Infinity", "-Infinity", ".nan", ".inf"):
        error = _refused(tmp_path, f"{BASE}size: {{care_revenue_eur: {literal}}}\n", "p.json")
        assert (error.first.code, error.first.path, error.first.line) == (
            "schema.finite_number",
            "size.care_revenue_eur",
            3,
        )
        assert "eindig" in error.first.message
    error = _refused(
        tmp_path,
        '{"organisation": {"name": "A"}, "services": {"law_domains": ["wmo"]}, "size": {"care_employees": 1e99999}}',
        "p.json",
    )
    assert error.first.path == "size.care_employees"
    for text in ("1e99999", "1.5e999999999", "1e-3901", "0E-999999999"):  # as text, as JSON and spreadsheets give it
        with pytest.raises(kr.KwaliteitsregelsError) as caught:
            kr.load_profile({**BASE_DICT, "size": {"care_revenue_eur": text}})
        assert (caught.value.first.path, caught.value.first.code) == ("size.care_revenue_eur", "schema.value_error")
        assert "3.900 cijfers" in caught.value.first.message
    largest = kr.load_profile({**BASE_DICT, "size": {"care_revenue_eur": "1e3900"}})
    report = kr.evaluate(kr.load_ruleset(KITCHEN_SINK), largest, date(2026, 11, 23))
    assert "1E+3900" in report.to_json()


# Dicts from Python: the same refusals, with the path where the offending value stood.
def _cyclic_dict() -> dict[str, Any]:
    data: dict[str, Any] = dict(BASE_DICT)
    data["size"] = data
    return data


def _cyclic_list() -> dict[str, Any]:
    items: list[Any] = []
    items.append(items)
    return BASE_DICT | {"documents": items}


def _nested(depth: int) -> list[Any]:
    inner: list[Any] = []
    for _ in range(depth):
        inner = [inner]
    return inner


DICT_CASES: list[tuple[str, Any, str, str | None]] = [
    ("integer key", BASE_DICT | {1: "a"}, "key-type", None),
    ("integer key, nested", BASE_DICT | {"size": {2: 3}}, "key-type", "size"),
    ("tuple key", BASE_DICT | {("a",): 1}, "key-type", None),
    ("a dict containing itself", _cyclic_dict(), "cycle", "size"),
    ("a list containing itself", _cyclic_list(), "cycle", "documents[0]"),
    ("an object", BASE_DICT | {"organisation": {"name": object()}}, "not-plain-data", "organisation.name"),
    ("a set", BASE_DICT | {"services": {"law_domains": {"wmo"}}}, "not-plain-data", "services.law_domains"),
    ("bytes", BASE_DICT | {"organisation": {"name": b"A"}}, "not-plain-data", "organisation.name"),
    ("a function", BASE_DICT | {"organisation": {"name": print}}, "not-plain-data", "organisation.name"),
    ("a lone surrogate", BASE_DICT | {"organisation": {"name": "A\ud800"}}, "encoding", "organisation.name"),
    ("a lone surrogate key", BASE_DICT | {"\udfff": 1}, "encoding", "\udfff"),
    (
        "a Decimal that would become a 100,000-digit integer (crashed the report)",
        BASE_DICT | {"size": {"care_employees": Decimal("1e99999")}},
        "value-size",
        "size.care_employees",
    ),
    (
        "a Decimal with 99,999 decimals",
        BASE_DICT | {"size": {"care_revenue_eur": Decimal("1e-99999")}},
        "value-size",
        "size.care_revenue_eur",
    ),
    (
        "an integer too long to print",
        BASE_DICT | {"size": {"care_employees": 10**5000}},
        "value-size",
        "size.care_employees",
    ),
    ("deep nesting", BASE_DICT | {"x": _nested(DEFAULT_LIMITS.max_depth + 1)}, "too-deep", None),
]


@pytest.mark.parametrize(("data", "code", "path"), [c[1:] for c in DICT_CASES], ids=[c[0] for c in DICT_CASES])
def test_a_dict_that_is_not_plain_data_is_refused_with_its_path(data: Any, code: str, path: str | None) -> None:
    with pytest.raises(InputError) as caught:
        kr.load_profile(data)
    assert caught.value.first.code == code, caught.value
    assert caught.value.first.file == "<dict>"
    if path is not None:
        assert caught.value.first.path == path


def test_a_ruleset_dict_with_a_cycle_in_a_table_is_refused() -> None:
    """Regression: the cycle went through validation (tables hold Any) and crashed the content hash."""
    table: list[Any] = ["HKZ"]
    table.append(table)
    data = _kitchen_sink_dict()
    data["tables"]["schemes"] = table
    with pytest.raises(InputError) as caught:
        kr.load_ruleset(data)
    assert (caught.value.first.code, caught.value.first.path) == ("cycle", "tables.schemes[1]")


def _kitchen_sink_dict() -> dict[str, Any]:
    from kwaliteitsregels.loading import parse_bytes  # noqa: PLC0415 - the reader, without validation

    data: dict[str, Any] = parse_bytes(KITCHEN_SINK.read_bytes(), "kitchen-sink").data
    return data


def test_a_dict_is_copied_so_later_changes_cannot_reach_a_loaded_ruleset() -> None:
    data = _kitchen_sink_dict()
    ruleset = kr.load_ruleset(data)
    data["tables"]["schemes"].append({"code": "EIGEN"})
    data["requirements"].clear()
    assert len(ruleset.requirements) == len(ruleset.spec.requirements) > 0
    assert kr.load_ruleset(_kitchen_sink_dict()).content_hash == ruleset.content_hash


def test_tuples_dates_and_decimals_from_python_are_plain_data() -> None:
    profile = kr.load_profile(
        BASE_DICT
        | {
            "services": {"law_domains": ("wmo", "jeugdwet")},
            "size": {"care_revenue_eur": Decimal("12.50")},
            "documents": [{"type": "vog", "issued_on": date(2024, 2, 29)}],
        }
    )
    assert profile.services.law_domains == ["wmo", "jeugdwet"]


# Unknown fields are errors at every depth, with a suggestion.
@pytest.mark.parametrize(
    ("extra", "path", "suggestion", "line"),
    [
        ("documnets: []\n", "documnets", "documents", 3),
        ("size: {care_employes: 3}\n", "size.care_employes", "care_employees", 3),
        ("policies:\n  meldcode: {in_plaec: true}\n", "policies.meldcode.in_plaec", "in_place", 4),
        (
            "professionals:\n  - id: p\n    vog_isued_on: 2020-01-01\n",
            "professionals[0].vog_isued_on",
            "vog_issued_on",
            5,
        ),
        (
            "professionals:\n  - id: p\n    registrations:\n      - {registy: SKJ}\n",
            "professionals[0].registrations[0].registy",
            "registry",
            6,
        ),
    ],
)
def test_unknown_fields_at_every_depth_say_what_was_meant(extra: str, path: str, suggestion: str, line: int) -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile(BASE + extra, "profiel.yaml")
    found = {p.path: p for p in caught.value.problems}
    assert path in found, caught.value
    assert found[path].code == "schema.extra_forbidden"
    assert (found[path].suggestion, found[path].line, found[path].file) == (suggestion, line, "profiel.yaml")


# Dates.
@pytest.mark.parametrize(
    "value",
    [
        datetime(2020, 1, 1, tzinfo=UTC),
        datetime(2020, 1, 1),  # noqa: DTZ001 - a naive date-time is refused just the same
        "2020-01-01T00:00:00+02:00",
        "2020-01-01T00:00Z",
        "2020-01-01 00:00",
    ],
)
def test_a_date_time_where_a_date_is_expected_is_refused_not_truncated(value: Any) -> None:
    with pytest.raises(ProfileError) as caught:
        kr.load_profile(BASE_DICT | {"documents": [{"type": "vog", "issued_on": value}]})
    assert caught.value.first.path == "documents[0].issued_on"
    assert "zonder tijdstip" in caught.value.first.message


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"organisation": {"name": "A", "founded_on": "2020-01-01T00:00"}}, "organisation.founded_on"),
        ({"professionals": [{"id": "p1", "vog_issued_on": "2020-01-01 00:00"}]}, "professionals[0].vog_issued_on"),
    ],
)
def test_a_date_time_in_a_fact_from_the_vocabulary_is_refused_too(data: dict[str, Any], path: str) -> None:
    with pytest.raises(ProfileError) as caught:
        kr.load_profile(BASE_DICT | data, rulesets=[kr.load_ruleset("twente")])
    assert caught.value.first.path == path
    assert "zonder tijdstip" in caught.value.first.message


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    for sub in root.__subclasses__():
        found += [sub, *_models(sub)]
    return found


def test_every_date_field_of_every_model_reads_a_plain_date_only() -> None:
    """The plain-date check sits on each model's date fields (not on every field): none may be left out."""
    from kwaliteitsregels import monitoring  # noqa: F401, PLC0415 - its models, loaded
    from kwaliteitsregels.models import common, testcase  # noqa: F401, PLC0415

    for name in ("twente", "achterhoek-2019", "leeuwarden-dagbesteding"):  # the models built from vocabularies
        kr.load_ruleset(name)
    checked = 0
    for model in _models(common.Model):
        covered = {
            field
            for decorator in model.__pydantic_decorators__.field_validators.values()
            if decorator.info.mode == "before"
            and getattr(decorator.func, "__func__", decorator.func) is common._plain_date  # noqa: SLF001
            for field in decorator.info.fields
        }
        missing = common.date_fields(model) - covered
        assert not missing, f"{model.__module__}.{model.__qualname__}: {sorted(missing)}"
        checked += len(common.date_fields(model))
    assert checked > 30  # the profile's dates, the ruleset's, the assessments', the monitoring events'


def test_a_yaml_timestamp_with_a_time_zone_is_refused_with_its_line() -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile(BASE + "documents: [{type: vog, issued_on: 2020-01-01T00:00:00+02:00}]\n", "p.yaml")
    assert (caught.value.first.path, caught.value.first.line) == ("documents[0].issued_on", 3)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "geen getal"),
        (1_700_000_000, "geen getal"),
        ("20200101", "JJJJ-MM-DD"),
        ("2019-02-29", "geen bestaande datum"),
        ("2020-13-01", "geen bestaande"),
    ],
)
def test_numbers_and_impossible_dates_are_not_dates(value: Any, words: str) -> None:
    with pytest.raises(ProfileError) as caught:
        kr.load_profile(BASE_DICT | {"documents": [{"type": "vog", "issued_on": value}]})
    assert words in caught.value.first.message


def test_a_ruleset_date_time_is_refused_too(tmp_path: Path) -> None:
    data = _kitchen_sink_dict() | {"valid_from": "2019-01-01T00:00:00Z"}
    with pytest.raises(RulesetError) as caught:
        kr.load_ruleset(data)
    assert caught.value.first.path == "valid_from"


def _ruleset_with(condition: dict[str, Any], **extra: Any) -> dict[str, Any]:
    data = _kitchen_sink_dict()
    data["valid_from"] = date(1, 1, 1)
    data["requirements"] = [data["requirements"][0] | {"condition": condition, "evidence": []} | extra]
    return data


def test_documents_issued_after_the_peildatum_do_not_count_yet() -> None:
    spec = [{"type": "vog", "due": "with_registration"}]
    ruleset = kr.load_ruleset(_ruleset_with({"present": "organisation.name"}, evidence=spec))
    profile = kr.load_profile(BASE_DICT | {"documents": [{"type": "vog", "issued_on": "2026-12-01"}]})
    early = kr.evaluate(ruleset, profile, date(2026, 11, 23)).results[0]
    assert early.status is kr.Status.FAIL
    assert [(g.type, str(g.reason)) for g in early.gaps] == [("vog", "not_yet_issued")]
    assert kr.evaluate(ruleset, profile, date(2026, 12, 1)).results[0].status is kr.Status.PASS


@pytest.mark.parametrize(
    ("issued", "duration", "peildatum", "status"),
    [
        ("2023-02-28", "P1Y", date(2024, 2, 29), "pass"),  # 29 Feb minus a year is 28 Feb
        ("2023-02-27", "P1Y", date(2024, 2, 29), "fail"),
        ("2020-02-29", "P4Y", date(2024, 2, 29), "pass"),
        ("2020-02-28", "P4Y", date(2024, 2, 29), "fail"),
        ("0001-01-01", "P1Y", date(1, 6, 1), "pass"),  # the limit lies before the year 1: every date is recent
        ("0001-01-01", "P99999Y", date(9999, 12, 31), "pass"),
        ("9999-12-31", "P1D", date(9999, 12, 31), "pass"),
    ],
)
def test_ages_on_leap_days_and_at_the_ends_of_the_calendar(
    issued: str, duration: str, peildatum: date, status: str
) -> None:
    condition = {
        "every": {
            "items": "professionals",
            "check": {"not_older_than": {"field": "vog_issued_on", "duration": duration}},
        }
    }
    spec = [{"type": "vog", "due": "with_registration", "max_age": duration}]
    ruleset = kr.load_ruleset(_ruleset_with(condition, evidence=spec))
    profile = kr.load_profile(
        BASE_DICT
        | {"professionals": [{"id": "p", "vog_issued_on": issued}], "documents": [{"type": "vog", "issued_on": issued}]}
    )
    report = kr.evaluate(ruleset, profile, peildatum)
    assert str(report.results[0].status) == status
    assert report.to_json()


def test_far_dates_never_overflow() -> None:
    conditions = [
        {"older_than": {"field": "organisation.founded_on", "duration": "P99999999Y"}},
        {"not_older_than": {"field": "organisation.founded_on", "duration": "P999999999999D"}},
        {
            "at_most_before": {
                "field": "organisation.founded_on",
                "reference": "organisation.founded_on",
                "duration": "P10000Y",
            }
        },
        {"not_expired": "organisation.founded_on"},
    ]
    ruleset = kr.load_ruleset(
        _ruleset_with(
            {"all": conditions}, evidence=[{"type": "vog", "due": "with_registration", "max_age": "P99999999Y"}]
        )
    )
    for founded in ("0001-01-01", "9999-12-31"):
        profile = kr.load_profile(BASE_DICT | {"organisation": {"name": "A", "founded_on": founded}})
        for peildatum in (date.min, date(2024, 2, 29), date.max):
            report = kr.evaluate(ruleset, profile, peildatum)
            assert report.results[0].status in set(kr.Status)
            assert report.to_json()


# Conditions are data: nothing in a ruleset reaches eval, exec or import.
@pytest.mark.parametrize(
    ("condition", "code"),
    [
        ({"equals": {"field": "__import__('os').system('true')", "value": 1}}, "unknown-field"),
        ({"present": "__class__.__init__.__globals__"}, "unknown-field"),
        ({"present": "organisation.__class__"}, "unknown-field"),
        ({"minimum": {"field": "size.care_employees", "value": "__import__('os').getpid()"}}, "value-type"),
        ({"not_expired": "organisation.name.__len__"}, "unknown-field"),
        ({"__import__": "os"}, "unknown-keyword"),
        ({"equals": {"field": "organisation.legal_form", "value": "eval('1')"}}, "value-type"),
    ],
)
def test_condition_text_never_reaches_python(
    condition: dict[str, Any], code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(args)

    for name in ("eval", "exec"):
        monkeypatch.setattr(builtins, name, forbidden)
    monkeypatch.setattr(os, "system", forbidden)
    monkeypatch.setattr(subprocess, "Popen", forbidden)
    with pytest.raises(RulesetError) as caught:
        kr.load_ruleset(_ruleset_with(condition))
    assert any(p.code.endswith(code) for p in caught.value.problems), caught.value
    assert caught.value.first.path is not None


def test_a_text_value_that_looks_like_code_is_just_text() -> None:
    ruleset = kr.load_ruleset(_ruleset_with({"equals": {"field": "organisation.name", "value": "__import__('os')"}}))
    named = kr.load_profile(BASE_DICT | {"organisation": {"name": "__import__('os')"}})
    assert kr.evaluate(ruleset, named, date(2026, 1, 1)).results[0].status is kr.Status.PASS


def test_a_table_file_outside_the_ruleset_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "geheim.yaml").write_text("- wachtwoord\n", "utf-8")
    folder = tmp_path / "regelset"
    folder.mkdir()
    text = KITCHEN_SINK.read_text("utf-8").replace(
        "schemes: [{code: HKZ}, {code: ISO}]", "schemes: {file: ../geheim.yaml}"
    )
    (folder / "ruleset.yaml").write_text(text, "utf-8")
    with pytest.raises(RulesetError) as caught:
        kr.load_ruleset(folder)
    assert caught.value.first.code == "table-file"
    assert caught.value.first.line is not None


def test_a_table_key_of_the_wrong_type_is_a_ruleset_error() -> None:
    """Regression (found by the compiler fuzzer): the key cell's ValidationError escaped the compiler."""
    lookup = {"table": "forms", "match": {"self": "organisation.self_employed"}, "column": "n"}
    data = _ruleset_with({"minimum": {"field": "size.care_employees", "value_from": lookup}})
    data["tables"]["forms"] = [{"self": "HKZ", "n": 3}]
    with pytest.raises(RulesetError) as caught:
        kr.load_ruleset(data)
    assert caught.value.first.code == "value-type"
    assert caught.value.first.path == "requirements[0].condition.minimum.value_from.match.self"


def test_every_text_field_of_every_model_refuses_blank_text() -> None:
    """The blank-text check sits on the fields that can hold text (put there as a class is built): none left out."""
    from kwaliteitsregels import monitoring  # noqa: F401, PLC0415 - its models, loaded
    from kwaliteitsregels.models import common, introspection, testcase  # noqa: F401, PLC0415

    for name in ("twente", "achterhoek-2019", "leeuwarden-dagbesteding"):  # the models built from vocabularies
        kr.load_ruleset(name)
    checked = 0
    for model in _models(common.Model):
        for name, info in model.model_fields.items():
            if introspection.unwrap(info.annotation) is not str:
                continue
            key = info.alias if isinstance(info.alias, str) else name
            with pytest.raises(ValidationError) as caught:
                model.model_validate({key: " \u00a0"})
            refused = [e["msg"] for e in caught.value.errors() if e["loc"] == (key,)]  # or by its pattern, its length
            assert refused, f"{model.__module__}.{model.__qualname__}.{name}: {caught.value.errors()}"
            checked += any("witruimte" in message for message in refused)
    assert checked > 100  # refused as blank text, not by another rule of the field


def _blank_checks(node: Any) -> list[bool]:
    """For each blank-text check in a core schema: whether it sits directly on another one."""
    found: list[bool] = []
    if isinstance(node, dict):
        if node.get("type") == "function-after" and node["function"].get("function") is common_not_blank():
            inner = node["schema"]
            found.append(
                inner.get("type") == "function-after" and inner["function"].get("function") is common_not_blank()
            )
        for value in node.values():
            found += _blank_checks(value)
    elif isinstance(node, list):
        for value in node:
            found += _blank_checks(value)
    return found


def common_not_blank() -> Any:
    from kwaliteitsregels.models import common  # noqa: PLC0415

    return common._not_blank  # noqa: SLF001 - the check itself, to find it in the schema


def test_a_model_held_by_another_is_checked_for_blank_text_once() -> None:
    """A model's schema is met again where another model holds it: its text fields get the check once."""
    for model in (
        kr.Profile,
        kr.load_ruleset("twente").models.profile,
        kr.load_ruleset("achterhoek-2019").models.profile,
    ):
        checks = _blank_checks(model.__pydantic_core_schema__)
        assert len(checks) > 25
        assert not any(checks)
