"""The report as JUnit XML: one testcase per requirement, for CI systems that show test results.

One testsuite per ruleset: each one checked, then each base ruleset (the law) they build on, once. `fail` is a
failure with the reason; `explain` and `not_applicable` are skipped, an explanation with the provider's
justification; a result set aside by a prevailing conflicting requirement is skipped as `superseded`.
Testcase names are `<ruleset>.<requirement>` (`twente.37a`), with `[<lot>]` for a per-lot result, so
they are unique within the document. `file` and `line` point at the user's own file (`locations`):
the ruleset when it lives in the working tree, else the profile. No timestamps: same input, same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from kwaliteitsregels import messages, reasons
from kwaliteitsregels._safe_text import xml_text
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.locations import Locator
from kwaliteitsregels.reporting.sarif import with_bases
from kwaliteitsregels.results import Report, RequirementResult, Status


def testcase_name(report: Report, result: RequirementResult) -> str:
    """`twente.37a`, or `twente.37a[lot]` for a per-lot result."""
    name = f"{report.ruleset.id}.{result.id}"
    return f"{name}[{result.lot}]" if result.lot is not None else name


def _testcase(report: Report, result: RequirementResult, lang: Lang, where: Locator, *, superseded: bool) -> ET.Element:
    case = ET.Element("testcase", classname=report.ruleset.id, name=testcase_name(report, result))
    location = where.locate(report, result)
    case.set("file", location.path.as_posix())
    case.set("line", str(location.line))
    reason = result.reason(lang)
    label = reasons.status_label(result, lang)
    if superseded:
        skipped = ET.SubElement(case, "skipped", message=messages.text("report.superseded", lang), type="superseded")
        skipped.text = f"{label}: {reason}"
    elif result.status is Status.FAIL:
        failure = ET.SubElement(case, "failure", message=f"{label}: {reason}", type=str(result.basis))
        failure.text = reason
    elif result.status is Status.EXPLAIN and result.explanation is not None:
        skipped = ET.SubElement(case, "skipped", message=f"{label}: {result.explanation.text}", type="explain")
        skipped.text = reason
    elif result.status is Status.NOT_APPLICABLE:
        ET.SubElement(case, "skipped", message=reason, type="not_applicable")
    return case


def _tally(cases: list[ET.Element]) -> dict[str, str]:
    return {
        "tests": str(len(cases)),
        "failures": str(sum(c.find("failure") is not None for c in cases)),
        "errors": "0",
        "skipped": str(sum(c.find("skipped") is not None for c in cases)),
    }


def _suite(report: Report, verdict: str, superseded: frozenset[int], lang: Lang, where: Locator) -> ET.Element:
    cases = [_testcase(report, r, lang, where, superseded=id(r) in superseded) for r in report.results]
    suite = ET.Element("testsuite", {"name": report.ruleset.id, **_tally(cases)})
    properties = ET.SubElement(suite, "properties")
    record = report.record
    for name, value in (
        ("provider", report.provider),
        ("ruleset_version", record.ruleset_version),
        ("peildatum", record.peildatum.isoformat()),
        ("stage", str(record.stage)),
        ("verdict", verdict),
    ):
        ET.SubElement(properties, "property", name=name, value=value)
    suite.extend(cases)
    return suite


def _well_formed(root: ET.Element) -> None:
    """Every text and attribute in the tree made something XML 1.0 can hold, whatever the input held."""
    for element in root.iter():
        element.text = xml_text(element.text) if element.text else element.text
        element.tail = xml_text(element.tail) if element.tail else element.tail
        for name, value in element.attrib.items():
            element.set(name, xml_text(value))


def render_junit(reports: Report | Sequence[Report], lang: Lang = "nl", *, profile: str | None = None) -> str:
    """The reports (one per ruleset checked) and those of their base rulesets as one JUnit XML document.

    With `profile` (the file checked), results of a bundled ruleset point at that profile.
    """
    where = Locator(profile)
    suites = [_suite(r, verdict, superseded, lang, where) for r, verdict, superseded in with_bases(reports)]
    cases = [case for suite in suites for case in suite.iter("testcase")]
    root = ET.Element("testsuites", {"name": "kwaliteitsregels", **_tally(cases)})
    root.extend(suites)
    _well_formed(root)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
