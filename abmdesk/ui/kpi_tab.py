"""The KPI tab: a period, the seven headline figures and the per-account tables.

The figures come from ``abmdesk.services.kpis.compute_kpis`` (the JSON object of
SPEC 4), computed off the GUI thread by the window's task runner; a newer request
cancels the older one. The KPI engine is imported only when first needed.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
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
from abmdesk.ui.formatting import Formatter, from_qdate
from abmdesk.ui.labels import (
    STAGE_SOURCES,
    program_label,
    size_band_label,
    stage_label,
    trend_label,
)
from abmdesk.ui.models import Column, RecordTableModel, make_table_view, set_column_widths
from abmdesk.ui.tasks import Task

ComputeFn = Callable[[Any, dt.date, dt.date], dict]


def _default_compute(engine: Any, date_from: dt.date, date_to: dt.date) -> dict:
    from abmdesk.services.kpis import compute_kpis

    return compute_kpis(engine, date_from, date_to)


def kpi_engine_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("abmdesk.services.kpis") is not None
    except (ImportError, ValueError):
        return False


class KpiCard(QFrame):
    """One headline figure: a caption, a big value, a line of detail."""

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.caption = QLabel(caption, self)
        self.caption.setWordWrap(True)
        self.value = QLabel("—", self)
        self.value.setObjectName(f"{name}Value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel("", self)
        self.detail.setObjectName(f"{name}Detail")
        self.detail.setWordWrap(True)
        muted = self.detail.palette()
        muted.setColor(self.detail.foregroundRole(), muted.color(muted.ColorRole.PlaceholderText))
        self.detail.setPalette(muted)
        self.caption.setPalette(muted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set_figure(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


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


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


class KpiTab(QWidget):
    """Objectname ``kpiTab``."""

    computed = Signal(object)  # the KPI dict
    failed = Signal(str)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, compute: ComputeFn | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTab")
        self.ctx = ctx
        self.compute_fn: ComputeFn = compute or _default_compute
        self.result: dict | None = None
        self._task: Task | None = None
        self._dirty = True
        self._started = 0.0
        self._sized = False

        today = QDate.currentDate()
        self.date_from = QDateEdit(self)
        self.date_from.setObjectName("kpiFrom")
        self.date_from.setCalendarPopup(True)
        self.date_from.setDate(today.addYears(-1).addDays(1))
        self.date_to = QDateEdit(self)
        self.date_to.setObjectName("kpiTo")
        self.date_to.setCalendarPopup(True)
        self.date_to.setDate(today)
        self.last_year = QPushButton(self.tr("Last 12 months"), self)
        self.last_year.setObjectName("kpiLast12Months")
        self.year_to_date = QPushButton(self.tr("Year to date"), self)
        self.year_to_date.setObjectName("kpiYearToDate")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("kpiRefresh")
        self.status = QLabel(self)
        self.status.setObjectName("kpiStatus")
        from_label = QLabel(self.tr("&From:"), self)
        from_label.setBuddy(self.date_from)
        to_label = QLabel(self.tr("&To:"), self)
        to_label.setBuddy(self.date_to)

        bar = QHBoxLayout()
        bar.addWidget(from_label)
        bar.addWidget(self.date_from)
        bar.addWidget(to_label)
        bar.addWidget(self.date_to)
        bar.addWidget(self.last_year)
        bar.addWidget(self.year_to_date)
        bar.addWidget(self.refresh_button)
        bar.addSpacing(12)
        bar.addWidget(self.status, 1)

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
        grid.setSpacing(8)
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 4, i % 4)

        fmt = ctx.fmt
        self.models = {
            "engagement": RecordTableModel(fmt, ENGAGEMENT_COLUMNS, self._engagement_formats(fmt)),
            "coverage": RecordTableModel(fmt, COVERAGE_COLUMNS, self._coverage_formats(fmt)),
            "velocity": RecordTableModel(fmt, VELOCITY_COLUMNS, self._velocity_formats(fmt)),
            "conversion": RecordTableModel(fmt, CONVERSION_COLUMNS, self._conversion_formats(fmt)),
            "clv": RecordTableModel(fmt, CLV_COLUMNS, self._clv_formats(fmt)),
            "roi": RecordTableModel(fmt, ROI_COLUMNS, self._roi_formats(fmt)),
        }
        for key, model in self.models.items():
            model.setParent(self)
            if key in ("velocity", "conversion"):
                model.sort_key = ""  # kept in program and stage order
        self.details = QTabWidget(self)
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

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid)
        layout.addWidget(self.details, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh)
        self.date_from.dateChanged.connect(self._period_changed)
        self.date_to.dateChanged.connect(self._period_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.last_year.clicked.connect(self.set_last_12_months)
        self.year_to_date.clicked.connect(self.set_year_to_date)

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

    # --- period ---------------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.date_from.date()), from_qdate(self.date_to.date())

    def set_period(self, date_from: dt.date, date_to: dt.date) -> None:
        self.date_from.blockSignals(True)
        self.date_to.blockSignals(True)
        self.date_from.setDate(QDate(date_from.year, date_from.month, date_from.day))
        self.date_to.setDate(QDate(date_to.year, date_to.month, date_to.day))
        self.date_from.blockSignals(False)
        self.date_to.blockSignals(False)
        self._period_changed()

    def set_last_12_months(self) -> None:
        today = dt.date.today()
        start = QDate(today.year, today.month, today.day).addYears(-1).addDays(1)
        self.set_period(from_qdate(start), today)

    def set_year_to_date(self) -> None:
        today = dt.date.today()
        self.set_period(dt.date(today.year, 1, 1), today)

    def _period_changed(self) -> None:
        self._dirty = True
        self._timer.start()

    # --- computing --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_computed()

    def ensure_computed(self) -> None:
        """Compute soon when the figures are missing or out of date (and none is running)."""
        if self._dirty and self._task is None and not self._timer.isActive():
            self._timer.start(0)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(
            "accounts", "stakeholders", "interactions", "deals", "contracts", "costs", "settings"
        ):
            self._dirty = True
            if self.isVisible():
                self._timer.start()

    def is_busy(self) -> bool:
        return self._task is not None

    def refresh(self) -> None:
        """Compute the KPIs for the period in the background (cancels a running one)."""
        self._timer.stop()
        date_from, date_to = self.period()
        if date_from > date_to:
            self._set_status(self.tr("The start of the period is after its end."), error=True)
            return
        if self._task is not None:
            self._task.cancel()
        self._dirty = False
        engine = self.ctx.engine
        compute = self.compute_fn
        self._started = time.perf_counter()
        self._set_status(self.tr("Computing…"))
        self._task = self.ctx.runner.submit(
            lambda: compute(engine, date_from, date_to),
            on_done=self._on_done,
            on_error=self._on_error,
            name="kpis",
        )

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    def _on_done(self, result: dict) -> None:
        self._task = None
        self.result = result
        elapsed = time.perf_counter() - self._started
        self.show_result(result)
        self._set_status(
            self.tr("Computed in %1 s.").replace("%1", self.ctx.fmt.number(elapsed, 1))
        )
        self.computed.emit(result)

    def _on_error(self, exc: BaseException) -> None:
        self._task = None
        if isinstance(exc, ImportError):
            text = self.tr("The KPI engine is not available in this version.")
        else:
            text = self.tr("The KPIs could not be computed: %1").replace("%1", str(exc))
        self._set_status(text, error=True)
        self.failed.emit(text)

    # --- showing --------------------------------------------------------------------

    def show_result(self, kpis: dict) -> None:
        fmt = self.ctx.fmt
        cards = self.cards

        rate = _get(kpis, "engagement", "engaged_target_accounts_rate")
        engaged = [a for a in _get(kpis, "engagement", "accounts") or [] if a.get("score")]
        cards["engagement"].set_figure(
            fmt.percent(rate),
            self.tr("%Ln account(s) with engagement in the window", "", len(engaged)),
        )

        coverage = _get(kpis, "coverage", "accounts") or []
        at_risk = sum(1 for a in coverage if a.get("at_risk"))
        cards["coverage"].set_figure(
            fmt.integer(at_risk),
            self.tr("engaged coverage below the threshold"),
        )

        velocity = _get(kpis, "velocity") or {}
        cards["velocity"].set_figure(
            fmt.money_per_day(_get(velocity, "abm", "velocity_per_day")),
            self.tr("non-ABM: %1 · cycle reduction: %2")
            .replace("%1", fmt.money_per_day(_get(velocity, "non_abm", "velocity_per_day")))
            .replace("%2", fmt.percent(velocity.get("cycle_reduction"))),
        )

        conversion = _get(kpis, "conversion", "all") or {}
        lines = []
        for stage in domain.STAGES:
            if stage in conversion:
                rate_text = fmt.percent(conversion[stage].get("rate"))
                lines.append(
                    self.tr("%1: %2").replace("%1", stage_label(stage)).replace("%2", rate_text)
                )
        first = next((s for s in domain.STAGES if s in conversion), None)
        cards["conversion"].set_figure(
            fmt.percent(conversion[first].get("rate")) if first else "—",
            "\n".join(lines) if lines else self.tr("no deal entered a stage in the period"),
        )

        value = _get(kpis, "contract_value") or {}
        cards["contract_value"].set_figure(
            fmt.money(_get(value, "abm", "average")),
            self.tr("non-ABM: %1 · uplift: %2")
            .replace("%1", fmt.money(_get(value, "non_abm", "average")))
            .replace("%2", fmt.signed_percent(value.get("uplift"))),
        )

        clv_average = _get(kpis, "clv", "average") or {}
        cards["clv"].set_figure(
            fmt.money(clv_average.get("abm")),
            self.tr("non-ABM: %1").replace("%1", fmt.money(clv_average.get("non_abm"))),
        )

        roi = _get(kpis, "roi") or {}
        cards["roi"].set_figure(
            fmt.percent(roi.get("roi"), 0),
            self.tr("revenue %1 · cost %2")
            .replace("%1", fmt.money(roi.get("revenue")))
            .replace("%2", fmt.money(roi.get("cost"))),
        )

        engagement_rows = [
            {
                "account": a.get("account"),
                "score": a.get("score"),
                "trend": a.get("trend"),
                "dormant": a.get("dormant"),
                "active_weeks": len(a.get("weekly") or {}),
            }
            for a in _get(kpis, "engagement", "accounts") or []
        ]
        self.models["engagement"].set_rows(engagement_rows)
        self.models["coverage"].set_rows(coverage)

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

        self.models["clv"].set_rows(_get(kpis, "clv", "accounts") or [])
        self.models["roi"].set_rows(roi.get("accounts") or [])
        if not self._sized:
            self._sized = True
            for view in self.views.values():
                view.resizeColumnsToContents()
