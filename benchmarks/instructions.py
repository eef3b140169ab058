"""Instruction counts per evaluation, under callgrind: a figure a noisy, shared machine cannot blur.

    python benchmarks/instructions.py            # every workload and the four ratios of the speed targets
    python benchmarks/instructions.py --yardstick  # only the subset and hand-written Python
    python benchmarks/instructions.py --src DIR  # the same, for another checkout's src/ (before/after)

The workloads: `twente` evaluates Twente (with the law); `json` does that and writes each report's
JSON; `load` loads each profile (`load_profile` of the plain data); `subset` evaluates the yardstick's
requirements, `reasons` does that and asks every result its reason; `json` and `reasons` evaluate as
reports are made, recording the traces while evaluating (`traced=True`; a release without it traces
each requirement again when its reason is first asked for); `handwritten` is the yardstick's
hand-written Python. The ratios are the targets of issue 15: statuses (subset / handwritten ≤ 2),
with reasons (reasons / handwritten ≤ 4), a JSON report (json / twente ≤ 10) and loading a profile
(load / twente ≤ 1).

The yardstick's reasons are short raw strings (none for a pass); the engine's name each item, the field in
words, what was expected and found, and the facts that carried a pass. `texts` and `handwritten_texts` compare
like with like: the engine with every reason asked (traced while evaluating) on Twente 8, 24, 25 and 29, and
hand-written Python that writes the same sentences word for word (`yardstick_texts.py`; a test holds the two to
each other). Their ratio is printed beside the target's, not instead of it.

Seconds on a shared machine vary by a factor of two from run to run; the instructions a workload
executes do not. Each workload runs twice under `valgrind --tool=callgrind` (with 0 and with N
profiles) and the difference, divided by N, is the cost of one evaluation without start-up (the cheap
workloads evaluate more profiles, `SCALE`). The
ratio engine / hand-written is the yardstick the speed targets are stated in. Both runs first evaluate
the same 20 other profiles, so what is built once on first use (caches, the pattern matcher's states)
is not counted as the cost of an evaluation: the figure is the steady state a batch sees. After the
warm-up the set-up's objects are frozen out of the garbage collector (`gc.freeze`), so how much the
set-up allocated does not decide when collections fall in the measured part; collecting what the
evaluations themselves leave behind still counts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
WORKLOADS = ("twente", "json", "load", "subset", "reasons", "handwritten", "texts", "handwritten_texts")
YARDSTICK = ("subset", "handwritten")
_CHILD = """
import gc, random, sys
sys.path.insert(0, {bench!r})
import kwaliteitsregels as kr
from run import PEILDATUM, alone, relabel, synthetic_profile
from yardstick import YARDSTICK_IDS, handwritten
from yardstick_texts import TEXT_IDS, handwritten_texts
n, total, kind = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
ruleset = kr.load_ruleset("twente")
rng = random.Random(20261123)
def load(data):  # with the ruleset's facts, as `check` loads a profile (older releases take no rulesets)
    try:
        return kr.load_profile(data, rulesets=[ruleset])
    except TypeError:
        return kr.load_profile(data)
def explained(rules, profile):  # as reports are made: traced while evaluating (older releases trace on request)
    try:
        return kr.evaluate(rules, profile, PEILDATUM, traced=True)
    except TypeError:
        return kr.evaluate(rules, profile, PEILDATUM)
raw = [synthetic_profile(rng, ruleset, i) for i in range(total + {warm})]
made = [load(data) for data in raw]  # the same set-up every run
own = [r.spec.model_dump(mode="json", exclude_none=True) for r in ruleset.requirements]
subset = alone(ruleset, [r for r in own if r["id"] in YARDSTICK_IDS], "twente-subset")
relabelled = relabel(made, subset)  # set-up too: both runs relabel every profile
worded = alone(ruleset, [r for r in own if r["id"] in TEXT_IDS], "twente-texts")
reworded = relabel(made, worded)
def run(start, stop):
    if kind == "twente":
        for p in made[start:stop]:
            kr.evaluate(ruleset, p, PEILDATUM)
    elif kind == "json":
        for p in made[start:stop]:
            explained(ruleset, p).to_json()
    elif kind == "load":
        for data in raw[start:stop]:
            load(data)
    elif kind == "subset":
        for p in relabelled[start:stop]:
            kr.evaluate(subset, p, PEILDATUM)
    elif kind == "reasons":
        for p in relabelled[start:stop]:
            for result in explained(subset, p).results:
                result.reason()
    elif kind == "texts":
        for p in reworded[start:stop]:
            for result in explained(worded, p).results:
                result.reason()
    elif kind == "handwritten_texts":
        for p in made[start:stop]:
            handwritten_texts(p, PEILDATUM)
    else:
        for p in made[start:stop]:
            handwritten(p, PEILDATUM)
run(total, total + {warm})  # warm-up in both runs: what is built on first use is no cost per evaluation
gc.collect()  # the set-up's garbage and generation counters must not land in the measured part,
gc.freeze()   # nor a full collection walk every profile and ruleset made for it: only new objects count
run(0, n)
"""
WARM = 20
# The cheap workloads evaluate more profiles: a run's start-up (Python, the imports, the set-up) differs
# by some hundred thousand instructions from run to run, a tenth of twenty hand-written evaluations but
# noise next to two hundred. Each profile is evaluated once: going over the same profiles again would
# count what an evaluation leaves on its profile (a batch meets each profile once).
SCALE = {"subset": 10, "reasons": 10, "handwritten": 10, "texts": 10, "handwritten_texts": 10}  # ratios compare them


def _instructions(src: Path, kind: str, n: int, total: int) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        script = Path(scratch) / "child.py"
        script.write_text(_CHILD.format(bench=str(HERE), warm=WARM), "utf-8")
        env = os.environ | {"PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, str(script)]
        subprocess.run([*command, str(n), str(total), kind], env=env, check=True, capture_output=True)  # noqa: S603
        found = re.search(r"^summary:\s+(\d+)", out.read_text("utf-8"), re.MULTILINE)
        if found is None:
            msg = "callgrind wrote no summary line"
            raise RuntimeError(msg)
        return int(found.group(1))


def per_evaluation(src: Path, kind: str, n: int) -> float:
    """Instructions of one evaluation of `kind`: (run evaluating n profiles − run evaluating none) / n.

    Both runs build the same n profiles, so the difference is evaluation alone. A cheap workload
    evaluates `SCALE[kind]` times as many profiles.
    """
    m = n * SCALE.get(kind, 1)
    return (_instructions(src, kind, m, m) - _instructions(src, kind, 0, m)) / m


def main() -> None:
    """Print instructions per evaluation for each workload and the yardstick ratio, as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--src", type=Path, default=HERE.parent / "src", help="the src/ folder to measure")
    parser.add_argument("-n", type=int, default=40, help="profiles per measured run")
    parser.add_argument("--yardstick", action="store_true", help="only the subset and hand-written Python")
    args = parser.parse_args()
    kinds = YARDSTICK if args.yardstick else WORKLOADS
    counts = {kind: round(per_evaluation(args.src, kind, args.n)) for kind in kinds}
    summary: dict[str, object] = {
        "src": str(args.src),
        "profiles": {kind: args.n * SCALE.get(kind, 1) for kind in kinds},
        "instructions_per_evaluation": counts,
        "yardstick_ratio_engine_over_handwritten": round(counts["subset"] / counts["handwritten"], 2),
    }
    if not args.yardstick:
        summary["yardstick_ratio_with_reasons_over_handwritten"] = round(counts["reasons"] / counts["handwritten"], 2)
        summary["json_report_over_evaluation"] = round(counts["json"] / counts["twente"], 2)
        summary["load_over_evaluation"] = round(counts["load"] / counts["twente"], 2)
        summary["same_reasons_over_handwritten_texts"] = round(counts["texts"] / counts["handwritten_texts"], 2)
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
