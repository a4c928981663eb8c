"""Display formats through QLocale: ``1 234,50 €``, ``07/03/2025``, ``12,5 %``.

Values are stored exactly (cents, ISO dates); they are formatted only here, for
display, with the default QLocale (set at start-up from the chosen language).
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "CAD": "$ CA", "JPY": "¥"}


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_qdatetime(moment: dt.datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def from_qdatetime(moment: QDateTime) -> dt.datetime:
    d, t = moment.date(), moment.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())


class Formatter:
    """Formats values for display in the current default locale."""

    def __init__(self, currency: str = "EUR", locale: QLocale | None = None) -> None:
        self.currency = currency
        self._locale = locale

    @property
    def locale(self) -> QLocale:
        return self._locale if self._locale is not None else QLocale()

    @property
    def currency_symbol(self) -> str:
        return CURRENCY_SYMBOLS.get(self.currency.upper(), self.currency.upper())

    def money_cents(self, cents: int | None, decimals: int = 2) -> str:
        if cents is None:
            return ""
        return self.locale.toCurrencyString(cents / 100, self.currency_symbol, decimals)

    def money(self, amount: float | None, decimals: int = 0) -> str:
        if amount is None or not math.isfinite(amount):
            return "—" if amount is None else ""
        return self.locale.toCurrencyString(float(amount), self.currency_symbol, decimals)

    def money_per_day(self, amount: float | None) -> str:
        if amount is None:
            return "—"
        return QCoreApplication.translate("Format", "%1/day").replace("%1", self.money(amount))

    def integer(self, value: int | None) -> str:
        return "" if value is None else self.locale.toString(int(value))

    def number(self, value: float | None, decimals: int = 1) -> str:
        if value is None or not math.isfinite(value):
            return "—"
        return self.locale.toString(float(value), "f", decimals)

    def percent(self, ratio: float | None, decimals: int = 1) -> str:
        """A ratio (0.125) as a percentage (``12,5 %`` in French, ``12.5%`` in English)."""
        if ratio is None or not math.isfinite(ratio):
            return "—"
        text = self.locale.toString(ratio * 100, "f", decimals)
        return QCoreApplication.translate("Format", "%1%").replace("%1", text)

    def signed_percent(self, ratio: float | None, decimals: int = 1) -> str:
        if ratio is None or not math.isfinite(ratio):
            return "—"
        text = self.percent(ratio, decimals)
        return text if ratio < 0 else "+" + text

    def days(self, value: float | None) -> str:
        if value is None:
            return "—"
        return QCoreApplication.translate("Format", "%1 d").replace("%1", self.number(value, 1))

    def date(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        return self.locale.toString(to_qdate(day), QLocale.FormatType.ShortFormat)

    def datetime(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return ""
        return self.locale.toString(to_qdatetime(moment), QLocale.FormatType.ShortFormat)

    def duration(self, minutes: int | None) -> str:
        if minutes is None:
            return ""
        if minutes < 60:
            return QCoreApplication.translate("Format", "%1 min").replace(
                "%1", self.integer(minutes)
            )
        hours, rest = divmod(minutes, 60)
        text = QCoreApplication.translate("Format", "%1 h").replace("%1", self.integer(hours))
        if rest:
            text += f" {rest:02d}"
        return text

    def yes_no(self, value: bool) -> str:
        return (
            QCoreApplication.translate("Format", "Yes")
            if value
            else QCoreApplication.translate("Format", "No")
        )
