"""The fuzz targets under Hypothesis: the fallback where atheris is missing, and the regression suite.

Every file in `fuzz/corpus/*/` and `fuzz/regressions/*/` (inputs that once crashed) runs here too.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = Path(__file__).parent.parent.parent / "fuzz"
EXAMPLES = int(os.environ.get("KWALITEITSREGELS_EXAMPLES", "100"))  # docs/robustness.md: longer runs
SETTINGS = settings(max_examples=2 * EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def _targets() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_targets", FUZZ / "targets.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_targets"] = module
    spec.loader.exec_module(module)
    return module


targets = _targets()
WORDS = st.sampled_from(
    ["organisation", "name", "services", "law_domains", "wmo", "jeugdwet", "documents", "type", "vog", "issued_on",
     "professionals", "id", "vog_issued_on", "size", "care_employees", "declarations", "governance", "x"]
)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats()
    | WORDS
    | st.text(max_size=8)
    | st.dates().map(str)
)
PLAIN = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(WORDS, inner, max_size=5), max_leaves=25
)


def _files(kind: str) -> list[Path]:
    return sorted(p for folder in ("corpus", "regressions") for p in (FUZZ / folder / kind).glob("*") if p.is_file())


@pytest.mark.parametrize("path", _files("loader"), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_loader_corpus_and_regressions(path: Path) -> None:
    targets.loader(path.read_bytes())


@pytest.mark.parametrize("path", _files("compiler"), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_compiler_corpus_and_regressions(path: Path) -> None:
    targets.compiler(path.read_bytes())


@pytest.mark.parametrize("path", _files("monitoring"), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_monitoring_corpus_and_regressions(path: Path) -> None:
    targets.monitoring(path.read_bytes())


def test_the_monitoring_corpus_reaches_findings(tmp_path: Path) -> None:
    """The seeds are real streams: the target gets past the reader to the ledger and its findings."""
    seed = max(_files("monitoring"), key=lambda p: len(p.read_bytes()))
    stream = tmp_path / "seed.jsonl"
    stream.write_bytes(seed.read_bytes()[1:])
    (rules,) = [r for r in targets.monitoring_rules() if r.spec.id == "achterhoek-2019"]
    assert targets.monitor(rules, stream, clock=targets.date(2026, 4, 1)).findings


LINE = st.dictionaries(
    st.sampled_from(["id", "provider", "type", "at", "request", "assignment", "client", "municipality", "law", "x"]),
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(["315", "301", "305", "2026-01-05T09:15"]),
    max_size=9,
)


@SETTINGS
@given(lines=st.lists(LINE, max_size=12), csv=st.booleans())
def test_monitoring_takes_any_stream_of_event_like_lines(lines: list[dict[str, Any]], csv: bool) -> None:
    if csv:
        keys = sorted({k for line in lines for k in line})
        body = "\n".join([",".join(keys), *(",".join(str(line.get(k, "")) for k in keys) for line in lines)])
    else:
        body = "\n".join(json.dumps(line) for line in lines)
    targets.monitoring(bytes([int(csv)]) + body.encode("utf-8"))


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_monitoring_takes_any_bytes(data: bytes) -> None:
    targets.monitoring(data)


@SETTINGS
@given(data=st.binary(max_size=4000))
def test_loader_takes_any_bytes(data: bytes) -> None:
    targets.loader(data)


@SETTINGS
@given(data=PLAIN, as_json=st.booleans(), flow=st.booleans())
def test_loader_takes_any_plain_data_as_yaml_or_json(data: Any, as_json: bool, flow: bool) -> None:
    if as_json:
        text = json.dumps(data, allow_nan=True)
    else:
        text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    targets.loader(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(data=st.binary(max_size=600))
def test_compiler_takes_any_bytes(data: bytes) -> None:
    targets.compiler(data)
