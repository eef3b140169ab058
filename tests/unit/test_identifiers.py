"""Identifiers of the field: known valid and invalid values per kind, IBAN properties, Unicode digits, normal forms."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from kwaliteitsregels.facts.identifiers import (
    IBAN_LENGTHS,
    IDENTIFIER_KINDS,
    IdentifierError,
    identifier_annotation,
)

SETTINGS = settings(max_examples=200, deadline=None)

VALID = [
    ("kvk", "12345678", "12345678"),
    ("kvk", " 69599084 ", "69599084"),
    ("agb", "98001234", "98001234"),
    ("agb", "01000000", "01000000"),
    ("big", "19012345601", "19012345601"),
    ("skj", "123456", "123456"),
    ("skj", "110012345", "110012345"),
    ("iban", "NL91ABNA0417164300", "NL91ABNA0417164300"),
    ("iban", "nl91abna0417164300", "NL91ABNA0417164300"),
    ("iban", "NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"),
    ("iban", "GB82WEST12345698765432", "GB82WEST12345698765432"),
    ("iban", "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
    ("iban", "DE89370400440532013000", "DE89370400440532013000"),
    ("iban", "BE68539007547034", "BE68539007547034"),
    ("iban", "FR1420041010050500013M02606", "FR1420041010050500013M02606"),
    ("iban", "NO9386011117947", "NO9386011117947"),
    ("iban", "MT84MALT011000012345MTLCAST001S", "MT84MALT011000012345MTLCAST001S"),
    ("postcode", "1234 AB", "1234 AB"),
    ("postcode", "1234AB", "1234 AB"),
    ("postcode", "9999 zz", "9999 ZZ"),
    ("postcode", "1000 SB", "1000 SB"),
]

INVALID = [
    ("kvk", "", "is leeg"),
    ("kvk", "1234567", "precies 8 cijfers"),
    ("kvk", "123456789", "niet 9"),
    ("kvk", "1234 5678", "geen cijfer 0-9 is: ' '"),
    ("kvk", "1234567a", "geen cijfer 0-9 is: 'a'"),
    ("kvk", "-1234567", "geen cijfer 0-9"),
    ("agb", "1234567", "precies 8 cijfers"),
    ("big", "1234567890", "precies 11 cijfers"),
    ("skj", "12345", "6 tot 9 cijfers"),
    ("skj", "1234567890", "6 tot 9 cijfers"),
    ("iban", "NL91ABNA0417164301", "IBAN-controlegetal klopt niet (mod 97)"),
    ("iban", "NL92ABNA0417164300", "mod 97"),
    ("iban", "NL91ABNA041716430", "heeft 18 tekens, niet 17"),
    ("iban", "DE8937040044053201300", "heeft 22 tekens"),
    ("iban", "NL91 ABNA 0417 164 300", "groepen van vier"),
    ("iban", "NL91  ABNA0417164300", "groepen van vier"),
    ("iban", "NL91-ABNA-0417-1643-00", "geen letter A-Z of cijfer 0-9 is: '-'"),
    ("iban", "91NLABNA0417164300", "landcode"),
    ("iban", "NLABABNA0417164300", "controlecijfers"),
    ("iban", "XX0012", "controlecijfers 00"),
    ("iban", "ZZ123", "15 tot 34 tekens"),
    ("iban", "Z1123456789012345", "landcode"),
    ("iban", "ZZ12ABCD", "15 tot 34 tekens"),
    ("iban", "ẞL91ABNA0417164300", "geen letter A-Z"),  # upper-casing must not turn ß-like letters into ASCII
    ("postcode", "0123 AB", "begint met 0"),
    ("postcode", "1234 SA", "SA"),
    ("postcode", "1234sd", "SD"),
    ("postcode", "1234 SS", "SS"),
    ("postcode", "1234  AB", "vier cijfers en twee letters"),
    ("postcode", "123 AB", "vier cijfers en twee letters"),
    ("postcode", "1234 A", "vier cijfers en twee letters"),
    ("postcode", "1234 ÄB", "vier cijfers en twee letters"),
    ("postcode", "1234 AB\n1", "vier cijfers en twee letters"),
    ("postcode", "12٣4 AB", "geen cijfer 0-9 is: '٣'"),
]

UNICODE_DIGITS = ["٣", "۳", "३", "３", "³", "²", "¹", "𝟑", "߃", "๓", "①"]


@pytest.mark.parametrize(("kind", "value", "normal"), VALID)
def test_valid_values_are_normalised(kind: str, value: str, normal: str) -> None:
    assert IDENTIFIER_KINDS[kind].check(value) == normal


@pytest.mark.parametrize(("kind", "value", "fragment"), INVALID)
def test_invalid_values_say_what_is_wrong(kind: str, value: str, fragment: str) -> None:
    with pytest.raises(IdentifierError) as caught:
        IDENTIFIER_KINDS[kind].check(value)
    error = caught.value
    assert fragment in error.message_nl
    assert (error.kind, error.value) == (kind, value)
    assert error.message_nl.startswith(IDENTIFIER_KINDS[kind].label["nl"])
    assert error.message_en.startswith(IDENTIFIER_KINDS[kind].label["en"])
    assert isinstance(error, ValueError)


def test_messages_are_bilingual() -> None:
    with pytest.raises(IdentifierError) as caught:
        IDENTIFIER_KINDS["iban"].check("NL91ABNA0417164301")
    assert caught.value.message_en == "IBAN 'NL91ABNA0417164301': IBAN check digits are wrong (mod 97)"
    assert str(caught.value) == f"{caught.value.message_nl} / {caught.value.message_en}"


def test_a_unicode_digit_is_named_in_the_message() -> None:
    with pytest.raises(IdentifierError, match="bevat een teken dat geen cijfer 0-9 is: '٣'"):
        IDENTIFIER_KINDS["kvk"].check("1234567٣")


def test_a_long_value_is_shortened_in_the_message() -> None:
    with pytest.raises(IdentifierError) as caught:
        IDENTIFIER_KINDS["kvk"].check("9" * 1000)
    assert len(caught.value.message_nl) < 150


@pytest.mark.parametrize("kind", sorted(IDENTIFIER_KINDS))
def test_every_example_is_valid_and_normal(kind: str) -> None:
    identifier = IDENTIFIER_KINDS[kind]
    assert identifier.check(identifier.example) == identifier.example
    assert identifier.name == kind
    assert set(identifier.label) == {"nl", "en"}


@pytest.mark.parametrize("kind", sorted(IDENTIFIER_KINDS))
@pytest.mark.parametrize("digit", UNICODE_DIGITS)
def test_unicode_digits_are_refused_for_every_kind(kind: str, digit: str) -> None:
    example = IDENTIFIER_KINDS[kind].example
    position = next(i for i, char in enumerate(example) if char in string.digits)
    with pytest.raises(IdentifierError):
        IDENTIFIER_KINDS[kind].check(example[:position] + digit + example[position + 1 :])


# ---------------------------------------------------------------- IBAN properties

_BBAN_CHARS = string.ascii_uppercase + string.digits


def _with_check_digits(country: str, bban: str) -> str:
    """The IBAN for `country` and `bban`, check digits computed as ISO 13616 prescribes."""
    numeric = "".join(str(int(char, 36)) for char in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


@st.composite
def valid_ibans(draw: st.DrawFn) -> str:
    country = draw(st.sampled_from(sorted(IBAN_LENGTHS)))
    bban = draw(st.text(_BBAN_CHARS, min_size=IBAN_LENGTHS[country] - 4, max_size=IBAN_LENGTHS[country] - 4))
    return _with_check_digits(country, bban)


def test_the_test_computes_the_published_check_digits() -> None:
    assert _with_check_digits("NL", "ABNA0417164300") == "NL91ABNA0417164300"
    assert _with_check_digits("GB", "WEST12345698765432") == "GB82WEST12345698765432"
    assert _with_check_digits("DE", "370400440532013000") == "DE89370400440532013000"


@SETTINGS
@given(valid_ibans())
def test_every_generated_iban_passes(iban: str) -> None:
    assert IDENTIFIER_KINDS["iban"].check(iban) == iban


@SETTINGS
@given(valid_ibans(), st.data())
def test_any_single_digit_change_fails(iban: str, data: st.DataObject) -> None:
    positions = [i for i, char in enumerate(iban) if char in string.digits]
    position = data.draw(st.sampled_from(positions))
    replacement = data.draw(st.sampled_from([d for d in string.digits if d != iban[position]]))
    changed = iban[:position] + replacement + iban[position + 1 :]
    with pytest.raises(IdentifierError):
        IDENTIFIER_KINDS["iban"].check(changed)


@SETTINGS
@given(valid_ibans())
def test_grouped_lower_case_input_gives_the_compact_form(iban: str) -> None:
    grouped = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)).lower()
    assert IDENTIFIER_KINDS["iban"].check(grouped) == iban


# ---------------------------------------------------------------- normalisation

_INPUTS = st.one_of(
    st.text(string.digits + " abAB", max_size=14),
    st.text(max_size=12),
    valid_ibans(),
    st.builds(lambda d, s, letters: f"{d}{s}{letters}", st.integers(1000, 9999), st.sampled_from(["", " "]),
              st.text("abzsdAZSD", min_size=2, max_size=2)),
)  # fmt: skip


@SETTINGS
@given(st.sampled_from(sorted(IDENTIFIER_KINDS)), _INPUTS)
def test_normalisation_is_idempotent(kind: str, value: str) -> None:
    identifier = IDENTIFIER_KINDS[kind]
    try:
        normal = identifier.check(value)
    except IdentifierError:
        return
    assert identifier.check(normal) == normal
    assert normal.isascii()


# ---------------------------------------------------------------- pydantic


class _Provider(BaseModel):
    kvk: identifier_annotation("kvk")  # type: ignore[valid-type]
    iban: identifier_annotation("iban")  # type: ignore[valid-type]
    postcode: identifier_annotation("postcode")  # type: ignore[valid-type]


def test_pydantic_fields_store_the_normal_form() -> None:
    provider = _Provider(kvk="12345678", iban="nl91 abna 0417 1643 00", postcode="1234ab")
    assert (provider.iban, provider.postcode) == ("NL91ABNA0417164300", "1234 AB")


def test_pydantic_reports_a_value_error_in_dutch() -> None:
    with pytest.raises(ValidationError) as caught:
        _Provider(kvk="1234567٣", iban="NL91ABNA0417164301", postcode="1234 AB")
    errors = {error["loc"][0]: error for error in caught.value.errors()}
    assert set(errors) == {"kvk", "iban"}
    assert errors["iban"]["type"] == "value_error"
    assert "IBAN-controlegetal klopt niet (mod 97)" in errors["iban"]["msg"]
    assert "'٣'" in errors["kvk"]["msg"]


def test_the_json_schema_carries_pattern_and_example() -> None:
    schema = _Provider.model_json_schema()["properties"]["postcode"]
    assert schema["x-normal-form"] == IDENTIFIER_KINDS["postcode"].pattern
    assert schema["examples"] == ["1234 AB"]


@pytest.mark.parametrize(
    ("kind", "typed"),
    [("iban", " nl91 abna 0417 1643 00 "), ("postcode", "1234ab"), ("kvk", " 12345678"), ("big", "19012345601 ")],
)
def test_the_json_schema_accepts_what_the_check_accepts(kind: str, typed: str) -> None:
    """An editor must not flag what the loader takes: the schema's pattern is the typed form's."""
    annotation = identifier_annotation(kind)
    adapter = TypeAdapter(annotation)
    assert adapter.validate_python(typed) == IDENTIFIER_KINDS[kind].check(typed)
    assert re.search(adapter.json_schema()["pattern"], typed)


@pytest.mark.parametrize("kind", sorted(IDENTIFIER_KINDS))
def test_the_pattern_describes_the_normal_form(kind: str) -> None:
    identifier = IDENTIFIER_KINDS[kind]
    assert re.fullmatch(identifier.pattern.strip("^$"), identifier.example)


def test_postcode_pattern_excludes_the_unissued_letters() -> None:
    pattern = IDENTIFIER_KINDS["postcode"].pattern
    letters = [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]
    allowed = {pair for pair in letters if re.fullmatch(pattern, f"1234 {pair}")}
    assert set(letters) - allowed == {"SA", "SD", "SS"}


def test_an_unknown_kind_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="bekend: kvk, agb"):
        identifier_annotation("kvk-nummer")
