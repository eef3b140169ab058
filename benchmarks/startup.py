"""Start-up: how long a fresh interpreter takes to `import kwaliteitsregels`, and `kwaliteitsregels --version`.

    python benchmarks/startup.py            # median of 11 fresh subprocesses each
    python benchmarks/startup.py --repeats 5

`benchmarks/run.py` includes these figures in its summary. Targets (issue 12): import < 150 ms,
`--version` < 300 ms. Wall-clock time of the whole subprocess, so interpreter start-up is included.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGETS_MS = {"import": 150, "version": 300}


def _command_line() -> list[str]:
    """The console script beside this interpreter; `python -m kwaliteitsregels` when there is none."""
    script = Path(sys.executable).with_name("kwaliteitsregels")
    if script.exists():
        return [str(script)]
    found = shutil.which("kwaliteitsregels")
    return [found] if found else [sys.executable, "-m", "kwaliteitsregels"]


def _median_ms(command: list[str], repeats: int) -> float:
    env = os.environ | {"PYTHONDONTWRITEBYTECODE": ""}
    subprocess.run(command, check=True, capture_output=True, env=env)  # noqa: S603 - warm the disk cache and .pyc
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)  # noqa: S603 - our own commands
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def startup_ms(repeats: int = 11) -> dict[str, float]:
    """Median wall-clock milliseconds: bare interpreter, `import kwaliteitsregels`, `kwaliteitsregels --version`."""
    return {
        "python_bare": round(_median_ms([sys.executable, "-c", "pass"], repeats), 1),
        "import": round(_median_ms([sys.executable, "-c", "import kwaliteitsregels"], repeats), 1),
        "version": round(_median_ms([*_command_line(), "--version"], repeats), 1),
    }


def main() -> None:
    """Print the medians as JSON, with the targets."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=11)
    args = parser.parse_args()
    figures = startup_ms(args.repeats)
    print(json.dumps({"startup_ms_median": figures, "startup_targets_ms": TARGETS_MS}, indent=2))


if __name__ == "__main__":
    main()
