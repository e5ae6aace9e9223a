"""Properties of the résumé field extractors: no text crashes them, and generated e-mail
addresses, phone numbers and date ranges come back out as they went in."""

from __future__ import annotations

import calendar
from datetime import date

import phonenumbers
from hypothesis import given
from hypothesis import strategies as st

from hireline.resumes.contacts import find_emails, find_phones
from hireline.resumes.dates import find_date_ranges

TODAY = date(2026, 6, 15)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# Countries whose example numbers are a fair spread of lengths and trunk prefixes.
REGIONS = ["US", "GB", "DE", "FR", "ES", "IT", "NL", "IN", "BR", "AU", "JP", "PL", "SE", "ZA"]
FORMATS = [phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.E164]

lines = st.lists(st.text(max_size=120), max_size=8)
labels = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
addresses = st.builds(
    "{}@{}.{}".format,
    st.from_regex(r"[a-z0-9]([a-z0-9_+-]{0,15}[a-z0-9])?(\.[a-z0-9]{1,8}){0,2}", fullmatch=True),
    st.lists(labels, min_size=1, max_size=3).map(".".join),
    st.from_regex(r"[a-z]{2,6}", fullmatch=True),
)
months = st.tuples(
    st.integers(min_value=1990, max_value=2025), st.integers(min_value=1, max_value=12)
)


@given(lines, st.sampled_from([None, *REGIONS]), st.sampled_from([None, *REGIONS]))
def test_no_text_crashes_the_contact_extractors(
    text: list[str], default_region: str | None, home_region: str | None
) -> None:
    for address in find_emails(text):
        assert address == address.lower()
        assert address.count("@") == 1
    for number in find_phones(text, default_region, home_region=home_region):
        assert number.lstrip("+").isdigit()


@given(st.text(max_size=200))
def test_no_text_crashes_the_date_ranges(line: str) -> None:
    for found in find_date_ranges(line, today=TODAY):
        assert 0 <= found.first < found.last <= len(line)
        assert found.end is None or found.start <= found.end


@given(addresses, st.sampled_from(["E-mail: {}", "{}", "<{}>", "{} | +1 415 555 0134", "({})"]))
def test_an_address_comes_back_as_written(address: str, line: str) -> None:
    assert find_emails(["Ada Lovelace", line.format(address.upper())]) == [address]


@given(
    st.sampled_from(REGIONS),
    st.sampled_from(FORMATS),
    st.sampled_from(["Phone: {}", "{}", "Mobile {} | ada@example.com", "Tel. {}"]),
)
def test_a_number_with_its_country_code_comes_back_in_e164(
    region: str, form: int, line: str
) -> None:
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert number is not None
    written = phonenumbers.format_number(number, form)
    expected = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    assert find_phones([line.format(written)], None) == [expected]


@given(st.sampled_from(REGIONS))
def test_a_national_number_is_read_in_the_home_country(region: str) -> None:
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert number is not None
    written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    expected = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    assert find_phones([f"Phone: {written}"], None, home_region=region) == [expected]


@given(months, months, st.sampled_from([" - ", " \u2013 ", " to ", "-", " \u2014 "]))
def test_a_month_range_comes_back_as_its_first_and_last_days(
    first: tuple[int, int], second: tuple[int, int], separator: str
) -> None:
    start, end = sorted([first, second])
    line = (
        f"Engineer, Acme  {MONTHS[start[1] - 1]} {start[0]}{separator}{MONTHS[end[1] - 1]} {end[0]}"
    )
    (found,) = find_date_ranges(line, today=TODAY)
    assert found.start == date(start[0], start[1], 1)
    last_day = calendar.monthrange(end[0], end[1])[1]
    assert found.end == date(end[0], end[1], last_day)


@given(months, st.sampled_from(["Present", "present", "now", "Current"]))
def test_a_range_to_the_present_is_open_ended(start: tuple[int, int], word: str) -> None:
    line = f"{start[1]:02d}/{start[0]} - {word}"
    (found,) = find_date_ranges(line, today=TODAY)
    assert (found.start, found.end) == (date(start[0], start[1], 1), None)
