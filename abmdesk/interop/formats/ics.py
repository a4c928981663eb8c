"""iCalendar files (``.ics``) read into event records, each to become a ``meeting``.

Parsing is the ``icalendar`` library's (it unfolds Outlook's TAB continuations, reads
VTIMEZONE blocks and maps Windows time-zone names such as ``Romance Standard Time``
to IANA ones with its CLDR ``windowsZones`` table); recurrences are expanded by
``recurring_ical_events`` (RRULE, RDATE, EXDATE, moved occurrences).

Decisions:

- **Times** become naive local date-times in the app's time zone (setting
  ``timezone``, default Europe/Paris): UTC and zoned times are converted; floating
  times (no zone) are in the calendar's ``X-WR-TIMEZONE`` when it has one (Google,
  through ``x_wr_timezone``), else taken as already local, like times in a zone
  nobody knows.
- **All-day events** (DATE values) start at 09:00 local on their first day, with no
  duration: an all-day entry says nothing about the time spent, and a 24-hour duration
  would count as staff time in the ROI. A multi-day one is one interaction.
- **Duration** = DTEND − DTSTART (in real time, across a change of daylight-saving
  time), else DURATION, in whole minutes; none when zero or negative.
- **Recurring events** are expanded within the import period, by default from 18
  months before today to 6 months after it (:func:`default_period`); at most
  :data:`MAX_OCCURRENCES` per event. Single events are taken whatever their date.
- **Left out, with their reason**: cancelled events (``STATUS:CANCELLED``, or a
  ``METHOD:CANCEL`` calendar), events without DTSTART, events with no attendee or
  organizer e-mail (nothing to link them to an account), recurring events with no
  occurrence in the period.
- A calendar with no event at all (``BEGIN:VCALENDAR`` / ``END:VCALENDAR`` only) is
  refused with one line; so is a value that cannot be read (file, line, property).

Each record's source line is the line of its ``BEGIN:VEVENT``; summary → notes;
ATTENDEE and ORGANIZER ``mailto:`` addresses (or their ``EMAIL`` parameter).
Several VCALENDARs in one file are read one after the other.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from abmdesk.errors import DataError
from abmdesk.interop.formats.vcard import decode_bytes
from abmdesk.interop.records import EventRecord, ParsedFile, Source

FORMAT = "ics"

#: Where an all-day event is put on its day.
ALL_DAY_START = dt.time(9, 0)

#: Occurrences of one recurring event kept at most (an every-minute rule stays bounded).
MAX_OCCURRENCES = 2000

#: Months of history and of future covered by default when expanding recurrences.
PERIOD_MONTHS_BACK = 18
PERIOD_MONTHS_AHEAD = 6

SNIFF_BYTES = 4096

_BEGIN_CALENDAR = re.compile(r"^\s*BEGIN\s*:\s*VCALENDAR\s*$", re.IGNORECASE)
_BEGIN_EVENT = re.compile(r"^BEGIN:VEVENT\s*$", re.IGNORECASE | re.MULTILINE)
_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+$")


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """From 18 months before ``today`` to 6 months after it, both inclusive."""
    today = today or dt.date.today()
    return _add_months(today, -PERIOD_MONTHS_BACK), _add_months(today, PERIOD_MONTHS_AHEAD)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    raw, encoding, _wide = decode_bytes(data, name)
    codec = "windows-1252" if encoding == "windows-1252" else "utf-8"
    return raw.decode(codec, "replace"), encoding


def sniff(data: bytes) -> bool:
    """True when ``data`` starts (blank lines aside) with ``BEGIN:VCALENDAR``."""
    try:
        text, _ = _decode(data[:SNIFF_BYTES], "")
    except DataError:
        return False
    for line in text.splitlines():
        if line.strip():
            return bool(_BEGIN_CALENDAR.match(line.lstrip("\ufeff")))
    return False


# --------------------------------------------------------------------------- values


def _email(address: Any) -> str | None:
    if address is None:
        return None
    params = getattr(address, "params", {}) or {}
    for candidate in (params.get("EMAIL"), str(address)):
        if not candidate:
            continue
        text = str(candidate).strip()
        if text[:7].lower() == "mailto:":
            text = text[7:].strip()
        if _EMAIL.match(text):
            return text
    return None


def _addresses(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


class _Clock:
    """Conversions to naive local date-times in the app's zone."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone

    def aware(self, moment: dt.datetime) -> dt.datetime:
        return moment.replace(tzinfo=self.zone) if moment.tzinfo is None else moment

    def local(self, moment: dt.datetime) -> dt.datetime:
        if moment.tzinfo is None:
            return moment.replace(microsecond=0)
        return moment.astimezone(self.zone).replace(tzinfo=None, microsecond=0)


class _Calendar:
    def __init__(self, name: str, zone: ZoneInfo) -> None:
        self.name = name
        self.clock = _Clock(zone)

    def error(self, line: int | None, prop: str, message: str) -> DataError:
        return DataError(message, file=self.name, line=line, column=prop)

    def check(self, event: Any, line: int | None) -> None:
        """A property the library could not read refuses the file, located."""
        for prop, message in getattr(event, "errors", []) or []:
            if prop in ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE"):
                raise self.error(line, prop, f"cannot read this value: {message}")

    def record(self, event: Any, line: int | None) -> EventRecord | str:
        """The event as a record, or the reason it is left out."""
        start_prop = event.get("DTSTART")
        if start_prop is None:
            return "no start (DTSTART)"
        start = start_prop.dt
        minutes: int | None = None
        if isinstance(start, dt.datetime):
            local = self.clock.local(start)
            end = event.get("DTEND")
            length: dt.timedelta | None = None
            if end is not None and isinstance(end.dt, dt.datetime):
                length = self.clock.aware(end.dt) - self.clock.aware(start)
            elif event.get("DURATION") is not None:
                length = event.get("DURATION").dt
            if isinstance(length, dt.timedelta) and length.total_seconds() > 0:
                minutes = max(1, round(length.total_seconds() / 60))
        elif isinstance(start, dt.date):
            local = dt.datetime.combine(start, ALL_DAY_START)
        else:
            return "no start (DTSTART)"

        attendees: list[str] = []
        for address in _addresses(event.get("ATTENDEE")):
            email = _email(address)
            if email and email.lower() not in (a.lower() for a in attendees):
                attendees.append(email)
        organizer = _email(event.get("ORGANIZER"))
        if not attendees and not organizer:
            return "no attendee or organizer e-mail: nothing links it to an account"
        summary = str(event.get("SUMMARY") or "").strip() or None
        uid = str(event.get("UID") or "").strip() or None
        return EventRecord(
            Source(self.name, line),
            uid,
            local,
            minutes,
            summary=summary,
            attendee_emails=attendees,
            organizer_email=organizer,
        )


def _standard(calendar: Any, name: str) -> Any:
    """A Google-style calendar (floating times + ``X-WR-TIMEZONE``) made RFC 5545."""
    import x_wr_timezone

    try:
        return x_wr_timezone.to_standard(calendar)
    except (ValueError, KeyError, ZoneInfoNotFoundError):
        return calendar  # an unknown zone name: its floating times stay local


def _event_lines(text: str) -> list[int]:
    """The line number (1 = first) of every ``BEGIN:VEVENT``, in file order."""
    lines, line, pos = [], 1, 0
    for m in _BEGIN_EVENT.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        lines.append(line)
    return lines


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _cancelled(event: Any) -> bool:
    return str(event.get("STATUS") or "").strip().upper() == "CANCELLED"


def read(
    path: str | Path,
    tz: str = "Europe/Paris",
    period: tuple[dt.date, dt.date] | None = None,
    errors: list | None = None,
) -> ParsedFile:
    """Every event of the iCalendar file at ``path`` (see the module's decisions).

    A value that cannot be read raises its DataError; when ``errors`` is a list (a dry
    run) the error is appended there instead, the event left out, and reading goes on.
    """
    import icalendar

    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=name) from None
    if not data.strip():
        raise DataError("the file is empty", file=name)
    try:
        zone = ZoneInfo(tz or "Europe/Paris")
    except (ZoneInfoNotFoundError, ValueError):
        raise DataError(f"unknown time zone '{tz}' (setting 'timezone')") from None
    text, encoding = _decode(data, name)
    text = text.lstrip("\ufeff")
    if not sniff(text.encode("utf-8")):
        raise DataError("not an iCalendar file: it does not begin with BEGIN:VCALENDAR", file=name)
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataError(f"not a readable iCalendar file: {problem[:120]}", file=name) from None

    lines = _event_lines(text)
    line_of = iter(lines)
    first, last = period or default_period()
    parsed = ParsedFile(str(path), FORMAT, encoding)
    reader = _Calendar(name, zone)
    found = 0
    for calendar in calendars:
        if calendar.get("X-WR-TIMEZONE"):
            calendar = _standard(calendar, name)
        method_cancel = str(calendar.get("METHOD") or "").strip().upper() == "CANCEL"
        events = [(c, next(line_of, None)) for c in calendar.walk("VEVENT")]
        found += len(events)
        recurring = {
            str(e.get("UID") or "")
            for e, _ in events
            if (e.get("RRULE") is not None or e.get("RDATE") is not None)
            and e.get("RECURRENCE-ID") is None
        }
        recurring.discard("")
        masters: dict[str, int | None] = {}
        for event, line in events:
            try:
                reader.check(event, line)
            except DataError as exc:
                if errors is None:
                    raise
                errors.append(exc)
                continue
            source = Source(name, line)
            uid = str(event.get("UID") or "")
            if uid in recurring:
                if event.get("RECURRENCE-ID") is None:
                    masters[uid] = line
                continue  # expanded below, moved occurrences included
            if method_cancel or _cancelled(event):
                parsed.skipped.append((source, "cancelled event"))
                continue
            result = reader.record(event, line)
            if isinstance(result, str):
                parsed.skipped.append((source, result))
            else:
                parsed.events.append(result)
        if masters:
            _expand(calendar, masters, reader, parsed, first, last, method_cancel)
    if not found:
        raise DataError("this calendar holds no event (VEVENT): nothing to import", file=name)
    return parsed


def _expand(
    calendar: Any,
    masters: dict[str, int | None],
    reader: _Calendar,
    parsed: ParsedFile,
    first: dt.date,
    last: dt.date,
    method_cancel: bool,
) -> None:
    import icalendar
    import recurring_ical_events

    for uid, line in masters.items():
        source = Source(reader.name, line)
        if method_cancel:
            parsed.skipped.append((source, "cancelled event"))
            continue
        series = icalendar.Calendar()
        for component in calendar.subcomponents:
            if component.name == "VTIMEZONE" or (
                component.name == "VEVENT" and str(component.get("UID") or "") == uid
            ):
                series.add_component(component)
        query = recurring_ical_events.of(series)
        kept = 0
        # after() yields in order and lazily: an every-minute rule costs only what is kept.
        occurrences = itertools.takewhile(
            lambda o: _day(o.get("DTSTART").dt) <= last, query.after(first)
        )
        for occurrence in occurrences:
            if kept == MAX_OCCURRENCES:
                parsed.skipped.append(
                    (source, f"recurring event: only its first {MAX_OCCURRENCES} occurrences kept")
                )
                break
            if _cancelled(occurrence):
                continue
            result = reader.record(occurrence, line)
            if isinstance(result, str):
                parsed.skipped.append((source, f"recurring event: {result}"))
                break
            parsed.events.append(result)
            kept += 1
        else:
            if not kept:
                parsed.skipped.append(
                    (
                        source,
                        f"recurring event with no occurrence between {first.isoformat()} "
                        f"and {last.isoformat()} (the import period)",
                    )
                )


def _register() -> None:
    try:
        from abmdesk.interop.formats import detect
    except ImportError:  # the registry is optional for the reader itself
        return

    def read_with(path: Path, options: detect.ReadOptions) -> ParsedFile:
        period = None
        if options.period_start is not None and options.period_end is not None:
            period = (options.period_start, options.period_end)
        return read(
            path,
            tz=options.timezone,
            period=period,  # type: ignore[arg-type]
            errors=options.errors,
        )

    detect.register(FORMAT, lambda sample: 1.0 if sniff(sample.head) else 0.0, read_with)


_register()
