"""Bytes to text and cells to values, for files written by other tools (issue 5).

- Encodings: a BOM (UTF-8, UTF-16, UTF-32) wins; UTF-16 without a BOM is recognised
  by its zero bytes; then strict UTF-8, then Windows-1252 (then Latin-1, which always
  decodes). Binary data (zero bytes, control characters) is refused in one line.
- Separators: ``,``, ``;`` and tab, sniffed from how regular the first rows are.
- Numbers: ``1 234,56`` (spaces, no-break spaces, ``.`` or ``'`` for thousands),
  ``1,234.56``, ``1234.5``, with a currency sign or code around.
- Dates: ISO (``Z`` and offsets converted to the app's time zone), ``07/03/2025``
  (day first unless the column says otherwise), ``M/D/YY H:MM``, ``12 mars 2023``,
  ``05 Jan 2020``, ``2024-03-01 10:00 AM``; text months through python-dateutil.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from abmdesk.errors import DataError
from abmdesk.interop.values import show

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Control characters that never appear in a text export.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when every other byte is mostly zero (ASCII-heavy text)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    zeros_even = even.count(0) / len(even)
    zeros_odd = odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _decode(data: bytes, *, partial: bool) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            codec = "utf-8" if name == "utf-8-sig" else name
            body = data[len(bom) :]
            if partial:
                return _partial(body, codec), name
            return body.decode(codec), name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return (_partial(data, utf16) if partial else data.decode(utf16)), utf16
    try:
        return (_partial(data, "utf-8") if partial else data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _partial(data: bytes, codec: str) -> str:
    """Decode the head of a file: a character cut at the end of the sample is dropped."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    return decoder.decode(data, final=False)


def _check_text(text: str, name: str) -> None:
    sample = text[:65536]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
        raise DataError("not a text file (binary data): nothing ABM Desk can import", file=name)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """The text of a whole file and the encoding it was in."""
    try:
        text, encoding = _decode(data, partial=False)
    except UnicodeDecodeError as exc:
        raise DataError(f"not readable as text ({exc.reason})", file=name) from None
    _check_text(text, name)
    return text, encoding


def decode_head(head: bytes, name: str) -> tuple[str, str]:
    """The text of the first bytes of a file (a character cut at the end is fine)."""
    try:
        text, encoding = _decode(head, partial=True)
    except UnicodeDecodeError as exc:
        raise DataError(f"not readable as text ({exc.reason})", file=name) from None
    _check_text(text, name)
    return text, encoding


def read_text(path, encoding: str | None = None) -> tuple[str, str]:  # noqa: ANN001
    """The text of the file at ``path``; ``encoding`` when known, else detected."""
    from pathlib import Path

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=path.name) from None
    if encoding and encoding not in ("xlsx", ""):
        codec = "utf-8-sig" if encoding == "utf-8-sig" else encoding
        try:
            text = data.decode(codec)
            if codec.startswith("utf-16") and text.startswith("\ufeff"):
                text = text[1:]
            _check_text(text, path.name)
            return text, encoding
        except UnicodeDecodeError:
            pass  # the head was fine, the rest is not: detect on the whole file
    return decode_bytes(data, path.name)


# --------------------------------------------------------------------------- separators

SEPARATORS = (",", ";", "\t")


def sniff_separator(text: str, lines: int = 60) -> str:
    """The separator whose rows are the most regular over the first ``lines`` lines.

    Excel's own hint line ``sep=;`` wins when the file starts with it.
    """
    if text[:4].lower() == "sep=" and len(text) > 4 and text[4] in SEPARATORS:
        return text[4]
    head_lines = text.splitlines()[:lines]
    head = "\n".join(head_lines)
    best, best_score = ",", -1.0
    for sep in SEPARATORS:
        try:
            rows = list(csv.reader(io.StringIO(head), delimiter=sep))
        except csv.Error:
            continue
        counts = Counter(len(r) for r in rows if len(r) > 1)
        if not counts:
            continue
        width, n = max(counts.items(), key=lambda kv: (kv[1] * (kv[0] > 1), kv[0]))
        score = n + width / 1000  # as many regular rows as possible, then wider
        if score > best_score:
            best, best_score = sep, score
    return best


# --------------------------------------------------------------------------- numbers

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_CURRENCY = re.compile(r"^(?:[A-Z]{3}\s*)|(?:\s*[A-Z]{3})$|[€$£¥]|\s*(?:EUR|USD|GBP|CHF)\b")


def parse_decimal(text: str, *, decimal_comma: bool | None = None) -> Decimal:
    """A number as people write it: ``1 234,56``, ``1,234.56``, ``-12.5``, ``1 200 €``.

    A lone comma followed by exactly three digits (``1,234``) is a thousands separator
    unless ``decimal_comma`` says the file writes decimals with a comma.
    """
    raw = text
    text = _CURRENCY.sub("", text.strip()).strip()
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    text = _SPACES.sub("", text)
    if text.startswith(("-", "+")):
        negative, text = negative or text[0] == "-", text[1:]
    if not text or not re.fullmatch(r"[\d.,]+", text) or not any(c.isdigit() for c in text):
        raise ValueError(f"{show(raw)} is not a number")
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        # The last one is the decimal mark.
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif commas:
        parts = text.split(",")
        if commas > 1:
            if not all(len(p) == 3 for p in parts[1:]):
                raise ValueError(f"{show(raw)} is not a number")
            text = "".join(parts)
        elif len(parts[1]) == 3 and not decimal_comma and parts[0] not in ("", "0"):
            text = "".join(parts)
        else:
            text = text.replace(",", ".")
    elif dots > 1:
        parts = text.split(".")
        if not all(len(p) == 3 for p in parts[1:]):
            raise ValueError(f"{show(raw)} is not a number")
        text = "".join(parts)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{show(raw)} is not a number") from None
    return -value if negative else value


def parse_cents(text: str, *, decimal_comma: bool | None = None) -> int:
    """An amount as exact integer cents (rounded half up to the cent)."""
    value = parse_decimal(text, decimal_comma=decimal_comma)
    return int((value * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))


def parse_count(text: str) -> int:
    """A whole number of things (employees): ``1 200``, ``1200.0``, ``1,200``."""
    value = parse_decimal(text)
    if value != value.to_integral_value() or value < 0:
        raise ValueError(f"{show(text)} is not a whole number of 0 or more")
    return int(value)


# --------------------------------------------------------------------------- dates

_MONTHS = (
    ("jan", "january", "janv", "janvier"),
    ("feb", "february", "fev", "févr", "fevr", "février", "fevrier"),
    ("mar", "march", "mars"),
    ("apr", "april", "avr", "avril"),
    ("may", "mai"),
    ("jun", "june", "juin"),
    ("jul", "july", "juil", "juillet"),
    ("aug", "august", "aoû", "aou", "août", "aout"),
    ("sep", "sept", "september", "septembre"),
    ("oct", "october", "octobre"),
    ("nov", "november", "novembre"),
    ("dec", "december", "déc", "décembre", "decembre"),
)
_WEEKDAYS = (
    ("mon", "monday", "lun", "lundi"),
    ("tue", "tuesday", "mardi"),
    ("wed", "wednesday", "mer", "mercredi"),
    ("thu", "thursday", "jeu", "jeudi"),
    ("fri", "friday", "ven", "vendredi"),
    ("sat", "saturday", "sam", "samedi"),
    ("sun", "sunday", "dim", "dimanche"),
)

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_NUMERIC = re.compile(
    r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})"
    r"(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?"
)


@lru_cache(maxsize=8)
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Europe/Paris")


def _parserinfo():  # noqa: ANN202
    from dateutil import parser

    class FrenchEnglish(parser.parserinfo):
        MONTHS = [tuple(m) for m in _MONTHS]  # noqa: RUF012
        WEEKDAYS = [tuple(w) for w in _WEEKDAYS]  # noqa: RUF012
        JUMP = [*parser.parserinfo.JUMP, "le", "à", "a", "h"]  # noqa: RUF012

    return FrenchEnglish(dayfirst=True)


_INFO = None


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def infer_dayfirst(values: Iterable[str]) -> bool | None:
    """For a column of ``a/b/y`` dates: True when one has a > 12, False when one has b > 12."""
    for value in values:
        m = _NUMERIC.match(value.strip()) if value else None
        if m:
            a, b = int(m[1]), int(m[2])
            if a > 12 >= b:
                return True
            if b > 12 >= a:
                return False
    return None


class DateParser:
    """Parses the dates of one file: naive date-times in the app's time zone."""

    def __init__(self, timezone: str = "Europe/Paris", *, dayfirst: bool = True) -> None:
        self.zone = zone(timezone)
        self.dayfirst = dayfirst

    def _local(self, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is not None:
            value = value.astimezone(self.zone).replace(tzinfo=None)
        return value.replace(microsecond=0)

    def parse(self, text: str, *, dayfirst: bool | None = None) -> dt.datetime:
        """A date or date-time; a date alone is at midnight. ValueError when unreadable."""
        text = text.strip()
        m = _ISO.fullmatch(text)
        if m:
            try:
                y, mo, d = int(m[1]), int(m[2]), int(m[3])
                h, mi, s = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
                value = dt.datetime(y, mo, d, h, mi, s)
            except ValueError:
                raise ValueError(f"{show(text)} is not a valid date") from None
            offset = m[7]
            if offset:
                if offset == "Z":
                    tz = dt.UTC
                else:
                    sign = -1 if offset[0] == "-" else 1
                    digits = offset[1:].replace(":", "")
                    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
                    tz = dt.timezone(sign * dt.timedelta(minutes=minutes))
                value = value.replace(tzinfo=tz)
            return self._local(value)
        m = _NUMERIC.fullmatch(text)
        if m:
            first = self.dayfirst if dayfirst is None else dayfirst
            a, b, y = int(m[1]), int(m[2]), int(m[3])
            day, month = (a, b) if first else (b, a)
            if len(m[3]) == 2:
                y += 2000 if y < 70 else 1900
            h, mi, s = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
            ampm = (m[7] or "").lower().replace(".", "")
            if ampm == "pm" and h < 12:
                h += 12
            elif ampm == "am" and h == 12:
                h = 0
            try:
                return dt.datetime(y, month, day, h, mi, s)
            except ValueError:
                raise ValueError(f"{show(text)} is not a valid date") from None
        return self._text_date(text, dayfirst)

    def _text_date(self, text: str, dayfirst: bool | None) -> dt.datetime:
        global _INFO
        from dateutil import parser

        if _INFO is None:
            _INFO = _parserinfo()
        cleaned = re.sub(r"(?<=[A-Za-zéû])\.", " ", text.lower())
        cleaned = re.sub(r"\b1er\b", "1", cleaned)
        textual = re.search(r"\d", cleaned) and re.search(r"[a-zéû]{3}", cleaned)
        if not textual and not re.search(r"\d{1,4}\D+\d{1,2}\D+\d{1,4}", cleaned):
            raise ValueError(f"{show(text)} is not a date")
        try:
            value = parser.parse(
                cleaned,
                parserinfo=_INFO,
                dayfirst=self.dayfirst if dayfirst is None else dayfirst,
                default=dt.datetime(2000, 1, 1),
            )
        except (ValueError, OverflowError, parser.ParserError):
            raise ValueError(f"{show(text)} is not a date") from None
        return self._local(value)
