"""A traced evaluation (`traced=True`, what `check`, `report` and `batch` use) writes the same documents.

It records every condition's trace while evaluating instead of evaluating each requirement again when
its reason is first asked for. Every example of every framework gives the same JSON report, HTML report
and letter either way, byte for byte.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from report_helpers import PEILDATUM, ROOT

import kwaliteitsregels as kr
from kwaliteitsregels.reporting.registry import REPORTERS

_FRAMEWORKS = [("twente", "*.yaml", PEILDATUM), ("achterhoek-2019", "achterhoek/*.yaml", date(2019, 7, 1))]
_FRAMEWORKS += [("leeuwarden-dagbesteding", "leeuwarden/*.yaml", PEILDATUM)]
_FRAMEWORKS += [("handreiking-kwaliteit", "handreiking/*.yaml", PEILDATUM)]
_EXAMPLES = [
    pytest.param(name, path, peildatum, id=path.relative_to(ROOT / "examples").as_posix())
    for name, pattern, peildatum in _FRAMEWORKS
    for path in sorted((ROOT / "examples").glob(pattern))
]


@pytest.mark.parametrize(("name", "path", "peildatum"), _EXAMPLES)
def test_every_document_is_the_same_from_a_traced_evaluation(name: str, path: Path, peildatum: date) -> None:
    ruleset = kr.load_ruleset(name)
    profile = kr.load_profile(path, rulesets=[ruleset])
    documents = {}
    for traced in (False, True):
        combined = kr.evaluate_all([ruleset], profile, peildatum, traced=traced)
        documents[traced] = [
            REPORTERS[fmt](combined, lang, color=False) for fmt in ("json", "html", "letter") for lang in ("nl", "en")
        ]
    assert documents[True] == documents[False]


def test_the_comparison_covers_every_example_of_every_framework() -> None:
    examples = ROOT / "examples"
    found = {name: sum(1 for p in _EXAMPLES if p.values[0] == name) for name, _, _ in _FRAMEWORKS}
    assert found == {
        "twente": len(list(examples.glob("*.yaml"))),
        "achterhoek-2019": len(list(examples.glob("achterhoek/*.yaml"))),
        "leeuwarden-dagbesteding": len(list(examples.glob("leeuwarden/*.yaml"))),
        "handreiking-kwaliteit": len(list(examples.glob("handreiking/*.yaml"))),
    }
    assert min(found.values()) >= 3  # every framework has examples to compare
