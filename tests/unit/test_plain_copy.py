"""Dicts from Python: the quick copy gives what the careful copy gives, and every refusal still says where."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kwaliteitsregels as kr
from kwaliteitsregels import _numbers, _plain
from kwaliteitsregels.errors import InputError
from kwaliteitsregels.limits import Limits

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(allow_nan=False),
    st.text(),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["\ud800", b"bytes", {1, 2}, 10**4000]),  # a lone surrogate, bytes, a set, a huge int
)
_data = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.tuples(inner) | st.dictionaries(st.text() | st.integers(), inner, max_size=4)
    ),
    max_leaves=30,
)


def _careful(data: Any, limits: Limits) -> Any:
    return _plain._Copier("<dict>", limits).copy(data, ())  # noqa: SLF001 - the reference the quick copy must equal


@given(_data, st.sampled_from([Limits(), Limits(max_depth=3, max_nodes=12)]))
def test_the_quick_copy_equals_the_careful_one_or_fails_the_same_way(data: Any, limits: Limits) -> None:
    careful: list[Any] = []
    refused: list[InputError] = []
    try:
        careful.append(_careful({"root": data}, limits))
    except InputError as error:
        refused.append(error)
    if refused:
        for copied in (True, False):
            with pytest.raises(InputError) as raised:
                _plain.from_data({"root": data}, limits=limits, copied=copied)
            assert [p.path for p in raised.value.problems] == [p.path for p in refused[0].problems]
        return
    expected = careful[0]
    located = _plain.from_data({"root": data}, limits=limits)
    copied = located.data
    assert copied == expected
    if located.bools is not None:  # the quick copy noted the bools: the same, in the same order, as a scan finds
        assert located.bools == _numbers._bools({"root": data})  # noqa: SLF001 - the scan it replaces
    assert [type(v) for v in _leaves(copied)] == [type(v) for v in _leaves(expected)]
    given_data = {"root": data}
    checked = _plain.from_data(given_data, limits=limits, copied=False)  # only checked: the data itself, or a copy
    assert checked.bools == located.bools
    assert checked.data is given_data if located.bools is not None else checked.data == expected


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


def test_a_float_still_becomes_the_decimal_of_what_was_typed() -> None:
    copied = _plain.from_data({"tarief": 39.2, "op": datetime(2020, 1, 1, 12, tzinfo=UTC), "d": date(2020, 1, 1)}).data
    assert copied["tarief"] == Decimal("39.2")
    assert type(copied["op"]) is datetime


def test_a_cycle_is_refused_with_its_path() -> None:
    looped: dict[str, Any] = {"a": []}
    looped["a"].append(looped)
    with pytest.raises(InputError) as raised:
        _plain.from_data(looped)
    assert raised.value.problems[0].code == "cycle"
    assert raised.value.problems[0].path == "a[0]"


def test_the_quick_copy_notes_every_bool_with_its_path() -> None:
    data = {"a": True, "b": [1, {"c": False}, (True,)], "d": {"e": "ja", "f": None}}
    assert _plain.from_data(data).bools == [(("a",), True), (("b", 1, "c"), False), (("b", 2, 0), True)]
    assert _plain.from_data([True]).bools == [((0,), True)]


def test_a_self_containing_dict_is_a_cycle_also_past_the_depth_limit() -> None:
    looped: dict[str, Any] = {}
    looped["a"] = looped
    with pytest.raises(InputError) as raised:
        _plain.from_data(looped, limits=Limits(max_depth=3))
    assert raised.value.problems[0].code == "cycle"


def test_a_profile_loaded_from_a_dict_keeps_nothing_of_it() -> None:
    """A profile's dict is only checked, not copied: the validated profile shares no list or dict with it."""
    data: dict[str, Any] = {
        "organisation": {"name": "Jeugdpraktijk Kompas", "kvk_number": "71830265", "founded_on": date(2019, 4, 1)},
        "services": {"law_domains": ["jeugdwet"], "target_groups": ["youth"], "residential": False},
        "professionals": [
            {
                "id": "eigenaar",
                "works_with_youth": True,
                "registrations": [{"registry": "SKJ", "number": "110052318", "valid_until": date(2028, 6, 30)}],
            }
        ],
    }
    profile = kr.load_profile(data, rulesets=[kr.load_ruleset("twente")])
    before = profile.model_dump()
    data["professionals"][0]["registrations"].append({"registry": "BIG", "number": "12345678901"})
    data["services"]["law_domains"].clear()
    data["organisation"]["name"] = "Andere naam"
    assert profile.model_dump() == before
