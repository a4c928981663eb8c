"""The KPI dashboard (objectName ``kpiTab``): filters, seven headline cards with their
change against the previous period, a chart per KPI, the detailed tables.

The figures come from ``abmdesk.services.kpi_filters.compute_dashboard`` (the SPEC 4
object over the accounts the filters keep), computed off the GUI thread by the window's
task runner: first the chosen period, then the previous period of the same length for
the changes. Every request carries a sequence number and cancels the older tasks, so a
late result of an old filter is dropped. The service keeps the loaded inputs of recent
periods, so a filter change only recomputes the KPIs (well under a second on the large
demo). The charts (pyqtgraph, ``abmdesk.ui.kpi_charts``) are created when the first
figures arrive: pyqtgraph is not imported at start-up.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from abmdesk import domain
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.formatting import Formatter, from_qdate, to_qdate
from abmdesk.ui.labels import (
    STAGE_SOURCES,
    program_label,
    size_band_label,
    stage_label,
    trend_label,
)
from abmdesk.ui.models import Column, RecordTableModel, make_table_view, set_column_widths
from abmdesk.ui.tasks import Task

#: ``compute(engine, date_from, date_to, filters)`` -> the dashboard dict.
ComputeFn = Callable[[Any, dt.date, dt.date, Any], dict]

KPI_KEYS = ("engagement", "coverage", "velocity", "conversion", "contract_value", "clv", "roi")
PERIODS = ("this_quarter", "last_quarter", "last_12_months", "year_to_date", "custom")

GOOD_COLOR = "#2e7d32"
BAD_COLOR = "#c62828"
NEUTRAL_COLOR = "#757575"
MINUS = "\u2212"
#: Typed dates wait this long for the next key before the dashboard recomputes.
TYPING_DELAY_MS = 400


def _default_compute(
    engine: Any, date_from: dt.date, date_to: dt.date, filters: Any = None, activity: bool = True
) -> dict:
    from abmdesk.services.kpi_filters import compute_dashboard

    return compute_dashboard(engine, date_from, date_to, filters, activity=activity)


def _previous_compute(engine: Any, date_from: dt.date, date_to: dt.date, filters: Any) -> dict:
    return _default_compute(engine, date_from, date_to, filters, activity=False)


def _warm_charts() -> None:
    """Import pyqtgraph in a worker thread, so the GUI thread does not wait for it."""
    import pyqtgraph  # noqa: F401


def kpi_engine_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("abmdesk.services.kpis") is not None
    except (ImportError, ValueError):
        return False


def previous_period(date_from: dt.date, date_to: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length just before (as the service defines it)."""
    length = (date_to - date_from).days + 1
    return date_from - dt.timedelta(days=length), date_from - dt.timedelta(days=1)


def period_of(choice: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The dates of a period choice (None for ``custom``)."""
    quarter_start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    if choice == "this_quarter":
        return quarter_start, today
    if choice == "last_quarter":
        end = quarter_start - dt.timedelta(days=1)
        return dt.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end
    if choice == "last_12_months":
        start = from_qdate(to_qdate(today).addYears(-1).addDays(1))
        return start, today
    if choice == "year_to_date":
        return dt.date(today.year, 1, 1), today
    return None


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


_NUMBER = re.compile(r"[+\u2212-]?\d[\d\u202f\u00a0.,]*(?:[\u00a0\u202f]?[^\s·,;()]+)?")


def nowrap_numbers(text: str) -> str:
    """Plain text as rich text whose figures never break across lines (``57 606 300 €``).

    Qt breaks lines at the narrow no-break spaces QLocale puts between thousands.
    """
    out, last = [], 0
    for m in _NUMBER.finditer(text):
        out.append(html.escape(text[last : m.start()], quote=False))
        out.append(
            f'<span style="white-space:nowrap">{html.escape(m.group(0), quote=False)}</span>'
        )
        last = m.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


def _finite(x: Any) -> float | None:
    if isinstance(x, (int, float)) and math.isfinite(x):
        return float(x)
    return None


class KpiCard(QFrame):
    """One headline figure: a caption, a big value, its change, a line of detail."""

    activated = Signal()

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.caption = QLabel(caption, self)
        self.caption.setWordWrap(True)
        lines = self.caption.fontMetrics().lineSpacing()
        self.caption.setMinimumHeight(2 * lines)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.value = QLabel("—", self)
        self.value.setObjectName(f"{name}Value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel("", self)
        self.change.setObjectName(f"{name}Change")
        self.change.setTextFormat(Qt.TextFormat.RichText)
        self.detail = QLabel("", self)
        self.detail.setObjectName(f"{name}Detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        muted = self.detail.palette()
        muted.setColor(self.detail.foregroundRole(), muted.color(muted.ColorRole.PlaceholderText))
        self.detail.setPalette(muted)
        self.caption.setPalette(muted)
        small = self.detail.font()
        small.setPointSizeF(small.pointSizeF() * 0.92)
        self.detail.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.value)
        row.addWidget(self.change, 1, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(row)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        #: The change as plain text (``+4,2 pts``), its direction (good/bad/neutral).
        self.change_text = ""
        self.change_mood = ""

    def set_figure(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(nowrap_numbers(detail))

    def set_change(self, text: str, mood: str, tip: str = "") -> None:
        """``mood``: ``good``, ``bad``, ``neutral`` or ``""`` (no comparison)."""
        self.change_text, self.change_mood = text, mood
        color = {"good": GOOD_COLOR, "bad": BAD_COLOR}.get(mood, NEUTRAL_COLOR)
        arrow = ""
        if text and mood:
            arrow = "▲ " if text.startswith("+") else "▼ " if text.startswith(MINUS) else ""
        self.change.setText(f'<span style="color:{color}">{arrow}{text}</span>' if text else "")
        self.change.setToolTip(tip)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()
        super().mousePressEvent(event)


def _c(key: str, title: str, align: str = "right", context: str = "Columns") -> Column:
    return Column(key, title, align=align, context=context)


ENGAGEMENT_COLUMNS = (
    _c("account", QT_TRANSLATE_NOOP("Columns", "Account"), "left"),
    _c("score", QT_TRANSLATE_NOOP("Columns", "Score")),
    _c("trend", QT_TRANSLATE_NOOP("Columns", "Trend"), "left"),
    _c("dormant", QT_TRANSLATE_NOOP("Columns", "Dormant"), "center"),
    _c("active_weeks", QT_TRANSLATE_NOOP("Columns", "Active weeks")),
)
COVERAGE_COLUMNS = (
    _c("account", QT_TRANSLATE_NOOP("Columns", "Account"), "left"),
    _c("committee_size", QT_TRANSLATE_NOOP("Columns", "Committee")),
    _c("identified", QT_TRANSLATE_NOOP("Columns", "Identified")),
    _c("engaged", QT_TRANSLATE_NOOP("Columns", "Engaged")),
    _c("identified_coverage", QT_TRANSLATE_NOOP("Columns", "Identified coverage")),
    _c("engaged_coverage", QT_TRANSLATE_NOOP("Columns", "Engaged coverage")),
    _c("engagement_ratio", QT_TRANSLATE_NOOP("Columns", "Engagement ratio")),
    _c("role_coverage", QT_TRANSLATE_NOOP("Columns", "Role coverage")),
    _c("at_risk", QT_TRANSLATE_NOOP("Columns", "At risk"), "center"),
)
VELOCITY_COLUMNS = (
    _c("program", QT_TRANSLATE_NOOP("Columns", "Deals"), "left"),
    _c("open_deals", QT_TRANSLATE_NOOP("Columns", "Open deals")),
    _c("win_rate", QT_TRANSLATE_NOOP("Columns", "Win rate")),
    _c("avg_won_amount", QT_TRANSLATE_NOOP("Columns", "Average won amount")),
    _c("avg_cycle_days", QT_TRANSLATE_NOOP("Columns", "Average cycle")),
    _c("velocity_per_day", QT_TRANSLATE_NOOP("Columns", "Velocity")),
    *(_c(f"stage_{key}", source, context="Domain") for key, source in STAGE_SOURCES.items()),
)
CONVERSION_COLUMNS = (
    _c("group", QT_TRANSLATE_NOOP("Columns", "Group"), "left"),
    _c("stage", QT_TRANSLATE_NOOP("Columns", "Stage"), "left"),
    _c("entered", QT_TRANSLATE_NOOP("Columns", "Entered")),
    _c("advanced", QT_TRANSLATE_NOOP("Columns", "Advanced")),
    _c("rate", QT_TRANSLATE_NOOP("Columns", "Rate")),
)
CLV_COLUMNS = (
    _c("account", QT_TRANSLATE_NOOP("Columns", "Account"), "left"),
    _c("base_arr", QT_TRANSLATE_NOOP("Columns", "Base ARR")),
    _c("upsell_rate", QT_TRANSLATE_NOOP("Columns", "Upsell rate")),
    _c("retention_years", QT_TRANSLATE_NOOP("Columns", "Retention (years)")),
    _c("clv", QT_TRANSLATE_NOOP("Columns", "CLV")),
)
ROI_COLUMNS = (
    _c("account", QT_TRANSLATE_NOOP("Columns", "Account"), "left"),
    _c("revenue", QT_TRANSLATE_NOOP("Columns", "Revenue")),
    _c("cost", QT_TRANSLATE_NOOP("Columns", "Cost")),
    _c("roi", QT_TRANSLATE_NOOP("Columns", "ROI")),
)


class KpiTab(QWidget):
    """Objectname ``kpiTab``."""

    computed = Signal(object)  # the dashboard dict of the chosen period
    compared = Signal(object)  # the dashboard dict of the previous period
    failed = Signal(str)
    account_clicked = Signal(object)  # uuid.UUID: open it in the account map

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, compute: ComputeFn | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTab")
        self.ctx = ctx
        self.compute_fn: ComputeFn = compute or _default_compute
        self.result: dict | None = None
        self.previous: dict | None = None
        self._task: Task | None = None
        self._compare_task: Task | None = None
        self._early_previous: dict | None = None  # the previous period, in before the period
        self._seq = 0
        self._dirty = True
        self._choices_dirty = True
        self._started = 0.0
        self.elapsed = 0.0
        self._sized = False
        self.panels: dict[str, Any] = {}
        self._charts_pending: set[str] = set()
        self._shown: dict = {}
        self._ready = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)

        self._build_filters()
        self._build_cards()
        self._build_pages()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(self._filter_rows)
        layout.addLayout(self._card_grid)
        layout.addWidget(self.activity)
        layout.addWidget(self.pages, 1)
        self._ready = True

    # --- building ---------------------------------------------------------------------

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    def _build_filters(self) -> None:
        self.period_choice = QComboBox(self)
        self.period_choice.setObjectName("kpiPeriod")
        for key, text in (
            ("this_quarter", self.tr("This quarter")),
            ("last_quarter", self.tr("Last quarter")),
            ("last_12_months", self.tr("Last 12 months")),
            ("year_to_date", self.tr("Year to date")),
            ("custom", self.tr("Custom")),
        ):
            self.period_choice.addItem(text, key)
        self.period_choice.setCurrentIndex(PERIODS.index("last_12_months"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(self)
        self.date_from.setObjectName("kpiFrom")
        self.date_from.setCalendarPopup(True)
        self.date_from.setDate(today.addYears(-1).addDays(1))
        self.date_to = QDateEdit(self)
        self.date_to.setObjectName("kpiTo")
        self.date_to.setCalendarPopup(True)
        self.date_to.setDate(today)
        self.compare_label = QLabel(self)
        self.compare_label.setObjectName("kpiComparedWith")
        muted = self.compare_label.palette()
        muted.setColor(
            self.compare_label.foregroundRole(), muted.color(muted.ColorRole.PlaceholderText)
        )
        self.compare_label.setPalette(muted)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("kpiRefresh")
        self.refresh_button.setToolTip(self.tr("Read the database again and recompute"))
        self.busy = QProgressBar(self)
        self.busy.setObjectName("kpiBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedWidth(90)
        self.busy.setMaximumHeight(12)
        self.busy.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("kpiStatus")

        self.segment = self._combo("kpiSegment")
        for key, text in (
            ("all", self.tr("All accounts")),
            ("abm", self.tr("ABM (target accounts)")),
            ("non_abm", self.tr("Non-ABM")),
        ):
            self.segment.addItem(text, key)
        self.sector = self._combo("kpiSector")
        self.size_band = self._combo("kpiSizeBand")
        self.tier = self._combo("kpiTier")
        self.owner = self._combo("kpiOwner")
        for combo in (self.sector, self.size_band, self.tier, self.owner):
            combo.addItem(self.tr("All"), None)
        self.reset_filters = QPushButton(self.tr("Reset filters"), self)
        self.reset_filters.setObjectName("kpiResetFilters")
        self.reset_filters.clicked.connect(self.clear_filters)

        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text, self)
            widget.setBuddy(buddy)
            return widget

        top = QHBoxLayout()
        top.addWidget(label(self.tr("&Period:"), self.period_choice))
        top.addWidget(self.period_choice)
        top.addSpacing(6)
        top.addWidget(label(self.tr("&From:"), self.date_from))
        top.addWidget(self.date_from)
        top.addWidget(label(self.tr("&To:"), self.date_to))
        top.addWidget(self.date_to)
        top.addSpacing(8)
        top.addWidget(self.compare_label)
        top.addStretch(1)
        top.addWidget(self.busy)
        top.addWidget(self.status)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(label(self.tr("&Segment:"), self.segment))
        bottom.addWidget(self.segment)
        bottom.addSpacing(6)
        bottom.addWidget(label(self.tr("Se&ctor:"), self.sector))
        bottom.addWidget(self.sector)
        bottom.addSpacing(6)
        bottom.addWidget(label(self.tr("Si&ze:"), self.size_band))
        bottom.addWidget(self.size_band)
        bottom.addSpacing(6)
        bottom.addWidget(label(self.tr("T&ier:"), self.tier))
        bottom.addWidget(self.tier)
        bottom.addSpacing(6)
        bottom.addWidget(label(self.tr("O&wner:"), self.owner))
        bottom.addWidget(self.owner)
        bottom.addSpacing(6)
        bottom.addWidget(self.reset_filters)
        bottom.addStretch(1)
        rows = QVBoxLayout()
        rows.setSpacing(4)
        rows.addLayout(top)
        rows.addLayout(bottom)
        self._filter_rows = rows

        self.period_choice.currentIndexChanged.connect(self._period_choice_changed)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.refresh_button.clicked.connect(self.reload)
        self._update_compare_label()

    def _build_cards(self) -> None:
        self.cards = {
            "engagement": KpiCard("kpiCardEngagement", self.tr("Engaged target accounts"), self),
            "coverage": KpiCard("kpiCardCoverage", self.tr("Target accounts at risk"), self),
            "velocity": KpiCard("kpiCardVelocity", self.tr("Pipeline velocity (ABM)"), self),
            "conversion": KpiCard("kpiCardConversion", self.tr("Stage conversion"), self),
            "contract_value": KpiCard(
                "kpiCardContractValue", self.tr("Average contract value (ABM)"), self
            ),
            "clv": KpiCard("kpiCardClv", self.tr("Customer lifetime value (ABM)"), self),
            "roi": KpiCard("kpiCardRoi", self.tr("ABM return on investment"), self),
        }
        grid = QGridLayout()
        grid.setSpacing(6)
        for i, (key, card) in enumerate(self.cards.items()):
            grid.addWidget(card, 0, i)
            grid.setColumnStretch(i, 1)
            card.activated.connect(lambda key=key: self.show_chart(key))
        self._card_grid = grid
        self.activity = QLabel(self)
        self.activity.setObjectName("kpiActivity")
        self.activity.setTextFormat(Qt.TextFormat.RichText)
        self.activity.setWordWrap(True)
        self.activity.setFrameShape(QFrame.Shape.StyledPanel)
        self.activity.setContentsMargins(8, 3, 8, 3)
        self.activity.setToolTip(
            self.tr(
                "Logged effort, shown apart: activity is not a result and is not one of the KPIs."
            )
        )

    def _build_pages(self) -> None:
        self.pages = QTabWidget(self)
        self.pages.setObjectName("kpiCharts")
        titles = {
            "engagement": self.tr("Engagement"),
            "coverage": self.tr("Coverage"),
            "velocity": self.tr("Velocity"),
            "conversion": self.tr("Conversion"),
            "contract_value": self.tr("Contract value"),
            "clv": self.tr("Lifetime value"),
            "roi": self.tr("ROI"),
        }
        self.chart_pages: dict[str, QWidget] = {}
        for key in KPI_KEYS:
            page = QWidget(self.pages)
            page.setObjectName(f"kpiPage{key.title().replace('_', '')}")
            box = QVBoxLayout(page)
            box.setContentsMargins(0, 0, 0, 0)
            waiting = QLabel(self.tr("The chart appears once the figures are computed."), page)
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(waiting)
            self.chart_pages[key] = page
            self.pages.addTab(page, titles[key])

        fmt = self.ctx.fmt
        self.models = {
            "engagement": KpiTableModel(fmt, ENGAGEMENT_COLUMNS, self._engagement_formats(fmt)),
            "coverage": KpiTableModel(fmt, COVERAGE_COLUMNS, self._coverage_formats(fmt)),
            "velocity": KpiTableModel(fmt, VELOCITY_COLUMNS, self._velocity_formats(fmt)),
            "conversion": KpiTableModel(fmt, CONVERSION_COLUMNS, self._conversion_formats(fmt)),
            "clv": KpiTableModel(fmt, CLV_COLUMNS, self._clv_formats(fmt)),
            "roi": KpiTableModel(fmt, ROI_COLUMNS, self._roi_formats(fmt)),
        }
        for key, model in self.models.items():
            model.setParent(self)
            if key in ("velocity", "conversion"):
                model.sort_key = ""  # kept in program and stage order
        self.details = QTabWidget(self.pages)
        self.details.setObjectName("kpiDetails")
        titles = {
            "engagement": self.tr("Engagement"),
            "coverage": self.tr("Coverage"),
            "velocity": self.tr("Velocity"),
            "conversion": self.tr("Conversion"),
            "clv": self.tr("Lifetime value"),
            "roi": self.tr("ROI"),
        }
        self.views: dict[str, QTableView] = {}
        for key, model in self.models.items():
            name = f"kpi{key.title().replace('_', '')}View"
            sorting = key not in ("velocity", "conversion")
            view = make_table_view(model, name, self.details, sorting=sorting)
            self.views[key] = view
            self.details.addTab(view, titles[key])
        for view in self.views.values():
            view.horizontalHeader().setStretchLastSection(False)
        set_column_widths(self.views["engagement"], {"account": 30, "score": 10, "trend": 12})
        for key in ("coverage", "clv", "roi"):
            set_column_widths(self.views[key], {"account": 30})
        set_column_widths(self.views["velocity"], {"program": 14})
        set_column_widths(self.views["conversion"], {"group": 24, "stage": 24})
        self.pages.addTab(self.details, self.tr("Tables"))
        self.pages.currentChanged.connect(lambda _index: self._draw_current_chart())

    def _ensure_panels(self) -> None:
        if self.panels:
            return
        from abmdesk.ui.kpi_charts import make_panels  # lazy: pyqtgraph

        self.panels = make_panels(self.ctx.fmt)
        for key, panel in self.panels.items():
            page = self.chart_pages[key]
            box = page.layout()
            while box.count():
                item = box.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
            panel.setParent(page)
            box.addWidget(panel)
            panel.account_clicked.connect(self._chart_account_clicked)

    def show_chart(self, key: str) -> None:
        """Bring the chart of KPI ``key`` to the front."""
        page = self.chart_pages.get(key)
        if page is not None:
            self.pages.setCurrentWidget(page)

    # --- formats ----------------------------------------------------------------------

    def _engagement_formats(self, fmt: Formatter) -> dict[str, Callable[[Any], str]]:
        return {
            "score": fmt.integer,
            "trend": trend_label,
            "dormant": lambda v: fmt.yes_no(bool(v)) if v is not None else "",
            "active_weeks": fmt.integer,
        }

    def _coverage_formats(self, fmt: Formatter) -> dict[str, Callable[[Any], str]]:
        pct = fmt.percent
        return {
            "committee_size": fmt.integer,
            "identified": fmt.integer,
            "engaged": fmt.integer,
            "identified_coverage": pct,
            "engaged_coverage": pct,
            "engagement_ratio": pct,
            "role_coverage": pct,
            "at_risk": lambda v: fmt.yes_no(bool(v)) if v is not None else "",
        }

    def _velocity_formats(self, fmt: Formatter) -> dict[str, Callable[[Any], str]]:
        formats: dict[str, Callable[[Any], str]] = {
            "program": program_label,
            "open_deals": fmt.integer,
            "win_rate": fmt.percent,
            "avg_won_amount": fmt.money,
            "avg_cycle_days": fmt.days,
            "velocity_per_day": fmt.money_per_day,
        }
        for key in domain.STAGES:
            formats[f"stage_{key}"] = fmt.days
        return formats

    def _conversion_formats(self, fmt: Formatter) -> dict[str, Callable[[Any], str]]:
        return {
            "stage": stage_label,
            "entered": fmt.integer,
            "advanced": fmt.integer,
            "rate": fmt.percent,
        }

    def _clv_formats(self, fmt: Formatter) -> dict[str, Callable[[Any], str]]:
        return {
            "base_arr": fmt.money,
            "upsell_rate": fmt.percent,
            "retention_years": lambda v: fmt.number(v, 1) if v is not None else "",
            "clv": fmt.money,
        }

    def _roi_formats(self, fmt: Formatter) -> dict[str, Callable[[Any], str]]:
        return {"revenue": fmt.money, "cost": fmt.money, "roi": fmt.percent}

    # --- period and filters -----------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.date_from.date()), from_qdate(self.date_to.date())

    def _set_dates(self, date_from: dt.date, date_to: dt.date) -> None:
        self.date_from.blockSignals(True)
        self.date_to.blockSignals(True)
        self.date_from.setDate(to_qdate(date_from))
        self.date_to.setDate(to_qdate(date_to))
        self.date_from.blockSignals(False)
        self.date_to.blockSignals(False)

    def _set_choice(self, key: str) -> None:
        self.period_choice.blockSignals(True)
        self.period_choice.setCurrentIndex(PERIODS.index(key))
        self.period_choice.blockSignals(False)

    def set_period(self, date_from: dt.date, date_to: dt.date) -> None:
        """A custom period."""
        self._set_choice("custom")
        self._set_dates(date_from, date_to)
        self._filters_changed()

    def set_period_choice(self, key: str) -> None:
        """One of ``PERIODS``; the dates follow (custom keeps them)."""
        self._set_choice(key)
        self._period_choice_changed()

    def set_last_12_months(self) -> None:
        self.set_period_choice("last_12_months")

    def set_year_to_date(self) -> None:
        self.set_period_choice("year_to_date")

    def _period_choice_changed(self) -> None:
        key = self.period_choice.currentData()
        dates = period_of(key, dt.date.today())
        if dates is not None:
            self._set_dates(*dates)
        self._filters_changed()

    def _dates_edited(self) -> None:
        self._set_choice("custom")
        self._filters_changed(TYPING_DELAY_MS)

    def filters(self) -> Any:
        """The ``DashboardFilters`` chosen."""
        from abmdesk.services.kpi_filters import DashboardFilters

        return DashboardFilters(
            segment=self.segment.currentData() or "all",
            sector=self.sector.currentData(),
            size_band=self.size_band.currentData(),
            tier=self.tier.currentData(),
            owner=self.owner.currentData(),
        )

    def set_filters(self, **values: str | None) -> None:
        """Choose filter values by key (``segment="abm"``, ``tier="1"``…) and recompute."""
        combos = {
            "segment": self.segment,
            "sector": self.sector,
            "size_band": self.size_band,
            "tier": self.tier,
            "owner": self.owner,
        }
        for key, value in values.items():
            combo = combos[key]
            k = combo.findData(value)
            if k < 0:
                raise ValueError(f"no choice {value!r} for {key}")
            combo.blockSignals(True)
            combo.setCurrentIndex(k)
            combo.blockSignals(False)
        self._filters_changed()

    def clear_filters(self) -> None:
        self.set_filters(segment="all", sector=None, size_band=None, tier=None, owner=None)

    def _filters_changed(self, delay: int = 0) -> None:
        """Recompute soon: at once for a choice in a list, after a pause for typed dates."""
        self._update_compare_label()
        self._dirty = True
        if self._ready:  # not while the widgets are being built
            self._timer.start(delay)

    def _update_compare_label(self) -> None:
        date_from, date_to = self.period()
        if date_from > date_to:
            self.compare_label.setText("")
            return
        prev_from, prev_to = previous_period(date_from, date_to)
        fmt = self.ctx.fmt
        self.compare_label.setText(
            self.tr("compared with %1 – %2")
            .replace("%1", fmt.date(prev_from))
            .replace("%2", fmt.date(prev_to))
        )

    def _load_choices(self) -> None:
        self._choices_dirty = False
        engine = self.ctx.engine

        def work() -> Any:
            from abmdesk.services.kpi_filters import dashboard_choices

            return dashboard_choices(engine)

        self.ctx.runner.submit(work, on_done=self.set_choices, name="kpi-choices")

    def set_choices(self, choices: Any) -> None:
        """Fill the sector, size, tier and owner lists (keeping what is chosen)."""
        unset = self.tr("(not set)")
        for combo, values, label in (
            (self.sector, choices.sectors, lambda v: v or unset),
            (self.size_band, choices.size_bands, self._size_text),
            (self.tier, choices.tiers, lambda v: v or unset),
            (self.owner, choices.owners, lambda v: v or unset),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for value in values:
                combo.addItem(label(value), value)
            k = combo.findData(current)
            combo.setCurrentIndex(max(k, 0))
            combo.blockSignals(False)
            if current is not None and k < 0:
                self._filters_changed()  # the chosen value is gone

    def _size_text(self, band: str) -> str:
        if band == "unknown":
            return size_band_label(band)
        return self.tr("%1 employees").replace("%1", band)

    # --- computing --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.ensure_computed()

    def ensure_computed(self) -> None:
        """Compute soon when the figures are missing or out of date (and none is running)."""
        if self._choices_dirty:
            self._load_choices()
        if self._dirty and self._task is None and not self._timer.isActive():
            self._timer.start(0)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(
            "accounts", "stakeholders", "interactions", "deals", "contracts", "costs", "settings"
        ):
            self._forget_loaded()
            self._dirty = True
            if changes.touches("accounts"):
                self._choices_dirty = True
            if self.isVisible():
                if self._choices_dirty:
                    self._load_choices()
                self._timer.start()

    def _forget_loaded(self) -> None:
        if self.compute_fn is _default_compute:
            from abmdesk.services.kpi_filters import invalidate

            invalidate(self.ctx.engine)

    def is_busy(self) -> bool:
        return self._task is not None or self._compare_task is not None

    def reload(self) -> None:
        """Read the database again (another program may have written), then recompute."""
        self._forget_loaded()
        self._choices_dirty = True
        self._load_choices()
        self.refresh()

    def refresh(self) -> None:
        """Compute the dashboard in the background; an older request is dropped."""
        self._timer.stop()
        date_from, date_to = self.period()
        if date_from > date_to:
            self._set_status(self.tr("The start of the period is after its end."), error=True)
            return
        for task in (self._task, self._compare_task):
            if task is not None:
                task.cancel()
        self._compare_task = None
        self._early_previous = None
        self._seq += 1
        seq = self._seq
        self._dirty = False
        engine = self.ctx.engine
        compute = self.compute_fn
        filters = self.filters()
        self._started = time.perf_counter()
        self._set_status(self.tr("Computing…"))
        self.busy.setVisible(True)
        warm = not self.panels
        orders = self.table_orders()

        def work() -> tuple[dict, dict]:
            if warm:
                _warm_charts()
            result = compute(engine, date_from, date_to, filters)
            return result, account_table_rows(result, orders)

        request = (seq, date_from, date_to, filters)
        self._task = self.ctx.runner.submit(
            work,
            on_done=lambda done: self._on_done(request, *done),
            on_error=lambda exc: self._on_error(seq, exc),
            name="kpis",
        )
        if compute is _default_compute:
            from abmdesk.services.kpi_filters import is_cached

            if not is_cached(engine, date_from, date_to):
                # Both periods are read from the database: SQLite scans them side by side.
                self._compare(request)

    def _compare(self, request: tuple) -> None:
        seq, date_from, date_to, filters = request
        prev_from, prev_to = previous_period(date_from, date_to)
        engine = self.ctx.engine
        compute = _previous_compute if self.compute_fn is _default_compute else self.compute_fn
        self._compare_task = self.ctx.runner.submit(
            lambda: compute(engine, prev_from, prev_to, filters),
            on_done=lambda result: self._on_compared(seq, result),
            on_error=lambda exc: self._on_error(seq, exc),
            name="kpis-previous",
        )

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {BAD_COLOR};" if error else "")
        self.status.setText(text)

    def _on_done(self, request: tuple, result: dict, tables: dict) -> None:
        seq = request[0]
        if seq != self._seq:
            return  # an older request: its figures are stale
        self._task = None
        self.result = result
        self.previous = None
        self.show_result(result, tables)
        self._set_status(self.tr("Comparing with the previous period…"))
        self.computed.emit(result)
        if seq != self._seq:
            return  # a slot of ``computed`` asked for other figures
        if self._early_previous is not None:
            self._show_previous(self._early_previous)
        elif self._compare_task is None:
            self._compare(request)

    def _on_compared(self, seq: int, previous: dict) -> None:
        if seq != self._seq:
            return
        self._compare_task = None
        if self._task is not None:  # the period itself is not in yet
            self._early_previous = previous
            return
        self._show_previous(previous)

    def _show_previous(self, previous: dict) -> None:
        self._early_previous = None
        self.previous = previous
        if self.result is not None:
            self.show_changes(self.result, previous)
        self.elapsed = time.perf_counter() - self._started
        self.busy.setVisible(False)
        self._set_status(
            self.tr("Up to date (%1 s).").replace("%1", self.ctx.fmt.number(self.elapsed, 1))
        )
        self.compared.emit(previous)

    def _on_error(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        self._task = None
        self._compare_task = None
        self.busy.setVisible(False)
        if isinstance(exc, ImportError):
            text = self.tr("The KPI engine is not available in this version.")
        else:
            text = self.tr("The KPIs could not be computed: %1").replace("%1", str(exc))
        self._set_status(text, error=True)
        self.failed.emit(text)

    def _chart_account_clicked(self, name: str) -> None:
        ids = _get(self.result, "account_ids") or {}
        value = ids.get(name)
        if value is None:
            return
        try:
            self.account_clicked.emit(uuid.UUID(str(value)))
        except ValueError:
            return

    # --- showing --------------------------------------------------------------------

    def show_result(self, kpis: dict, tables: dict | None = None) -> None:
        fmt = self.ctx.fmt
        self._shown = kpis
        cards = self.cards
        h = headlines(kpis)

        eng = kpis.get("engagement") or {}
        targets = eng.get("target_accounts")
        if targets is None:
            targets = sum(1 for a in eng.get("accounts") or [] if a.get("target"))
        engaged = eng.get("engaged_target_accounts")
        if engaged is None:
            engaged = len([a for a in eng.get("accounts") or [] if a.get("score")])
        cards["engagement"].set_figure(
            fmt.percent(h["engagement"]),
            self.tr("%1 of %2 target accounts engaged in the window")
            .replace("%1", fmt.integer(engaged))
            .replace("%2", fmt.integer(targets)),
        )

        coverage = _get(kpis, "coverage", "accounts") or []
        target_names = {a["account"] for a in eng.get("accounts") or [] if a.get("target")}
        target_rows = [a for a in coverage if a["account"] in target_names]
        mean_cov = (
            sum(a.get("engaged_coverage") or 0 for a in target_rows) / len(target_rows)
            if target_rows
            else None
        )
        cards["coverage"].set_figure(
            fmt.integer(h["coverage"]),
            self.tr("engaged coverage below the threshold · mean engaged coverage %1").replace(
                "%1", fmt.percent(mean_cov)
            ),
        )

        side = kpi_side(kpis)  # the non-ABM figures lead when only non-ABM accounts are kept
        other = "abm" if side == "non_abm" else "non_abm"
        abm_side = side == "abm"
        cards["velocity"].caption.setText(
            self.tr("Pipeline velocity (ABM)")
            if abm_side
            else self.tr("Pipeline velocity (non-ABM)")
        )
        cards["contract_value"].caption.setText(
            self.tr("Average contract value (ABM)")
            if abm_side
            else self.tr("Average contract value (non-ABM)")
        )
        cards["clv"].caption.setText(
            self.tr("Customer lifetime value (ABM)")
            if abm_side
            else self.tr("Customer lifetime value (non-ABM)")
        )
        velocity = _get(kpis, "velocity") or {}
        cards["velocity"].set_figure(
            fmt.money_per_day(h["velocity"]),
            (
                self.tr("non-ABM: %1 · cycle reduction: %2")
                if abm_side
                else self.tr("ABM: %1 · cycle reduction: %2")
            )
            .replace("%1", fmt.money_per_day(_get(velocity, other, "velocity_per_day")))
            .replace("%2", fmt.percent(velocity.get("cycle_reduction"))),
        )

        conversion = _get(kpis, "conversion", "all") or {}
        weakest = min(
            (s for s in domain.STAGES if s in conversion),
            key=lambda s: conversion[s].get("rate") or 0,
            default=None,
        )
        cards["conversion"].set_figure(
            fmt.percent(h["conversion"]),
            self.tr("weakest stage: %1 (%2)")
            .replace("%1", stage_label(weakest))
            .replace("%2", fmt.percent(conversion[weakest].get("rate"), 0))
            if weakest
            else self.tr("no deal entered a stage in the period"),
        )

        value = _get(kpis, "contract_value") or {}
        cards["contract_value"].set_figure(
            fmt.money(h["contract_value"]),
            (self.tr("non-ABM: %1 · uplift: %2") if abm_side else self.tr("ABM: %1 · uplift: %2"))
            .replace("%1", fmt.money(_get(value, other, "average")))
            .replace("%2", fmt.signed_percent(value.get("uplift"))),
        )

        clv_average = _get(kpis, "clv", "average") or {}
        cards["clv"].set_figure(
            fmt.money(h["clv"]),
            (self.tr("non-ABM: %1") if abm_side else self.tr("ABM: %1")).replace(
                "%1", fmt.money(clv_average.get(other))
            ),
        )

        roi = _get(kpis, "roi") or {}
        cards["roi"].set_figure(
            fmt.percent(h["roi"], 0),
            self.tr("revenue %1 · cost %2")
            .replace("%1", fmt.money(roi.get("revenue")))
            .replace("%2", fmt.money(roi.get("cost"))),
        )
        for card in cards.values():
            card.set_change("", "", self.tr("Comparing with the previous period…"))

        self._show_activity(kpis.get("activity"))
        self._fill_tables(kpis, velocity, conversion, tables)
        self._ensure_panels()
        # Only the chart on screen is drawn now; the others when their page is shown.
        self._charts_pending = set(self.panels)
        self._draw_current_chart()

    def _draw_current_chart(self) -> None:
        if self.result is None and not self._charts_pending:
            return
        page = self.pages.currentWidget()
        for key in list(self._charts_pending):
            if self.chart_pages.get(key) is page:
                self._charts_pending.discard(key)
                self.panels[key].set_data(self._shown)

    def _show_activity(self, activity: dict | None) -> None:
        fmt = self.ctx.fmt
        title = self.tr("Activity (logged effort, not a KPI)")
        if not activity:
            self.activity.setText(f"<b>{title}</b>")
            return
        hours = (activity.get("minutes") or 0) / 60
        self.activity.setText(
            f"<b>{html.escape(title)}</b> — "
            + nowrap_numbers(
                self.tr("%1 interactions logged · %2 emails sent · %3 h of logged time")
                .replace("%1", fmt.integer(activity.get("interactions")))
                .replace("%2", fmt.integer(activity.get("emails_sent")))
                .replace("%3", fmt.integer(round(hours)))
            )
        )

    def show_changes(self, kpis: dict, previous: dict) -> None:
        """Each card's change against the previous period of the same length."""
        fmt = self.ctx.fmt
        now, then = headlines(kpis), headlines(previous)
        per = previous.get("period") or {}
        try:
            span = (
                fmt.date(dt.date.fromisoformat(per["from"]))
                + " – "
                + fmt.date(dt.date.fromisoformat(per["to"]))
            )
        except (KeyError, TypeError, ValueError):
            span = ""
        shown = {
            "engagement": fmt.percent,
            "coverage": fmt.integer,
            "velocity": fmt.money_per_day,
            "conversion": fmt.percent,
            "contract_value": fmt.money,
            "clv": fmt.money,
            "roi": lambda v: fmt.percent(v, 0),
        }
        for key, card in self.cards.items():
            kind, higher_is_good = CHANGE_KINDS[key]
            text, mood = self.change_text(now[key], then[key], kind, higher_is_good)
            before = then[key]
            tip = (
                self.tr("Previous period (%1): %2")
                .replace("%1", span)
                .replace("%2", shown[key](before) if before is not None else "—")
            )
            card.set_change(text or self.tr("no comparison"), mood, tip)
        # the ABM cycle's change, in the velocity card's detail
        cycle_now, cycle_then = now["cycle_days"], then["cycle_days"]
        text, mood = self.change_text(cycle_now, cycle_then, "days", False)
        velocity = self.cards["velocity"]
        cycle = (
            self.tr("ABM cycle: %1") if kpi_side(kpis) == "abm" else self.tr("non-ABM cycle: %1")
        )
        base = nowrap_numbers(cycle.replace("%1", fmt.days(cycle_now)))
        if text:
            color = {"good": GOOD_COLOR, "bad": BAD_COLOR}.get(mood, NEUTRAL_COLOR)
            base += f' (<span style="color:{color}">{nowrap_numbers(text)}</span>)'
        vel = kpis.get("velocity") or {}
        reduction = self.tr("cycle reduction: %1").replace(
            "%1", fmt.percent(vel.get("cycle_reduction"))
        )
        velocity.detail.setText(base + " · " + nowrap_numbers(reduction))

    def change_text(
        self, now: float | None, then: float | None, kind: str, higher_is_good: bool
    ) -> tuple[str, str]:
        """``("+4,2 pts", "good")``; ``("", "")`` when either side is missing."""
        fmt = self.ctx.fmt
        if now is None or then is None:
            return "", ""
        if kind == "relative":
            if then == 0:
                return "", ""
            delta = now / then - 1
            shown = round(delta * 100, 1)
            text = fmt.percent(abs(delta))
        elif kind == "points":
            delta = (now - then) * 100
            shown = round(delta, 1)
            text = self.tr("%1 pts").replace("%1", fmt.number(abs(delta), 1))
        elif kind == "points0":
            delta = (now - then) * 100
            shown = round(delta)
            text = self.tr("%1 pts").replace("%1", fmt.number(abs(delta), 0))
        elif kind == "days":
            delta = now - then
            shown = round(delta, 1)
            text = fmt.days(abs(delta))
        else:  # count
            delta = now - then
            shown = round(delta)
            text = fmt.integer(abs(round(delta)))
        if shown == 0:
            return "= " + text.replace(MINUS, ""), "neutral"
        sign = "+" if delta > 0 else MINUS
        good = (delta > 0) == higher_is_good
        return sign + text, "good" if good else "bad"

    def table_orders(self) -> dict[str, tuple[str, bool]]:
        """The sort order of each per-account table (rows are sorted off the GUI thread)."""
        return {k: (self.models[k].sort_key, self.models[k].descending) for k in ACCOUNT_TABLES}

    def _fill_tables(
        self, kpis: dict, velocity: dict, conversion: dict, tables: dict | None
    ) -> None:
        if tables is None:
            tables = account_table_rows(kpis, self.table_orders())
        if not self._sized:  # widths from the first rows: measuring 10 000 rows takes seconds
            # (200 rows still cost ~0.3 s of GUI thread on the large demo; 40 are enough)
            for key, (rows, order) in tables.items():
                self.models[key].set_presorted(rows[:40], order)
                self.views[key].resizeColumnsToContents()
        for key, (rows, order) in tables.items():
            self.models[key].set_presorted(rows, order)

        velocity_rows = []
        for program in ("abm", "non_abm", "all"):
            figures = velocity.get(program)
            if not isinstance(figures, dict):
                continue
            row = {"program": program, **figures}
            for stage, days in (figures.get("avg_days_in_stage") or {}).items():
                row[f"stage_{stage}"] = days
            velocity_rows.append(row)
        self.models["velocity"].set_rows(velocity_rows)

        conversion_rows = []
        groups: list[tuple[str, dict]] = [(self.tr("All deals"), conversion)]
        for sector, stages in sorted((_get(kpis, "conversion", "by_sector") or {}).items()):
            name = self.tr("Unknown sector") if sector == "unknown" else sector
            groups.append((self.tr("Sector: %1").replace("%1", name), stages))
        by_size = _get(kpis, "conversion", "by_size") or {}
        for band in domain.SIZE_BANDS:
            if band in by_size:
                groups.append(
                    (self.tr("Size: %1").replace("%1", size_band_label(band)), by_size[band])
                )
        for group, stages in groups:
            for stage in domain.STAGES:
                if stage in stages:
                    conversion_rows.append({"group": group, "stage": stage, **stages[stage]})
        self.models["conversion"].set_rows(conversion_rows)

        if not self._sized:
            self._sized = True
            for key in ("velocity", "conversion"):
                self.views[key].resizeColumnsToContents()


ACCOUNT_TABLES = ("engagement", "coverage", "clv", "roi")


class KpiTableModel(RecordTableModel):
    """A KPI table whose (many) rows may come sorted from a worker thread."""

    def set_presorted(self, rows: list, order: tuple[str, bool]) -> None:
        """``rows`` sorted by ``presort(rows, *order)``; sorted again if the order changed."""
        if order != (self.sort_key, self.descending):
            self.set_rows(rows)
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


@functools.lru_cache(maxsize=1 << 16)
def _sort_text(text: str) -> str:
    """``records.sort_text``, remembered: the same 10 000 names come back at each refresh."""
    from abmdesk.services.records import sort_text

    return sort_text(text)


def presort(rows: list[dict], key: str, descending: bool) -> list[dict]:
    """The order ``RecordTableModel`` gives (missing values last), computed anywhere."""
    sort_text = _sort_text
    if not key:
        return list(rows)

    def sort_value(row: dict) -> tuple:
        value = row.get(key)
        if isinstance(value, bool | int | float):
            return (0, float(value), "")
        return (0, 0, sort_text(str(value)))

    present = [r for r in rows if r.get(key) is not None]
    missing = [r for r in rows if r.get(key) is None]
    present.sort(key=sort_value, reverse=descending)
    return present + missing


def account_table_rows(
    kpis: dict, orders: dict[str, tuple[str, bool]]
) -> dict[str, tuple[list[dict], tuple[str, bool]]]:
    """The rows of the per-account tables, sorted as the models are (no Qt: any thread)."""
    rows = {
        "engagement": [
            {
                "account": a.get("account"),
                "score": a.get("score"),
                "trend": a.get("trend"),
                "dormant": a.get("dormant"),
                "active_weeks": len(a.get("weekly") or {}),
            }
            for a in _get(kpis, "engagement", "accounts") or []
        ],
        "coverage": list(_get(kpis, "coverage", "accounts") or []),
        "clv": list(_get(kpis, "clv", "accounts") or []),
        "roi": list(_get(kpis, "roi", "accounts") or []),
    }
    return {k: (presort(rows[k], *orders[k]), orders[k]) for k in ACCOUNT_TABLES}


#: Per card: how its change is shown, and whether up is good.
CHANGE_KINDS: dict[str, tuple[str, bool]] = {
    "engagement": ("points", True),
    "coverage": ("count", False),
    "velocity": ("relative", True),
    "conversion": ("points", True),
    "contract_value": ("relative", True),
    "clv": ("relative", True),
    "roi": ("points0", True),
}


def kpi_side(kpis: dict) -> str:
    """``non_abm`` when the dashboard keeps only non-ABM accounts, else ``abm``."""
    return "non_abm" if _get(kpis, "filters", "segment") == "non_abm" else "abm"


def headlines(kpis: dict) -> dict[str, float | None]:
    """The seven headline figures (and the cycle) of a dashboard dict.

    Velocity, cycle, contract value and CLV are those of ABM deals and accounts, or of
    non-ABM ones when only non-ABM accounts are kept (``kpi_side``).
    """
    side = kpi_side(kpis)
    eng = kpis.get("engagement") or {}
    targets = {a["account"] for a in eng.get("accounts") or [] if a.get("target")}
    coverage = _get(kpis, "coverage", "accounts") or []
    if targets or any("target" in a for a in eng.get("accounts") or []):
        at_risk = sum(1 for a in coverage if a.get("at_risk") and a["account"] in targets)
    else:
        at_risk = sum(1 for a in coverage if a.get("at_risk"))
    conversion = _get(kpis, "conversion", "all") or {}
    entered = sum(c.get("entered") or 0 for c in conversion.values())
    advanced = sum(c.get("advanced") or 0 for c in conversion.values())
    return {
        "engagement": _finite(eng.get("engaged_target_accounts_rate")),
        "coverage": float(at_risk),
        "velocity": _finite(_get(kpis, "velocity", side, "velocity_per_day")),
        "cycle_days": _finite(_get(kpis, "velocity", side, "avg_cycle_days")),
        "conversion": advanced / entered if entered else None,
        "contract_value": _finite(_get(kpis, "contract_value", side, "average")),
        "clv": _finite(_get(kpis, "clv", "average", side)),
        "roi": _finite(_get(kpis, "roi", "roi")),
    }
