"""The fast hash of JSON-mode data is the canonical hash: the decision record's hashes never depend on the route."""

from __future__ import annotations

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
