"""libFuzzer target: bytes → the safe YAML/JSON reader → profile and ruleset models → evaluation → reports.

    python fuzz/fuzz_loader.py fuzz/corpus/loader -runs=20000   # a short run (CI)
    python fuzz/fuzz_loader.py fuzz/corpus/loader -max_total_time=3600 -dict=fuzz/yaml.dict

Only `KwaliteitsregelsError` may escape; anything else is a crash with a reproducer file.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["kwaliteitsregels", "yaml", "targets"]):
    import targets


def main() -> None:
    """Hand the target to libFuzzer with the command-line options."""
    targets.profiles()  # load the fixed inputs before fuzzing starts
    targets.rulesets()
    atheris.Setup(sys.argv, targets.loader)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
