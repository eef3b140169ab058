#!/usr/bin/env bash
# Refresh constraints.txt to the newest releases the ranges in pyproject.toml allow, then run
# CI (.ci/run) against it, so drift in our dependencies is seen on purpose, not by surprise.
#
#   bash scripts/refresh-lock.sh            # refresh everything, then run .ci/run
#   bash scripts/refresh-lock.sh --no-ci    # refresh only
#   bash scripts/refresh-lock.sh -P rich    # only upgrade rich (any `uv pip compile` option passes through)
#
# Green: review `git diff constraints.txt` and commit it. Red: the newest releases break something;
# fix it, or commit nothing (`git checkout constraints.txt`) and narrow the range in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

run_ci=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-ci" ]; then run_ci=0; else args+=("$arg"); fi
done
[ ${#args[@]} -eq 0 ] && args=(--upgrade)

# uv is in the dev extra; without a dev environment, a throwaway one with only uv.
if command -v uv > /dev/null; then
  uv=(uv)
else
  tools="$(mktemp -d)/venv"
  python3 -m venv "$tools"
  "$tools/bin/python" -m pip install --quiet uv
  uv=("$tools/bin/uv")
fi

# Resolved for CI's machine (Linux x86_64, glibc >= 2.28, Python 3.11) whichever machine runs this:
# uv checks that each pin has a wheel or an sdist there. Elsewhere pip ignores the pins of packages
# it is not asked for (atheris is Linux x86_64 only, by its marker in pyproject.toml).
"${uv[@]}" pip compile pyproject.toml --extra dev --python-platform x86_64-manylinux_2_28 --python-version 3.11 \
  --custom-compile-command "bash scripts/refresh-lock.sh" --quiet -o constraints.txt "${args[@]}"
echo "constraints.txt refreshed:"
git --no-pager diff --stat -- constraints.txt || true

if [ "$run_ci" -eq 1 ]; then
  bash .ci/run
fi
