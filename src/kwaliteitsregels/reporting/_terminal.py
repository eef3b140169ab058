r"""Text from profiles and rulesets cannot drive the terminal: control characters are shown, not obeyed.

A provider name like `"\x1b[31mZorg"` would otherwise colour (or clear, or retitle) the reader's
terminal. C0 and C1 control characters, DEL and the bidirectional overrides ("Trojan source")
become visible stand-ins in text output and `\uXXXX` escapes in JSON output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_JSON_UNESCAPED = re.compile(f"[\x7f-\x9f{_BIDI}]")  # JSON itself escapes U+0000-U+001F


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL: the Unicode control pictures
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    """`text` with every control character replaced by a visible stand-in (newlines and tabs kept)."""
    return _CONTROL.sub(_picture, text)


def escape_json(text: str) -> str:
    r"""JSON text with DEL, C1 controls and bidi overrides written as `\uXXXX` (same data, safe to `cat`)."""
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Escaped:
    """Renders `inner` with control characters in its text made visible; rich's own styling is kept."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        """The inner segments, their text made safe."""
        for segment in console.render(self.inner, options):
            if segment.control or not _CONTROL.search(segment.text):
                yield segment
            else:
                yield Segment(visible(segment.text), segment.style)
