"""Benchmark: Twente evaluations per second, load + compile time, memory for growing N.

    python benchmarks/run.py            # defaults: Twente, 2,000 profiles, 7 repeats
    python benchmarks/run.py --quick    # a smaller run for CI smoke

Start-up (`import kwaliteitsregels`, `kwaliteitsregels --version`) comes from `startup.py` beside
this file: medians over fresh subprocesses.

Figures are medians over repeated runs in one process; the machine is noisy, so compare
ratios rather than absolute numbers.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import kwaliteitsregels as kr
from kwaliteitsregels.compiling import CompiledRuleset

PEILDATUM = date(2026, 11, 23)
POLICIES = ("meldcode", "privacy", "complaints_procedure", "safety_management_system")
DOCUMENTS = (
    "quality_system_verification",
    "quality_system_description",
    "vog",
    "agb_registration",
    "organisation_description",
)
NUMBER_DIGITS = {"SKJ": 8, "BIG": 11}


def synthetic_profile(rng: random.Random, ruleset: CompiledRuleset, index: int) -> dict[str, Any]:
    """A realistic provider: a few to twenty professionals, documents, some explanations."""
    domains = rng.choice([["jeugdwet"], ["wmo"], ["jeugdwet", "wmo"]])
    day = lambda lo, hi: PEILDATUM - timedelta(days=rng.randint(lo, hi))  # noqa: E731
    professionals = [
        {
            "id": f"p{i}",
            "works_with_youth": "jeugdwet" in domains and rng.random() < 0.8,
            "vog_issued_on": day(0, 7 * 365),
            "registrations": [_registration(rng, day(-900, 100))] if rng.random() < 0.85 else [],
        }
        for i in range(rng.randint(1, 20))
    ]
    ids = [r.id for r in ruleset.requirements]
    accepted = {"decision": "accepted", "by": "Beoordelaar"}
    explanations = [
        {
            "ruleset": ruleset.id,
            "requirement": rid,
            "text": "Toelichting",
            "given_by": "Directeur",
            "given_on": day(30, 300),
            **({"assessment": accepted | {"decided_on": day(0, 29)}} if rng.random() < 0.5 else {}),
        }
        for rid in ids
        if rng.random() < 0.7
    ]
    return {
        "organisation": {
            "name": f"Aanbieder {index}",
            "agb_code": f"{rng.randint(0, 10**8 - 1):08d}",
            "self_employed": len(professionals) == 1,
        },
        "services": {"law_domains": domains, "target_groups": ["youth"] if "jeugdwet" in domains else ["adults"]},
        "size": {"care_employees": len(professionals), "care_revenue_eur": rng.randint(10**4, 10**7)},
        "certificates": [{"scheme": rng.choice(["HKZ", "ISO", "PREZO"]), "valid_until": day(-700, 200)}],
        **_quality_system(rng, ruleset, day(0, 900)),
        "professionals": professionals,
        "policies": {k: {"in_place": rng.random() < 0.9} for k in POLICIES}
        | {"complaints_committee": {"independent": rng.random() < 0.9}},
        "client_representation": {"client_council": rng.random() < 0.5},
        "vecozo": {"connected": True, "ijw_active": True, "iwmo_active": rng.random() < 0.9},
        "client_experience": {"last_measured_on": day(0, 4 * 365)},
        "declarations": {k: rng.random() < 0.95 for k in ruleset.spec.declarations},
        "documents": [
            {"type": t, "issued_on": day(0, 400), "valid_until": day(-400, 30)} for t in DOCUMENTS if rng.random() < 0.8
        ],
        "explanations": explanations,
    }


def _registration(rng: random.Random, valid_until: date) -> dict[str, Any]:
    """An SKJ or BIG entry: mostly with a well-formed number, sometimes without one or with a wrong one."""
    registry = rng.choice(["SKJ", "BIG"])
    entry: dict[str, Any] = {"registry": registry, "valid_until": valid_until}
    draw = rng.random()
    if draw < 0.9:
        entry["number"] = f"{rng.randrange(10 ** NUMBER_DIGITS[registry]):0{NUMBER_DIGITS[registry]}d}"
    elif draw < 0.95:
        entry["number"] = "12-34"
    return entry


def _quality_system(rng: random.Random, ruleset: CompiledRuleset, audited_on: date) -> dict[str, Any]:
    """For one provider in five an own quality system audited externally, where the ruleset has those facts."""
    if rng.random() >= 0.2:
        return {}
    system: dict[str, Any] = {"scheme": "EIGEN_KMS_EXTERN_GETOETST"}
    models = getattr(ruleset, "models", None)  # older releases have no vocabularies
    audited = models is not None and "external_audit_on" in _fields(models.profile, "quality_system")
    if audited:
        system |= {"external_auditor": "Certificerende instelling", "external_audit_on": audited_on}
        system["auditor_certified_independent"] = rng.random() < 0.9
    return {"quality_system": system}


def _fields(model: type[Any], name: str) -> set[str]:
    annotation = model.model_fields[name].annotation
    inner = next((a for a in getattr(annotation, "__args__", (annotation,)) if hasattr(a, "model_fields")), None)
    return set(inner.model_fields) if inner is not None else set()


def _median_rate(func: Callable[[], int], repeats: int) -> tuple[float, list[float]]:
    rates = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        count = func()
        rates.append(count / (time.perf_counter() - start))
    return statistics.median(rates), rates


def cold_load_ms(name: str, repeats: int) -> float:
    """Median time of the first load + compile, each in a fresh interpreter."""
    code = (
        "import time,kwaliteitsregels as kr;s=time.perf_counter();"
        f"kr.load_ruleset({name!r});print((time.perf_counter()-s)*1000)"
    )
    command = [sys.executable, "-c", code]
    runs = [float(subprocess.check_output(command, text=True)) for _ in range(repeats)]  # noqa: S603 - our own code
    return statistics.median(runs)


def warm_load_ms(name: str, repeats: int) -> float:
    """Median time to load + compile again in the same process."""
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        kr.load_ruleset(name)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def memory_kib(ruleset: CompiledRuleset, profiles: list[kr.Profile], n: int) -> tuple[float, float]:
    """Peak traced memory while evaluating n profiles (keeping only verdicts), and what is retained after."""
    gc.collect()
    tracemalloc.start()
    verdicts: dict[str, int] = {}
    for i in range(n):
        report = kr.evaluate(ruleset, profiles[i % len(profiles)], PEILDATUM)
        verdicts[report.verdict] = verdicts.get(report.verdict, 0) + 1
    del report
    _, peak = tracemalloc.get_traced_memory()
    gc.collect()  # also empties CPython's free lists, which tracemalloc counts as allocated
    retained, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 1024, 1), round(retained / 1024, 1)


def alone(ruleset: CompiledRuleset, requirements: list[Any], new_id: str) -> CompiledRuleset:
    """The ruleset without the law it builds on (and so without overlaps), under another id."""
    header = ruleset.spec.model_dump(mode="json", exclude_none=True)
    if header.pop("imports", None):  # a ruleset given as a dict holds its vocabulary inline
        header["vocabulary"] = ruleset.models.vocabulary.model_dump(mode="json", exclude_none=True)
    stripped = [r | {"overlaps": []} for r in requirements]
    kept = {r["id"] for r in requirements}
    contradictions = [  # those about the requirements kept, naming only them
        c | {"affects": [i for i in c["affects"] if i in kept]}
        for c in header.pop("contradictions", [])
        if kept.intersection(c["affects"])
    ]
    return kr.load_ruleset(
        header
        | {"id": new_id, "builds_on": [], "requirements": stripped, "decisions": [], "contradictions": contradictions}
    )


def relabel(profiles: list[kr.Profile], target: CompiledRuleset) -> list[kr.Profile]:
    """The same profiles with their explanations addressed to `target` (only for its requirements)."""
    ids = target.requirement_ids
    return [
        p.model_copy(
            update={
                "explanations": [
                    e.model_copy(update={"ruleset": target.id}) for e in p.explanations if e.requirement in ids
                ],
            },
        )
        for p in profiles
    ]


def _evaluator(
    ruleset: CompiledRuleset, profiles: list[kr.Profile], *, render: bool = False, reasons: bool = False
) -> Callable[[], int]:
    """A run that evaluates every profile (and renders the JSON, with `render`; every reason, with `reasons`)."""

    def run() -> int:
        for profile in profiles:
            report = kr.evaluate(ruleset, profile, PEILDATUM)
            if render:
                report.to_json()
            if reasons:
                for result in report.results:
                    result.reason()
        return len(profiles)

    return run


def main() -> None:
    """Run every measurement and print a JSON summary."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ruleset", default="twente")
    parser.add_argument("-n", type=int, default=2000, help="profiles per timed run")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n, repeats = (200, 3) if args.quick else (args.n, args.repeats)

    from startup import TARGETS_MS, startup_ms  # noqa: PLC0415 - sibling module, run as a script
    from yardstick import YARDSTICK_IDS, disagreements, handwritten  # noqa: PLC0415 - sibling module, run as a script

    ruleset = kr.load_ruleset(args.ruleset)
    rng = random.Random(20261123)
    profiles = [kr.load_profile(synthetic_profile(rng, ruleset, i), rulesets=[ruleset]) for i in range(n)]

    own = [r.spec.model_dump(mode="json", exclude_none=True) for r in ruleset.requirements]
    subset = alone(ruleset, [r for r in own if r["id"] in YARDSTICK_IDS], "twente-subset")
    without_law = alone(ruleset, own, "twente-zonder-wet")

    def plain_python() -> int:
        for profile in profiles:
            handwritten(profile, PEILDATUM)
        return len(profiles)

    relabelled = relabel(profiles, subset)
    engine_statuses = [{r.id: r.status.value for r in kr.evaluate(subset, p, PEILDATUM).results} for p in relabelled]
    differ = disagreements(engine_statuses, profiles, PEILDATUM)

    rate, rates = _median_rate(_evaluator(ruleset, profiles), repeats)
    alone_rate, _ = _median_rate(_evaluator(without_law, relabel(profiles, without_law)), repeats)
    render_rate, _ = _median_rate(_evaluator(ruleset, profiles[: n // 10], render=True), repeats)
    engine_rate, _ = _median_rate(_evaluator(subset, relabelled), repeats)
    reasons_rate, _ = _median_rate(_evaluator(subset, relabelled, reasons=True), repeats)
    plain_rate, _ = _median_rate(plain_python, repeats)
    memory = {str(k): memory_kib(ruleset, profiles, k) for k in (n // 10, n, n * 5, n * 20)}
    summary = {
        "ruleset": ruleset.id,
        "requirements": len(ruleset.requirements),
        "profiles_per_run": n,
        "repeats": repeats,
        "evaluations_per_second_median": round(rate),
        "evaluations_per_second_runs": [round(r) for r in rates],
        "base_rulesets_included": [base.id for base in ruleset.bases],
        "requirements_with_bases": len(ruleset.requirements)
        + sum(len(b.requirements) for b in ruleset.lineage().values()),
        "evaluations_per_second_without_bases_median": round(alone_rate),
        "evaluations_plus_json_per_second_median": round(render_rate),
        "load_compile_ms_cold_median": round(cold_load_ms(args.ruleset, 3 if args.quick else 5), 1),
        "load_compile_ms_warm_median": round(warm_load_ms(args.ruleset, repeats), 1),
        "yardstick_requirements": sorted(YARDSTICK_IDS),
        "yardstick_engine_per_second": round(engine_rate),
        "yardstick_plain_python_per_second": round(plain_rate),
        "yardstick_ratio_plain_over_engine": round(plain_rate / engine_rate, 2),
        "yardstick_engine_with_reasons_per_second": round(reasons_rate),
        "yardstick_ratio_plain_over_engine_with_reasons": round(plain_rate / reasons_rate, 2),
        "evaluation_plus_json_over_evaluation": round(rate / render_rate, 1),
        "yardstick_disagreements_with_engine": len(differ),
        "memory_kib_by_n_peak_and_retained": memory,
        "startup_ms_median": startup_ms(5 if args.quick else 11),
        "startup_targets_ms": TARGETS_MS,
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
