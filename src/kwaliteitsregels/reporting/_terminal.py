r"""Text from profiles and rulesets cannot drive the terminal: control characters are shown, not obeyed.

A provider name like `"\x1b[31mZorg"` would otherwise colour (or clear, or retitle) the reader's
terminal. C0 and C1 control characters, DEL and the bidirectional overrides ("Trojan source")
become visible stand-ins in text output (`kwaliteitsregels._safe_text`) and `\uXXXX` escapes in
JSON output. `Escaped` does it inside a rich renderable, keeping rich's own styling.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from kwaliteitsregels._safe_text import CONTROL, escape_json, visible

__all__ = ["Escaped", "escape_json", "visible"]


class Escaped:
    """Renders `inner` with control characters in its text made visible; rich's own styling is kept."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        """The inner segments, their text made safe."""
        for segment in console.render(self.inner, options):
            if segment.control or not CONTROL.search(segment.text):
                yield segment
            else:
                yield Segment(visible(segment.text), segment.style)
