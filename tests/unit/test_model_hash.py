"""The fast hash of JSON-mode data is the canonical hash: the decision record's hashes never depend on the route."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import kwaliteitsregels as kr
from kwaliteitsregels.hashing import canonical_hash, model_hash

EXAMPLE = Path(__file__).parents[2] / "examples" / "achterhoek" / "zorggroep-compleet.yaml"

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(),
    st.sampled_from(["é", "\u2028", '"\\']),
)
_json = st.recursive(_scalars, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=40)


@given(_json)
def test_plain_json_data_hashes_the_same_either_way(data: Any) -> None:
    assert model_hash(data) == canonical_hash(data)


def test_a_decimal_takes_the_written_out_path_and_is_a_number() -> None:
    data = {"tarief": Decimal("45.60"), "b": [Decimal("1E+2")]}
    assert model_hash(data) == canonical_hash(data)
    assert model_hash({"tarief": Decimal("45.60")}) != model_hash({"tarief": "45.60"})


def test_a_profile_record_keeps_its_hash() -> None:
    profile = kr.load_profile(EXAMPLE, rulesets=[kr.load_ruleset("achterhoek-2019")])
    dumped = profile.model_dump(mode="json")
    assert model_hash(dumped) == canonical_hash(dumped)


def test_a_profile_is_hashed_once_however_many_records_name_it(monkeypatch: Any) -> None:
    from kwaliteitsregels import hashing  # noqa: PLC0415 - the module whose hashing is counted

    ruleset = kr.load_ruleset("achterhoek-2019")
    profile = kr.load_profile(EXAMPLE, rulesets=[ruleset])
    expected = model_hash(profile.model_dump(mode="json"))
    calls: list[object] = []

    def counted(dumped: object) -> str:
        calls.append(dumped)
        return expected

    monkeypatch.setattr(hashing, "model_hash", counted)
    report = kr.evaluate(ruleset, profile, date(2019, 7, 1))
    hashes = {hashing.profile_hash(profile), report.record.profile_hash, report.record.profile_hash}
    assert hashes == {expected}
    assert len(calls) == 1


def test_a_remembered_hash_is_never_given_to_another_profile() -> None:
    from kwaliteitsregels.hashing import profile_hash  # noqa: PLC0415 - as above

    first = kr.load_profile(EXAMPLE, rulesets=[kr.load_ruleset("achterhoek-2019")])
    hashed = profile_hash(first)
    others = [first.model_copy(update={"declarations": {"extra": i % 2 == 0}}) for i in range(12)]
    assert [profile_hash(p) for p in others] == [model_hash(p.model_dump(mode="json")) for p in others]
    assert profile_hash(first) == hashed == model_hash(first.model_dump(mode="json"))
