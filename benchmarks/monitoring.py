"""Benchmark: contract monitoring of a region's year of iJw/iWmo messages (targets of issue 19).

    python benchmarks/monitoring.py                      # 10^6 events (1 and 2 workers), then 50 runs in one process
    python benchmarks/monitoring.py --events 100000 --runs 0 --jobs 1,2 --before ace2883
    python benchmarks/monitoring.py --engine durable --events 20000 --runs 20 --run-events 600 --jobs 1
    python benchmarks/monitoring.py --events 0 --runs 0 --memory 200000,1000000   # peak memory, open cases constant

Each client gets a realistic flow: (315 →) 301 → 305 → support plan → monthly 303 → 304 → 307, and a
few calamities and reports per provider. The stream is written once to a JSONL file in time order
(cached in the temp directory) and every measurement runs in a fresh child process:

- scale: `monitor()` over the file as the CLI runs it (`keep_on_time=False`), for each `--jobs`
  (worker processes): wall time, events/s, the peak resident memory of the process and of its
  largest worker; median over `--repeats`;
- before: with `--before <commit>`, the same scale runs (one process) on the sources of that commit
  (`git archive`), in the same command and under the same load;
- growth: `--runs` runs of `monitor()` in one process over a smaller stream, resident memory
  after each run (after `gc.collect()`); growth = last − second (the first run loads code);
- memory: with `--memory N1,N2`, streams of N1 and N2 events whose open cases are the same: the
  same number of clients each year, over N/100,000 years (ten years for a million), and every
  awaited message comes (late or on time: a 316 answers each 315, a crisis contact follows each
  youth crisis, no month or reply goes missing), so a longer stream has more events, not more cases
  open at once (with missing messages, unfulfilled terms stay open until the clock and pile up over
  the years); the peak memory of one process, and with two workers of the parent (which merges
  the workers' id runs) and of the largest worker, for each. Flat memory means the peaks are about equal.

Peak memory of the measuring process is its VmHWM (since its own start); a worker's is `ru_maxrss`,
which is at least what the measuring process held when it started the worker (~40 MB).

CPU seconds (this process and its workers) are printed beside the wall time: on a shared machine
the wall time follows the load, the CPU time much less.

Targets: 10^6 events in under 60 s on 2 cores, memory bounded by open cases; 50 runs, no growth.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

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
EVENTS_PER_CLIENT = 15.4  # measured average of client_flow, with the incidents and reports
CLOCK = datetime(YEAR + 1, 3, 1, tzinfo=AMSTERDAM)  # after the last December invoices and replies


def _at(day: date, rng: random.Random) -> datetime:
    return datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.randint(0, 59), tzinfo=AMSTERDAM)


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def client_flow(
    rng: random.Random, municipality: str, number: int, year: int = YEAR, *, misses: bool = True
) -> list[dict[str, Any]]:
    """One client's messages over the year; `misses=False`: every awaited message comes (late or not)."""
    law = rng.choice(["jeugdwet", "wmo"])
    provider = f"aanbieder-{rng.randint(1, 60):02d}"
    base: dict[str, Any] = {"provider": provider, "municipality": municipality, "law": law, "client": f"C{number}"}
    assignment, events = f"A{number}", []
    order = date(year, 1, 1) + timedelta(days=rng.randint(0, 300))
    base_301: dict[str, Any] = {}
    if law == "jeugdwet" and rng.random() < 0.5:
        request = date(year, 1, 1) + timedelta(days=max(0, (order - date(year, 1, 1)).days - rng.randint(1, 9)))
        events.append(base | {"type": "315", "at": _at(request, rng), "request": f"Q{number}"})
        base_301 = {"request": f"Q{number}"}
        if not misses:  # the answer to the request
            answer = request + timedelta(days=rng.randint(1, 3))
            events.append(base | {"type": "316", "at": _at(answer, rng), "request": f"Q{number}"})
    crisis = rng.random() < 0.05
    events.append(base | base_301 | {"type": "301", "at": _at(order, rng), "assignment": assignment, "crisis": crisis})
    start = order + timedelta(days=rng.randint(0, 10))
    started = {"effective_date": start.isoformat(), "assignment": assignment, "crisis": crisis}
    events.append(base | {"type": "305", "at": _at(start, rng)} | started)
    if crisis and law == "jeugdwet" and not misses:
        events.append(base | {"type": "crisis_contact", "at": _at(start, rng), "assignment": assignment})
    if rng.random() < 0.9 or not misses:
        plan = start + timedelta(days=rng.randint(10, 50))
        events.append(base | {"type": "support_plan", "at": _at(plan, rng), "assignment": assignment})
    stop = min(start + timedelta(days=rng.randint(30, 365)), date(year, 12, 31))
    for month in range(start.month, stop.month + 1):
        if rng.random() < 0.02 and misses:  # a month without a declaration: an absence
            continue
        period_end = _month_end(year, month)
        sent = period_end + timedelta(days=rng.randint(3, 40))
        invoice = f"F{number}-{month}"
        declaration = {"type": "303", "at": _at(sent, rng), "invoice": invoice, "period_end": period_end.isoformat()}
        events.append(base | declaration | {"assignment": assignment})
        if rng.random() < 0.97 or not misses:
            reply = sent + timedelta(days=rng.randint(1, 35))
            events.append(base | {"type": "304", "at": _at(reply, rng), "invoice": invoice})
    stopped = {"effective_date": stop.isoformat(), "assignment": assignment}
    events.append(base | {"type": "307", "at": _at(stop, rng)} | stopped)
    return events


def region_year(
    clients_per_municipality: int, seed: int = 2026, years: int = 1, *, misses: bool = True
) -> list[dict[str, Any]]:
    """A region's year (or `years` years, the same number of new clients each): 8 municipalities x N clients,
    plus calamities and reports, in time order."""
    rng = random.Random(seed)
    events: list[dict[str, Any]] = []
    for year in range(YEAR - years + 1, YEAR + 1):
        events += _one_year(rng, clients_per_municipality, year, misses=misses)
    events.sort(key=lambda e: e["at"])
    return [e | {"id": f"e{i}", "at": e["at"].isoformat()} for i, e in enumerate(events)]


def _one_year(rng: random.Random, clients_per_municipality: int, year: int, *, misses: bool) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    first = (year - YEAR) * 100_000_000  # client and report numbers unique over the years
    for m_index, municipality in enumerate(MUNICIPALITIES):
        for c_index in range(clients_per_municipality):
            events += client_flow(rng, municipality, first + m_index * 1_000_000 + c_index, year, misses=misses)
    for index in range(len(MUNICIPALITIES) * clients_per_municipality // 20):
        number = first + index
        day = date(year, 1, 1) + timedelta(days=rng.randint(0, 340))
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
    return events


def stream_file(events: int, years: int = 1, *, misses: bool = True) -> Path:
    """A JSONL file of about `events` events over `years` years, in time order (written once, in the temp folder)."""
    clients = max(1, round(events / years / EVENTS_PER_CLIENT / len(MUNICIPALITIES)))
    name = (f"{clients}" if years == 1 else f"{clients}x{years}") + ("" if misses else "-complete")
    path = Path(tempfile.gettempdir()) / f"kwaliteitsregels-monitoring-{name}.jsonl"
    if not path.exists():
        partial = path.with_suffix(".part")
        with partial.open("w", encoding="utf-8") as handle:
            stream = region_year(clients, years=years, misses=misses)
            handle.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in stream)
        partial.rename(path)
    return path


def _peak_mb() -> float:
    """This process's peak resident memory since it started its program (VmHWM).

    Not `ru_maxrss`: that keeps the peak of the process it was spawned from (the memory it shared
    before `exec`), so a benchmark that had just built a large stream would be charged for it.
    """
    with Path("/proc/self/status").open() as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # pragma: no cover - not Linux


def _rss_mb() -> float:
    with Path("/proc/self/statm").open() as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20


def child_scale(path: str, engine: str, jobs: int) -> dict[str, Any]:
    """One run over the file in this (fresh) process: time, peak memory, counts."""
    from kwaliteitsregels import monitoring  # noqa: PLC0415 - imported in the child only

    rules = monitoring.load_monitoring_rules("achterhoek-2019")
    options: dict[str, Any] = {"jobs": jobs} if jobs > 1 else {}  # older sources have no jobs
    start = time.perf_counter()
    report = monitoring.monitor(rules, path, CLOCK, keep_on_time=False, engine=engine, **options)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, workers = _peak_mb(), children.ru_maxrss / 1024  # a worker's own peak, or this process's at its start
    return {
        "events": report.event_count,
        "seconds": seconds,
        "cpu": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "peak_mb": peak,
        "worker_peak_mb": workers,
        "counts": report.counts(),
        "kept": len(report.findings),
        "problems": getattr(report, "problem_count", len(report.problems)),
    }


def child_growth(path: str, engine: str, runs: int) -> dict[str, Any]:
    """`runs` runs in this one process; resident memory after each."""
    from kwaliteitsregels import monitoring  # noqa: PLC0415 - imported in the child only

    rules = monitoring.load_monitoring_rules("achterhoek-2019")
    after = []
    for _ in range(runs):
        monitoring.monitor(rules, path, CLOCK, keep_on_time=False, engine=engine)  # type: ignore[arg-type]
        gc.collect()
        after.append(round(_rss_mb(), 1))
    return {"rss_mb": after}


def _child(*args: str, source: Path | None = None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", *args]
    env = {**os.environ, "PYTHONPATH": str(source / "src")} if source else None
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)  # noqa: S603 - our own script
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1:] or [f"exit {result.returncode}"]}
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000, help="size of the scale run (0: skip)")
    parser.add_argument("--repeats", type=int, default=3, help="scale runs (median)")
    parser.add_argument("--runs", type=int, default=50, help="runs in one process for the growth check (0: skip)")
    parser.add_argument("--run-events", type=int, default=600, help="size of the stream in the growth check")
    parser.add_argument("--engine", choices=["ledger", "durable"], default="ledger")
    parser.add_argument("--jobs", default="1,2", help="worker processes for the scale run, comma-separated")
    parser.add_argument("--before", help="a commit whose sources run the scale run too (one process)")
    parser.add_argument("--memory", help="sizes (comma-separated) for peak memory with the open cases constant")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, engine, *rest = args.child
        number = int(rest[0])
        result = child_scale(path, engine, number) if kind == "scale" else child_growth(path, engine, number)
        print(json.dumps(result))
        return
    print(f"engine: {args.engine}")
    if args.events:
        path = stream_file(args.events)
        if args.before:
            with tempfile.TemporaryDirectory() as folder:
                _extract(args.before, Path(folder))
                _scale(path, args, 1, f"before ({args.before})", Path(folder))
        for jobs in (int(n) for n in args.jobs.split(",")):
            _scale(path, args, jobs, "after" if args.before else "scale")
    if args.memory:
        _memory([int(n) for n in args.memory.split(",")], args)
    if args.runs:
        path = stream_file(args.run_events)
        growth = _child("growth", str(path), args.engine, str(args.runs))
        if "error" in growth:
            print(f"growth check failed: {growth['error']}")
        else:
            rss = growth["rss_mb"]
            print(
                f"growth: {args.runs} runs of ~{args.run_events} events in one process: resident memory "
                f"{rss[0]} MB after run 1, {rss[1] if len(rss) > 1 else rss[0]} MB after run 2, {rss[-1]} MB "
                f"after run {len(rss)}; growth {rss[-1] - rss[min(1, len(rss) - 1)]:+.1f} MB"
            )


def _extract(commit: str, folder: Path) -> None:
    """The sources (and bundled monitoring rules) of `commit`, unpacked into `folder`."""
    root = Path(__file__).resolve().parents[1]
    archive = subprocess.run(  # noqa: S603 - git with our own arguments
        ["git", "-C", str(root), "archive", commit, "src", "monitoring"],  # noqa: S607 - git from PATH
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")


def _memory(sizes: list[int], args: argparse.Namespace) -> None:
    """Peak memory for streams of each size with the same open cases (100,000 events a year, as many years)."""
    for events in sizes:
        years = max(1, round(events / 100_000))
        path = stream_file(events, years, misses=False)
        for jobs in (1, 2):
            run = _child("scale", str(path), args.engine, str(jobs))
            if "error" in run:
                print(f"memory, {events:,} events: failed: {run['error']}")
                continue
            where = f"peak {run['peak_mb']:.0f} MB"  # with workers: the parent's (it merges their id runs)
            if jobs > 1:
                where += f", largest worker {run['worker_peak_mb']:.0f} MB"
            print(
                f"memory, {run['events']:,} events over {years} year(s), {jobs} process(es): {where}; "
                f"{run['seconds']:.1f} s, {run['cpu']:.1f} s CPU; {run['counts']}"
            )


def _scale(path: Path, args: argparse.Namespace, jobs: int, label: str, source: Path | None = None) -> None:
    runs = [_child("scale", str(path), args.engine, str(jobs), source=source) for _ in range(args.repeats)]
    if any("error" in r for r in runs):
        print(f"{label}: scale run failed: {[r.get('error') for r in runs]}")
        return
    seconds = statistics.median(r["seconds"] for r in runs)
    cpu = statistics.median(r["cpu"] for r in runs)
    peak = statistics.median(r["peak_mb"] for r in runs)
    workers = statistics.median(r["worker_peak_mb"] for r in runs)
    first = runs[0]
    in_workers = f", largest worker {workers:.0f} MB" if jobs > 1 else ""
    each = ", ".join(f"{r['seconds']:.1f}" for r in runs)
    print(
        f"{label}, {jobs} process(es): {first['events']:,} events in {seconds:.1f} s (median of {args.repeats}: "
        f"{each}) = {first['events'] / seconds:,.0f} events/s; {cpu:.1f} s CPU; peak memory {peak:.0f} MB{in_workers}"
    )
    kept, problems = first["kept"], first["problems"]
    print(f"       findings {first['counts']}; kept (needing attention) {kept:,}; problems {problems}")


if __name__ == "__main__":
    main()
