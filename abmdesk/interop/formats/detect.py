"""Which tool wrote a file, from its content (never its name), and the registry of readers.

A format registers ``register(name, sniff, read)``:

- ``sniff(sample) -> float``: 0 when the file is not of this format, else a score (the
  highest wins; tabular formats score the share of their known headers found);
- ``read(path, options) -> ParsedFile``: the whole file as plain records, raising
  :class:`~abmdesk.errors.DataError` (file, line, column) on a value it cannot read.

The built-in readers are imported on first use (``BUILTIN``); a module there calls
``register`` at import time.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from abmdesk.errors import DataError
from abmdesk.interop.records import ParsedFile

#: Bytes read to recognise a file.
SAMPLE_BYTES = 64 * 1024

#: Modules that register a format when imported (vCard and iCalendar readers add theirs).
BUILTIN: list[str] = [
    "abmdesk.interop.formats.hubspot",
    "abmdesk.interop.formats.salesforce",
    "abmdesk.interop.formats.pipedrive",
    "abmdesk.interop.formats.linkedin",
    "abmdesk.interop.formats.google",
    "abmdesk.interop.formats.outlook",
    "abmdesk.interop.formats.vcard",
    "abmdesk.interop.formats.ics",
]


@dataclass(frozen=True)
class ReadOptions:
    """What a reader may need besides the file."""

    #: The encoding found by detection (None: let the reader find it).
    encoding: str | None = None
    #: The app's time zone (setting ``timezone``): date-times become naive local times in it.
    timezone: str = "Europe/Paris"
    #: Recurring events are expanded within [period_start, period_end] (dates), when given.
    period_start: object | None = None
    period_end: object | None = None
    #: When a list: a reader appends the DataError of each bad row and goes on (dry runs
    #: report every refusal); when None it raises the first.
    errors: list | None = None
    #: Columns chosen by the user: ``{"contacts.email": "Courriel", ...}`` (None: not read).
    mapping: dict[str, str | None] | None = None


@dataclass
class Sample:
    """The start of a file, as sniffers see it."""

    path: Path
    head: bytes
    #: The head decoded (None for a binary file such as XLSX).
    text: str | None
    encoding: str | None
    #: The first rows as a table (CSV or the first sheet of a workbook), header search space.
    rows: list[list[str]] = field(default_factory=list)


Sniffer = Callable[[Sample], float]
Reader = Callable[[Path, ReadOptions], ParsedFile]


@dataclass(frozen=True)
class Format:
    name: str
    sniff: Sniffer
    read: Reader
    #: ``preview(path, options)`` for table-like formats whose columns can be remapped.
    preview: Callable | None = None


_REGISTRY: dict[str, Format] = {}
_loaded = False


def register(name: str, sniff: Sniffer, read: Reader, preview: Callable | None = None) -> None:
    """Add (or replace) the format ``name``."""
    _REGISTRY[name] = Format(name, sniff, read, preview)


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in BUILTIN:
        importlib.import_module(module)


def formats() -> dict[str, Format]:
    """Every registered format, by name."""
    _load()
    return dict(_REGISTRY)


def get_format(name: str) -> Format:
    found = formats().get(name)
    if found is None:
        raise DataError(f"unknown format '{name}' (known: {', '.join(sorted(_REGISTRY))})")
    return found


def take_sample(path: Path) -> Sample:
    """The first bytes of ``path``, decoded, and its first rows when it is a table."""
    from abmdesk.interop import decoding, tabular

    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(SAMPLE_BYTES)
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=path.name) from None
    if not head:
        raise DataError("the file is empty", file=path.name)
    if tabular.is_xlsx(head):
        return Sample(path, head, None, "xlsx", tabular.sample_xlsx_rows(path))
    try:
        text, encoding = decoding.decode_head(head, path.name)
    except DataError as exc:  # not text: sniffers of binary formats still see the bytes
        sample = Sample(path, head, None, None, [])
        sample.problem = exc  # type: ignore[attr-defined]
        return sample
    return Sample(path, head, text, encoding, tabular.sample_rows(text))


def detect_format(path: str | Path) -> tuple[str, str]:
    """``(format, encoding)`` of the file, from its content; DataError when unknown."""
    sample = take_sample(Path(path))
    best, score = None, 0.0
    for fmt in formats().values():
        found = fmt.sniff(sample)
        if found > score:
            best, score = fmt.name, found
    if best is None:
        problem = getattr(sample, "problem", None)
        if problem is not None:
            raise problem
        raise DataError(
            "not a file ABM Desk can import: not a HubSpot, Salesforce, Pipedrive, LinkedIn, "
            "Google or Outlook export, a vCard nor an iCalendar file",
            file=Path(path).name,
        )
    return best, sample.encoding or ""
