"""Hypothesis strategies for valid provider profiles (as plain data)."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from kwaliteitsregels.vocabulary import EVIDENCE_TYPES

dates = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))
maybe_bool = st.none() | st.booleans()


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _policy() -> st.SearchStrategy[dict[str, Any] | None]:
    return _optional(st.fixed_dictionaries({}, optional={"in_place": maybe_bool, "adopted_on": dates}))


registrations = st.fixed_dictionaries(
    {"registry": st.sampled_from(["SKJ", "BIG"])},
    optional={"valid_until": dates},
)
professionals = st.fixed_dictionaries(
    {"id": st.text("abcdef", min_size=1, max_size=4)},
    optional={
        "works_with_youth": maybe_bool,
        "vog_issued_on": dates,
        "registrations": st.lists(registrations, max_size=2),
    },
)
certificates = st.fixed_dictionaries(
    {"scheme": st.sampled_from(["HKZ", "ISO", "PREZO", "eigen"])},
    optional={"valid_until": dates},
)
documents = st.fixed_dictionaries(
    {"type": st.sampled_from(sorted(EVIDENCE_TYPES))},
    optional={"issued_on": dates, "valid_until": dates},
)


def _decided_after_given(item: dict[str, Any]) -> dict[str, Any]:
    """An assessment is never dated before the explanation it decides (the model refuses that)."""
    decided = item.get("assessment", {}).get("decided_on")
    if decided is not None and decided < item["given_on"]:
        item = item | {"assessment": item["assessment"] | {"decided_on": item["given_on"]}}
    return item


def explanations(ruleset_id: str, requirement_ids: list[str]) -> st.SearchStrategy[list[dict[str, Any]]]:
    """At most one explanation per requirement, in any assessment state."""
    assessment = st.fixed_dictionaries(
        {"decision": st.sampled_from(["accepted", "rejected"]), "by": st.just("B"), "decided_on": dates},
        optional={"valid_until": dates},
    )
    one = st.fixed_dictionaries(
        {"ruleset": st.just(ruleset_id), "text": st.just("toelichting"), "given_by": st.just("A"), "given_on": dates},
        optional={"assessment": assessment},
    ).map(_decided_after_given)
    ids = st.lists(st.sampled_from(requirement_ids), unique=True, max_size=len(requirement_ids))
    return ids.flatmap(
        lambda chosen: st.tuples(*(one for _ in chosen)).map(
            lambda items: [item | {"requirement": rid} for item, rid in zip(items, chosen, strict=True)],
        )
    )


def profiles(ruleset_id: str, requirement_ids: list[str], declarations: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Valid provider profiles touching every field the rulesets read."""
    return st.fixed_dictionaries(
        {
            "organisation": st.fixed_dictionaries(
                {"name": st.text(min_size=1, max_size=10).filter(str.strip)},  # not only white space
                optional={
                    "agb_code": st.from_regex(r"\A[0-9]{8}\Z"),  # ASCII digits: no register knows others
                    "kvk_number": st.from_regex(r"\A[0-9]{8}\Z"),
                    "legal_form": st.sampled_from(["bv", "stichting", "eenmanszaak"]),
                    "self_employed": maybe_bool,
                    "small_provider": maybe_bool,
                },
            ),
            "services": st.fixed_dictionaries(
                {"law_domains": st.lists(st.sampled_from(["jeugdwet", "wmo"]), min_size=1, max_size=2, unique=True)},
                optional={
                    "target_groups": st.lists(st.sampled_from(["youth", "adults"]), unique=True),
                    "administers_medication": maybe_bool,
                    "organises_transport": maybe_bool,
                },
            ),
        },
        optional={
            "size": st.fixed_dictionaries(
                {},
                optional={
                    "care_employees": st.integers(0, 5000),
                    "care_revenue_eur": st.integers(0, 10**8),
                    "clients_in_care": st.integers(0, 10**5),
                },
            ),
            "quality_system": st.fixed_dictionaries({}, optional={"scheme": st.sampled_from(["HKZ", "ISO", "eigen"])}),
            "certificates": st.lists(certificates, max_size=3),
            "professionals": st.lists(professionals, max_size=4),
            "volunteers": st.lists(
                st.fixed_dictionaries({"id": st.just("v")}, optional={"vog_issued_on": dates}), max_size=2
            ),
            "policies": st.fixed_dictionaries(
                {},
                optional={
                    name: _policy()
                    for name in (
                        "meldcode",
                        "privacy",
                        "complaints_procedure",
                        "calamities",
                        "safety_management_system",
                        "confidential_adviser",
                    )
                },
            ),
            "client_representation": st.fixed_dictionaries({}, optional={"client_council": maybe_bool}),
            "vecozo": st.fixed_dictionaries(
                {},
                optional={"connected": maybe_bool, "ijw_active": maybe_bool, "iwmo_active": maybe_bool},
            ),
            "client_experience": st.fixed_dictionaries({}, optional={"last_measured_on": dates}),
            "declarations": (
                st.dictionaries(st.sampled_from(declarations), st.booleans()) if declarations else st.just({})
            ),
            "documents": st.lists(documents, max_size=6),
            "explanations": explanations(ruleset_id, requirement_ids),
        },
    )
