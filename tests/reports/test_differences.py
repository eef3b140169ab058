"""Parameter differences as a reader says them: facts by their labels, checks and durations in words."""

from __future__ import annotations

from kwaliteitsregels.analytics.document import DifferenceEntry
from kwaliteitsregels.reporting.differences import difference_phrase, fact_label, keyword_phrase, value_phrase


def _entry(fact: str, keyword: str, this: str | None, other: str | None) -> DifferenceEntry:
    return DifferenceEntry(fact=fact, keyword=keyword, this=this, other=other, direction="stricter")


def test_a_core_fact_is_named_by_its_label_in_either_language() -> None:
    assert fact_label("professionals.vog_issued_on") == "Professionals: VOG afgegeven op"
    assert fact_label("professionals.vog_issued_on", "en") == "Professionals: certificate of conduct issued on"
    assert fact_label("professionals.registrations.number") == "Professionals, Registraties: registratienummer"


def test_what_the_vocabulary_does_not_know_keeps_its_name() -> None:
    assert fact_label("quality_system.iso9001_scope_domains") == "quality_system.iso9001_scope_domains"  # a region's
    assert fact_label("count(documents) - count(registration.parties)").startswith("count(")
    assert fact_label("declared:ondersteuningsplan") == "Verklaring 'ondersteuningsplan'"
    assert keyword_phrase("some_new_keyword") == "some_new_keyword"


def test_values_in_words() -> None:
    assert [value_phrase(v) for v in ("P5Y", "P3M", "P1Y6M", "true", "false", "", None, "SKJ")] == [
        "5 jaar",
        "3 maanden",
        "1 jaar en 6 maanden",
        "ja",
        "nee",
        "✓",
        "—",
        "SKJ",
    ]
    assert value_phrase("P3Y", "en") == "3 years"


def test_a_check_against_another_fact_names_it() -> None:
    entry = _entry("professionals.vog_issued_on", "at_most_before:professionals.employed_since", None, "P3M")
    assert difference_phrase(entry) == (
        "Professionals: VOG afgegeven op, hoogstens zo lang vóór Professionals: in dienst sinds: — ↔ 3 maanden"
    )
