"""The dashboard's charts (pyqtgraph), one panel per KPI.

Imported only when the first figures arrive (pyqtgraph is not loaded at start-up).
Every panel shows a title line with the headline figures, a chart whose hover shows
the exact value (``last_hover`` keeps the text) and whose account bars or points
emit ``account_clicked(name)``; right-click or Ctrl+C copies the chart as an image,
the context menu also saves it as PNG. Values are formatted by the window's
``Formatter`` (QLocale), axis ticks included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFont,
    QGuiApplication,
    QImage,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from abmdesk import domain
from abmdesk.ui.formatting import Formatter
from abmdesk.ui.labels import program_label, size_band_label, stage_label

ABM = QColor(25, 118, 210)
NON_ABM = QColor(255, 152, 0)
LIGHT = QColor(144, 202, 249)
RISK = QColor(198, 40, 40)
GOOD = QColor(46, 125, 50)
GREY = QColor(120, 120, 120)
TEXT = QColor(55, 55, 55)
LINE_COLORS = [
    QColor(25, 118, 210),
    QColor(0, 150, 136),
    QColor(156, 39, 176),
    QColor(255, 152, 0),
    QColor(121, 85, 72),
    QColor(96, 125, 139),
]
SELECTED = QColor(198, 40, 40)

#: Accounts shown in one bar chart at most (the rest are in the tables).
MAX_BARS = 30
MAX_NAME = 28


def _elide(name: str, width: int = MAX_NAME) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


class ValueAxis(pg.AxisItem):
    """An axis whose tick labels go through a formatter (QLocale)."""

    def __init__(self, orientation: str, format_value: Callable[[float], str]) -> None:
        super().__init__(orientation)
        self.format_value = format_value

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [self.format_value(v * scale) for v in values]


@dataclass
class Hit:
    """Something under the mouse: a bar's rectangle or a point, in view coordinates."""

    x0: float
    x1: float
    y0: float
    y1: float
    text: str
    account: str | None = None


def _style_axis(axis: pg.AxisItem, font: QFont) -> None:
    axis.setPen(pg.mkPen(GREY))
    axis.setTextPen(pg.mkPen(TEXT))
    axis.setStyle(tickFont=font, tickTextOffset=6)


class Chart(pg.PlotWidget):
    """A static plot (no pan or zoom) with hover and click on its bars or points."""

    hovered = Signal(str)
    clicked = Signal(str)  # account name

    def __init__(
        self,
        value_format: Callable[[float], str],
        *,
        horizontal: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        self.horizontal = horizontal
        value_axis = ValueAxis("bottom" if horizontal else "left", value_format)
        axes = {"bottom": value_axis} if horizontal else {"left": value_axis}
        super().__init__(parent, background="w", axisItems=axes)
        self.setObjectName("kpiChart")
        self.value_axis = value_axis
        self.category_axis = self.getPlotItem().getAxis("left" if horizontal else "bottom")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(220)
        self.getPlotItem().showGrid(x=horizontal, y=not horizontal, alpha=0.15)
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.9))
        for name in ("left", "bottom"):
            _style_axis(self.getPlotItem().getAxis(name), font)
        if horizontal:
            self.getPlotItem().invertY(True)
        self.hits: list[Hit] = []
        self.points: list[tuple[float, float, str, str | None]] = []
        self.last_hover = ""
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    # --- drawing ---------------------------------------------------------------------

    def clear_chart(self) -> None:
        self.getPlotItem().clear()
        self.hits = []
        self.points = []

    def set_categories(self, labels: Sequence[str]) -> None:
        ticks = [(k, _elide(label)) for k, label in enumerate(labels)]
        self.category_axis.setTicks([ticks, []])
        if not self.horizontal:
            self.category_axis.setStyle(autoExpandTextSpace=True)

    def bars(
        self,
        values: Sequence[float | None],
        *,
        offset: float = 0.0,
        width: float = 0.7,
        colors: Sequence[QColor] | QColor = ABM,
        texts: Sequence[str] = (),
        accounts: Sequence[str | None] = (),
        name: str | None = None,
        legend_color: QColor | None = None,
        min_length: float = 0.0,
    ) -> Any:
        """One bar per category k at k + offset; None draws nothing (but keeps the slot).

        ``min_length`` draws a stub for values of 0 (the hover still tells the exact value).
        """
        positions, heights, brushes = [], [], []
        for k, value in enumerate(values):
            if value is None:
                continue
            color = colors[k] if isinstance(colors, Sequence) else colors
            positions.append(k + offset)
            drawn = float(value)
            if abs(drawn) < min_length:
                drawn = min_length if drawn >= 0 else -min_length
            heights.append(drawn)
            brushes.append(pg.mkBrush(color))
            lo, hi = sorted((0.0, drawn))
            text = texts[k] if k < len(texts) else ""
            account = accounts[k] if k < len(accounts) else None
            if self.horizontal:
                self.hits.append(
                    Hit(lo, hi, k + offset - width / 2, k + offset + width / 2, text, account)
                )
            else:
                self.hits.append(
                    Hit(k + offset - width / 2, k + offset + width / 2, lo, hi, text, account)
                )
        if not positions:
            return None
        first = colors[0] if isinstance(colors, Sequence) and colors else colors
        if legend_color is not None:
            first = legend_color
        legend_brush = pg.mkBrush(first)  # the legend's swatch
        if self.horizontal:
            item = pg.BarGraphItem(
                x0=0,
                y=positions,
                width=heights,
                height=width,
                brushes=brushes,
                brush=legend_brush,
                pen=None,
                name=name,
            )
        else:
            item = pg.BarGraphItem(
                x=positions,
                height=heights,
                width=width,
                brushes=brushes,
                brush=legend_brush,
                pen=None,
                name=name,
            )
        self.addItem(item)
        return item

    def reference_line(self, value: float, label: str, color: QColor = RISK) -> None:
        """A dashed line across the chart at ``value`` (a threshold, an average)."""
        line = pg.InfiniteLine(
            pos=value,
            angle=90 if self.horizontal else 0,
            pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine),
            label=label,
            labelOpts={
                "position": 0.97 if self.horizontal else 0.96,
                "color": color,
                "fill": (255, 255, 255, 200),
            },
        )
        self.addItem(line)

    def line(
        self,
        xs: Sequence[float],
        ys: Sequence[float],
        *,
        color: QColor,
        width: float = 2,
        name: str | None = None,
        texts: Sequence[str] = (),
        account: str | None = None,
    ) -> None:
        self.getPlotItem().plot(
            list(xs),
            list(ys),
            pen=pg.mkPen(color, width=width),
            symbol="o",
            symbolSize=5 + width,
            symbolBrush=pg.mkBrush(color),
            symbolPen=None,
            name=name,
        )
        for x, y, text in zip(xs, ys, texts, strict=False):
            self.points.append((x, y, text, account))

    def legend(self, bottom: bool = False) -> Any:
        """A legend in the top right corner (bottom right: where sorted bars are short)."""
        offset = (-10, -10) if bottom else (-10, 10)
        legend = self.getPlotItem().addLegend(offset=offset, labelTextColor=TEXT)
        legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        return legend

    def value_range(self, lo: float, hi: float) -> None:
        if hi <= lo:
            hi = lo + 1
        pad = (hi - lo) * 0.06
        if self.horizontal:
            self.setXRange(lo - (pad if lo < 0 else 0), hi + pad, padding=0)
        else:
            self.setYRange(lo - (pad if lo < 0 else 0), hi + pad, padding=0)

    def category_range(self, count: int) -> None:
        if self.horizontal:
            self.setYRange(-0.6, max(count, 1) - 0.4, padding=0)
        else:
            self.setXRange(-0.6, max(count, 1) - 0.4, padding=0)

    # --- hover and click -------------------------------------------------------------

    def hit_at(self, scene_pos: QPointF) -> Hit | None:
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = vb.mapSceneToView(scene_pos)
        for hit in self.hits:
            if hit.x0 <= p.x() <= hit.x1 and hit.y0 <= p.y() <= hit.y1:
                return hit
        best: tuple[float, Hit] | None = None
        for x, y, text, account in self.points:
            q = vb.mapViewToScene(QPointF(x, y))
            d = (q.x() - scene_pos.x()) ** 2 + (q.y() - scene_pos.y()) ** 2
            if d <= 64 and (best is None or d < best[0]):
                best = (d, Hit(x, x, y, y, text, account))
        return best[1] if best else None

    def scene_pos_of(self, x: float, y: float) -> QPointF:
        """Where the view point (x, y) is in the scene (for tests and keyboard help)."""
        return self.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        hit = self.hit_at(scene_pos)
        if hit is None or not hit.text:
            if QToolTip.isVisible():
                QToolTip.hideText()
            return
        self.last_hover = hit.text
        self.hovered.emit(hit.text)
        if self.isVisible() and QGuiApplication.platformName() != "offscreen":
            QToolTip.showText(QCursor.pos(), hit.text, self)  # (offscreen cannot raise it)

    def _on_mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.hit_at(event.scenePos())
        if hit is not None and hit.account:
            self.clicked.emit(hit.account)


class ChartPanel(QWidget):
    """A title line and one or more charts; copy and save as PNG."""

    account_clicked = Signal(str)

    def __init__(self, fmt: Formatter, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.fmt = fmt
        self.title = QLabel(self)
        self.title.setObjectName(f"{name}Title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.charts: list[Chart] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 6, 8, 6)
        self.layout_.addWidget(self.title)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.copy_image)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def add_chart(self, chart: Chart) -> Chart:
        chart.clicked.connect(self.account_clicked)
        chart.customContextMenuRequested.connect(
            lambda pos, c=chart: self._menu(c.mapTo(self, pos))
        )
        self.charts.append(chart)
        return chart

    @property
    def last_hover(self) -> str:
        texts = [c.last_hover for c in self.charts if c.last_hover]
        return texts[-1] if texts else ""

    def image(self) -> QImage:
        return self.grab().toImage()

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())

    def save_png(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the chart"),
                self.objectName() + ".png",
                self.tr("PNG image (*.png)"),
            )
            if not path:
                return False
            if not path.lower().endswith(".png"):
                path += ".png"
        return self.image().save(path, "PNG")

    def context_menu(self) -> QMenu:
        """Copy the chart, save it as PNG."""
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Copy the chart"), self.copy_image)
        copy.setObjectName("kpiChartCopy")
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        save = menu.addAction(self.tr("Save as PNG…"), lambda: self.save_png())
        save.setObjectName("kpiChartSave")
        return menu

    def _menu(self, pos: QPoint) -> None:
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.mapToGlobal(pos))

    def set_title(self, title: str, details: Sequence[str] = ()) -> None:
        from abmdesk.ui.kpi_tab import nowrap_numbers

        parts = [f"<b>{nowrap_numbers(title)}</b>"]
        parts.extend(nowrap_numbers(d) for d in details)
        self.title.setText(" · ".join(parts))

    def set_data(self, kpis: dict) -> None:  # overridden
        raise NotImplementedError


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- the seven panels -------------------------------------------------------------------


class EngagementPanel(ChartPanel):
    """Weekly points of the top accounts and of a chosen one; the engaged-target rate."""

    TOP = 5

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, "kpiChartEngagement", parent)
        bar = QHBoxLayout()
        label = QLabel(self.tr("Account followed:"), self)
        self.account = QComboBox(self)
        self.account.setObjectName("kpiEngagementAccount")
        self.account.setEditable(True)
        self.account.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account.setMinimumContentsLength(28)
        self.account.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        label.setBuddy(self.account)
        bar.addWidget(label)
        bar.addWidget(self.account)
        bar.addStretch(1)
        self.layout_.addLayout(bar)
        self.chart = self.add_chart(Chart(lambda v: fmt.number(v, 0)))
        self.layout_.addWidget(self.chart, 1)
        self._kpis: dict | None = None
        self._names: list[str] = []
        self._ranked: list[dict] = []
        self._by_name: dict[str, dict] = {}
        self.account.activated.connect(lambda _i: self._draw())

    def set_data(self, kpis: dict) -> None:
        self._kpis = kpis
        eng = kpis.get("engagement") or {}
        rate = eng.get("engaged_target_accounts_rate")
        targets = eng.get("target_accounts")
        engaged = eng.get("engaged_target_accounts")
        details = []
        if targets is not None and engaged is not None:
            details.append(
                self.tr("%1 of %2 target accounts with engagement in the window")
                .replace("%1", self.fmt.integer(engaged))
                .replace("%2", self.fmt.integer(targets))
            )
        self.set_title(
            self.tr("Engaged target accounts: %1").replace("%1", self.fmt.percent(rate)), details
        )
        accounts = sorted(
            eng.get("accounts") or [], key=lambda a: (-(a.get("score") or 0), a["account"])
        )
        self._ranked = accounts
        self._by_name = {a["account"]: a for a in accounts}
        current = self.account.currentText()
        names = [a["account"] for a in accounts]
        if names != self._names:  # refilling 10 000 names costs more than comparing them
            self._names = names
            self.account.blockSignals(True)
            self.account.clear()
            self.account.addItems(names)
            if current in self._by_name:
                self.account.setCurrentText(current)
            elif names:
                self.account.setCurrentIndex(0)
            self.account.blockSignals(False)
        self._draw()

    def select_account(self, name: str) -> None:
        self.account.setCurrentText(name)
        self._draw()

    def _weeks(self, kpis: dict) -> list[str]:
        period = kpis.get("period") or {}
        try:
            start = dt.date.fromisoformat(period["from"])
            end = dt.date.fromisoformat(period["to"])
        except (KeyError, TypeError, ValueError):
            return []
        weeks = []
        day = start - dt.timedelta(days=start.weekday())
        while day <= end:
            weeks.append(domain.iso_week_label(day))
            day += dt.timedelta(days=7)
        return weeks

    def _draw(self) -> None:
        chart = self.chart
        chart.clear_chart()
        kpis = self._kpis
        if not kpis:
            return
        weeks = self._weeks(kpis)
        shown = [a for a in self._ranked[: self.TOP] if a.get("score")]
        chosen = self._by_name.get(self.account.currentText())
        chart.legend()
        mondays = [dt.date.fromisocalendar(int(w[:4]), int(w[6:]), 1) for w in weeks]
        top = 1.0
        lines = [
            (a, LINE_COLORS[k % len(LINE_COLORS)], 1.5)
            for k, a in enumerate(shown)
            if a is not chosen
        ]
        if chosen is not None:
            lines.append((chosen, SELECTED, 3.0))
        locale = self.fmt.locale  # one QLocale for the few hundred labels
        days = [
            locale.toString(QDate(m.year, m.month, m.day), locale.FormatType.ShortFormat)
            for m in mondays
        ]
        template = self.tr("%1 — week of %2: %3 points")
        for account, color, width in lines:
            weekly = account.get("weekly") or {}
            xs = list(range(len(weeks)))
            ys = [weekly.get(w, 0) for w in weeks]
            top = max(top, *ys) if ys else top
            name = account["account"]
            texts = [
                template.replace("%1", name)
                .replace("%2", days[k])
                .replace("%3", locale.toString(int(ys[k])))
                for k in xs
            ]
            chart.line(
                xs, ys, color=color, width=width, name=_esc(_elide(name)), texts=texts, account=name
            )
        step = max(1, len(weeks) // 10)
        ticks = [
            (k, self.fmt.locale.toString(QDate(m.year, m.month, m.day), "d MMM"))
            for k, m in enumerate(mondays)
            if k % step == 0
        ]
        chart.category_axis.setTicks([ticks, []])
        chart.category_range(len(weeks))
        chart.value_range(0, top)


class CoveragePanel(ChartPanel):
    """Identified and engaged coverage per target account; the risk threshold."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, "kpiChartCoverage", parent)
        self.chart = self.add_chart(Chart(lambda v: fmt.percent(v, 0), horizontal=True))
        self.layout_.addWidget(self.chart, 1)
        self.threshold = 0.30

    def set_data(self, kpis: dict) -> None:
        threshold = _get(kpis, "settings", "coverage_risk_threshold")
        if threshold is not None:
            self.threshold = float(threshold)
        fmt = self.fmt
        targets = {
            a["account"] for a in _get(kpis, "engagement", "accounts") or [] if a.get("target")
        }
        rows = [a for a in _get(kpis, "coverage", "accounts") or [] if a["account"] in targets]
        at_risk = sum(1 for a in rows if a.get("at_risk"))
        rows.sort(key=lambda a: (a.get("engaged_coverage") or 0, a["account"]))
        shown = rows[:MAX_BARS]
        details = [
            self.tr("%1 of %2 target accounts at risk (engaged coverage under %3)")
            .replace("%1", fmt.integer(at_risk))
            .replace("%2", fmt.integer(len(rows)))
            .replace("%3", fmt.percent(self.threshold, 0))
        ]
        if len(rows) > len(shown):
            details.append(
                self.tr("the %1 least covered shown").replace("%1", fmt.integer(len(shown)))
            )
        self.set_title(self.tr("Buying-committee coverage per target account"), details)
        chart = self.chart
        chart.clear_chart()
        chart.legend()
        names = [a["account"] for a in shown]
        texts_i, texts_e = [], []
        for a in shown:
            base = (
                self.tr("%1: %2 identified of %3 (%4), %5 engaged (%6)")
                .replace("%1", a["account"])
                .replace("%2", fmt.integer(a["identified"]))
                .replace("%3", fmt.integer(a["committee_size"]))
                .replace("%4", fmt.percent(a["identified_coverage"]))
                .replace("%5", fmt.integer(a["engaged"]))
                .replace("%6", fmt.percent(a["engaged_coverage"]))
            )
            texts_i.append(base)
            texts_e.append(base)
        chart.bars(
            [a["identified_coverage"] for a in shown],
            offset=-0.2,
            width=0.38,
            colors=LIGHT,
            texts=texts_i,
            accounts=names,
            name=self.tr("Identified coverage"),
        )
        chart.bars(
            [a["engaged_coverage"] for a in shown],
            offset=0.2,
            width=0.38,
            colors=[RISK if (a["engaged_coverage"] or 0) < self.threshold else ABM for a in shown],
            texts=texts_e,
            accounts=names,
            name=self.tr("Engaged coverage"),
            legend_color=ABM,
            min_length=0.004,
        )
        for k, a in enumerate(shown):
            label = pg.TextItem(fmt.percent(a["engaged_coverage"], 0), color=TEXT, anchor=(0, 0.5))
            label.setPos(a["engaged_coverage"] or 0, k + 0.2)
            chart.addItem(label)
        chart.reference_line(
            self.threshold,
            self.tr("risk threshold %1").replace("%1", fmt.percent(self.threshold, 0)),
        )
        chart.set_categories(names)
        chart.category_range(len(names))
        # room on the right for the legend, beside the bars of 100 %
        chart.value_range(0, 1.3 * max([1.0, *(a["identified_coverage"] or 0 for a in shown)]))


class VelocityPanel(ChartPanel):
    """Average days in each stage, ABM against non-ABM; velocity and cycle reduction."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, "kpiChartVelocity", parent)
        self.chart = self.add_chart(
            Chart(
                lambda v: QCoreApplication.translate("Format", "%1 d").replace(
                    "%1", fmt.number(v, 0)
                )
            )
        )
        self.layout_.addWidget(self.chart, 1)

    def set_data(self, kpis: dict) -> None:
        fmt = self.fmt
        vel = kpis.get("velocity") or {}
        details = [
            self.tr("ABM %1, non-ABM %2")
            .replace("%1", fmt.money_per_day(_get(vel, "abm", "velocity_per_day")))
            .replace("%2", fmt.money_per_day(_get(vel, "non_abm", "velocity_per_day"))),
            self.tr("cycle: ABM %1, non-ABM %2, reduction %3")
            .replace("%1", fmt.days(_get(vel, "abm", "avg_cycle_days")))
            .replace("%2", fmt.days(_get(vel, "non_abm", "avg_cycle_days")))
            .replace("%3", fmt.percent(vel.get("cycle_reduction"))),
        ]
        self.set_title(self.tr("Pipeline velocity"), details)
        chart = self.chart
        chart.clear_chart()
        chart.legend()
        stages = list(domain.STAGES)
        top = 1.0
        for group, offset, color in (("abm", -0.2, ABM), ("non_abm", 0.2, NON_ABM)):
            days = _get(vel, group, "avg_days_in_stage") or {}
            values = [days.get(s) for s in stages]
            texts = [
                self.tr("%1, %2: %3 on average in the stage")
                .replace("%1", program_label(group))
                .replace("%2", stage_label(s))
                .replace("%3", fmt.days(days.get(s)))
                for s in stages
            ]
            chart.bars(
                values,
                offset=offset,
                width=0.38,
                colors=color,
                texts=texts,
                name=program_label(group),
            )
            top = max(top, *(v or 0 for v in values))
        chart.set_categories([stage_label(s) for s in stages])
        chart.category_range(len(stages))
        chart.value_range(0, top)


class ConversionPanel(ChartPanel):
    """The funnel of stage rates, and the rates by sector and by size band (heat tables)."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, "kpiChartConversion", parent)
        self.chart = self.add_chart(Chart(lambda v: fmt.percent(v, 0), horizontal=True))
        self.sector_model = HeatModel(fmt, self.tr("Sector"), self)
        self.size_model = HeatModel(fmt, self.tr("Size"), self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.chart)
        tables = QWidget(split)
        col = QVBoxLayout(tables)
        col.setContentsMargins(0, 0, 0, 0)
        self.sector_view = self._table(self.sector_model, "kpiConversionBySector", tables)
        self.size_view = self._table(self.size_model, "kpiConversionBySize", tables)
        col.addWidget(QLabel(self.tr("By sector"), tables))
        col.addWidget(self.sector_view, 3)
        col.addWidget(QLabel(self.tr("By size band"), tables))
        col.addWidget(self.size_view, 2)
        split.addWidget(tables)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.layout_.addWidget(split, 1)

    def _table(self, model: HeatModel, name: str, parent: QWidget) -> QTableView:
        view = QTableView(parent)
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        view.setAlternatingRowColors(False)
        view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        return view

    def set_data(self, kpis: dict) -> None:
        fmt = self.fmt
        conv = kpis.get("conversion") or {}
        everything = conv.get("all") or {}
        entered = sum(c["entered"] for c in everything.values())
        advanced = sum(c["advanced"] for c in everything.values())
        details = [
            self.tr("%1 stage entries in the period, %2 advanced")
            .replace("%1", fmt.integer(entered))
            .replace("%2", fmt.integer(advanced))
        ]
        self.set_title(self.tr("Conversion per stage"), details)
        chart = self.chart
        chart.clear_chart()
        stages = list(domain.STAGES)
        values = [_get(everything, s, "rate") for s in stages]
        texts = [
            self.tr("%1: %2 advanced of %3 entered (%4)")
            .replace("%1", stage_label(s))
            .replace("%2", fmt.integer(_get(everything, s, "advanced") or 0))
            .replace("%3", fmt.integer(_get(everything, s, "entered") or 0))
            .replace("%4", fmt.percent(_get(everything, s, "rate")))
            for s in stages
        ]
        chart.bars(values, width=0.7, colors=ABM, texts=texts)
        for k, v in enumerate(values):
            if v is not None:
                label = pg.TextItem(fmt.percent(v, 0), color=TEXT, anchor=(0, 0.5))
                label.setPos(v, k)
                chart.addItem(label)
        chart.set_categories([stage_label(s) for s in stages])
        chart.category_range(len(stages))
        chart.value_range(0, 1.15)
        sectors = conv.get("by_sector") or {}
        self.sector_model.set_groups(
            [(self.tr("Unknown") if k == "unknown" else k, v) for k, v in sectors.items()]
        )
        sizes = conv.get("by_size") or {}
        self.size_model.set_groups(
            [
                (
                    self.tr("%1 employees").replace("%1", k)
                    if k != "unknown"
                    else size_band_label(k),
                    v,
                )
                for k, v in sizes.items()
            ]
        )
        for view in (self.sector_view, self.size_view):
            view.resizeColumnToContents(0)


SHORT_STAGES = (
    QT_TRANSLATE_NOOP("HeatModel", "Discovery"),
    QT_TRANSLATE_NOOP("HeatModel", "1st meeting"),
    QT_TRANSLATE_NOOP("HeatModel", "Qualified"),
    QT_TRANSLATE_NOOP("HeatModel", "Proposal"),
    QT_TRANSLATE_NOOP("HeatModel", "Negotiation"),
)


class HeatModel(QAbstractTableModel):
    """Groups × stages: the rate, shaded from red (low) to green (high)."""

    def __init__(self, fmt: Formatter, first_header: str = "", parent: Any = None) -> None:
        super().__init__(parent)
        self.fmt = fmt
        self.first_header = first_header
        self.groups: list[tuple[str, dict]] = []

    def set_groups(self, groups: list[tuple[str, dict]]) -> None:
        self.beginResetModel()
        self.groups = groups
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1 + len(domain.STAGES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.first_header or self.tr("Group")
        if 1 <= section <= len(domain.STAGES):
            return QCoreApplication.translate("HeatModel", SHORT_STAGES[section - 1])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.groups):
            return None
        name, stages = self.groups[index.row()]
        if index.column() == 0:
            return (
                name if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) else None
            )
        cell = stages.get(domain.STAGES[index.column() - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if cell is None:
            return "—" if role == Qt.ItemDataRole.DisplayRole else None
        rate = cell["rate"]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.fmt.percent(rate, 0)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("%1, %2: %3 advanced of %4 entered (%5)")
                .replace("%1", name)
                .replace("%2", stage_label(domain.STAGES[index.column() - 1]))
                .replace("%3", self.fmt.integer(cell["advanced"]))
                .replace("%4", self.fmt.integer(cell["entered"]))
                .replace("%5", self.fmt.percent(rate))
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            t = max(0.0, min(1.0, rate))
            red, green = QColor(239, 154, 154), QColor(165, 214, 167)
            color = QColor(
                int(red.red() + (green.red() - red.red()) * t),
                int(red.green() + (green.green() - red.green()) * t),
                int(red.blue() + (green.blue() - red.blue()) * t),
            )
            return QBrush(color)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(30, 30, 30))
        return None


class ContractValuePanel(ChartPanel):
    """Average won amount, ABM against non-ABM, with the uplift."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, "kpiChartContractValue", parent)
        self.chart = self.add_chart(Chart(lambda v: fmt.money(v)))
        self.layout_.addWidget(self.chart, 1)

    def set_data(self, kpis: dict) -> None:
        fmt = self.fmt
        cv = kpis.get("contract_value") or {}
        self.set_title(
            self.tr("Average contract value"),
            [self.tr("ABM uplift: %1").replace("%1", fmt.signed_percent(cv.get("uplift")))],
        )
        chart = self.chart
        chart.clear_chart()
        groups = ("abm", "non_abm")
        values = [_get(cv, g, "average") for g in groups]
        texts = [
            self.tr("%1: %2 on average over %3 won deal(s)")
            .replace("%1", program_label(g))
            .replace("%2", fmt.money(_get(cv, g, "average")))
            .replace("%3", fmt.integer(_get(cv, g, "won_deals") or 0))
            for g in groups
        ]
        chart.bars(values, width=0.5, colors=[ABM, NON_ABM], texts=texts)
        for k, v in enumerate(values):
            if v is not None:
                label = pg.TextItem(fmt.money(v), color=TEXT, anchor=(0.5, 1))
                label.setPos(k, v)
                chart.addItem(label)
        chart.set_categories(
            [
                self.tr("%1 (%2 won)")
                .replace("%1", program_label(g))
                .replace("%2", fmt.integer(_get(cv, g, "won_deals") or 0))
                for g in groups
            ]
        )
        chart.category_range(2)
        chart.value_range(0, max([1.0, *(v or 0 for v in values)]) * 1.12)


class ClvPanel(ChartPanel):
    """CLV of the top accounts, with the ABM and non-ABM averages."""

    TOP = 15

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, "kpiChartClv", parent)
        self.chart = self.add_chart(Chart(lambda v: fmt.money(v), horizontal=True))
        self.layout_.addWidget(self.chart, 1)

    def set_data(self, kpis: dict) -> None:
        fmt = self.fmt
        life = kpis.get("clv") or {}
        avg = life.get("average") or {}
        targets = {
            a["account"] for a in _get(kpis, "engagement", "accounts") or [] if a.get("target")
        }
        self.set_title(
            self.tr("Customer lifetime value"),
            [
                self.tr("average ABM %1, non-ABM %2")
                .replace("%1", fmt.money(avg.get("abm")))
                .replace("%2", fmt.money(avg.get("non_abm"))),
                self.tr("top %1 accounts").replace("%1", fmt.integer(self.TOP)),
            ],
        )
        rows = sorted(
            (a for a in life.get("accounts") or [] if a.get("clv")),
            key=lambda a: (-a["clv"], a["account"]),
        )[: self.TOP]
        chart = self.chart
        chart.clear_chart()
        chart.legend(bottom=True)
        names = [a["account"] for a in rows]
        texts = [
            self.tr("%1: %2 (ARR %3 × %4 years, upsell %5)")
            .replace("%1", a["account"])
            .replace("%2", fmt.money(a["clv"]))
            .replace("%3", fmt.money(a["base_arr"]))
            .replace("%4", fmt.number(a["retention_years"], 1))
            .replace("%5", fmt.percent(a["upsell_rate"]))
            for a in rows
        ]
        chart.bars(
            [a["clv"] for a in rows],
            colors=[ABM if a["account"] in targets else NON_ABM for a in rows],
            texts=texts,
            accounts=names,
        )
        averages = {"abm": self.tr("ABM average"), "non_abm": self.tr("non-ABM average")}
        for group, color in (("abm", ABM), ("non_abm", NON_ABM)):
            if avg.get(group) is not None:
                chart.reference_line(avg[group], averages[group], color)
        # legend entries for the colours
        for group, color in (("abm", ABM), ("non_abm", NON_ABM)):
            chart.addItem(
                pg.BarGraphItem(
                    x=[],
                    height=[],
                    width=0.1,
                    brush=pg.mkBrush(color),
                    pen=None,
                    name=self.tr("ABM account") if group == "abm" else self.tr("non-ABM account"),
                )
            )
        chart.set_categories(names)
        chart.category_range(len(names))
        chart.value_range(0, max([1.0, *(a["clv"] for a in rows), *(v or 0 for v in avg.values())]))


class RoiPanel(ChartPanel):
    """The programme's ROI, and per target account as sorted bars (negative in red)."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, "kpiChartRoi", parent)
        self.chart = self.add_chart(Chart(lambda v: fmt.percent(v, 0), horizontal=True))
        self.layout_.addWidget(self.chart, 1)

    def set_data(self, kpis: dict) -> None:
        fmt = self.fmt
        roi = kpis.get("roi") or {}
        rows = sorted(
            (a for a in roi.get("accounts") or [] if a.get("roi") is not None),
            key=lambda a: (-a["roi"], a["account"]),
        )
        details = [
            self.tr("revenue %1, cost %2")
            .replace("%1", fmt.money(roi.get("revenue")))
            .replace("%2", fmt.money(roi.get("cost")))
        ]
        if len(rows) > MAX_BARS:
            half = MAX_BARS // 2
            details.append(
                self.tr("the %1 best and %1 worst of %2 target accounts")
                .replace("%1", fmt.integer(half))
                .replace("%2", fmt.integer(len(rows)))
            )
            rows = rows[:half] + rows[-half:]
        self.set_title(
            self.tr("ABM return on investment: %1").replace("%1", fmt.percent(roi.get("roi"), 0)),
            details,
        )
        chart = self.chart
        chart.clear_chart()
        names = [a["account"] for a in rows]
        texts = [
            self.tr("%1: ROI %2 (revenue %3, cost %4)")
            .replace("%1", a["account"])
            .replace("%2", fmt.percent(a["roi"]))
            .replace("%3", fmt.money(a["revenue"]))
            .replace("%4", fmt.money(a["cost"]))
            for a in rows
        ]
        chart.bars(
            [a["roi"] for a in rows],
            colors=[RISK if a["roi"] < 0 else GOOD for a in rows],
            texts=texts,
            accounts=names,
        )
        if roi.get("roi") is not None:
            chart.reference_line(
                roi["roi"], self.tr("overall %1").replace("%1", fmt.percent(roi["roi"], 0)), ABM
            )
        chart.set_categories(names)
        chart.category_range(len(names))
        values = [a["roi"] for a in rows] or [0.0]
        chart.value_range(min(0.0, *values), max(0.0, *values, roi.get("roi") or 0))


PANELS: dict[str, type[ChartPanel]] = {
    "engagement": EngagementPanel,
    "coverage": CoveragePanel,
    "velocity": VelocityPanel,
    "conversion": ConversionPanel,
    "contract_value": ContractValuePanel,
    "clv": ClvPanel,
    "roi": RoiPanel,
}


def make_panels(fmt: Formatter, parent: QWidget | None = None) -> dict[str, ChartPanel]:
    """One panel per KPI, keyed like the SPEC 4 object."""
    return {key: cls(fmt, parent) for key, cls in PANELS.items()}
