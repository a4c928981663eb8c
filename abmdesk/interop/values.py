"""Cell values of the exchange formats: strict parsers and their canonical text (SPEC 2).

Parsers take a cell's text already stripped and non-empty, and raise ``ValueError``
with a message for the user (the caller adds file, line and column).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

TRUE_WORDS = frozenset({"true", "1", "yes", "oui"})
FALSE_WORDS = frozenset({"false", "0", "no", "non"})

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?")
_MONEY = re.compile(r"([+-]?)(\d+)(?:\.(\d+))?")
_INTEGER = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def show(text: str, limit: int = 60) -> str:
    """A value quoted for a one-line message: line breaks escaped, long text cut."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "'" + text.replace("\r", "\\r").replace("\n", "\\n") + "'"


def parse_bool(text: str) -> bool:
    """true/false, 1/0, yes/no, oui/non, in any case."""
    word = text.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"{show(text)} is not a yes/no value (true or false)")


def parse_date(text: str) -> dt.date:
    """A calendar date ``YYYY-MM-DD``."""
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"{show(text)} is not a date (YYYY-MM-DD)")


def parse_datetime(text: str) -> dt.datetime:
    """A local date-time ``YYYY-MM-DDTHH:MM[:SS]`` (naive, second precision).

    A space instead of the ``T`` is accepted too (spreadsheets write it that way).
    """
    match = _DATETIME.fullmatch(text)
    if match:
        try:
            return dt.datetime.fromisoformat(f"{match[1]}T{match[2]}{match[3] or ':00'}")
        except ValueError:
            pass
    raise ValueError(f"{show(text)} is not a date-time (YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS)")


def parse_money(text: str, *, allow_negative: bool = False) -> int:
    """An amount like ``1234``, ``1234.5`` or ``-12.30`` as exact integer cents."""
    match = _MONEY.fullmatch(text)
    if not match:
        raise ValueError(f"{show(text)} is not an amount (like 1234.50, with a '.' for decimals)")
    sign, units, decimals = match[1], match[2], match[3] or ""
    if len(decimals) > 2:
        raise ValueError(f"{show(text)} has more than 2 decimals")
    cents = int(units) * 100 + int(decimals.ljust(2, "0"))
    if sign == "-":
        if not allow_negative and cents:
            raise ValueError(f"{show(text)} is negative; the amount must be 0 or more")
        cents = -cents
    return cents


def parse_int(text: str, *, minimum: int | None = None) -> int:
    """A whole number, at least ``minimum`` when given."""
    if not _INTEGER.fullmatch(text):
        raise ValueError(f"{show(text)} is not a whole number")
    value = int(text)
    if minimum is not None and value < minimum:
        raise ValueError(f"{value} is too small (at least {minimum})")
    return value


def parse_positive_number(text: str) -> float:
    """A finite number greater than 0, with a '.' for decimals."""
    if not _NUMBER.fullmatch(text):
        raise ValueError(f"{show(text)} is not a number (with a '.' for decimals)")
    value = float(text)
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{show(text)} must be a number greater than 0")
    return value


def parse_choice(text: str, choices: Iterable[str], what: str) -> str:
    """One of ``choices``, matched without regard to case."""
    word = text.lower()
    choices = tuple(choices)
    if word in choices:
        return word
    raise ValueError(f"unknown {what} {show(text)} (expected one of: {', '.join(choices)})")


def format_bool(value: bool) -> str:
    return "true" if value else "false"


def format_money(cents: int | None) -> str:
    """Integer cents as ``1234.50`` (``-12.30`` when negative); None as ''."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(int(cents)), 100)
    return f"{sign}{units}.{rest:02d}"


def format_number(value: float | None) -> str:
    """A number in its shortest exact text: ``5``, ``2.5``; None as ''."""
    if value is None:
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def format_datetime(value: dt.datetime | str | None) -> str:
    """A local date-time as ``YYYY-MM-DDTHH:MM:SS``; None as ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        if len(value) == 19 and value[10] == "T":
            return value
        value = dt.datetime.fromisoformat(value)
    return value.replace(microsecond=0).isoformat()


def format_date(value: dt.date | str | None) -> str:
    """A date as ``YYYY-MM-DD``; None as ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value[:10]
    return value.isoformat()
