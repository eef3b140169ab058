"""libFuzzer target: bytes → a ruleset with fuzzed conditions → the condition compiler → evaluation → reports.

    python fuzz/fuzz_compiler.py fuzz/corpus/compiler -runs=20000   # a short run (CI)
    python fuzz/fuzz_compiler.py fuzz/corpus/compiler -max_total_time=3600

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
    atheris.Setup(sys.argv, targets.compiler)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
