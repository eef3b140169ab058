"""Contract monitoring: timed obligations from the frameworks, checked against event streams.

>>> from kwaliteitsregels import monitoring
>>> report = monitoring.monitor("achterhoek-2019", "events.jsonl", clock=date(2026, 11, 23))
>>> [f.reason() for f in report.violations]

The rule engine (durable-rules, extra `monitoring`) stays behind this API: see docs/monitoring.md.
"""

from kwaliteitsregels.monitoring.compiling import CompiledMonitoring
from kwaliteitsregels.monitoring.errors import MonitoringError
from kwaliteitsregels.monitoring.events import EVENT_TYPES, Event, EventBatch, parse_events, read_events
from kwaliteitsregels.monitoring.loading import bundled_monitoring_rules, load_monitoring_rules
from kwaliteitsregels.monitoring.results import Finding, MonitoringReport, MonthSummary, Outcome
from kwaliteitsregels.monitoring.running import monitor

__all__ = [
    "EVENT_TYPES",
    "CompiledMonitoring",
    "Event",
    "EventBatch",
    "Finding",
    "MonitoringError",
    "MonitoringReport",
    "MonthSummary",
    "Outcome",
    "bundled_monitoring_rules",
    "load_monitoring_rules",
    "monitor",
    "parse_events",
    "read_events",
]
