"""The fuzz targets, free of atheris: libFuzzer drives them (fuzz_*.py), and so does Hypothesis in the tests.

Each target takes bytes and may raise nothing but the library's own `KwaliteitsregelsError`;
anything else (a TypeError, a RecursionError, a crash) is a bug.
"""

from __future__ import annotations

import contextlib
import math
import tempfile
import typing
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import kwaliteitsregels as kr
from kwaliteitsregels import _yaml, explain, loading
from kwaliteitsregels.checks import REGISTRY
from kwaliteitsregels.errors import KwaliteitsregelsError
from kwaliteitsregels.limits import Limits
from kwaliteitsregels.models import introspection
from kwaliteitsregels.models.profile import LotView, Profile
from kwaliteitsregels.monitoring import CompiledMonitoring, bundled_monitoring_rules, load_monitoring_rules, monitor
from kwaliteitsregels.monitoring.render import render_text
from kwaliteitsregels.reporting.registry import REPORTERS

ROOT = Path(__file__).resolve().parent.parent
SMALL = Limits(max_bytes=100_000, max_depth=40, max_nodes=5_000)
PEILDATA = (date(1, 1, 1), date(2019, 1, 1), date(2024, 2, 29), date(2026, 11, 23), date(9999, 12, 31))
SEED = "002_e6bd4ce0c9b21154.txt"
EXTREME_PROFILES: tuple[dict[str, Any], ...] = (
    {
        "organisation": {"name": "\x1b[31mZorg [bold]BV[/bold]\u202e", "founded_on": "0001-01-01"},
        "services": {"law_domains": ["jeugdwet", "wmo"], "target_groups": ["youth"]},
        "size": {"care_employees": 10**30, "care_revenue_eur": "1e3900", "clients_in_care": 0},
        "professionals": [{"id": "p", "vog_issued_on": "0001-01-01", "employed_since": "9999-12-31"}],
        "documents": [{"type": "vog", "issued_on": "0001-01-01", "valid_until": "9999-12-31"}],
        "declarations": {"governance": True},
        "registration": {"lots": ["1"], "products": [{"lot": "1", "code": "X", "tariff_eur": "0.001"}]},
    },
    {
        "organisation": {"name": "A"},
        "services": {"law_domains": ["wmo"]},
        "certificates": [{"scheme": "HKZ", "valid_until": "9999-12-31"}, {"scheme": "", "valid_from": "0001-01-01"}],
        "documents": [{"type": "kvk_extract", "issued_on": "9999-12-31"}],
        "explanations": [
            {"ruleset": "fuzz", "requirement": "r0", "text": "t", "given_by": "A", "given_on": "0001-01-01"},
        ],
    },
)
VALUES: tuple[Any, ...] = (
    "HKZ",
    "",
    "x",
    "bv",
    "jeugdwet",
    "youth",
    "SKJ",
    "2020-02-29",
    "2019-02-29",
    "2020-01-01T10:00:00+02:00",
    "P1Y",
    "P0D",
    "P",
    "P99999999999Y",
    "__import__('os')",
    "\x00",
    "1e99999",
    "1e-999999999",  # a billion zeros in a reason, once
    "NaN",
    0,
    1,
    -1,
    10**30,
    2**64,
    0.5,
    math.nan,
    math.inf,
    -0.0,
    1e308,
    True,
    False,
    None,
    date(1, 1, 1),
    date(9999, 12, 31),
    date(2024, 2, 29),
    Decimal("0.001"),
    Decimal("1e99999"),
    Decimal("1e-999999999"),
    [],
    ["HKZ"],
    [1, [2]],
    {},
    {"a": 1},
    {"present": "organisation.name"},
)
TABLES: tuple[list[Any], ...] = (
    ["HKZ", "ISO"],
    [{"code": "HKZ", "n": 1}, {"code": "ISO", "n": None}],
    [[1, 2]],
    [{"code": [1]}],
    [None],
    [math.nan, 1.5],
    [{"code": "HKZ"}, "x"],
    [{"form": "bv", "n": 10}, {"form": "bv", "n": 3}],
    [],
)
DURATIONS = ("P1Y", "P0D", "P4Y", "P1M", "P99999999Y", "P999999999999D", "P", "1Y", 5)


def _quietly(action: Callable[[], object]) -> None:
    """Run `action`; the library's own errors are expected, anything else propagates (a finding)."""
    with contextlib.suppress(KwaliteitsregelsError):
        action()


def exercise(report: kr.Report, *, every_format: bool = True) -> None:
    """What a caller can ask of a report: the formats (each in both languages, or JSON only), reasons, checklist."""
    report.to_json()
    for name, render in REPORTERS.items() if every_format else ():
        for lang in ("nl", "en"):
            render(report, lang, color=name == "text")
    for result in report.results:
        result.reason("en")
    explain.missing_documents(report)
    report.exit_code()


@cache
def rulesets() -> tuple[kr.CompiledRuleset, ...]:
    """The rulesets every fuzzed profile is evaluated against."""
    return (kr.load_ruleset(ROOT / "tests" / "fixtures" / "kitchen-sink.yaml"),)


@cache
def profiles() -> tuple[Profile, ...]:
    """The example profiles, and two made of extremes."""
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    return tuple(kr.load_profile(p) for p in examples) + tuple(kr.load_profile(p) for p in EXTREME_PROFILES)


def _evaluate_everywhere(profile: Profile, rulesets: Sequence[kr.CompiledRuleset], pick: int) -> None:
    for ruleset in rulesets:
        for peildatum in (PEILDATA[pick % len(PEILDATA)], date(2026, 11, 23)):
            report = _report(ruleset, profile, peildatum)
            if report is not None:
                exercise(report)


def loader(data: bytes) -> None:
    """Bytes → the safe reader → a profile (and a ruleset) → evaluation → every report format.

    Inputs starting with 0xFF are decisions instead: a profile built field by field from the model,
    mostly with values of the right type, handed over as a dict.
    """
    if data[:1] == b"\xff":
        _quietly(
            lambda: _evaluate_everywhere(kr.load_profile(profile_data(Source(data[1:]), Profile, 0)), rulesets(), 0)
        )
        return
    try:
        located = loading.parse_bytes(data, "<fuzz>", SMALL)
    except KwaliteitsregelsError:
        return
    _quietly(lambda: kr.load_ruleset(located.data, limits=SMALL) if isinstance(located.data, dict) else None)
    try:
        profile = loading._validate(Profile, located, kr.KwaliteitsregelsError)  # noqa: SLF001 - the located path
    except KwaliteitsregelsError:
        return
    _evaluate_everywhere(profile, rulesets(), data[0] if data else 0)


class Source:
    """Decisions drawn from fuzz bytes; zeros once they run out."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def byte(self) -> int:
        """The next byte (0 at the end)."""
        self.at += 1
        return self.data[self.at - 1] if self.at <= len(self.data) else 0

    def pick(self, options: Sequence[Any]) -> Any:
        """One of `options`."""
        return options[self.byte() % len(options)]

    def rest(self) -> bytes:
        """The bytes not used yet."""
        return self.data[self.at :]


@cache
def _paths(model: Any) -> tuple[tuple[str, ...], tuple[tuple[str, Any], ...]]:
    """Field paths below `model` and the lists of objects (path, item model) it holds."""
    fields: list[str] = []
    lists: list[tuple[str, Any]] = []

    def walk(current: Any, prefix: str) -> None:
        for name in introspection.field_names(current):
            annotation = introspection.child(current, name)
            item = introspection.list_item(annotation)
            if item is not None and introspection.model_class(item) is not None:
                lists.append((prefix + name, introspection.model_class(item)))
            fields.append(prefix + name)
            nested = introspection.model_class(annotation)
            if nested is not None:
                walk(nested, prefix + name + ".")

    walk(model, "")
    return tuple(fields), tuple(lists)


LEAF_VALUES: dict[Any, tuple[Any, ...]] = {
    date: (*PEILDATA, date(2023, 2, 28), date(2026, 1, 1), date(2025, 11, 23), "2020-02-29"),
    bool: (True, False, None),
    int: (0, 1, 5, 10**30, 3),
    Decimal: (0, "0.001", "1e99999", 45.555, Decimal("1e-30"), 100_000),
    str: ("HKZ", "ISO", "SKJ", "a", "", "\x1b[31m[bold]x", "12345678", "1", "2026-01-01", "kitchen-sink", "logic"),
}


def profile_data(src: Source, model: Any, depth: int) -> dict[str, Any]:
    """A profile (or a part of one) drawn field by field from the model."""
    data: dict[str, Any] = {}
    fields = model.model_fields
    for name in introspection.field_names(model):
        annotation = introspection.child(model, name)
        if (src.byte() % 3 and not fields[name].is_required()) or annotation is None:
            continue
        data[name] = _value_of(src, annotation, depth)
    if src.byte() % 16 == 0:
        data[src.pick(("x", "nam", "documnets"))] = src.pick(VALUES)
    return data


def _value_of(src: Source, annotation: Any, depth: int) -> Any:
    tp = introspection.unwrap(annotation)
    item = introspection.list_item(tp)
    if src.byte() % 32 == 0:
        return src.pick(VALUES)
    if introspection.model_class(tp) is not None:
        return profile_data(src, tp, depth + 1) if depth < 4 else {}
    if item is not None:
        return [_value_of(src, item, depth + 1) for _ in range(src.byte() % 4)]
    if typing.get_origin(tp) is typing.Literal:
        return src.pick(typing.get_args(tp))
    if typing.get_origin(tp) is dict:
        return {src.pick(("governance", "x")): src.pick((True, False)) for _ in range(src.byte() % 3)}
    return src.pick(LEAF_VALUES.get(tp, VALUES))


BAD_PATHS = ("", "x", "organisation", "organisation.nam", "professionals.id", "__import__('os').system", "a..b")
KEYWORDS = (*REGISTRY, "bogus", "")


def _field(src: Source, model: Any) -> Any:
    fields, lists = _paths(model)
    return src.pick((*fields, *fields, *(path for path, _ in lists), *BAD_PATHS, 5, None))


def condition(src: Source, model: Any, depth: int) -> Any:  # noqa: C901, PLR0911, PLR0912 - one branch per keyword family
    """A condition, mostly well-formed, in the scope of `model`."""
    name = src.pick(KEYWORDS)
    if depth <= 0 or src.byte() % 8 == 0:
        return src.pick(VALUES) if src.byte() % 4 == 0 else {name: _field(src, model)}
    if name in ("all", "any"):
        return {name: [condition(src, model, depth - 1) for _ in range(src.byte() % 4)]}
    if name == "not":
        return {name: condition(src, model, depth - 1)}
    if name == "at_least":
        items = [condition(src, model, depth - 1) for _ in range(src.byte() % 4)]
        return {name: {"n": src.pick((0, 1, 2, 5, -1, "1")), "of": items}}
    if name in ("every", "count"):
        _, lists = _paths(model)
        path, item = src.pick(lists) if lists and src.byte() % 4 else (_field(src, model), model)
        args: dict[str, Any] = {"items": path}
        if src.byte() % 2:
            args["where"] = condition(src, item, depth - 1)
        if name == "every":
            args["check"] = condition(src, item, depth - 1)
        else:
            args |= {key: src.pick((0, 1, 3, -1, None, "x")) for key in ("min", "max") if src.byte() % 2}
        return {name: args}
    if name in ("not_older_than", "older_than", "at_most_before"):
        args = {"field": _field(src, model), "duration": src.pick(DURATIONS)}
        return {name: args | ({"reference": _field(src, model)} if name == "at_most_before" else {})}
    if name in ("present", "not_expired", "declared"):
        return {name: src.pick(("governance", "nope")) if name == "declared" else _field(src, model)}
    args = {"field": _field(src, model)}
    extra = src.byte() % 6
    if extra == 0:
        args["value_of"] = _field(src, model)
    elif extra == 1:
        args["value_from"] = {"table": src.pick(("t", "u")), "match": {"code": _field(src, model)}, "column": "n"}
    elif extra in (2, 3):
        args |= {"values": [src.pick(VALUES) for _ in range(src.byte() % 3)], "table": src.pick(("t", "u"))}
        args |= {"column": "code"} if src.byte() % 2 else {"max": src.pick((0, 2, -1))}
    else:
        args["value"] = src.pick(VALUES)
    return {name: args}


def ruleset(src: Source) -> dict[str, Any]:
    """A ruleset around fuzzed conditions: when, condition, evidence, explain routes, lots."""
    per_lot = src.byte() % 5 == 0
    requirements = []
    for i in range(1 + src.byte() % 3):
        root = LotView if per_lot else Profile
        requirement: dict[str, Any] = {
            "id": f"r{i}",
            "title": "Eis",
            "text": "Tekst.",
            "source": {"document": "Fuzz", "section": "1", "seed": SEED},
            "category": "c",
            "law_scope": src.pick(("both", "wmo", "jeugdwet")),
            "condition": condition(src, root, 4),
            "evidence": [
                {"type": src.pick(("vog", "kvk_extract")), "due": "with_registration", "max_age": src.pick(DURATIONS)}
            ],
        }
        if src.byte() % 3 == 0:
            requirement["when"] = condition(src, root, 2)
        if src.byte() % 3 == 0:
            requirement["explain"] = {
                "kind": "deviation",
                "allowed_when": "x",
                "evidence": [{"type": "vog", "due": "before_award"}],
            }
        if per_lot:
            requirement["per"] = "lot"
        requirements.append(requirement)
    return {
        "id": "fuzz",
        "title": "Fuzz",
        "issuer": "fuzz",
        "version": "1",
        "valid_from": src.pick((date(1, 1, 1), date(2019, 1, 1), "2019-01-01")),
        "source": {"title": "Fuzz", "seed": SEED},
        "categories": [{"id": "c", "title": "C"}],
        "declarations": {"governance": "Governance"},
        "lots": [{"id": "1", "title": "Perceel 1"}] if per_lot else [],
        "tables": {"t": src.pick(TABLES), "u": src.pick(TABLES)},
        "requirements": requirements,
    }


def compiler(data: bytes) -> None:
    """Bytes → a ruleset with fuzzed conditions (built, or read as YAML) → compile → evaluate → report."""
    src = Source(data)
    spec = ruleset(src)
    if src.byte() % 4 == 0:  # the rest of the input is a condition in YAML
        try:
            spec["requirements"][0]["condition"] = _yaml.parse(src.rest().decode("utf-8", "replace"), "<fuzz>").data
        except KwaliteitsregelsError:
            return
    try:
        compiled = kr.load_ruleset(spec, limits=SMALL)
    except KwaliteitsregelsError:
        return
    every_format = src.byte() % 4 == 0
    chosen = [src.pick(profiles()), *profiles()[-len(EXTREME_PROFILES) :]]
    with contextlib.suppress(KwaliteitsregelsError):  # and a fuzzed profile for the fuzzed ruleset
        chosen.append(kr.load_profile(profile_data(src, Profile, 0)))
    for profile in chosen:
        for peildatum in (src.pick(PEILDATA), date(2026, 11, 23)):
            report = _report(compiled, profile, peildatum)
            if report is not None:
                exercise(report, every_format=every_format)


def _report(ruleset: kr.CompiledRuleset, profile: Profile, peildatum: date) -> kr.Report | None:
    try:
        return kr.evaluate(ruleset, profile, peildatum)
    except KwaliteitsregelsError:
        return None


@cache
def monitoring_rules() -> tuple[CompiledMonitoring, ...]:
    """Every bundled set of monitoring rules (the regions' contract obligations)."""
    return tuple(load_monitoring_rules(path) for path in bundled_monitoring_rules().values())


EVENT_SUFFIXES = (".jsonl", ".csv")


def monitoring(data: bytes) -> None:
    """Bytes → an event file (JSON lines, or CSV when the first byte is odd) → the ledger → the report.

    Against every bundled set of monitoring rules, as of a clock inside the streams' quarter: the
    report as JSON and text in both languages, and every finding's reason.
    """
    suffix = EVENT_SUFFIXES[data[0] % 2] if data else EVENT_SUFFIXES[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"gebeurtenissen{suffix}"
        path.write_bytes(data[1:])
        for rules in monitoring_rules():
            try:
                report = monitor(rules, path, clock=date(2026, 4, 1))
            except KwaliteitsregelsError:
                continue
            for lang in ("nl", "en"):
                report.to_json(lang)
                render_text(report, lang)
            for finding in report.findings:
                finding.reason("en")
