"""iCalendar reader: time zones (Windows names too), all-day, recurrences, refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from abmdesk.errors import DataError
from abmdesk.interop.formats import ics
from tests.conftest import FIXTURES

IMPORT = FIXTURES / "import"
PERIOD = (dt.date(2024, 6, 1), dt.date(2025, 6, 30))


def test_two_calendars_utc_floating_all_day_and_windows_zones():
    parsed = ics.read(IMPORT / "ics_two_calendars.ics", period=PERIOD)
    assert parsed.format == "ics"
    events = {e.uid: e for e in parsed.events}
    assert list(events) == [
        "utc-1@test",
        "floating-1@test",
        "allday-1@test",
        "windows-1@test",
        "eastern-1@test",
    ]
    utc = events["utc-1@test"]
    assert utc.start == dt.datetime(2025, 1, 15, 10, 0)  # 09:00Z is 10:00 in Paris (winter)
    assert utc.duration_minutes == 90
    assert utc.summary == "Point d'avancement — Acme"
    assert utc.attendee_emails == ["Sophie.Martin@acme-industrie.fr"]  # MAILTO:, deduplicated
    assert utc.organizer_email == "moi@mon-entreprise.fr"
    assert utc.source.line == 4
    floating = events["floating-1@test"]
    assert (floating.start, floating.duration_minutes) == (dt.datetime(2025, 7, 16, 14, 30), 45)
    assert floating.attendee_emails == ["paul@boulangeries-reunies.fr"]  # EMAIL parameter
    all_day = events["allday-1@test"]
    assert (all_day.start, all_day.duration_minutes) == (dt.datetime(2025, 3, 20, 9, 0), None)
    # Romance Standard Time = Paris, on the day summer time begins
    assert events["windows-1@test"].start == dt.datetime(2025, 3, 30, 10, 0)
    assert events["windows-1@test"].duration_minutes == 60
    assert events["eastern-1@test"].start == dt.datetime(2025, 1, 10, 15, 0)  # New York +6 h
    assert [(s.line, why) for s, why in parsed.skipped] == [
        (45, "no attendee or organizer e-mail: nothing links it to an account"),
        (50, "cancelled event"),
    ]


def test_app_time_zone_is_used():
    parsed = ics.read(IMPORT / "ics_two_calendars.ics", tz="America/New_York", period=PERIOD)
    events = {e.uid: e for e in parsed.events}
    assert events["utc-1@test"].start == dt.datetime(2025, 1, 15, 4, 0)
    assert events["eastern-1@test"].start == dt.datetime(2025, 1, 10, 9, 0)
    assert events["floating-1@test"].start == dt.datetime(2025, 7, 16, 14, 30)  # stays local
    with pytest.raises(DataError, match="unknown time zone 'Mars/Olympus'"):
        ics.read(IMPORT / "ics_two_calendars.ics", tz="Mars/Olympus")


def test_outlook_tab_folding_bom_and_vtimezone():
    parsed = ics.read(IMPORT / "ics_outlook_tab_fold.ics")
    assert parsed.encoding == "utf-8-sig"
    (event,) = parsed.events
    assert event.attendee_emails == ["a.levesque@boulangeries-reunies.fr"]
    assert event.uid == (
        "040000008200E00074C5B7101A82E0080000000050B68A2A4DD6DB01000000000000000010000000"
    )
    assert (event.start, event.duration_minutes) == (dt.datetime(2025, 6, 12, 14, 30), 90)
    assert event.summary == "Présentation de l'offre"
    assert event.source.line == 20


def test_recurrences_expanded_within_the_period():
    parsed = ics.read(IMPORT / "ics_recurring.ics", period=PERIOD)
    weekly = [e for e in parsed.events if e.uid == "weekly@test"]
    assert [(e.start, e.duration_minutes) for e in weekly] == [
        (dt.datetime(2025, 1, 6, 10, 0), 30),
        # 13 January is an EXDATE; the 20th was moved to the 21st at 15:00
        (dt.datetime(2025, 1, 21, 15, 0), 60),
        (dt.datetime(2025, 1, 27, 10, 0), 30),
        (dt.datetime(2025, 2, 3, 10, 0), 30),
        (dt.datetime(2025, 2, 10, 10, 0), 30),
    ]
    assert weekly[1].summary == "Point hebdo Acme (décalé)"
    daily = [e for e in parsed.events if e.uid == "forever@test"]
    assert len(daily) == (PERIOD[1] - PERIOD[0]).days + 1  # an endless rule, bounded
    assert daily[0].start == dt.datetime(2024, 6, 1, 10, 0)
    assert daily[-1].start == dt.datetime(2025, 6, 30, 10, 0)
    assert len({(e.uid, e.start) for e in parsed.events}) == len(parsed.events)
    assert [(s.line, why) for s, why in parsed.skipped] == [
        (
            29,
            "recurring event with no occurrence between 2024-06-01 and 2025-06-30 "
            "(the import period)",
        )
    ]


def test_occurrences_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ics, "MAX_OCCURRENCES", 10)
    parsed = ics.read(IMPORT / "ics_recurring.ics", period=PERIOD)
    assert len([e for e in parsed.events if e.uid == "forever@test"]) == 10
    assert any("only its first 10 occurrences" in why for _, why in parsed.skipped)


def test_default_period():
    assert ics.default_period(dt.date(2026, 12, 4)) == (dt.date(2025, 6, 4), dt.date(2027, 6, 4))
    assert ics.default_period(dt.date(2025, 8, 31)) == (dt.date(2024, 2, 29), dt.date(2026, 2, 28))


def test_refusals_are_one_clear_line(tmp_path: Path):
    with pytest.raises(DataError) as err:
        ics.read(IMPORT / "ics_empty.ics")
    assert (
        str(err.value) == "ics_empty.ics: this calendar holds no event (VEVENT): nothing to import"
    )
    with pytest.raises(DataError) as err:
        ics.read(IMPORT / "ics_bad_date.ics")
    assert str(err.value).startswith("ics_bad_date.ics, line 8, column 'DTSTART': cannot read")
    with pytest.raises(DataError, match="not a readable iCalendar file"):
        ics.read(IMPORT / "ics_garbage.ics")
    text = tmp_path / "notes.ics"
    text.write_text("Réunion lundi\n", encoding="utf-8")
    with pytest.raises(DataError, match="not an iCalendar file"):
        ics.read(text)
    for value in (b"", b"BEGIN:VCARD\r\n", b"hello"):
        assert not ics.sniff(value)


def test_utf16_calendar():
    (event,) = ics.read(IMPORT / "ics_utf16.ics").events
    assert event.summary == "Réunion"
    assert ics.sniff((IMPORT / "ics_utf16.ics").read_bytes())


def test_real_files(samples: Path):
    folder = samples / "ics"
    outlook = ics.read(folder / "biweekly_outlook-2010.ics")
    (event,) = outlook.events
    assert event.start == dt.datetime(2013, 6, 10, 18, 0)  # 12:00 New York = 18:00 Paris
    assert event.duration_minutes == 60
    assert event.summary == "Team Meeting"
    assert event.attendee_emails == ["johndoe@example.com", "janedoe@example.com"]
    assert event.organizer_email == "bobsmith@example.com"
    assert event.uid.endswith("0070D00A2F625AC34BB6542DE0D19E67E1")
    with pytest.raises(DataError, match="holds no event"):
        ics.read(folder / "icalendar_bom_calendar.ics")
    holidays = ics.read(folder / "icalendar_example.ics")
    assert holidays.events == []
    assert [s.line for s, _ in holidays.skipped] == [8, 19, 30]
    for path in folder.glob("*.ics"):
        assert ics.sniff(path.read_bytes()), path.name


def test_dry_run_collects_bad_values_and_goes_on():
    errors: list = []
    parsed = ics.read(IMPORT / "ics_bad_date.ics", errors=errors)
    assert [e.uid for e in parsed.events] == ["ok@test"]
    assert [(e.line, e.column) for e in errors] == [(8, "DTSTART")]


def test_registered_for_detection(samples: Path):
    from abmdesk.interop.formats import detect

    path = samples / "ics" / "biweekly_outlook-2010.ics"
    assert detect.detect_format(path)[0] == "ics"
    options = detect.ReadOptions(timezone="UTC")
    (event,) = detect.get_format("ics").read(path, options).events
    assert event.start == dt.datetime(2013, 6, 10, 16, 0)


def test_import_twice_adds_nothing_the_second_time(engine, tmp_path: Path):
    """Through the import service: matched by stakeholder e-mail, then by domain."""
    from sqlalchemy import text

    from abmdesk.services.bundle import import_bundle
    from abmdesk.services.imports import import_files

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "accounts.csv").write_text(
        "name,domain\nAcme Industrie,acme-industrie.fr\n", encoding="utf-8"
    )
    (bundle / "stakeholders.csv").write_text(
        "account,full_name,email\nAcme Industrie,Sophie Martin,sophie.martin@acme-industrie.fr\n",
        encoding="utf-8",
    )
    import_bundle(engine, bundle)
    sql = text(
        "SELECT i.occurred_at, i.duration_minutes, i.notes, s.full_name FROM interactions i "
        "LEFT JOIN stakeholders s ON s.id = i.stakeholder_id WHERE i.type_key = 'meeting' "
        "ORDER BY 1"
    )
    first = import_files(engine, [IMPORT / "ics_two_calendars.ics"])
    assert first.changed
    with engine.connect() as conn:
        rows = conn.execute(sql).fetchall()
    assert [tuple(r) for r in rows] == [
        ("2025-01-15T10:00:00", 90, "Point d'avancement — Acme", "Sophie Martin"),
        ("2025-03-20T09:00:00", None, "Salon Industrie Lyon", None),
    ]
    second = import_files(engine, [IMPORT / "ics_two_calendars.ics"])
    assert not second.changed
    with engine.connect() as conn:
        assert len(conn.execute(sql).fetchall()) == 2


def test_google_floating_times_in_x_wr_timezone():
    parsed = ics.read(IMPORT / "ics_google_x_wr_timezone.ics")
    first, second = parsed.events
    assert (first.start, first.duration_minutes) == (dt.datetime(2025, 1, 10, 16, 0), 90)
    assert second.start == dt.datetime(2025, 1, 11, 16, 0)  # UTC stays UTC
    assert [e.source.line for e in parsed.events] == [6, 13]
