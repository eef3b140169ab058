"""Hostile and careless input, round two, classes 5 to 12: each class a regression test and a property test."""

from __future__ import annotations

import contextlib
import functools
import inspect
import io
import json
import os
import tempfile
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main
from kwaliteitsregels.limits import Limits
from kwaliteitsregels.loading import parse_profile
from kwaliteitsregels.models import introspection
from kwaliteitsregels.monitoring.loading import load_monitoring_rules
from kwaliteitsregels.reporting.registry import REPORTERS

ROOT = Path(__file__).resolve().parents[2]
# Loading and evaluating take their time on a shared machine: no deadline per example.
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXAMPLE = ROOT / "examples" / "zzp-jeugdhulp.yaml"
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


def ruleset_text(**conditions: str) -> str:
    """A small ruleset with one requirement per keyword argument (id → condition in YAML flow style)."""
    head = (
        f"id: test\ntitle: Testkader\nissuer: test\nversion: '1'\nvalid_from: 2019-01-01\n"
        f"source: {{title: Testkader, seed: {SEED}}}\ncategories: [{{id: c, title: Categorie}}]\nrequirements:"
    )
    return head + "".join(_RULE.format(id=key, seed=SEED, condition=value) for key, value in conditions.items())


def codes(error: kr.KwaliteitsregelsError) -> list[str]:
    return [problem.code for problem in error.problems]


# --- class 5: booleans read as numbers -----------------------------------------------------------

# Every spelling YAML 1.1 reads as a bool.
BOOL_WORDS = [
    spelled
    for word in ("yes", "no", "true", "false", "on", "off")
    for spelled in (word, word.capitalize(), word.upper())
]
_NUMBER_TYPES = (int, float, Decimal)
_PROFILE = "organisation: {{name: X}}\nservices: {{law_domains: [jeugdwet]}}\nsize: {{care_employees: {}}}\n"


def _number_paths(model: Any, prefix: tuple[str, ...] = (), depth: int = 0) -> Iterator[tuple[str, ...]]:
    """Every path to a number field of `model`, through nested models (not lists or dicts)."""
    for name, info in introspection.model_class(model).model_fields.items():  # type: ignore[union-attr]
        tp = introspection.unwrap(info.annotation)
        key = info.alias or name
        if isinstance(tp, type) and issubclass(tp, _NUMBER_TYPES) and not issubclass(tp, bool):
            yield (*prefix, key)
        elif introspection.model_class(tp) is not None and depth < 6:
            yield from _number_paths(tp, (*prefix, key), depth + 1)


NUMBER_PATHS = sorted(_number_paths(kr.Profile))


def _nest(path: tuple[str, ...], value: object) -> dict[str, Any]:
    data: Any = value
    for key in reversed(path):
        data = {key: data}
    return data  # type: ignore[no-any-return]


class TestNoBoolIsANumber:
    """Issue 18, class 5: `yes`, `true` and Python's `True` never become 1."""

    def test_the_reported_cases(self) -> None:
        for written in ("yes", "true", "True", "on"):
            with pytest.raises(kr.KwaliteitsregelsError) as raised:
                parse_profile(_PROFILE.format(written))
            assert codes(raised.value) == ["schema.int_type"]
            assert raised.value.problems[0].line == 3
        data = {"organisation": {"name": "X"}, "services": {"law_domains": ["jeugdwet"]}}
        data |= {"size": {"care_employees": True}}
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_profile(data)
        assert codes(raised.value) == ["schema.int_type"]
        assert raised.value.problems[0].path == "size.care_employees"

    def test_numbers_and_real_bools_still_read(self) -> None:
        assert parse_profile(_PROFILE.format("12")).size.care_employees == 12
        assert parse_profile(_PROFILE.format("0")).size.care_employees == 0

    def test_a_bool_as_a_value_or_an_argument_in_a_ruleset(self, tmp_path: Path) -> None:
        (tmp_path / "ruleset.yaml").write_text(
            ruleset_text(
                a="{greater_than: {field: size.care_employees, value: true}}",
                b="{decimals: {field: size.care_revenue_eur, max: yes}}",
            ),
            "utf-8",
        )
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_ruleset(tmp_path)
        assert len(raised.value.problems) == 2
        assert codes(raised.value)[0] == "value-type"

    def test_the_profile_has_number_fields_to_walk(self) -> None:
        assert ("size", "care_employees") in NUMBER_PATHS
        assert ("size", "care_revenue_eur") in NUMBER_PATHS

    @SLOW
    @given(path=st.sampled_from(NUMBER_PATHS), value=st.booleans())
    def test_no_number_field_takes_a_bool_from_a_dict(self, path: tuple[str, ...], value: bool) -> None:
        data = {"organisation": {"name": "X"}, "services": {"law_domains": ["jeugdwet"]}} | _nest(path, value)
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_profile(data)
        assert ".".join(path) in [problem.path for problem in raised.value.problems]

    @SLOW
    @given(path=st.sampled_from(NUMBER_PATHS), word=st.sampled_from(BOOL_WORDS))
    def test_no_number_field_takes_a_yaml_bool(self, path: tuple[str, ...], word: str) -> None:
        text = "organisation: {name: X}\nservices: {law_domains: [jeugdwet]}\n"
        text += "".join(f"{'  ' * i}{key}:\n" for i, key in enumerate(path[:-1]))
        text += f"{'  ' * (len(path) - 1)}{path[-1]}: {word}\n"
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            parse_profile(text)
        assert ".".join(path) in [problem.path for problem in raised.value.problems]


# --- class 6: JUnit, SARIF and JSON stay valid for any input -----------------------------------------


@functools.cache
def _twente() -> kr.CompiledRuleset:
    return kr.load_ruleset("twente")


def _named(name: str) -> dict[str, Any]:
    data = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    data["organisation"]["name"] = name
    return data  # type: ignore[no-any-return]


def _assert_machine_readable(report: kr.Report) -> None:
    for fmt, render in REPORTERS.items():
        output = render(report, "nl", color=False)
        if fmt == "junit":
            ET.fromstring(output.encode("utf-8"))  # noqa: S314 - our own output; expat refuses what XML 1.0 forbids
        elif fmt in {"json", "sarif"}:
            json.loads(output)
            output.encode("utf-8")  # no lone surrogate either


class TestMachineReadableOutputStaysValid:
    """Issue 18, class 6: any text in the input leaves JUnit well-formed and JSON and SARIF parseable."""

    def test_the_reported_characters(self) -> None:
        for name in ("a\x01b", "a\x0bb", "a\x00b", "a\ufffeb", "\x1b]0;x\x07"):
            report = kr.evaluate(_twente(), kr.load_profile(_named(name)), date(2026, 11, 23))
            _assert_machine_readable(report)
        junit = REPORTERS["junit"](report, "nl", color=False)
        assert "␛]0;x␇" in junit  # shown, not dropped

    @settings(SLOW, max_examples=25)
    @given(name=st.text(st.characters(codec="utf-8"), min_size=1, max_size=20).filter(lambda s: s.strip()))
    def test_any_provider_name(self, name: str) -> None:
        report = kr.evaluate(_twente(), kr.load_profile(_named(name)), date(2026, 11, 23))
        _assert_machine_readable(report)


# --- class 7: empty and degenerate calls are refused -----------------------------------------------

_BLANK = st.text(" \t\u00a0\u2003\u3000", min_size=1, max_size=6)  # white space only: ASCII and Unicode


def _example() -> dict[str, Any]:
    return yaml.safe_load(EXAMPLE.read_text("utf-8"))  # type: ignore[no-any-return]


class TestDegenerateCallsAreRefused:
    """Issue 18, class 7: nothing to check, empty combinators, blank names, decisions before explanations."""

    def test_evaluate_all_with_no_ruleset(self) -> None:
        profile = kr.load_profile(_example())
        nothings: list[Any] = [[], (), iter([])]
        for nothing in nothings:
            with pytest.raises(kr.KwaliteitsregelsError) as raised:
                kr.evaluate_all(nothing, profile, date(2026, 11, 23))
            assert codes(raised.value) == ["argument-value"]
        for wrong in (_twente(), "twente", None):
            with pytest.raises(kr.KwaliteitsregelsError) as raised:
                kr.evaluate_all(wrong, profile, date(2026, 11, 23))  # type: ignore[arg-type]
            assert codes(raised.value) == ["argument-type"]

    @pytest.mark.parametrize("keyword", ["all", "any"])
    def test_an_empty_all_or_any_does_not_load(self, keyword: str, tmp_path: Path) -> None:
        (tmp_path / "ruleset.yaml").write_text(ruleset_text(a=f"{{{keyword}: []}}"), "utf-8")
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_ruleset(tmp_path)
        assert codes(raised.value) == [f"{keyword}.schema.too_short"]

    @SLOW
    @given(blank=_BLANK)
    def test_a_blank_provider_name_is_refused(self, blank: str) -> None:
        data = _example()
        data["organisation"]["name"] = blank
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_profile(data)
        assert [p.path for p in raised.value.problems] == ["organisation.name"]

    @SLOW
    @given(blank=_BLANK, field=st.sampled_from(["id", "title", "issuer"]))
    def test_a_blank_ruleset_id_or_title_is_refused(self, blank: str, field: str) -> None:
        data = yaml.safe_load(ruleset_text(a="{all: [{declared: x}]}"))
        data[field] = blank
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_ruleset(data)
        assert any((p.path or "").startswith(field) for p in raised.value.problems)

    @SLOW
    @given(blank=_BLANK)
    def test_a_blank_requirement_id_is_refused(self, blank: str) -> None:
        data = yaml.safe_load(ruleset_text(a="{all: [{declared: x}]}"))
        data["requirements"][0]["id"] = blank
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_ruleset(data)
        assert "requirements[0].id" in [p.path for p in raised.value.problems]

    @SLOW
    @given(days=st.integers(1, 4000))
    def test_an_assessment_before_its_explanation_is_refused(self, days: int) -> None:
        data = _example()
        explanation = data["explanations"][0]
        explanation["assessment"]["decided_on"] = explanation["given_on"] - timedelta(days=days)
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_profile(data)
        assert codes(raised.value) == ["schema.assessment_before_explanation"]
        assert raised.value.problems[0].path == "explanations[0].assessment.decided_on"

    def test_an_assessment_on_the_day_of_its_explanation_is_fine(self) -> None:
        data = _example()
        explanation = data["explanations"][0]
        explanation["assessment"]["decided_on"] = explanation["given_on"]
        kr.load_profile(data)

    def test_an_assessment_file_deciding_before_the_explanation(self) -> None:
        data = _example()
        explanation = data["explanations"][0]
        del explanation["assessment"]
        record = {"ruleset": explanation["ruleset"], "requirement": explanation["requirement"], "decision": "accepted"}
        record |= {"by": "R. Beoordelaar", "decided_on": explanation["given_on"] - timedelta(days=1)}
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.evaluate(
                _twente(),
                kr.load_profile(data),
                date(2026, 11, 23),
                assessments=kr.load_assessments({"assessments": [record]}),
            )
        assert "assessment-before-explanation" in codes(raised.value)


# --- class 8: reads are bounded, and only regular files are read --------------------------------------


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


class TestReadsAreBounded:
    """Issue 18, class 8: size limits before any read, on every input path; devices, pipes and folders refused."""

    def test_a_device_is_refused_without_reading_it(self) -> None:
        for load in (kr.load_profile, kr.load_ruleset, kr.load_assessments):
            with pytest.raises(kr.KwaliteitsregelsError) as raised:
                load("/dev/zero")
            assert codes(raised.value) == ["not-a-file"]
        result = _cli("validate", "/dev/zero", "--kind", "profile")
        assert result.exit_code == 1
        assert "not-a-file" in result.output
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            load_monitoring_rules("/dev/zero")
        assert codes(raised.value) == ["not-a-file"]

    def test_a_named_pipe_without_a_writer_is_refused_at_once(self, tmp_path: Path) -> None:
        pipe = tmp_path / "profiel.yaml"
        os.mkfifo(pipe)
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_profile(pipe)
        assert codes(raised.value) == ["not-a-file"]
        assert "not-a-file" in _cli("validate", str(pipe), "--kind", "profile").output
        assert "not-a-file" in _cli("check", str(pipe), "-r", "twente").output

    def test_a_huge_one_line_file_is_refused_from_its_size(self, tmp_path: Path) -> None:
        huge = tmp_path / "profiel.json"
        with huge.open("wb") as file:
            file.write(b'{"organisation": {"name": "')
            file.truncate(100_000_000)  # sparse: a 100 MB line costs no disk
        tracemalloc.start()
        try:
            result = _cli("validate", str(huge), "--kind", "profile")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert "too-large" in result.output
        assert peak < 20_000_000

    @SLOW
    @given(size=st.integers(0, 3000), limit=st.integers(1, 2000))
    def test_a_file_is_too_large_exactly_when_its_size_says_so(self, size: int, limit: int) -> None:
        with tempfile.TemporaryDirectory() as name:
            path = Path(name) / "profiel.yaml"
            path.write_bytes(b"#" * size)  # a comment: nothing to read but its length
            for load in (kr.load_profile, kr.load_ruleset, kr.load_assessments):
                with pytest.raises(kr.KwaliteitsregelsError) as raised:
                    load(path, limits=Limits(max_bytes=limit))
                assert ("too-large" in codes(raised.value)) == (size > limit)  # no BOM: every byte counts


# --- class 9: base rulesets are confined like table files ------------------------------------------------

_OUTSIDE = st.sampled_from(["/etc/passwd", "../../geheim.yaml", "../../../etc/hostname", "a/../../../x", "a\x00b"])


_A_FIELD = "{greater_than: {field: size.care_employees, value: 1}}"


class TestBaseRulesetsStayInTheirPlace:
    """Issue 18, class 9: `builds_on` names a bundled ruleset or a ruleset beside this one, nothing else."""

    def test_builds_on_etc_passwd_reads_nothing(self, tmp_path: Path) -> None:
        folder = tmp_path / "rulesets" / "mijn"
        folder.mkdir(parents=True)
        (folder / "ruleset.yaml").write_text(ruleset_text(a=_A_FIELD) + "\nbuilds_on: [/etc/passwd]\n", "utf-8")
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_ruleset(folder)
        assert codes(raised.value) == ["builds-on-file"]
        assert "x:0:0" not in str(raised.value)  # nothing of the file it named

    def test_a_bundled_base_and_a_sibling_still_load(self, tmp_path: Path) -> None:
        root = tmp_path / "rulesets"
        for name, condition, extra in (
            ("basis", "{equals: {field: organisation.name, value: basis}}", ""),
            ("mijn", _A_FIELD, "\nbuilds_on: [wmo2015, ../basis]\n"),
        ):
            (root / name).mkdir(parents=True)
            text = ruleset_text(**{name: condition}).replace("id: test", f"id: {name}", 1) + extra
            (root / name / "ruleset.yaml").write_text(text, "utf-8")
        assert [base.id for base in kr.load_ruleset(root / "mijn").bases] == ["wmo2015", "basis"]

    @SLOW
    @given(name=_OUTSIDE, via_dict=st.booleans())
    def test_any_path_outside_is_refused(self, name: str, via_dict: bool) -> None:
        with tempfile.TemporaryDirectory() as temp:
            folder = Path(temp) / "rulesets" / "mijn"
            folder.mkdir(parents=True)
            data = yaml.safe_load(ruleset_text(a=_A_FIELD)) | {"builds_on": [name]}
            (folder / "ruleset.yaml").write_text(yaml.safe_dump(data), "utf-8")
            with pytest.raises(kr.KwaliteitsregelsError) as raised:
                kr.load_ruleset(data if via_dict else folder)
            assert codes(raised.value) == ["builds-on-file"]


# --- class 12: UTF-16 and UTF-32 without a BOM are an encoding error ------------------------------------

_WIDE = ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]


class TestWideEncodingsSaySo:
    """Issue 18, class 12: a file in UTF-16 without a BOM is 'not UTF-8', not 'U+0000 not allowed'."""

    @pytest.mark.parametrize("encoding", [*_WIDE, "utf-16", "utf-32"])
    def test_an_example_profile_in_a_wide_encoding(self, encoding: str, tmp_path: Path) -> None:
        path = tmp_path / "profiel.yaml"
        path.write_bytes(EXAMPLE.read_text("utf-8").encode(encoding))
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            kr.load_profile(path)
        assert codes(raised.value) == ["encoding"]
        assert "UTF-8" in raised.value.problems[0].message

    @SLOW
    @given(
        text=st.text(st.characters(codec="latin-1", exclude_categories=["Cc"]), min_size=1, max_size=40),
        encoding=st.sampled_from(_WIDE),
    )
    def test_any_text_in_a_wide_encoding_is_an_encoding_error(self, text: str, encoding: str) -> None:
        with tempfile.TemporaryDirectory() as name:
            path = Path(name) / "profiel.yaml"
            path.write_bytes(f"naam: {text}\n".encode(encoding))
            for load in (kr.load_profile, kr.load_ruleset, kr.load_assessments):
                with pytest.raises(kr.KwaliteitsregelsError) as raised:
                    load(path)
                assert codes(raised.value) == ["encoding"]


# --- class 10: no crash on output ------------------------------------------------------------------------

_MATH = ["$", "$x^$", "a $b$ c", "$\\frac{$", "$$", "\\$", "$\\undefined$", "100$ per uur"]


def _draw_every_chart(name: str) -> None:
    import matplotlib as mpl  # noqa: PLC0415 - optional extra

    mpl.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    from kwaliteitsregels.reporting import charts  # noqa: PLC0415

    combined = kr.evaluate_all([_twente()], kr.load_profile(_named(name)), date(2026, 11, 23))
    report = combined.reports[0]
    for figure in (
        charts.status_chart(report),
        charts.summary_chart([report]),
        charts.explanations_chart([report]),
        charts.expiring_chart(report, 120),
        charts.frameworks_chart(combined),
    ):
        figure.savefig(io.BytesIO(), format="png")
        plt.close(figure)


class TestOutputNeverCrashes:
    """Issue 18, class 10: `$` in names for charts, unwritable `-o`, `-o` onto an input."""

    def test_dollar_signs_in_a_provider_name(self) -> None:
        for name in _MATH:
            _draw_every_chart(name)

    @settings(SLOW, max_examples=10)
    @given(name=st.lists(st.sampled_from([*_MATH, "{", "}", "^", "_", "\\", "a"]), min_size=1, max_size=6).map("".join))
    def test_any_mathtext_in_a_provider_name(self, name: str) -> None:
        _draw_every_chart(name)

    def test_an_unwritable_output_is_exit_code_two(self, tmp_path: Path) -> None:
        profile = tmp_path / "p.yaml"
        profile.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
        args = ("check", str(profile), "-r", "twente", "--peildatum", "2026-11-23", "-o")
        result = _cli(*args, str(tmp_path / "nope" / "out.txt"))
        assert result.exit_code == 2
        assert "output-unwritable" in result.output
        assert "Traceback" not in result.output

    @SLOW
    @given(spelling=st.sampled_from(["{d}/p.yaml", "{d}/./p.yaml", "{d}/sub/../p.yaml", "{d}/link.yaml"]))
    def test_output_onto_an_input_is_refused_and_the_input_kept(self, spelling: str) -> None:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            (folder / "sub").mkdir()
            profile = folder / "p.yaml"
            original = EXAMPLE.read_bytes()
            profile.write_bytes(original)
            (folder / "link.yaml").symlink_to(profile)
            target = spelling.format(d=folder)
            for command in ("check", "report"):
                result = _cli(command, str(profile), "-r", "twente", "--peildatum", "2026-11-23", "-o", target)
                assert result.exit_code == 2, result.output
                assert "output-is-input" in result.output
            assert profile.read_bytes() == original


# --- class 11: every public call raises the library's own errors -----------------------------------------

WRONG = [None, 1, 1.5, "nope", "fr", "", b"x", {}, [], (), object(), date(2026, 1, 1), Decimal("NaN")]


def _public_methods(obj: object) -> Iterator[tuple[str, Any, inspect.Signature]]:
    """Every public method the library itself defines on `obj` (not pydantic's own)."""
    for name in dir(type(obj)):
        attribute = getattr(type(obj), name)
        module = getattr(attribute, "__module__", "") or ""
        if name.startswith("_") or not callable(attribute) or not module.startswith("kwaliteitsregels"):
            continue
        yield name, getattr(obj, name), inspect.signature(getattr(obj, name))


def _family_only(call: Any, *args: Any, **kwargs: Any) -> None:
    """Call; only the library's own errors may come out (anything else fails the test)."""
    with contextlib.suppress(kr.KwaliteitsregelsError):
        call(*args, **kwargs)


class TestEveryPublicCallRaisesTheFamily:
    """Issue 18, class 11: wrong types and unknown names, through the whole public API."""

    def test_the_reported_calls(self) -> None:
        combined = kr.evaluate_all([_twente()], kr.load_profile(_example()), date(2026, 11, 23))
        report = combined.reports[0]
        for call in (
            lambda: report.to_json(lang="fr"),  # type: ignore[arg-type]
            lambda: report.results[0].reason("fr"),  # type: ignore[arg-type]
            lambda: kr.load_profile(_example(), limits={}),  # type: ignore[arg-type]
            lambda: report.result("nope"),
        ):
            with pytest.raises(kr.KwaliteitsregelsError):
                call()
        with pytest.raises(KeyError):  # an unknown requirement is still a KeyError as well
            report.result("nope")
        with pytest.raises(kr.KwaliteitsregelsError) as raised:
            report.result("1aa")
        assert codes(raised.value) == ["unknown-name"]

    @SLOW
    @given(value=st.sampled_from(WRONG), which=st.integers(0, 1000))
    def test_every_method_with_a_wrong_argument(self, value: object, which: int) -> None:
        combined = _combined()
        report = combined.reports[0]
        objects: list[object] = [combined, report, report.results[0], report.ruleset]
        calls = [(method, sig) for obj in objects for _, method, sig in _public_methods(obj)]
        method, sig = calls[which % len(calls)]
        for parameter in sig.parameters.values():
            if parameter.kind in {parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY}:
                required = [p for p in sig.parameters.values() if p.default is p.empty and p is not parameter]
                if not required:
                    _family_only(method, **{parameter.name: value})

    @SLOW
    @given(value=st.sampled_from(WRONG), keyword=st.sampled_from(["limits", "rulesets", "stage", "assessments"]))
    def test_every_entry_point_with_a_wrong_argument(self, value: object, keyword: str) -> None:
        profile = kr.load_profile(_example())
        entry_points: list[tuple[Any, tuple[Any, ...]]] = [
            (kr.load_profile, (_example(),)),
            (kr.load_ruleset, ("twente",)),
            (kr.load_assessments, ({},)),
            (parse_profile, (EXAMPLE.read_text("utf-8"),)),
            (kr.evaluate, (_twente(), profile, date(2026, 11, 23))),
            (kr.evaluate_all, ([_twente()], profile, date(2026, 11, 23))),
        ]
        for function, args in entry_points:
            parameters = list(inspect.signature(function).parameters)
            if keyword in parameters:
                given = list(args)
                if parameters.index(keyword) < len(given):
                    given[parameters.index(keyword)] = value
                    _family_only(function, *given)
                else:
                    _family_only(function, *args, **{keyword: value})
            if len(args) == 1:
                _family_only(function, value)


@functools.cache
def _combined() -> kr.CombinedReport:
    return kr.evaluate_all([_twente()], kr.load_profile(_example()), date(2026, 11, 23))
