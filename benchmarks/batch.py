"""Benchmark: a tender round. Generated providers (1–200 staff, several lots) through `run_batch`.

    python benchmarks/batch.py                 # 1,000 providers, Twente + Achterhoek + Leeuwarden, 2 workers
    python benchmarks/batch.py -n 200 --repeats 3

The three frameworks cannot take one profile at once (a registration names the lots of one
procurement; Leeuwarden has none), so a round is run per framework, each with the law it builds
on, over the same providers: 3 × N evaluations, each with its JSON and HTML report, the letter
and an overview. Also: per-provider medians of loading, evaluating and rendering (one process).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import kwaliteitsregels as kr
from kwaliteitsregels.batch import Settings, run_batch
from kwaliteitsregels.reporting.registry import REPORTERS

# Each round from an example that complies on its own reference date (Achterhoek 2019's registration
# was checked in 2019; the Twente and Leeuwarden examples describe providers of 2026).
ROUNDS: dict[str, tuple[str, date]] = {
    "twente": ("grote-aanbieder.yaml", date(2026, 11, 23)),
    "achterhoek-2019": ("achterhoek/zorggroep-compleet.yaml", date(2019, 7, 1)),
    "leeuwarden-dagbesteding": ("leeuwarden/volledig.yaml", date(2026, 11, 23)),
}
SLOPPY = 0.3  # the share of providers whose staff facts have gaps (an old VOG, a late one, an expired register)
LOTS = ["1", "2", "3a", "9"]
MUNICIPALITIES = ["Aalten", "Doetinchem", "Winterswijk", "Berkelland"]


def provider(rng: random.Random, index: int, example: str, peildatum: date) -> dict[str, Any]:
    """A realistic provider from a region's example: 1–200 staff drawn from the example's, lots for Achterhoek.

    Seven in ten providers keep their staff facts in order; the others have gaps (see `_professional`).
    """
    base = _example(example)
    sloppy = rng.random() < SLOPPY
    staff = max(1, min(200, int(rng.lognormvariate(2.5, 1.1))))
    base["organisation"]["name"] = f"Aanbieder {index}"
    base["size"]["care_employees"] = staff
    templates = base.get("professionals") or [{}]
    base["professionals"] = [
        _professional(rng, i, rng.choice(templates), peildatum, sloppy=sloppy) for i in range(staff)
    ]
    if "achterhoek" in example:
        lots = sorted(rng.sample(LOTS, rng.randint(2, 4)))
        base["registration"] = {
            **base["registration"],  # the example's own facts of the procedure, then this bid's choices
            "first_registration": True,
            "municipalities": sorted(rng.sample(MUNICIPALITIES, rng.randint(1, 4))),
            "lots": lots,
            "products": [p for p in _example(example)["registration"]["products"] if p["lot"] in lots],
            "uea_signed_by_authorised": rng.random() < 0.95,
        }
    return base


def _professional(
    rng: random.Random, i: int, template: dict[str, Any], peildatum: date, *, sloppy: bool
) -> dict[str, Any]:
    """A professional like one of the example's (role, qualifications, registers), with dates of its own.

    In order: a VOG at most three years old, issued at most three months before starting, registrations
    valid. Sloppy: VOGs up to six years old, some issued long before starting, some registrations expired.
    """
    issued = peildatum - timedelta(days=rng.randint(0, (6 if sloppy else 3) * 365 - 1))
    person = {**template, "id": f"p{i}", "vog_issued_on": issued.isoformat()}
    if "employed_since" in template:
        started = issued + timedelta(days=rng.randint(0, 110 if sloppy else 80))
        person["employed_since"] = min(started, peildatum).isoformat()
    person["registrations"] = [
        {
            **registration,
            "number": _number(rng, registration.get("registry", "SKJ")),
            "valid_until": (peildatum + timedelta(days=rng.randint(-60 if sloppy else 1, 900))).isoformat(),
        }
        for registration in template.get("registrations", [])
    ]
    return person


def _number(rng: random.Random, registry: str) -> str:
    """A register number of the register's form: BIG 11 digits, SKJ 9."""
    return str(rng.randint(10**10, 10**11 - 1)) if registry == "BIG" else str(rng.randint(10**8, 10**9 - 1))


def _generate(folder: Path, n: int, name: str, seed: int) -> None:
    example, peildatum = ROUNDS[name]
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        data = provider(rng, i, example, peildatum)
        (folder / f"aanbieder-{i:04d}.json").write_text(json.dumps(data), encoding="utf-8")


def per_provider_ms(folder: Path, name: str, k: int = 20) -> dict[str, float]:
    """Medians over k providers in this process: load, evaluate, JSON, HTML, letter."""
    rulesets = [kr.load_ruleset(name)]
    times: dict[str, list[float]] = {"load": [], "evaluate": [], "json": [], "html": [], "letter": []}
    for path in sorted(folder.iterdir())[:k]:
        start = time.perf_counter()
        profile = kr.load_profile(json.loads(path.read_text(encoding="utf-8"), parse_float=str), rulesets=rulesets)
        times["load"].append(time.perf_counter() - start)
        start = time.perf_counter()
        combined = kr.evaluate_all(rulesets, profile, ROUNDS[name][1], traced=True)  # as a batch task does
        times["evaluate"].append(time.perf_counter() - start)
        for fmt in ("json", "html", "letter"):
            start = time.perf_counter()
            REPORTERS[fmt](combined, "nl", color=False)
            times[fmt].append(time.perf_counter() - start)
    return {key: round(statistics.median(v) * 1000, 2) for key, v in times.items()}


def main() -> None:
    """Generate, run every round, print a JSON summary."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        summary: dict[str, Any] = {"providers": args.n, "jobs": args.jobs, "rounds": {}}
        for round_index, name in enumerate(ROUNDS):
            _generate(root / name, args.n, name, 20190701 + round_index)
            summary["rounds"][name] = {"per_provider_ms_median": per_provider_ms(root / name, name)}
        runs, main_cpu, workers_cpu = [], [], []
        for repeat in range(args.repeats):
            start, cpu = time.perf_counter(), _cpu()
            for name in ROUNDS:
                out = root / f"uit-{repeat}-{name}"
                settings = Settings((name,), ROUNDS[name][1], outdir=str(out), resume=False)
                result = run_batch([root / name], settings, jobs=args.jobs)
                summary["rounds"][name]["evaluated"] = sum(1 for r in result.rows if r.evaluated)
                summary["rounds"][name]["verdicts"] = dict(Counter(r.verdict for r in result.rows))
            runs.append(time.perf_counter() - start)
            used = _cpu()
            main_cpu.append(used[0] - cpu[0])
            workers_cpu.append(used[1] - cpu[1])
        summary["seconds_all_rounds_runs"] = [round(r, 2) for r in runs]
        summary["seconds_all_rounds_median"] = round(statistics.median(runs), 2)
        # Processor time is steadier than the wall clock on a shared machine: the workers' share, on the
        # cores given, is the least the wall clock can be.
        summary["cpu_seconds_main_runs"] = [round(c, 2) for c in main_cpu]
        summary["cpu_seconds_workers_runs"] = [round(c, 2) for c in workers_cpu]
        summary["target_seconds"] = 20
    json.dump(summary, sys.stdout, indent=2)
    print()


def _cpu() -> tuple[float, float]:
    """Processor seconds so far: this process, and its finished worker processes (0 where not measurable)."""
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:
        return 0.0, 0.0
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _example(name: str) -> dict[str, Any]:
    """An example profile as plain JSON data."""
    from kwaliteitsregels import _yaml  # noqa: PLC0415 - the example profile as plain data

    path = Path(__file__).parents[1] / "examples" / name
    return json.loads(json.dumps(_yaml.parse(path.read_text(encoding="utf-8"), str(path)).data, default=str))


if __name__ == "__main__":
    main()
