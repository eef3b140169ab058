"""Which part of a stream split by provider a line belongs to: decided from the line's bytes alone.

Every piece of state the ledger keeps hangs on a provider (keys are `provider|value`), so a stream
split by provider and run part by part gives exactly the findings of the whole. Each worker reads
the whole file and parses only its own lines; the part of a line is a function of its bytes and the
number of parts, so every line is parsed by exactly one worker. The provider is read without
parsing when the line has no escapes and one `"provider": "…"` (then that is the event's provider);
otherwise the line is parsed. A line without a readable provider (broken JSON, no provider) is in
part 0, which reports it. A stable hash (CRC-32 of the UTF-8 name) keeps parts equal across runs.
"""

from __future__ import annotations

import json
import re
import zlib

_PROVIDER = re.compile(rb'"provider"\s*:\s*"([^"\\]*)"')


def part_of_provider(provider: str, parts: int) -> int:
    """The part of a provider's events."""
    return zlib.crc32(provider.encode("utf-8", "surrogatepass")) % parts


def part_of_line(raw: bytes, parts: int) -> int:
    """The part of one JSONL line (0 for a line whose provider cannot be read)."""
    if b"\\" not in raw:
        found = _PROVIDER.findall(raw)
        if len(found) == 1:  # without escapes, the only "provider" key is the event's own
            return zlib.crc32(found[0]) % parts
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # broken JSON, bad UTF-8, an endless number, deep nesting
        return 0
    provider = data.get("provider") if isinstance(data, dict) else None
    return part_of_provider(provider, parts) if isinstance(provider, str) else 0
