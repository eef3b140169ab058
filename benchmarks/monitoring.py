"""Benchmark: contract monitoring events per second for a region's year of iJw/iWmo messages.

    python benchmarks/monitoring.py               # 8 municipalities x 150 clients, 5 repeats
    python benchmarks/monitoring.py --clients 40 --repeats 3   # quicker

Each client gets a realistic flow: (315 →) 301 → 305 → support plan → monthly 303 → 304 → 307, and a
few calamities and reports per provider. Figures are medians over repeats in one process: the
validation of the events (pydantic) and the rule-engine run (durable-rules) are timed apart.
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kwaliteitsregels import monitoring

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MUNICIPALITIES = (
    "Aalten",
    "Berkelland",
    "Bronckhorst",
    "Doetinchem",
    "Montferland",
    "Oost Gelre",
    "Oude IJsselstreek",
    "Winterswijk",
)
YEAR = 2026


def _at(day: date, rng: random.Random) -> str:
    return datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.randint(0, 59), tzinfo=AMSTERDAM).isoformat()


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def client_flow(rng: random.Random, municipality: str, number: int) -> list[dict[str, Any]]:
    """One client's messages over the year."""
    law = rng.choice(["jeugdwet", "wmo"])
    provider = f"aanbieder-{rng.randint(1, 60):02d}"
    base: dict[str, Any] = {"provider": provider, "municipality": municipality, "law": law, "client": f"C{number}"}
    assignment, events = f"A{number}", []
    order = date(YEAR, 1, 1) + timedelta(days=rng.randint(0, 300))
    if law == "jeugdwet" and rng.random() < 0.5:
        request = date(YEAR, 1, 1) + timedelta(days=max(0, (order - date(YEAR, 1, 1)).days - rng.randint(1, 9)))
        events.append(base | {"type": "315", "at": _at(request, rng), "request": f"Q{number}"})
        base_301: dict[str, Any] = {"request": f"Q{number}"}
    else:
        base_301 = {}
    crisis = rng.random() < 0.05
    events.append(base | base_301 | {"type": "301", "at": _at(order, rng), "assignment": assignment, "crisis": crisis})
    start = order + timedelta(days=rng.randint(0, 10))
    events.append(
        base
        | {
            "type": "305",
            "at": _at(start, rng),
            "effective_date": start.isoformat(),
            "assignment": assignment,
            "crisis": crisis,
        }
    )
    if rng.random() < 0.9:
        plan = start + timedelta(days=rng.randint(10, 50))
        events.append(base | {"type": "support_plan", "at": _at(plan, rng), "assignment": assignment})
    stop = min(start + timedelta(days=rng.randint(30, 365)), date(YEAR, 12, 31))
    for month in range(start.month, stop.month + 1):
        period_end = _month_end(YEAR, month)
        sent = period_end + timedelta(days=rng.randint(3, 40))
        invoice = f"F{number}-{month}"
        declaration = {"type": "303", "at": _at(sent, rng), "invoice": invoice, "period_end": period_end.isoformat()}
        events.append(base | declaration)
        if rng.random() < 0.97:
            reply = sent + timedelta(days=rng.randint(1, 35))
            events.append(base | {"type": "304", "at": _at(reply, rng), "invoice": invoice})
    events.append(
        base | {"type": "307", "at": _at(stop, rng), "effective_date": stop.isoformat(), "assignment": assignment},
    )
    return events


def region_year(clients_per_municipality: int, seed: int = 2026) -> list[dict[str, Any]]:
    """A region's year: 8 municipalities x N clients, plus calamities and reports, sorted by time."""
    rng = random.Random(seed)
    events: list[dict[str, Any]] = []
    for m_index, municipality in enumerate(MUNICIPALITIES):
        for c_index in range(clients_per_municipality):
            events += client_flow(rng, municipality, m_index * 100_000 + c_index)
    for number in range(len(MUNICIPALITIES) * clients_per_municipality // 20):
        day = date(YEAR, 1, 1) + timedelta(days=rng.randint(0, 340))
        provider = f"aanbieder-{rng.randint(1, 60):02d}"
        kind, follow, key = rng.choice(
            [
                ("calamity", "calamity_reported_municipality", "incident"),
                ("igj_report", "igj_report_shared", "report"),
                ("confidential_adviser_report", "confidential_adviser_report_shared", "report"),
            ]
        )
        events.append({"provider": provider, "type": kind, "at": _at(day, rng), key: f"X{number}"})
        later = day + timedelta(days=rng.randint(0, 20))
        events.append({"provider": provider, "type": follow, "at": _at(later, rng), key: f"X{number}"})
    events.sort(key=lambda e: e["at"])
    return [e | {"id": f"e{i}"} for i, e in enumerate(events)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=150, help="clients per municipality")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    records = region_year(args.clients)
    rules = monitoring.load_monitoring_rules("achterhoek-2019")
    clock = datetime(YEAR + 1, 3, 1, tzinfo=AMSTERDAM)  # after the last December invoices and replies
    parse_times, run_times = [], []
    report = None
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        batch = monitoring.parse_events(records)
        t1 = time.perf_counter()
        report = monitoring.monitor(rules, batch, clock)
        t2 = time.perf_counter()
        parse_times.append(t1 - t0)
        run_times.append(t2 - t1)
    if report is None:
        return
    n = len(records)
    parse, run = statistics.median(parse_times), statistics.median(run_times)
    print(f"events: {n} ({len(MUNICIPALITIES)} municipalities x {args.clients} clients, one year)")
    print(f"findings: {len(report.findings)} {report.counts()}; problems: {len(report.problems)}")
    print(f"validate (pydantic):   {n / parse:>9,.0f} events/s  (median {parse:.3f} s over {args.repeats})")
    print(f"monitor (engine):      {n / run:>9,.0f} events/s  (median {run:.3f} s)")
    print(f"end to end:            {n / (parse + run):>9,.0f} events/s")
    print(f"threads after the runs: {threading.active_count()}")


if __name__ == "__main__":
    main()
