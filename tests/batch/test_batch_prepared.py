"""Before workers fork, a batch makes what every task renders (`prepare`): `TEMPLATES` names exactly that."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kwaliteitsregels.batch import Settings
from kwaliteitsregels.batch.intake import read_intake
from kwaliteitsregels.batch.task import TEMPLATES, assess, prepare, rulesets_for
from kwaliteitsregels.reporting.templating import environment

EXAMPLES = Path(__file__).parents[2] / "examples"


def _loaded() -> set[str]:
    caches = [environment().cache, environment(markdown=True).cache]
    return {name for cache in caches if cache is not None for _, name in cache}


def _task(settings: Settings) -> None:
    intake = read_intake([EXAMPLES / "grote-aanbieder.yaml"], rulesets_for(settings.rulesets))
    rows = [assess(submission, settings) for submission in intake.submissions]
    assert [row.evaluated for row in rows] == [True]


def _forget() -> None:
    for env in (environment(), environment(markdown=True)):
        if env.cache is not None:
            env.cache.clear()


def test_a_task_renders_from_the_prepared_templates_and_no_others(tmp_path: Path) -> None:
    settings = Settings(("twente",), date(2026, 11, 23), outdir=str(tmp_path), resume=False)
    _forget()
    _task(settings)
    rendered = _loaded()
    _forget()
    prepare(settings)
    assert _loaded() == set(TEMPLATES) == rendered


def test_without_documents_nothing_is_rendered_and_nothing_prepared(tmp_path: Path) -> None:
    settings = Settings(("twente",), date(2026, 11, 23), resume=False)
    _forget()
    _task(settings)
    assert _loaded() == set()
    prepare(settings)
    assert _loaded() == set()
