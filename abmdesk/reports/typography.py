"""Numbers, money, percentages and dates as a French (or English) document prints them.

French: a narrow no-break space (U+202F) groups thousands and precedes ``%``; a
no-break space (U+00A0) precedes the currency sign and the units: ``1 234,50 €``,
``300 %``, ``12,5 j``. English: ``€1,234.50``, ``300%``. Pure Python (no locale
database), so the PDF reads the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import math

NNBSP = "\u202f"  # narrow no-break space: thousands, before % and before : ; ! ?
NBSP = "\u00a0"  # no-break space: before the currency sign and units
MINUS = "\u2212"
DASH = "—"

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "CAD": "$ CA", "JPY": "¥"}

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _finite(x: float | int | None) -> bool:
    return x is not None and not (isinstance(x, float) and not math.isfinite(x))


class Typography:
    """Formats for one language (``fr`` or ``en``) and currency."""

    def __init__(self, lang: str = "fr", currency: str = "EUR") -> None:
        if lang not in ("fr", "en"):
            raise ValueError(f"unknown report language '{lang}'")
        self.lang = lang
        self.currency = currency.upper()
        self.group = NNBSP if lang == "fr" else ","
        self.decimal = "," if lang == "fr" else "."

    @property
    def symbol(self) -> str:
        return CURRENCY_SYMBOLS.get(self.currency, self.currency)

    # --- numbers ---------------------------------------------------------------------

    def number(self, x: float | int | None, decimals: int = 0) -> str:
        """``1 234,5`` (fr) / ``1,234.5`` (en); ``—`` for a missing value."""
        if not _finite(x):
            return DASH
        value = round(float(x), decimals)  # type: ignore[arg-type]
        if value == 0:
            value = 0.0  # no "-0"
        text = f"{abs(value):,.{decimals}f}"
        whole, _, frac = text.partition(".")
        whole = whole.replace(",", self.group)
        body = f"{whole}{self.decimal}{frac}" if decimals > 0 else whole
        return f"{MINUS}{body}" if value < 0 else body

    def integer(self, x: int | float | None) -> str:
        return self.number(x, 0)

    def percent(self, ratio: float | None, decimals: int = 1) -> str:
        """A ratio as a percentage: 3.0 → ``300,0 %`` (fr) / ``300.0%`` (en)."""
        if not _finite(ratio):
            return DASH
        text = self.number(100 * ratio, decimals)  # type: ignore[operator]
        return f"{text}{NNBSP}%" if self.lang == "fr" else f"{text}%"

    def money(self, amount: float | None, decimals: int = 0) -> str:
        """``1 234,50 €`` (fr) / ``€1,234.50`` (en)."""
        if not _finite(amount):
            return DASH
        text = self.number(amount, decimals)
        if self.lang == "fr":
            return f"{text}{NBSP}{self.symbol}"
        if text.startswith(MINUS):
            return f"{MINUS}{self.symbol}{text[1:]}"
        return f"{self.symbol}{text}"

    def money_per_day(self, amount: float | None, decimals: int = 0) -> str:
        if not _finite(amount):
            return DASH
        text = self.money(amount, decimals)
        return f"{text}/j" if self.lang == "fr" else f"{text}/day"

    def days(self, value: float | None, decimals: int = 1) -> str:
        if not _finite(value):
            return DASH
        unit = "j" if self.lang == "fr" else "d"
        return f"{self.number(value, decimals)}{NBSP}{unit}"

    def signed(self, text: str, value: float) -> str:
        """``+`` before a positive figure (the minus sign is already there)."""
        return f"+{text}" if value > 0 else text

    def points(self, delta_ratio: float | None, decimals: int = 1) -> str:
        """A change of a ratio in percentage points: ``+3,2 pts``."""
        if not _finite(delta_ratio):
            return DASH
        value = round(100 * delta_ratio, decimals)  # type: ignore[operator]
        unit = "pts" if self.lang == "fr" else "pts"
        return self.signed(f"{self.number(value, decimals)}{NBSP}{unit}", value)

    def change(self, current: float | None, previous: float | None, decimals: int = 1) -> str:
        """Relative change ``+12,5 %``; ``—`` when either side is missing or previous is 0."""
        if not _finite(current) or not _finite(previous) or previous == 0:
            return DASH
        ratio = current / previous - 1  # type: ignore[operator]
        value = round(100 * ratio, decimals)
        return self.signed(self.percent(ratio, decimals), value)

    def delta(self, current: float | None, previous: float | None, decimals: int = 0) -> str:
        """Absolute change of a count: ``+3``, ``−2``, ``0``."""
        if not _finite(current) or not _finite(previous):
            return DASH
        value = round(current - previous, decimals)  # type: ignore[operator]
        return self.signed(self.number(value, decimals), value)

    # --- dates -----------------------------------------------------------------------

    def date(self, day: dt.date | None) -> str:
        """``04/12/2026`` (fr) / ``04/12/2026`` (en, day first as in the UK)."""
        return DASH if day is None else f"{day.day:02d}/{day.month:02d}/{day.year}"

    def long_date(self, day: dt.date) -> str:
        """``4 décembre 2026`` / ``4 December 2026`` (``1er`` in French)."""
        if self.lang == "fr":
            first = "1er" if day.day == 1 else str(day.day)
            return f"{first} {MONTHS_FR[day.month - 1]} {day.year}"
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"

    def period(self, start: dt.date, end: dt.date) -> str:
        if self.lang == "fr":
            return f"du {self.long_date(start)} au {self.long_date(end)}"
        return f"{self.long_date(start)} to {self.long_date(end)}"

    def colon(self, label: str) -> str:
        """``Label :`` (fr, no-break space before the colon) / ``Label:``."""
        return f"{label}{NBSP}:" if self.lang == "fr" else f"{label}:"
