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
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import kwaliteitsregels as kr
from kwaliteitsregels.batch import Settings, run_batch
from kwaliteitsregels.reporting.registry import REPORTERS

PEILDATUM = date(2019, 7, 1)
ROUNDS = {
    "twente": "grote-aanbieder.yaml",
    "achterhoek-2019": "achterhoek/zorggroep-compleet.yaml",
    "leeuwarden-dagbesteding": "leeuwarden/volledig.yaml",
}
LOTS = ["1", "2", "3a", "9"]
MUNICIPALITIES = ["Aalten", "Doetinchem", "Winterswijk", "Berkelland"]


def provider(rng: random.Random, index: int, example: str) -> dict[str, Any]:
    """A realistic provider from a region's example: 1–200 staff, documents, policies; lots for Achterhoek."""
    base = _example(example)
    day = lambda lo, hi: (PEILDATUM - timedelta(days=rng.randint(lo, hi))).isoformat()  # noqa: E731
    staff = max(1, min(200, int(rng.lognormvariate(2.5, 1.1))))
    base["organisation"]["name"] = f"Aanbieder {index}"
    base["size"]["care_employees"] = staff
    base["professionals"] = [
        {
            "id": f"p{i}",
            "works_with_youth": rng.random() < 0.7,
            "vog_issued_on": day(0, 6 * 365),
            "registrations": [
                {"registry": "SKJ", "number": f"{rng.randint(10**8, 10**9 - 1)}", "valid_until": day(-900, 60)}
            ]
            if rng.random() < 0.8
            else [],
        }
        for i in range(staff)
    ]
    if "achterhoek" in example:
        lots = sorted(rng.sample(LOTS, rng.randint(2, 4)))
        base["registration"] = {
            "first_registration": True,
            "municipalities": sorted(rng.sample(MUNICIPALITIES, rng.randint(1, 4))),
            "lots": lots,
            "products": [p for p in _example(example)["registration"]["products"] if p["lot"] in lots],
            "uea_signed_by_authorised": rng.random() < 0.95,
        }
    return base


def _generate(folder: Path, n: int, example: str, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"aanbieder-{i:04d}.json").write_text(json.dumps(provider(rng, i, example)), encoding="utf-8")


def per_provider_ms(folder: Path, name: str, k: int = 20) -> dict[str, float]:
    """Medians over k providers in this process: load, evaluate, JSON, HTML, letter."""
    rulesets = [kr.load_ruleset(name)]
    times: dict[str, list[float]] = {"load": [], "evaluate": [], "json": [], "html": [], "letter": []}
    for path in sorted(folder.iterdir())[:k]:
        start = time.perf_counter()
        profile = kr.load_profile(json.loads(path.read_text(encoding="utf-8"), parse_float=str), rulesets=rulesets)
        times["load"].append(time.perf_counter() - start)
        start = time.perf_counter()
        combined = kr.evaluate_all(rulesets, profile, PEILDATUM)
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
        for round_index, (name, example) in enumerate(ROUNDS.items()):
            _generate(root / name, args.n, example, 20190701 + round_index)
            summary["rounds"][name] = {"per_provider_ms_median": per_provider_ms(root / name, name)}
        runs = []
        for repeat in range(args.repeats):
            start = time.perf_counter()
            for name in ROUNDS:
                out = root / f"uit-{repeat}-{name}"
                settings = Settings((name,), PEILDATUM, outdir=str(out), resume=False)
                result = run_batch([root / name], settings, jobs=args.jobs)
                evaluated = sum(1 for r in result.rows if r.evaluated)
                summary["rounds"][name]["evaluated"] = evaluated
            runs.append(time.perf_counter() - start)
        summary["seconds_all_rounds_runs"] = [round(r, 2) for r in runs]
        summary["seconds_all_rounds_median"] = round(statistics.median(runs), 2)
        summary["target_seconds"] = 20
    json.dump(summary, sys.stdout, indent=2)
    print()


def _example(name: str) -> dict[str, Any]:
    """An example profile as plain JSON data."""
    from kwaliteitsregels import _yaml  # noqa: PLC0415 - the example profile as plain data

    path = Path(__file__).parents[1] / "examples" / name
    return json.loads(json.dumps(_yaml.parse(path.read_text(encoding="utf-8"), str(path)).data, default=str))


if __name__ == "__main__":
    main()
