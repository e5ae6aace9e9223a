"""A broken export is refused with the record it trips on, and nothing is stored half-way."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.imports.conftest import FIXTURES, Organisation

STORED = ("jobs", "candidates", "applications", "resumes", "import_records")


def _nothing_stored(organisation: Organisation) -> None:
    for table in STORED:
        assert organisation.count(table) == 0, table
    assert organisation.parse_jobs() == 0
    assert organisation.stored_files() == []


def test_a_file_that_is_not_json_is_refused_by_name(
    organisation: Organisation, export_copy: Callable[[str], Path]
) -> None:
    export = export_copy("greenhouse")
    (export / "candidates.json").write_text('[{"id": 9001, "first_name": "Ada"')

    result = organisation.run("greenhouse", str(export))

    assert result.exit_code == 2
    assert "candidates.json: not valid JSON" in result.output
    _nothing_stored(organisation)


def test_bad_records_are_listed_and_none_is_stored(
    organisation: Organisation, export_copy: Callable[[str], Path]
) -> None:
    export = export_copy("greenhouse")
    applications = json.loads((export / "applications.json").read_text())
    applications[1]["status"] = "archived"
    applications[4]["jobs"] = [{"id": 4999, "name": "Gone"}]
    (export / "applications.json").write_text(json.dumps(applications))
    candidates = json.loads((export / "candidates.json").read_text())
    candidates[0]["email_addresses"] = [{"value": "ada-at-example.com", "type": "personal"}]
    (export / "candidates.json").write_text(json.dumps(candidates))
    (export / "attachments" / "9003" / "alan_turing_cv.txt").unlink()

    result = organisation.run("greenhouse", str(export))

    assert result.exit_code == 1
    assert "Nothing was stored" in result.output
    assert "applications.json id 7002: unknown application status 'archived'" in result.output
    assert "applications.json id 7005: its job 4999 was not imported" in result.output
    assert "candidates.json id 9001: email: value is not a valid email address" in result.output
    assert (
        "candidates.json id 9003 attachment 'alan_turing_cv.txt': the file is not in the export"
        in result.output
    )
    _nothing_stored(organisation)


def test_a_resume_that_is_no_document_is_an_error(
    organisation: Organisation, export_copy: Callable[[str], Path]
) -> None:
    export = export_copy("lever")
    (export / "attachments" / "0f1a9c2e-opp1" / "hamilton.txt").write_bytes(b"MZ\x00\x90binary")

    result = organisation.run("lever", str(export))

    assert result.exit_code == 1
    assert "opportunities.json id 0f1a9c2e-opp1 résumé 'hamilton.txt': hamilton.txt is not" in (
        result.output
    )
    _nothing_stored(organisation)


def test_a_csv_row_with_an_unknown_status_names_its_line(
    organisation: Organisation, tmp_path: Path
) -> None:
    rows = (FIXTURES / "csv" / "applicants.csv").read_text().splitlines()
    rows[2] = rows[2].replace("Not selected", "Ghosted")
    spoiled = tmp_path / "applicants.csv"
    spoiled.write_text("\n".join(rows) + "\n")

    result = organisation.run(
        "csv", str(spoiled), "--mapping", str(FIXTURES / "csv" / "mapping.toml")
    )

    assert result.exit_code == 1
    assert "line 3: unknown status 'Ghosted' (map it under `statuses`)" in result.output
    _nothing_stored(organisation)


def test_a_mapping_naming_a_missing_column_is_refused(
    organisation: Organisation, tmp_path: Path
) -> None:
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"columns": {"name": "Full name", "job": "Position"}}))

    result = organisation.run(
        "csv", str(FIXTURES / "csv" / "applicants.csv"), "--mapping", str(mapping)
    )

    assert result.exit_code == 2
    assert "the mapping names columns it lacks: ['Full name']" in result.output
    _nothing_stored(organisation)


def test_an_unknown_organisation_is_refused(organisation: Organisation) -> None:
    result = Organisation(
        organisation.id, "no-such-org", organisation.owner_url, organisation.data_dir
    ).run("greenhouse", str(FIXTURES / "greenhouse"))

    assert result.exit_code == 2
    assert "no organisation has the slug 'no-such-org'" in result.output
    _nothing_stored(organisation)


def test_a_value_the_database_cannot_hold_names_its_record(
    organisation: Organisation, export_copy: Callable[[str], Path]
) -> None:
    export = export_copy("greenhouse")
    candidates = json.loads((export / "candidates.json").read_text())
    candidates[1]["last_name"] = "Hop\u0000per"
    (export / "candidates.json").write_text(json.dumps(candidates))

    result = organisation.run("greenhouse", str(export))

    assert result.exit_code == 1, result.output
    assert "candidates.json id 9002: the database refused it" in result.output
    _nothing_stored(organisation)


def test_a_record_missing_a_field_says_which(
    organisation: Organisation, export_copy: Callable[[str], Path]
) -> None:
    export = export_copy("lever")
    page = json.loads((export / "opportunities.json").read_text())
    del page["data"][2]["name"]
    (export / "opportunities.json").write_text(json.dumps(page))

    result = organisation.run("lever", str(export), "--dry-run")

    assert result.exit_code == 1
    assert "opportunities.json id 9e8d7c6b-opp3: the field 'name' is missing" in result.output
    _nothing_stored(organisation)
