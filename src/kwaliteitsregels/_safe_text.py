r"""Text that leaves the library for a person: a terminal, a JSON file someone `cat`s, a spreadsheet.

Profiles, rulesets, test cases and event files come from outside. Their text (names, keys, file
names, reasons) must never drive the reader's terminal (OSC 0 window titles, OSC 8 links, BEL,
colours, "Trojan source" bidi overrides) nor become a live formula in a spreadsheet.

- `visible(text)`: C0 and C1 control characters, DEL and bidi controls as visible stand-ins; the
  newlines and tabs of a layout are kept. `visible_line(text)` also shows newlines and tabs: for
  one value inside a line (a key, a file name), which may not start a line of its own.
- `escape_json(text)`: JSON text with DEL, C1 and bidi controls as `\uXXXX` escapes.
- `spreadsheet_cell(value)`: text that a spreadsheet would read as a formula, quoted.
- `xml_text(text)`: text that XML 1.0 can hold (JUnit): the characters it forbids (C0 but tab, newline
  and carriage return; U+FFFE, U+FFFF) and the terminal controls as visible stand-ins.
"""

from __future__ import annotations

import re
from typing import Any

BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}]")  # keeps \t and \n: layout
_CONTROL_IN_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}]")
_JSON_UNESCAPED = re.compile(f"[\x7f-\x9f{BIDI}]")  # JSON itself escapes U+0000-U+001F
_NOT_XML = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI}\ud800-\udfff\ufffe\uffff]")

# OWASP "CSV injection": a cell starting with one of these is read as a formula (or DDE command).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"[-+]?[0-9]+(?:[.,][0-9]+)?")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC, ␇ for BEL, ␀ for NUL
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"  # C1 and bidi controls have no picture: their code point, as text


def visible(text: str) -> str:
    """`text` with every control character shown as a stand-in; newlines and tabs (layout) kept."""
    return CONTROL.sub(_picture, text)


def visible_line(text: str) -> str:
    """`text` for use inside one line: newlines, carriage returns and tabs are shown too."""
    return _CONTROL_IN_LINE.sub(_picture, text)


def escape_json(text: str) -> str:
    r"""JSON text with DEL, C1 controls and bidi overrides written as `\uXXXX` (same data, safe to `cat`)."""
    if _none_to_escape(text):  # most documents: found by C scans, without the regex walking every character
        return text
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def escape_json_bytes(raw: bytes) -> str:
    """`escape_json` of JSON written as UTF-8 bytes (pydantic's writer): checked as bytes, decoded once."""
    text = raw.decode("utf-8")
    return text if _utf8_none_to_escape(raw) else escape_json(text)


# The UTF-8 forms of what `_JSON_UNESCAPED` matches besides DEL: a lead byte, how many bytes follow it,
# and which of those continuations mean a character to escape.
_LEADS: tuple[tuple[int, int, frozenset[bytes]], ...] = (
    (0xC2, 1, frozenset(bytes([b]) for b in range(0x80, 0xA0))),  # U+0080-U+009F (C1 controls)
    (0xD8, 1, frozenset({b"\x9c"})),  # U+061C
    (  # U+200E, U+200F, U+202A-U+202E, U+2066-U+2069
        0xE2,
        2,
        frozenset(
            {b"\x80\x8e", b"\x80\x8f", *(bytes([0x80, b]) for b in range(0xAA, 0xAF))}
            | {bytes([0x81, b]) for b in range(0xA6, 0xAA)}
        ),
    ),
)


def _none_to_escape(text: str) -> bool:
    """Whether `text` holds nothing `escape_json` escapes: DEL by one scan, the rest by their UTF-8 lead bytes."""
    if "\x7f" in text:
        return False
    return text.isascii() or _utf8_none_to_escape(text.encode("utf-8", "surrogatepass"))


def _utf8_none_to_escape(raw: bytes) -> bool:
    """`_none_to_escape` of the UTF-8 form of a text: no DEL, no lead byte followed by an escaped continuation."""
    if b"\x7f" in raw:
        return False
    for lead, width, follows in _LEADS:
        at = raw.find(lead)  # one byte: a memchr, however often the lead occurs
        while at >= 0:
            if raw[at + 1 : at + 1 + width] in follows:
                return False
            at = raw.find(lead, at + 1)
    return True


def spreadsheet_cell(value: Any) -> Any:
    r"""`value` safe for a spreadsheet cell: text starting with `= + - @`, a tab or a line break gets a `'` in front.

    The quote (OWASP's advice against CSV injection) makes Excel, LibreOffice and Google Sheets
    show the text instead of evaluating it, and shows the reader that it was neutralised. Numbers
    are not text and stay as they are, and so does text that is a plain number (`-12`, `-3,5`):
    it cannot be a formula. Anything that is not text is returned unchanged.

    A carriage return inside the text becomes a line feed: a CSV writer whose lines end in `\n`
    leaves a field with a bare `\r` unquoted, and a spreadsheet starts a new row there, which may
    begin with a formula (`'\r=…`). A field with a line feed is always quoted: it stays one cell.
    """
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def xml_text(text: str) -> str:
    """`text` as XML 1.0 may hold it: forbidden characters and terminal controls as visible stand-ins."""
    return _NOT_XML.sub(_picture, text)
