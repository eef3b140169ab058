"""A row's plain data (what `rij.json` holds) is what `dataclasses.asdict` gives, field for field and in order."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import given
from hypothesis import strategies as st

from kwaliteitsregels.batch.task import Outcome, Row

_TEXT = st.text(max_size=8)
_OUTCOMES = st.builds(
    Outcome,
    framework=_TEXT,
    requirement=_TEXT,
    lot=st.none() | _TEXT,
    status=st.sampled_from(["pass", "fail", "explain", "not_applicable"]),
    basis=_TEXT,
    severity=_TEXT,
    explanation=st.none() | _TEXT,
    missing=st.lists(_TEXT, max_size=3).map(tuple),
)
_ROWS = st.builds(
    Row,
    name=_TEXT,
    slug=_TEXT,
    source=_TEXT,
    evaluated=st.booleans(),
    problems=st.lists(_TEXT, max_size=3),
    provider=st.none() | _TEXT,
    verdict=st.none() | _TEXT,
    verdicts=st.dictionaries(_TEXT, _TEXT, max_size=3),
    outcomes=st.lists(_OUTCOMES, max_size=4),
    missing_documents=st.lists(st.dictionaries(_TEXT, _TEXT, max_size=3), max_size=3),
    record=st.dictionaries(_TEXT, st.none() | _TEXT | st.dictionaries(_TEXT, _TEXT, max_size=2), max_size=4),
    files=st.dictionaries(_TEXT, _TEXT, max_size=3),
    reused=st.booleans(),
    assessments=st.none() | _TEXT,
)


@given(_ROWS)
def test_a_rows_data_is_what_asdict_gives(row: Row) -> None:
    data = row.to_dict()
    assert data == dataclasses.asdict(row)
    assert list(data) == [f.name for f in dataclasses.fields(Row)]
    assert json.dumps(data, ensure_ascii=False, indent=1) == json.dumps(
        dataclasses.asdict(row), ensure_ascii=False, indent=1
    )


@given(_ROWS)
def test_changing_the_data_leaves_the_row_as_it_was(row: Row) -> None:
    before = dataclasses.asdict(row)
    data = row.to_dict()
    data["problems"].append("x")
    data["verdicts"]["x"] = "y"
    data["record"]["x"] = {"y": "z"}
    for value in data["record"].values():
        if isinstance(value, dict):
            value["changed"] = "yes"
    for document in data["missing_documents"]:
        document["changed"] = "yes"
    assert dataclasses.asdict(row) == before


@given(_ROWS)
def test_a_row_reads_back_from_its_data(row: Row) -> None:
    assert Row.from_dict(json.loads(json.dumps(row.to_dict()))) == row
