"""Identifiers of the Dutch care field with their real checks: KvK, AGB, BIG, SKJ, IBAN and postcode.

Each kind checks a value and returns its normal form, or raises `IdentifierError` saying what is
wrong, in Dutch and English. Surrounding whitespace is ignored. Digits are the ASCII digits 0-9
only: Arabic-Indic, fullwidth and superscript digits are refused, because no register knows them.

| kind       | accepted                                        | normal form                |
|------------|-------------------------------------------------|----------------------------|
| `kvk`      | 8 digits (KvK-nummer)                           | `12345678`                 |
| `agb`      | 8 digits (AGB-code)                             | `12345678`                 |
| `big`      | 11 digits (BIG-registratienummer)               | `12345678901`              |
| `skj`      | 6 to 9 digits (SKJ-registratienummer)           | `110012345`                |
| `iban`     | ISO 13616, upper or lower case, groups of four  | `NL91ABNA0417164300`       |
| `postcode` | `1234AB`, `1234 AB` or `1234 ab`                | `1234 AB`                  |

IBAN: two letters for the country, two check digits, then the BBAN of the length the IBAN
registry fixes for that country (the table covers the Netherlands, the EU/EEA and its neighbours;
another country is held to the general 15 to 34 characters), and the whole number modulo 97 is 1.
Check digits 00, 01 and 99 never occur (ISO 13616) and are refused.

Postcode: four digits, the first not 0, and two letters other than SA, SD and SS (never issued).

SKJ: the Stichting Kwaliteitsregister Jeugd publishes no format for its registration number. The
public register shows it as a plain number without check digit; numbers in use have nine digits.
Assumption, to be tightened once SKJ publishes a format: 6 to 9 ASCII digits, no check digit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Annotated, Any, Final

from pydantic import AfterValidator, Field

_ASCII_DIGITS: Final = frozenset("0123456789")
_ASCII_ALNUM: Final = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SHOWN_LENGTH: Final = 40

# IBAN length per country, from the SWIFT IBAN registry (ISO 13616).
IBAN_LENGTHS: Final[Mapping[str, int]] = MappingProxyType({
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23, "GL": 18, "GR": 27,
    "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
    "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19,
    "SK": 24, "SM": 27, "VA": 22,
})  # fmt: skip
_IBAN_MIN: Final = 15
_IBAN_MAX: Final = 34
_POSTCODE: Final = re.compile(r"([0-9]{4}) ?([A-Za-z]{2})")
_UNISSUED_POSTCODE_LETTERS: Final = frozenset({"SA", "SD", "SS"})


class IdentifierError(ValueError):
    """A value is not a valid identifier of its kind; the messages say what is wrong."""

    def __init__(self, kind: str, value: str, message_nl: str, message_en: str) -> None:
        self.kind = kind
        self.value = value
        self.message_nl = message_nl
        self.message_en = message_en
        super().__init__(f"{message_nl} / {message_en}")


class _Refusal(Exception):  # noqa: N818  (internal signal, turned into IdentifierError)
    """Raised by a kind's normaliser with the bare reason, in Dutch and English."""

    def __init__(self, message_nl: str, message_en: str) -> None:
        self.message_nl = message_nl
        self.message_en = message_en
        super().__init__(message_nl)


@dataclass(frozen=True)
class IdentifierKind:
    """One kind of identifier: its labels, a valid example, a JSON-Schema pattern and its check."""

    name: str
    label: dict[str, str]
    example: str
    pattern: str
    normalise: Callable[[str], str] = field(repr=False, compare=False)

    def check(self, value: str) -> str:
        """The normal form of `value`; `IdentifierError` when it is not a valid identifier."""
        try:
            return self.normalise(value.strip())
        except _Refusal as refusal:
            shown = _shown(value)
            raise IdentifierError(
                self.name,
                value,
                f"{self.label['nl']} {shown}: {refusal.message_nl}",
                f"{self.label['en']} {shown}: {refusal.message_en}",
            ) from None


def _shown(value: str) -> str:
    """`value` quoted for a message, shortened when long."""
    if len(value) > _SHOWN_LENGTH:
        return repr(value[:_SHOWN_LENGTH] + "…")
    return repr(value)


def _char(char: str) -> str:
    """A character as a message shows it: itself when printable, else its code point."""
    return f"'{char}'" if char.isprintable() else f"U+{ord(char):04X}"


def _require_value(value: str) -> None:
    if not value:
        raise _Refusal("is leeg", "is empty")


def _require_ascii_digits(value: str, *, only_digit_lookalikes: bool = False) -> None:
    """Refuse the first character that is not 0-9 (with `only_digit_lookalikes`: a digit of another script)."""
    for char in value:
        if char not in _ASCII_DIGITS and (char.isdigit() or not only_digit_lookalikes):
            raise _Refusal(
                f"bevat een teken dat geen cijfer 0-9 is: {_char(char)}",
                f"contains a character that is not a digit 0-9: {_char(char)}",
            )


def _digits(low: int, high: int) -> Callable[[str], str]:
    """A normaliser for a number of `low` to `high` ASCII digits."""
    wanted_nl = f"precies {low}" if low == high else f"{low} tot {high}"
    wanted_en = f"exactly {low}" if low == high else f"{low} to {high}"

    def normalise(value: str) -> str:
        _require_value(value)
        _require_ascii_digits(value)
        if not low <= len(value) <= high:
            raise _Refusal(
                f"moet {wanted_nl} cijfers hebben, niet {len(value)}",
                f"must have {wanted_en} digits, not {len(value)}",
            )
        return value

    return normalise


def _iban_compact(value: str) -> str:
    """The IBAN without its grouping spaces, upper case; refuses other characters."""
    groups = value.split(" ")
    if any(len(group) != 4 for group in groups[:-1]) or not groups[-1]:
        raise _Refusal(
            "spaties mogen alleen tussen groepen van vier tekens staan",
            "spaces may only separate groups of four characters",
        )
    compact = "".join(groups)
    for char in compact:
        if char not in _ASCII_ALNUM:
            raise _Refusal(
                f"bevat een teken dat geen letter A-Z of cijfer 0-9 is: {_char(char)}",
                f"contains a character that is not a letter A-Z or a digit 0-9: {_char(char)}",
            )
    return compact.upper()


def _iban_structure(iban: str) -> None:
    """Country code of two letters and two check digits."""
    if not iban[:2].isalpha() or len(iban) < 4 or not iban[2:4].isdigit():
        raise _Refusal(
            "moet beginnen met een landcode van twee letters en twee controlecijfers",
            "must start with a two-letter country code and two check digits",
        )
    if iban[2:4] in {"00", "01", "99"}:
        raise _Refusal(
            f"controlecijfers {iban[2:4]} komen in een IBAN nooit voor",
            f"check digits {iban[2:4]} never occur in an IBAN",
        )


def _iban_length(iban: str) -> None:
    """The length the IBAN registry fixes for the country, or 15 to 34 for another country."""
    expected = IBAN_LENGTHS.get(iban[:2])
    if expected is not None and len(iban) != expected:
        raise _Refusal(
            f"een IBAN uit {iban[:2]} heeft {expected} tekens, niet {len(iban)}",
            f"an IBAN from {iban[:2]} has {expected} characters, not {len(iban)}",
        )
    if expected is None and not _IBAN_MIN <= len(iban) <= _IBAN_MAX:
        raise _Refusal(
            f"een IBAN heeft {_IBAN_MIN} tot {_IBAN_MAX} tekens, niet {len(iban)}",
            f"an IBAN has {_IBAN_MIN} to {_IBAN_MAX} characters, not {len(iban)}",
        )


def _iban_remainder(iban: str) -> int:
    """The ISO 7064 mod-97 remainder of a compact upper-case IBAN; 1 for a valid one."""
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97


def _iban(value: str) -> str:
    _require_value(value)
    iban = _iban_compact(value)
    _iban_structure(iban)
    _iban_length(iban)
    if _iban_remainder(iban) != 1:
        raise _Refusal("IBAN-controlegetal klopt niet (mod 97)", "IBAN check digits are wrong (mod 97)")
    return iban


def _postcode(value: str) -> str:
    _require_value(value)
    found = _POSTCODE.fullmatch(value)
    if found is None:
        _require_ascii_digits(value, only_digit_lookalikes=True)
        raise _Refusal(
            "moet vier cijfers en twee letters zijn, zoals 1234 AB",
            "must be four digits and two letters, such as 1234 AB",
        )
    digits, letters = found[1], found[2].upper()
    if digits.startswith("0"):
        raise _Refusal("begint met 0; een postcode begint met 1-9", "starts with 0; a postcode starts with 1-9")
    if letters in _UNISSUED_POSTCODE_LETTERS:
        raise _Refusal(
            f"de letters {letters} worden in postcodes niet gebruikt",
            f"the letters {letters} are not used in postcodes",
        )
    return f"{digits} {letters}"


def _kind(
    name: str, labels: tuple[str, str], example: str, pattern: str, normalise: Callable[[str], str]
) -> IdentifierKind:
    return IdentifierKind(name, {"nl": labels[0], "en": labels[1]}, example, pattern, normalise)


_POSTCODE_PATTERN: Final = "^[1-9][0-9]{3} ([A-RT-Z][A-Z]|S[BCE-RT-Z])$"
_IBAN_PATTERN: Final = "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"

IDENTIFIER_KINDS: Final[Mapping[str, IdentifierKind]] = MappingProxyType({
    "kvk": _kind("kvk", ("KvK-nummer", "Chamber of Commerce number"), "12345678", "^[0-9]{8}$", _digits(8, 8)),
    "agb": _kind("agb", ("AGB-code", "AGB code"), "98001234", "^[0-9]{8}$", _digits(8, 8)),
    "big": _kind("big", ("BIG-nummer", "BIG number"), "19012345601", "^[0-9]{11}$", _digits(11, 11)),
    "skj": _kind(
        "skj", ("SKJ-registratienummer", "SKJ registration number"), "110012345", "^[0-9]{6,9}$", _digits(6, 9)
    ),
    "iban": _kind("iban", ("IBAN", "IBAN"), "NL91ABNA0417164300", _IBAN_PATTERN, _iban),
    "postcode": _kind("postcode", ("postcode", "postcode"), "1234 AB", _POSTCODE_PATTERN, _postcode),
})  # fmt: skip


def identifier_annotation(kind: str) -> Any:
    """`Annotated[str, …]` for a pydantic field holding an identifier of `kind`, stored normalised.

    A wrong value fails validation as a `value_error` with the Dutch message; the JSON Schema
    carries the pattern of the normal form and an example.
    """
    try:
        identifier = IDENTIFIER_KINDS[kind]
    except KeyError:
        known = ", ".join(IDENTIFIER_KINDS)
        msg = f"onbekende soort identificatie {kind!r} (bekend: {known}) / unknown identifier kind {kind!r}"
        raise ValueError(msg) from None

    def validate(value: str) -> str:
        try:
            return identifier.check(value)
        except IdentifierError as error:
            raise ValueError(error.message_nl) from error

    schema: dict[str, Any] = {
        "pattern": _INPUT_PATTERNS.get(kind, _padded(identifier.pattern)),
        "examples": [identifier.example],
        "x-normal-form": identifier.pattern,
    }
    return Annotated[str, AfterValidator(validate), Field(json_schema_extra=schema)]


def _padded(pattern: str) -> str:
    """`pattern` with the surrounding whitespace the check ignores (for editors: what may be typed)."""
    return r"^\s*" + pattern.removeprefix("^").removesuffix("$") + r"\s*$"


# What may be typed where the normal form is stricter: lower case, and spaces inside.
_INPUT_PATTERNS: Final[Mapping[str, str]] = {
    "iban": r"^\s*[A-Za-z]{2}[0-9]{2}( ?[A-Za-z0-9]){11,30}\s*$",
    "postcode": r"^\s*[1-9][0-9]{3} ?[A-Za-z]{2}\s*$",
}
