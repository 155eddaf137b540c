"""Certificate codes (certificates/codes.py): random from ``secrets``, at least 80 bits,
printed in groups, without characters a reader confuses, and read back whatever the case,
spacing or dashes. Pure functions: no database."""

import math
import re
from unittest import mock

import pytest

from certificates import codes

AMBIGUOUS = set("ILOU")


def test_a_code_is_sixteen_characters_of_the_alphabet_printed_in_four_groups_of_four():
    code = codes.new_code()

    assert len(code) == codes.LENGTH == 16
    assert set(code) <= set(codes.ALPHABET)
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", codes.grouped(code))
    assert codes.grouped(code).replace("-", "") == code


def test_a_code_carries_at_least_80_bits():
    assert len(set(codes.ALPHABET)) == len(codes.ALPHABET) == 32
    assert len(codes.ALPHABET) ** codes.LENGTH >= 2**80
    assert math.log2(len(codes.ALPHABET)) * codes.LENGTH >= 80


def test_the_alphabet_leaves_out_the_letters_read_as_digits_or_other_letters():
    assert not AMBIGUOUS & set(codes.ALPHABET)
    assert codes.ALPHABET.isupper() and codes.ALPHABET.isalnum()


def test_each_character_is_drawn_from_secrets_not_from_random():
    drawn = iter("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    with mock.patch.object(
        codes.secrets, "choice", side_effect=lambda _alphabet: next(drawn)
    ) as choice:
        code = codes.new_code()

    assert code == "0123456789ABCDEF"
    assert choice.call_count == codes.LENGTH
    assert {call.args for call in choice.call_args_list} == {(codes.ALPHABET,)}


def test_many_codes_are_all_different():
    assert len({codes.new_code() for _ in range(2000)}) == 2000


@pytest.mark.parametrize(
    "typed",
    [
        "7Q2K9XW4M3FA0RTB",
        "7Q2K-9XW4-M3FA-0RTB",
        "7q2k-9xw4-m3fa-0rtb",
        " 7q2k 9xw4  m3fa 0rtb ",
        "7Q2K_9XW4.M3FA\t0RTB",
        "7Q2K-9XW4-M3FA-ORTB",  # the letter O for the digit 0
        "7q2k-9xw4-m3fa-ortb",
    ],
)
def test_what_a_reader_types_folds_to_the_stored_code(typed):
    assert codes.normalise(typed) == "7Q2K9XW4M3FA0RTB"


def test_i_and_l_read_as_the_digit_one():
    assert codes.normalise("1111-2222-3333-4444") == "1111222233334444"
    assert codes.normalise("IiLl-2222-3333-4444") == "1111222233334444"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        None,
        "7Q2K-9XW4-M3FA",  # a group short
        "7Q2K-9XW4-M3FA-0RTB-A",  # a character too many
        "7Q2K-9XW4-M3FA-0RTU",  # U is not in the alphabet (and is not folded)
        "7Q2K-9XW4-M3FA-0RT?",
        "https://example.org/verify/7Q2K9XW4M3FA0RTB/",
    ],
)
def test_text_that_cannot_be_a_code_is_none(typed):
    assert codes.normalise(typed) is None


def test_a_printed_code_read_back_in_any_case_is_the_code():
    code = codes.new_code()

    assert codes.normalise(codes.grouped(code)) == code
    assert codes.normalise(codes.grouped(code).lower()) == code
    assert codes.normalise(codes.grouped(code).replace("-", " ")) == code
