"""What other tools' files become before they are matched and merged (issue 5).

Each format reader (HubSpot, Salesforce, Pipedrive, LinkedIn, Google, Outlook,
vCard, iCalendar) turns its file into these plain records, each knowing where it
came from (file, line) so that a refusal can name it. The import service then
matches them against the database and writes them in one transaction.
Values are already cleaned: ``None`` for empty, ``null``, ``None``, ``[not provided]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """Where a record was read: the file's name, its line (1 = first line), a column."""

    file: str
    line: int | None = None
    column: str | None = None


@dataclass
class CompanyRecord:
    source: Source
    name: str | None
    domain: str | None = None
    sector: str | None = None
    employees: int | None = None
    country: str | None = None
    owner: str | None = None
    phone: str | None = None
    #: The other tool's own id (HubSpot record id, Salesforce Id…), to link contacts/deals.
    external_id: str | None = None


@dataclass
class ContactRecord:
    source: Source
    full_name: str | None
    email: str | None = None
    #: Further e-mails (Google's ``:::`` lists, vCard's several EMAIL lines).
    other_emails: list[str] = field(default_factory=list)
    title: str | None = None
    phone: str | None = None
    company: str | None = None
    company_external_id: str | None = None
    owner: str | None = None
    notes: str | None = None
    external_id: str | None = None


@dataclass
class DealRecord:
    source: Source
    name: str | None
    company: str | None = None
    company_external_id: str | None = None
    amount_cents: int | None = None
    #: One of domain.STAGES, or None when the tool's stage does not map to one.
    stage: str | None = None
    #: open, won or lost.
    status: str = "open"
    created_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    owner: str | None = None
    external_id: str | None = None


@dataclass
class EventRecord:
    """A calendar event: becomes one ``meeting`` interaction."""

    source: Source
    uid: str | None
    #: Local (app time zone) naive start.
    start: dt.datetime
    duration_minutes: int | None
    summary: str | None = None
    attendee_emails: list[str] = field(default_factory=list)
    organizer_email: str | None = None


@dataclass
class ParsedFile:
    """One file read by a format reader."""

    path: str
    format: str
    encoding: str
    companies: list[CompanyRecord] = field(default_factory=list)
    contacts: list[ContactRecord] = field(default_factory=list)
    deals: list[DealRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    #: Rows the reader skipped on purpose, with why (empty rows, totals lines…).
    skipped: list[tuple[Source, str]] = field(default_factory=list)
