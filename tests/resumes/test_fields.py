"""What `extract_fields` reads from small pieces of résumé text."""

# Résumés are full of en and em dashes; the tests spell them as résumés do.
# ruff: noqa: RUF001

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hireline.resumes import fields
from hireline.resumes.fields import (
    WorkPeriod,
    extract_fields,
    find_date_ranges,
    find_emails,
    find_links,
    find_name,
    find_phones,
    heading_kind,
    label_sections,
    years_of_experience,
)

TODAY = date(2025, 6, 1)


def read(text: str, region: str | None = None) -> fields.ResumeFields:
    return extract_fields(text, today=TODAY, default_region=region)


def spans(line: str) -> list[tuple[date, date | None]]:
    return [(found.start, found.end) for found in find_date_ranges(line, today=TODAY)]


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Jan 2019 – Present", date(2019, 1, 1), None),
        ("January 2019 - present", date(2019, 1, 1), None),
        ("2019-03 to 2021-07", date(2019, 3, 1), date(2021, 7, 31)),
        ("03/2019 - 07/2021", date(2019, 3, 1), date(2021, 7, 31)),
        ("01.2016 – 03.2020", date(2016, 1, 1), date(2020, 3, 31)),
        ("2019/04 – 2021/02", date(2019, 4, 1), date(2021, 2, 28)),
        ("March 2020 — now", date(2020, 3, 1), None),
        ("Sep 2021 — current", date(2021, 9, 1), None),
        ("Feb. 2016–Dec. 2018", date(2016, 2, 1), date(2018, 12, 31)),
        ("Jan '19 – Mar '21", date(2019, 1, 1), date(2021, 3, 31)),
        ("sept. 2019 – aujourd'hui", date(2019, 9, 1), None),
        ("janvier 2018 à décembre 2020", date(2018, 1, 1), date(2020, 12, 31)),
        ("März 2021 – heute", date(2021, 3, 1), None),
        ("Okt. 2017 bis Feb. 2021", date(2017, 10, 1), date(2021, 2, 28)),
        ("Ene 2019 – Ago 2021", date(2019, 1, 1), date(2021, 8, 31)),
        ("Jan – Mar 2019", date(2019, 1, 1), date(2019, 3, 31)),
        ("Nov – Feb 2019", date(2018, 11, 1), date(2019, 2, 28)),
    ],
)
def test_date_ranges_in_many_spellings(line: str, start: date, end: date | None) -> None:
    assert spans(line) == [(start, end)]


def test_a_bare_year_is_taken_as_its_middle() -> None:
    assert spans("2017 – 2019") == [(date(2017, 7, 1), date(2019, 6, 30))]
    assert spans("2019 - 2019") == [(date(2019, 7, 1), date(2019, 12, 31))]


@pytest.mark.parametrize(
    "line", ["since 2021", "Since March 2021", "seit 04/2021", "depuis 2021", "desde 2021"]
)
def test_since_means_up_to_now(line: str) -> None:
    [(start, end)] = spans(line)
    assert start.year == 2021
    assert end is None


def test_dates_that_are_not_ranges_are_not_read_as_ranges() -> None:
    assert spans("Graduated 2015, moved to Lyon in 2016") == []
    assert spans("Phone: +49 30 2019 2021") == []
    assert spans("Released version 2.0 in May") == []


def test_ranges_in_the_education_section_are_not_work() -> None:
    text = """Ada Quill
Experience
Engineer, Foo Ltd, Jan 2020 – Dec 2021
Education
BSc Physics, University of Bath, 2014 – 2019
"""
    result = read(text)
    assert result.years_experience == 2.0
    assert [period.start for period in result.work_history] == [date(2020, 1, 1)]


@pytest.mark.parametrize(
    ("experience", "education"),
    [
        ("Berufserfahrung", "Ausbildung"),
        ("Expérience professionnelle", "Formation"),
        ("EXPERIENCIA", "EDUCACIÓN"),
        ("Work History:", "Education:"),
    ],
)
def test_headings_in_several_languages_tell_sections_apart(experience: str, education: str) -> None:
    text = f"Name Here\n{experience}\nDev, X, 2020-01 – 2020-12\n{education}\nMSc, 2010 – 2015\n"
    assert read(text).years_experience == 1.0


def test_without_headings_education_lines_are_still_not_work() -> None:
    text = """Kofi Mensah
Developer at Volta Apps (Mar 2019 – Feb 2021)
BSc Computer Science, University of Ghana (2014 – 2018)
"""
    assert read(text).years_experience == 2.0


def test_overlapping_jobs_count_once() -> None:
    periods = [
        WorkPeriod(date(2019, 1, 1), date(2020, 12, 31), None, None),
        WorkPeriod(date(2020, 1, 1), date(2021, 12, 31), None, None),
        WorkPeriod(date(2020, 6, 1), date(2020, 8, 31), None, None),
    ]
    assert years_of_experience(periods, today=TODAY) == 3.0


def test_present_runs_to_today_and_future_ends_are_cut_at_today() -> None:
    assert years_of_experience(
        [WorkPeriod(date(2020, 6, 1), None, None, None)], today=TODAY
    ) == pytest.approx(5.0)
    assert years_of_experience(
        [WorkPeriod(date(2024, 6, 1), date(2030, 1, 1), None, None)], today=TODAY
    ) == pytest.approx(1.0)


def test_no_dated_jobs_means_unknown_experience() -> None:
    assert read("Sam Student\nEducation\nBSc, Uni of X, 2026\n").years_experience is None


def test_a_range_broken_over_two_lines_is_joined() -> None:
    text = "Experience\nEngineer, Acme\nJan 2020 –\nDec 2021\n"
    assert read(text).years_experience == 2.0


def test_title_and_employer_are_read_from_the_dated_line() -> None:
    text = "Experience\nBackend Engineer at Cobalt Bank, Jan 2020 – Present\n"
    [period] = read(text).work_history
    assert period.title == "Backend Engineer"
    assert period.employer == "Cobalt Bank"
    assert period.end is None


# --- e-mail, phones, links -----------------------------------------------------------------


def test_emails_are_lowercased_deduplicated_and_lose_a_trailing_dot() -> None:
    lines = ["Write to Ana.Lima@Example.COM.", "or ana.lima@example.com, or (ana@lab.example.org)"]
    assert find_emails(lines) == ["ana.lima@example.com", "ana@lab.example.org"]


def test_not_quite_emails_are_not_read() -> None:
    assert find_emails(["@handle", "user@localhost", "a@b", "x@y.z"]) == []


def test_an_email_broken_by_a_narrow_column_is_put_back_together() -> None:
    assert read("Ana Lima\nana.lima@mail.examp\nle.com\n").emails == ["ana.lima@mail.example.com"]


@pytest.mark.parametrize(
    ("line", "region", "expected"),
    [
        ("+44 20 7946 0958", None, ["+442079460958"]),
        ("Tél. : +33 6 12 34 56 78", None, ["+33612345678"]),
        ("+49 (0)30 12345678", None, ["+493012345678"]),
        ("+1 (415) 555-0132", None, ["+14155550132"]),
        ("+91 98765 43210", None, ["+919876543210"]),
        ("020 7946 0958", "GB", ["+442079460958"]),
        ("(512) 555-0142", "US", ["+15125550142"]),
        ("Phone: 07911 123456", None, ["07911123456"]),
        ("+44 7700 900123", None, ["+447700900123"]),  # a drama number: kept as written
    ],
)
def test_phones_in_e164_when_the_country_is_known(
    line: str, region: str | None, expected: list[str]
) -> None:
    assert find_phones([line], region) == expected


def test_national_numbers_take_the_country_of_an_international_one() -> None:
    lines = ["Mobile +44 7911 123456", "Office 020 7946 0958"]
    assert find_phones(lines, None) == ["+447911123456", "+442079460958"]


def test_date_ranges_and_years_are_not_phones() -> None:
    lines = ["2015 – 2019 Developer", "03/2019 - 07/2021", "Jan 2016 – Dec 2019"]
    assert find_phones(lines, "DE") == []
    assert find_phones(lines, "US") == []


def test_links_are_classified_and_normalised() -> None:
    lines = [
        "Ana Lima",
        "ana@lima.example.com · https://LinkedIn.com/in/ana-lima/ · github.com/analima/dotfiles",
        "www.analima.dev | http://blog.analima.net/",
    ]
    links = find_links(lines, label_sections(lines), ["ana@lima.example.com"])
    assert links == {
        "linkedin": ["https://www.linkedin.com/in/ana-lima"],
        "github": ["https://github.com/analima"],
        "website": ["https://www.analima.dev", "https://blog.analima.net"],
    }


def test_email_domains_company_sites_in_prose_and_tech_names_are_not_websites() -> None:
    text = """Ana Lima
ana@lima-consulting.example.com
Experience
Engineer at Acme (Jan 2020 – Present)
Built the new checkout for shop.acme.example.com together with the payments and design teams.
Stack: Node.js, Vue.js, ASP.NET, socket.io
"""
    assert read(text).links == {"linkedin": [], "github": [], "website": []}


def test_a_labelled_site_counts_wherever_it_is() -> None:
    text = "Ana Lima\nExperience\nDev, X, 2020 – 2021\nProjects\nPortfolio: analima.example.dev\n"
    assert read(text).links["website"] == ["https://analima.example.dev"]


# --- name -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["Zoë Müller-Łukasiewicz", "Berlin"], "Zoë Müller-Łukasiewicz"),
        (["José Núñez | Backend developer"], "José Núñez"),
        (["Curriculum Vitae", "François Lefèvre"], "François Lefèvre"),
        (["RÉSUMÉ", "SIOBHÁN O'NEILL", "Dublin"], "Siobhán O'Neill"),
        (["Katharina von Berg"], "Katharina von Berg"),
        (["Ana Luísa da Silva Pereira"], "Ana Luísa da Silva Pereira"),
        (["Name: Kofi A. Mensah"], "Kofi A. Mensah"),
        (["Senior Software Engineer", "Priya Raghunathan"], "Priya Raghunathan"),
        (["Experience", "Skills"], None),
        (["ana@example.com", "+44 20 7946 0958", "https://ana.dev"], None),
        (["Python Django Postgres Redis Kafka Docker"], None),
    ],
)
def test_name_is_the_first_line_that_reads_as_a_name(lines: list[str], name: str | None) -> None:
    assert find_name(lines) == name


# --- skills ---------------------------------------------------------------------------------


class _FakeTaxonomy:
    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.seen = ""

    def find(self, text: str) -> list[str]:
        self.seen = text
        return list(self.names)


def test_false_friends_are_not_skills() -> None:
    text = "Ana Lima\nWorked in R&D with C-level sponsors; good at going live.\nPython daily."
    assert read(text).skills == ["Python"]
    assert set(read("Ana Lima\nSkills: R, Go, C, Python").skills) == {"R", "Go", "C", "Python"}


def test_addresses_and_the_name_are_not_searched_for_skills(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    taxonomy = _FakeTaxonomy([])
    monkeypatch.setattr(fields, "load_taxonomy", lambda: taxonomy)
    read("Julia Ruby\njulia.ruby@rust.example.com\ngithub.com/juliaruby\nSkills: Go")
    assert "Julia" not in taxonomy.seen
    assert "rust" not in taxonomy.seen
    assert "github" not in taxonomy.seen
    assert "Skills: Go" in taxonomy.seen


def test_skills_come_back_canonical() -> None:
    text = (
        "Ada Quill\nSkills: Python, Postgres, k8s\nWrote JavaScript, not Java... well, also Java."
    )
    skills = read(text).skills
    for expected in ("Python", "PostgreSQL", "Kubernetes", "JavaScript", "Java"):
        assert expected in skills


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_000_000,
        "@" * 1_000_000,
        "a@" * 500_000,
        "a." * 500_000,
        "1" * 1_000_000,
        "1-" * 500_000,
        "Jan 2019 – " * 90_000,
        "+4" * 500_000,
        "https://" + "a/" * 500_000,
        "Ab " * 330_000,
        "x@y." + "a-" * 500_000,
        ("Experience\n" + "Dev, 2019 – 2020\n") * 50_000,
    ],
)
def test_a_megabyte_of_hostile_text_is_read_quickly(text: str) -> None:
    started = time.perf_counter()
    read(text, "GB")
    assert time.perf_counter() - started < 5.0


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2_000))
def test_any_text_gives_fields_not_errors(text: str) -> None:
    result = read(text, "FR")
    assert all(email == email.lower() for email in result.emails)
    assert result.years_experience is None or result.years_experience >= 0


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Education & Certification", "education"),
        ("Certifications and Education", "education"),
        ("Work History", "experience"),
        ("PROFESSIONAL EXPERIENCE:", "experience"),
        ("Work History ───────────────", "experience"),
        ("Professional Experience ______________", "experience"),
        ("EDUCATION AND CERTIFICATIONS:", "education"),
        ("Skills & Tools", "skills"),
        ("Go, Python and SQL", None),
    ],
)
def test_heading_variants_are_recognised(heading: str, kind: str | None) -> None:
    assert heading_kind(heading) == kind


def test_a_certificate_in_education_and_certification_is_never_a_job() -> None:
    found = read(
        "Ana Lima\n"
        "WORK HISTORY ──────────\n"
        "Data Engineer, Ledgerly, Jan 2020 - Dec 2022\n"
        "Education & Certification\n"
        "AWS Certified Solutions Architect, 2015 - 2018\n"
        "BSc Computer Science, University of Leeds, 2011 - 2014\n"
    )
    assert found.years_experience == 3.0
    assert len(found.work_history) == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MÜLLER, Zoë\nzoe@mail.example", "Zoë Müller"),
        ("Joris\nvan Dijk\nSenior Engineer\njoris@mail.example", "Joris van Dijk"),
        ("ZOË MÜLLER-ŁUKASIEWICZ\nzoe@mail.example", "Zoë Müller-Łukasiewicz"),
        ("Lyon, France\nAna Lima\nana@mail.example", "Ana Lima"),
        # A sidebar printed after the main column: the name is right above the contacts.
        (
            "Summary\nShipped things.\nEducation\nBSc Computer Science, University of Leeds\n"
            "Certified Kubernetes Administrator\nWÓJCIK,\nTomasz\nContact\ntomasz@mail.example",
            "Tomasz Wójcik",
        ),
        ("Skills\nSpring Boot\nEducation\nBSc Computer Science", None),
    ],
)
def test_names_in_many_layouts_and_never_from_education_or_skills(
    text: str, name: str | None
) -> None:
    assert read(text).name == name


def test_addresses_cut_by_a_narrow_sidebar_are_joined_and_their_labels_are_no_skills() -> None:
    found = read(
        "Ana Lima\nE-mail:\nana.lima@posteo.example\n.de\nPhone: +33-6-12-34-52-83\n"
        "GitHub:\nhttps://github.com/ana36\n3\nSkills\nPython, SQL"
    )
    assert found.emails == ["ana.lima@posteo.example.de"]
    assert found.links["github"] == ["https://github.com/ana363"]
    assert found.phones == ["+33612345283"]
    assert found.skills == ["Python", "SQL"]


def test_a_certificate_or_degree_among_the_jobs_is_never_a_job() -> None:
    found = read(
        "Ana Lima\nExperience\nScrum Master, Ledgerly, Jan 2020 - Dec 2022\n"
        "AWS Certified Developer, 2016 - 2019\nMaster of Science, 2014 - 2016\n"
    )
    assert found.years_experience == 3.0
    assert [period.title for period in found.work_history] == ["Scrum Master"]
