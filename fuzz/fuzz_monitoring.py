"""libFuzzer target: bytes → an event file (JSON lines or CSV) → the monitoring ledger → the report.

    python fuzz/fuzz_monitoring.py fuzz/corpus/monitoring -runs=20000   # a short run (CI)
    python fuzz/fuzz_monitoring.py fuzz/corpus/monitoring -max_total_time=3600 -dict=fuzz/yaml.dict

Only `KwaliteitsregelsError` may escape; anything else is a crash with a reproducer file.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["kwaliteitsregels", "targets"]):
    import targets


def main() -> None:
    """Hand the target to libFuzzer with the command-line options."""
    targets.monitoring_rules()  # load the fixed rules before fuzzing starts
    atheris.Setup(sys.argv, targets.monitoring)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
