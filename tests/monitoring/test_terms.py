"""Terms a region declares: its own event types and keys, and the working-day extension per term, with why."""

from __future__ import annotations

from typing import Any

import pytest

from kwaliteitsregels import monitoring

SEED = "003_21f967ad4be776cb.txt"


def _rules(*obligations: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": "regio",
        "title": "Regio",
        "issuer": "regio",
        "version": "1",
        "source": {"title": "regio", "seed": SEED},
        "obligations": list(obligations),
        **extra,
    }


def _obligation(ident: str, **changes: Any) -> dict[str, Any]:
    base = {
        "id": ident,
        "title": ident,
        "text": "…",
        "source": {"document": "d", "section": "s", "seed": SEED, "line": 1},
        "party": "provider",
        "trigger": {"event": "303", "time": "period_end"},
        "deadline": {"days": 30},
    }
    return base | changes


# period_end 2026-02-27 + 30 days = Sunday 29 March: extended to Monday 30 March only where the term says so
SUNDAY = {
    "id": "d1",
    "provider": "p",
    "type": "303",
    "at": "2026-03-30T10:00",
    "invoice": "F",
    "period_end": "2026-02-27",
}


@pytest.mark.parametrize(
    ("extension", "outcome", "due", "words"),
    [
        (False, "late", "2026-03-29", None),
        ("atw", "on_time", "2026-03-30", "Algemene termijnenwet art. 1, want de wet stelt deze termijn"),
        ("ruleset", "on_time", "2026-03-30", "omdat de regelset dat bepaalt"),
    ],
)
def test_extension_to_a_working_day_only_where_the_term_says_so(
    extension: Any, outcome: str, due: str, words: str | None
) -> None:
    rules = _rules(_obligation("t", deadline={"days": 30, "extend_to_working_day": extension}))
    (finding,) = monitoring.monitor(rules, [SUNDAY], clock="2026-04-15").findings
    assert (finding.outcome.value, finding.due.last.isoformat()) == (outcome, due)
    if words is None:
        assert "verlengd" not in finding.reason()
    else:
        assert "eindigde op 2026-03-29" in finding.reason()
        assert words in finding.reason()
        assert finding.to_dict("en")["extended_from"] == "2026-03-29"


def test_true_must_say_why() -> None:
    with pytest.raises(monitoring.MonitoringError, match="zeg waarom"):
        monitoring.load_monitoring_rules(_rules(_obligation("t", deadline={"days": 30, "extend_to_working_day": True})))


REGION: dict[str, Any] = {
    "references": {"complaint": {"title": {"nl": "Klacht", "en": "Complaint"}}},
    "event_types": {
        "complaint_received": {
            "title": {"nl": "Klacht ontvangen", "en": "Complaint received"},
            "requires": ["complaint"],
        },
        "complaint_decided": {
            "title": {"nl": "Klacht beslist", "en": "Complaint decided"},
            "requires": ["complaint"],
            "not_before": "complaint_received",
            "key": "complaint",
            "closes": "complaint",
        },
        "urgent_request": {"title": {"nl": "Spoedverzoek", "en": "Urgent request"}, "requires": ["assignment"]},
    },
}
COMPLAINT = _obligation(
    "klacht",
    trigger={"event": "complaint_received"},
    awaited={"event": "complaint_decided"},
    key="complaint",
    deadline={"weeks": 6},
)
URGENT = _obligation(
    "spoed",
    trigger={"event": "urgent_request"},
    awaited={"event": "305", "time": "effective_date"},
    key="assignment",
    deadline={"working_days": 2},
)


def test_a_region_declares_its_own_event_types_keys_and_terms() -> None:
    rules = _rules(COMPLAINT, URGENT, **REGION)
    events = [
        {"id": "k1", "provider": "p", "type": "complaint_received", "at": "2026-03-02T10:00", "complaint": "K1"},
        {"id": "k2", "provider": "p", "type": "complaint_decided", "at": "2026-04-20T10:00", "complaint": "K1"},
        {"id": "u1", "provider": "p", "type": "urgent_request", "at": "2026-03-05T10:00", "assignment": "A1"},
        {
            "id": "u2",
            "provider": "p",
            "type": "305",
            "at": "2026-03-09T10:00",
            "effective_date": "2026-03-09",
            "assignment": "A1",
        },
        {"id": "x1", "provider": "p", "type": "complaint_received", "at": "2026-03-03T10:00", "complaynt": "K2"},
    ]
    report = monitoring.monitor(rules, events, clock="2026-05-01")
    outcomes = {(f.obligation.id, f.key): (f.outcome.value, f.due.last.isoformat()) for f in report.findings}
    assert outcomes == {("klacht", "K1"): ("late", "2026-04-13"), ("spoed", "A1"): ("on_time", "2026-03-09")}
    assert [(p.line, p.code, p.suggestion) for p in report.problems] == [
        (5, "event.schema.extra_forbidden", "complaint")
    ]


def test_region_names_are_checked_at_load() -> None:
    bad = {**REGION, "event_types": {**REGION["event_types"], "301": {"title": "x"}}}
    with pytest.raises(monitoring.MonitoringError) as caught:
        monitoring.load_monitoring_rules(
            _rules(
                _obligation("t", key="complant", trigger={"event": "complaint_recieved", "time": "period_end"}), **bad
            )
        )
    codes = {(p.code, p.suggestion) for p in caught.value.problems}
    assert ("event-type-exists", None) in codes
    assert ("unknown-reference", "complaint") in codes
    assert ("unknown-event-type", "complaint_received") in codes
