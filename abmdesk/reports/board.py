"""The board-meeting PDF: ``build_report(engine, F, T, out_path, lang)``.

Data comes from :func:`abmdesk.services.report.board_report_data` (the KPIs of
``kpis --json`` for the same period, the previous period of the same length, and a
few small read queries); this module only lays it out and paints it with QPdfWriter
and QPainter (vector charts, embedded DejaVu Sans). The PDF is written to a hidden
temporary file in the target folder, then renamed over the target, so a failure never
leaves half a PDF behind.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QColor, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter
from sqlalchemy import Engine

from abmdesk import domain
from abmdesk.errors import AbmError, ValidationError
from abmdesk.reports import charts
from abmdesk.reports.fonts import register_fonts
from abmdesk.reports.layout import PAGE_H, PAGE_W, Canvas, Column, Doc, Page, Palette
from abmdesk.reports.orgchart import Card, build_forest, draw_forest, shade
from abmdesk.reports.texts import role_label, stage_label, text, type_label
from abmdesk.reports.typography import Typography
from abmdesk.services.report import (
    MEETING_DAYS,
    STALLED_AFTER_DAYS,
    BoardData,
    board_report_data,
)

RESOLUTION = 600
LIST_LIMIT = 10

Progress = Callable[[float], None]


class ReportError(AbmError):
    """The report could not be written (one clear line for the user)."""


class ReportCancelled(AbmError):
    """The user stopped the report; nothing was written."""


@dataclass(frozen=True)
class ReportSummary:
    path: Path
    pages: int
    seconds: float
    lang: str
    sections: tuple[tuple[str, int], ...] = field(default=())
    size_bytes: int = 0

    def describe(self) -> str:
        return (
            f"{self.path}: {self.pages} pages, {self.size_bytes // 1024} KiB, {self.seconds:.1f} s"
        )


def ensure_application() -> QGuiApplication:
    """A QGuiApplication for painting (offscreen when there is no display)."""
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
    return app  # type: ignore[return-value]


def check_output(out_path: Path) -> Path:
    """The absolute target path, or ReportError when it cannot be written there."""
    out = Path(out_path).expanduser()
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise ReportError(f"{out}: is a folder, not a PDF file name")
    if not folder.is_dir():
        raise ReportError(f"{out}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReportError(f"{out}: the folder {folder} is not writable")
    if out.exists() and not os.access(out, os.W_OK):
        raise ReportError(f"{out}: the file exists and is read-only")
    return out.absolute()


def build_report(
    engine: Engine,
    date_from: dt.date,
    date_to: dt.date,
    out_path: str | Path,
    lang: str = "fr",
    progress: Progress | None = None,
    *,
    issued: dt.date | None = None,
) -> ReportSummary:
    """Write the board report for ``[date_from, date_to]`` to ``out_path`` (A4 PDF).

    ``progress(fraction)`` is called along the way; it may raise ReportCancelled to stop.
    Needs a QGuiApplication (see :func:`ensure_application`); may run in a worker thread.
    """
    started = time.perf_counter()
    if lang not in ("fr", "en"):
        raise ValidationError(f"unknown report language '{lang}' (fr or en)")
    if date_from > date_to:
        raise ValidationError("the period starts after it ends")
    out = check_output(Path(out_path))
    report = progress or (lambda _f: None)
    data = board_report_data(engine, date_from, date_to, progress=report, issued=issued)
    family = register_fonts()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".pdf.part", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        pages, sections = _write_pdf(data, lang, family, tmp, report)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    report(1.0)
    return ReportSummary(
        path=out,
        pages=pages,
        seconds=time.perf_counter() - started,
        lang=lang,
        sections=tuple(sections),
        size_bytes=out.stat().st_size,
    )


#: The name the issue's plan used for the same entry point.
build_board_report = build_report


def _write_pdf(
    data: BoardData, lang: str, family: str, path: Path, report: Progress
) -> tuple[int, list[tuple[str, int]]]:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    title = text(lang, "title")
    company = data.company_name or text(lang, "company_unknown")
    writer.setTitle(f"{title} — {company}")
    writer.setCreator("ABM Desk")
    builder = BoardReport(data, lang, Canvas(writer, family))
    builder.build()
    report(0.85)
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(f"{path.parent}: the PDF cannot be written there")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        total = len(builder.doc.pages)
        builder.doc.paint(writer, painter, lambda n: report(0.85 + 0.15 * n / total))
    finally:
        painter.end()
    return total, builder.toc


# --- the document ---------------------------------------------------------------------


def _get(data: object, *path: str) -> object:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _mood(delta: float | None) -> bool | None:
    """Good news (True), bad news (False), or no change / nothing to compare (None)."""
    if delta is None or abs(delta) < 1e-12:
        return None
    return delta > 0


def _num(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


class BoardReport:
    """Lays the report out on a :class:`Doc`; ``toc`` lists (section, first page)."""

    def __init__(self, data: BoardData, lang: str, canvas: Canvas) -> None:
        self.d = data
        self.lang = lang
        self.ty = Typography(lang, str(data.kpis.get("currency") or "EUR"))
        self.c = canvas
        self.doc = Doc(canvas, header=self._running_heads)
        self.toc: list[tuple[str, int]] = []
        self.k = data.kpis
        self.p = data.previous_kpis
        targets = [a for a in _get(self.k, "engagement", "accounts") or [] if a.get("target")]
        self.targets = targets
        self.target_names = {a["account"] for a in targets}
        self.coverage = {a["account"]: a for a in _get(self.k, "coverage", "accounts") or []}

    def t(self, key: str, **values: object) -> str:
        return text(self.lang, key, **values)

    # --- structure -------------------------------------------------------------------

    def build(self) -> None:
        self.cover()
        self.summary()
        self.engagement()
        self.coverage_section()
        self.velocity()
        self.conversion()
        self.contract_value()
        self.clv()
        self.roi()
        self.risks()
        self.top_accounts()
        self.org_charts()
        self.appendix()

    def section(self, key: str, *, new_page: bool = True, room: float = 0.0) -> None:
        title = self.t(key)
        doc = self.doc
        if new_page or doc.room() < room:
            doc.section = title
            doc.new_page()
        else:
            doc.space(14)
        doc.section = title
        doc.page.section = doc.page.section or title
        self.toc.append((title, doc.page_number))
        doc.heading(title, 17)
        doc.space(2)

    def subheading(self, label: str, keep: float = 90) -> None:
        self.doc.heading(label, 11, keep=keep, color=Palette.ink)

    def caption(self, label: str, keep: float = 140) -> None:
        self.doc.heading(label, 9, keep=keep, color=Palette.muted)

    def _running_heads(self, c: Canvas, number: int, total: int, page: Page) -> None:
        if number == 1:
            return
        doc = self.doc
        left, right = doc.left, PAGE_W - doc.right
        company = self.d.company_name or self.t("company_unknown")
        head = f"{self.t('title')} — {self.ty.period(self.d.date_from, self.d.date_to)}"
        y = 30
        cw = c.width(company, 7.5, True)
        c.text(left, y, company, 7.5, bold=True, color=Palette.navy, width=doc.width / 2)
        c.text(
            left + min(cw, doc.width / 2) + 10,
            y,
            head,
            7.5,
            color=Palette.muted,
            width=doc.width - min(cw, doc.width / 2) - 10,
            align="right",
        )
        c.line(left, y + 12, right, y + 12, Palette.rule, 0.6)
        fy = PAGE_H - 36
        c.line(left, fy - 6, right, fy - 6, Palette.rule, 0.6)
        c.text(
            left,
            fy,
            self.t("footer", date=self.ty.long_date(self.d.issued)),
            7.5,
            color=Palette.muted,
            width=doc.width * 0.6,
        )
        c.text(
            left + doc.width * 0.6,
            fy,
            self.t("page_of", n=number, total=total),
            7.5,
            color=Palette.muted,
            width=doc.width * 0.4,
            align="right",
        )

    # --- cover -----------------------------------------------------------------------

    def cover(self) -> None:
        d, ty, doc = self.d, self.ty, self.doc
        company = d.company_name or self.t("company_unknown")
        title, subtitle = self.t("title"), self.t("subtitle")
        period = ty.period(d.date_from, d.date_to)
        previous = ty.period(d.previous_from, d.previous_to)
        issued = ty.long_date(d.issued)
        note = self.t("cover_note")

        def paint(c: Canvas) -> None:
            left, width = doc.left, doc.width
            c.rect(0, 0, PAGE_W, 300, fill=Palette.navy)
            c.rect(0, 300, PAGE_W, 6, fill=Palette.abm)
            c.text(left, 70, "ABM Desk", 10, bold=True, color=QColor("#9fbbe0"))
            y = 120 + c.paragraph(
                left,
                120,
                width,
                company,
                30,
                bold=True,
                color=Palette.white,
                leading=1.15,
                max_lines=2,
            )
            y += 10
            c.paragraph(left, y, width, title, 20, color=Palette.white, max_lines=1)
            c.paragraph(left, y + 32, width, subtitle, 11, color=QColor("#dce6f2"), max_lines=2)
            y = 350
            rows = [
                (ty.colon(self.t("period")), period),
                (ty.colon(self.t("compared_with")), previous),
                (ty.colon(self.t("issued")), issued),
            ]
            label_w = max(c.width(r[0], 11, True) for r in rows) + 12
            for label, value in rows:
                c.text(left, y, label, 11, bold=True, color=Palette.navy)
                c.text(left + label_w, y, value, 11, width=width - label_w)
                y += 22
            y += 24
            c.text(left, y, self.t("contents"), 13, bold=True, color=Palette.navy)
            y += 24
            for name, page in self.toc:
                number = str(page)
                nw = c.width(number, 10)
                name_w = c.width(name, 10)
                c.text(left, y, name, 10, width=width - nw - 20)
                dots_x = left + min(name_w, width - nw - 20) + 6
                c.line(dots_x, y + 9, left + width - nw - 6, y + 9, Palette.rule, 0.6, dash=True)
                c.text(left + width - nw, y, number, 10)
                y += 17
            c.paragraph(left, PAGE_H - 100, width, note, 8, color=Palette.muted)

        doc.draw(paint)
        doc.y = doc.limit  # the cover is a page of its own

    # --- executive summary -----------------------------------------------------------

    def _headlines(self) -> list[dict]:
        """The seven headline figures: value, change, a detail line."""
        ty, k, p = self.ty, self.k, self.p
        out = []

        def ratio_change(cur: float | None, prev: float | None) -> tuple[str, float | None]:
            if cur is None or prev is None:
                return "—", None
            return ty.points(cur - prev), cur - prev

        def rel_change(cur: float | None, prev: float | None) -> tuple[str, float | None]:
            text_ = ty.change(cur, prev)
            if cur is None or prev is None or prev == 0:
                return text_, None
            return text_, cur - prev

        rate, prate = (
            _num(_get(k, "engagement", "engaged_target_accounts_rate")),
            _num(_get(p, "engagement", "engaged_target_accounts_rate")),
        )
        change, delta = ratio_change(rate, prate)
        out.append(
            dict(
                key="engagement",
                value=ty.percent(rate),
                previous=ty.percent(prate),
                change=change,
                good=_mood(delta),
                delta=delta,
                detail=self.t(
                    "detail_engagement",
                    engaged=ty.integer(_get(k, "engagement", "engaged_target_accounts") or 0),
                    targets=ty.integer(_get(k, "engagement", "target_accounts") or 0),
                ),
            )
        )
        risk = self.at_risk_count(k)
        prisk = self.at_risk_count(p)
        out.append(
            dict(
                key="coverage",
                value=ty.integer(risk),
                previous=ty.integer(prisk),
                change=ty.delta(risk, prisk),
                good=None if risk == prisk else risk < prisk,
                delta=risk - prisk,
                detail=self.t(
                    "detail_coverage",
                    targets=ty.integer(len(self.targets)),
                    threshold=ty.percent(self.d.settings.coverage_risk_threshold, 0),
                ),
            )
        )
        vel, pvel = (
            _num(_get(k, "velocity", "abm", "velocity_per_day")),
            _num(_get(p, "velocity", "abm", "velocity_per_day")),
        )
        change, delta = rel_change(vel, pvel)
        out.append(
            dict(
                key="velocity",
                value=ty.money_per_day(vel),
                previous=ty.money_per_day(pvel),
                change=change,
                good=_mood(delta),
                delta=delta,
                detail=self.t(
                    "detail_velocity",
                    other=ty.money_per_day(
                        _num(_get(k, "velocity", "non_abm", "velocity_per_day"))
                    ),
                    reduction=ty.percent(_num(_get(k, "velocity", "cycle_reduction"))),
                ),
            )
        )
        conv, adv, ent = self.conversion_overall(k)
        pconv, _, _ = self.conversion_overall(p)
        change, delta = ratio_change(conv, pconv)
        out.append(
            dict(
                key="conversion",
                value=ty.percent(conv),
                previous=ty.percent(pconv),
                change=change,
                good=_mood(delta),
                delta=delta,
                detail=self.t(
                    "detail_conversion", advanced=ty.integer(adv), entered=ty.integer(ent)
                ),
            )
        )
        avg, pavg = (
            _num(_get(k, "contract_value", "abm", "average")),
            _num(_get(p, "contract_value", "abm", "average")),
        )
        change, delta = rel_change(avg, pavg)
        uplift = _num(_get(k, "contract_value", "uplift"))
        out.append(
            dict(
                key="contract_value",
                value=ty.money(avg),
                previous=ty.money(pavg),
                change=change,
                good=_mood(delta),
                delta=delta,
                detail=self.t(
                    "detail_contract_value",
                    other=ty.money(_num(_get(k, "contract_value", "non_abm", "average"))),
                    uplift=ty.signed(ty.percent(uplift), uplift or 0.0),
                ),
            )
        )
        clv, pclv = _num(_get(k, "clv", "average", "abm")), _num(_get(p, "clv", "average", "abm"))
        change, delta = rel_change(clv, pclv)
        out.append(
            dict(
                key="clv",
                value=ty.money(clv),
                previous=ty.money(pclv),
                change=change,
                good=_mood(delta),
                delta=delta,
                detail=self.t(
                    "detail_clv", other=ty.money(_num(_get(k, "clv", "average", "non_abm")))
                ),
            )
        )
        roi, proi = _num(_get(k, "roi", "roi")), _num(_get(p, "roi", "roi"))
        change, delta = ratio_change(roi, proi)
        out.append(
            dict(
                key="roi",
                value=ty.percent(roi),
                previous=ty.percent(proi),
                change=change,
                good=_mood(delta),
                delta=delta,
                detail=self.t(
                    "detail_roi",
                    revenue=ty.money(_num(_get(k, "roi", "revenue"))),
                    cost=ty.money(_num(_get(k, "roi", "cost"))),
                ),
            )
        )
        return out

    @staticmethod
    def at_risk_count(kpis: dict) -> int:
        return sum(1 for a in _get(kpis, "coverage", "accounts") or [] if a.get("at_risk"))

    @staticmethod
    def conversion_overall(kpis: dict) -> tuple[float | None, int, int]:
        stages = _get(kpis, "conversion", "all") or {}
        entered = sum(int(s.get("entered") or 0) for s in stages.values())
        advanced = sum(int(s.get("advanced") or 0) for s in stages.values())
        return (advanced / entered if entered else None), advanced, entered

    def summary(self) -> None:
        self.section("sec_summary")
        doc, ty = self.doc, self.ty
        heads = self._headlines()
        doc.paragraph(self.t("as_of", date=ty.long_date(self.d.date_to)), 9, color=Palette.muted)
        card_h, gap = 74.0, 10.0
        rows = (len(heads) + 1) // 2
        height = rows * card_h + (rows - 1) * gap

        def paint(c: Canvas, x: float, y: float, w: float) -> None:
            half = (w - gap) / 2
            for i, h in enumerate(heads):
                alone = i == len(heads) - 1 and len(heads) % 2 == 1  # ROI, the bottom line
                cw = w if alone else half
                cx = x + (i % 2) * (half + gap)
                cy = y + (i // 2) * (card_h + gap)
                c.rect(cx, cy, cw, card_h, fill=Palette.band, stroke=Palette.rule, radius=4)
                c.rect(cx, cy, 3.5, card_h, fill=Palette.abm)
                c.text(
                    cx + 12,
                    cy + 8,
                    self.t(f"kpi_{h['key']}"),
                    8.5,
                    bold=True,
                    color=Palette.muted,
                    width=cw - 20,
                )
                c.text(
                    cx + 12, cy + 21, h["value"], 19, bold=True, color=Palette.navy, width=cw * 0.58
                )
                color = (
                    Palette.muted
                    if h["good"] is None
                    else Palette.good
                    if h["good"]
                    else Palette.bad
                )
                c.text(
                    cx + cw * 0.58 + 12,
                    cy + 24,
                    h["change"],
                    10,
                    bold=True,
                    color=color,
                    width=cw * 0.42 - 20,
                    align="right",
                )
                c.text(
                    cx + cw * 0.58 + 12,
                    cy + 37,
                    self.t("vs_previous"),
                    6.5,
                    color=Palette.muted,
                    width=cw * 0.42 - 20,
                    align="right",
                )
                c.paragraph(
                    cx + 12,
                    cy + 50,
                    cw - 24,
                    h["detail"],
                    7.5,
                    color=Palette.ink,
                    max_lines=2,
                    leading=1.2,
                )

        doc.block(height + 14, paint)
        cols = [
            Column(self.t("summary_table"), 2.6),
            Column(self.t("this_period"), 1.3, "right"),
            Column(self.t("previous_period"), 1.3, "right"),
            Column(self.t("change"), 1.1, "right"),
        ]
        rows_ = [[self.t(f"kpi_{h['key']}"), h["value"], h["previous"], h["change"]] for h in heads]
        colors = {
            (i, 3): (Palette.good if h["good"] else Palette.bad)
            for i, h in enumerate(heads)
            if h["good"] is not None
        }
        doc.table(cols, rows_, cell_colors=colors, size=8.5)
        self.subheading(self.t("key_points"), keep=60)
        doc.bullets(self._key_points(), size=9)

    def _key_points(self) -> list[str]:
        ty, k = self.ty, self.k
        points = []
        roi = _num(_get(k, "roi", "roi"))
        if roi is None:
            points.append(self.t("kp_roi_none"))
        else:
            points.append(
                self.t(
                    "kp_roi",
                    revenue=ty.money(_num(_get(k, "roi", "revenue"))),
                    cost=ty.money(_num(_get(k, "roi", "cost"))),
                    roi=ty.percent(roi),
                )
            )
        reduction = _num(_get(k, "velocity", "cycle_reduction"))
        if reduction is not None:
            points.append(
                self.t(
                    "kp_cycle_shorter" if reduction >= 0 else "kp_cycle_longer",
                    reduction=ty.percent(abs(reduction)),
                    abm=ty.days(_num(_get(k, "velocity", "abm", "avg_cycle_days"))),
                    other=ty.days(_num(_get(k, "velocity", "non_abm", "avg_cycle_days"))),
                )
            )
        uplift = _num(_get(k, "contract_value", "uplift"))
        if uplift is not None:
            points.append(
                self.t(
                    "kp_uplift",
                    abm=ty.money(_num(_get(k, "contract_value", "abm", "average"))),
                    other=ty.money(_num(_get(k, "contract_value", "non_abm", "average"))),
                    uplift=ty.signed(ty.percent(uplift), uplift),
                )
            )
        points.append(
            self.t(
                "kp_risks",
                risk=ty.integer(self.at_risk_count(k)),
                dormant=ty.integer(sum(1 for a in self.targets if a.get("dormant"))),
                falling=ty.integer(sum(1 for a in self.targets if a.get("trend") == "falling")),
                stalled=ty.integer(self.d.stalled_count),
                days=STALLED_AFTER_DAYS,
            )
        )
        return points

    # --- 1. engagement ---------------------------------------------------------------

    def _weeks(self) -> list[str]:
        weeks, day = [], self.d.date_from
        while day <= self.d.date_to:
            label = domain.iso_week_label(day)
            if not weeks or weeks[-1] != label:
                weeks.append(label)
            day += dt.timedelta(days=1)
        return weeks

    def _week_label(self, week: str, first: bool) -> str:
        year, number = week.split("-W")
        label = self.t("week_label", week=number)
        return f"{label} {year}" if first or number == "01" else label

    def figures_table(self, rows: list[tuple[str, str]]) -> None:
        self.doc.table(
            [Column(self.t("figure"), 3.0), Column(self.t("value"), 1.2, "right")],
            [list(r) for r in rows],
            size=8.5,
        )

    def engagement(self) -> None:
        self.section("sec_engagement")
        doc, ty, k = self.doc, self.ty, self.k
        window = self.d.settings.engagement_window_days
        doc.paragraph(self.t("intro_engagement", window=ty.integer(window)), 9.5)
        trends = [
            sum(1 for a in self.targets if a.get("trend") == t)
            for t in ("rising", "flat", "falling")
        ]
        self.figures_table(
            [
                (self.t("fig_targets"), ty.integer(_get(k, "engagement", "target_accounts") or 0)),
                (
                    self.t("fig_engaged"),
                    ty.integer(_get(k, "engagement", "engaged_target_accounts") or 0),
                ),
                (
                    self.t("fig_rate"),
                    ty.percent(_num(_get(k, "engagement", "engaged_target_accounts_rate"))),
                ),
                (
                    self.t("fig_dormant"),
                    ty.integer(sum(1 for a in self.targets if a.get("dormant"))),
                ),
                (self.t("fig_trends"), " / ".join(ty.integer(n) for n in trends)),
            ]
        )
        top = sorted(self.targets, key=lambda a: (-(a.get("score") or 0), a["account"]))
        if not top:
            doc.paragraph(self.t("no_target"), italic=True, color=Palette.muted)
            return
        shown = top[:5]
        weeks = self._weeks()
        series = [
            charts.Series(
                a["account"],
                [float((a.get("weekly") or {}).get(w, 0)) for w in weeks],
                Palette.series[i % len(Palette.series)],
            )
            for i, a in enumerate(shown)
        ]
        labels = [self._week_label(w, i == 0) for i, w in enumerate(weeks)]
        self.caption(self.t("chart_weekly", n=len(shown)))

        def peak(s: charts.Series) -> str:
            return self.t("weekly_peak", points=ty.integer(max(s.values, default=0)))

        height = 38 * len(shown) + 16
        doc.block(
            height + 8,
            lambda c, x, y, w: charts.small_multiples(c, x, y, w, height, labels, series, peak),
        )
        listed = top[:LIST_LIMIT]
        self.caption(self.t("table_top_engagement", n=len(listed)))
        doc.table(
            [
                Column(self.t("col_account"), 3.2),
                Column(self.t("col_score"), 1.0, "right"),
                Column(self.t("col_last4"), 1.2, "right"),
                Column(self.t("col_prev4"), 1.3, "right"),
                Column(self.t("col_trend"), 1.0),
                Column(self.t("col_dormant"), 0.9, "center"),
                Column(self.t("col_weeks"), 1.1, "right"),
            ],
            [
                [
                    a["account"],
                    ty.integer(a.get("score")),
                    ty.integer(a.get("last4")),
                    ty.integer(a.get("prev4")),
                    self.t(f"trend_{a.get('trend', 'flat')}"),
                    self.t("yes") if a.get("dormant") else self.t("no"),
                    ty.integer(len(a.get("weekly") or {})),
                ]
                for a in listed
            ],
            cell_colors={
                (i, 4): Palette.bad if a.get("trend") == "falling" else Palette.good
                for i, a in enumerate(listed)
                if a.get("trend") in ("falling", "rising")
            },
        )

    # --- 2. coverage -----------------------------------------------------------------

    def coverage_section(self) -> None:
        self.section("sec_coverage")
        doc, ty = self.doc, self.ty
        threshold = self.d.settings.coverage_risk_threshold
        window = self.d.settings.engagement_window_days
        doc.paragraph(
            self.t("intro_coverage", window=ty.integer(window), threshold=ty.percent(threshold, 0)),
            9.5,
        )
        rows = [self.coverage[n] for n in sorted(self.target_names) if n in self.coverage]
        self.figures_table(
            [
                (self.t("fig_targets"), ty.integer(len(rows))),
                (self.t("fig_at_risk"), ty.integer(sum(1 for r in rows if r.get("at_risk")))),
                (self.t("fig_threshold"), ty.percent(threshold, 0)),
            ]
        )
        if not rows:
            doc.paragraph(self.t("no_target"), italic=True, color=Palette.muted)
            return
        limit = 15
        scores = {a["account"]: a.get("score") or 0 for a in self.targets}
        rows.sort(
            key=lambda r: (
                r.get("engaged_coverage") or 0.0,
                -scores.get(r["account"], 0),
                r["account"],
            )
        )
        shown = rows[:limit]
        if len(rows) > limit:
            self.caption(self.t("chart_coverage_some", n=len(shown), total=ty.integer(len(rows))))
        else:
            self.caption(self.t("chart_coverage_all"))
        height = 16 * len(shown) + 34

        def paint(c: Canvas, x: float, y: float, w: float) -> None:
            items = [
                (self.t("identified_coverage"), QColor("#a9c4e6")),
                (self.t("engaged_coverage"), Palette.abm),
                (self.t("col_at_risk"), Palette.bad),
            ]
            charts.legend(c, x, y, w, items)
            top = y + 16
            label_w = min(w * 0.36, max(c.width(r["account"], 7.5) for r in shown) + 8)
            span_x, span_w = x + label_w, w - label_w - 46
            c.line(span_x, top, span_x, top + 16 * len(shown), Palette.faint, 0.5)
            for i, r in enumerate(shown):
                ry = top + i * 16
                risk = bool(r.get("at_risk"))
                c.text(
                    x,
                    ry + 3.5,
                    r["account"],
                    7.5,
                    color=Palette.bad if risk else Palette.ink,
                    width=label_w - 6,
                    bold=risk,
                )
                idc = r.get("identified_coverage") or 0.0
                enc = r.get("engaged_coverage") or 0.0
                c.rect(span_x, ry + 2, span_w * min(idc, 1.0), 5.5, fill=QColor("#a9c4e6"))
                c.rect(
                    span_x,
                    ry + 8,
                    max(span_w * min(enc, 1.0), 0.6),
                    5.5,
                    fill=Palette.bad if risk else Palette.abm,
                )
                c.text(span_x + span_w + 4, ry + 3.5, ty.percent(enc), 7, color=Palette.ink)
            tx = span_x + span_w * threshold
            bottom = top + 16 * len(shown)
            c.line(tx, top - 2, tx, bottom + 2, Palette.bad, 0.9, dash=True)
            label = self.t("threshold", value=ty.percent(threshold, 0))
            c.text(tx - 60, bottom + 5, label, 7, color=Palette.bad, width=120, align="center")
            for frac in (0.5, 1.0):
                gx = span_x + span_w * frac
                c.line(gx, top, gx, bottom, Palette.rule, 0.4)
                c.text(
                    gx - 30,
                    bottom + 5,
                    ty.percent(frac, 0),
                    7,
                    color=Palette.muted,
                    width=60,
                    align="center",
                )

        doc.block(height, paint)
        doc.table(
            [
                Column(self.t("col_account"), 3.0),
                Column(self.t("col_committee"), 0.9, "right"),
                Column(self.t("col_identified"), 0.9, "right"),
                Column(self.t("col_engaged"), 0.9, "right"),
                Column(self.t("col_id_cov"), 1.1, "right"),
                Column(self.t("col_en_cov"), 1.1, "right"),
                Column(self.t("col_roles"), 1.0, "right"),
                Column(self.t("col_at_risk"), 0.8, "center"),
            ],
            [
                [
                    r["account"],
                    ty.integer(r.get("committee_size")),
                    ty.integer(r.get("identified")),
                    ty.integer(r.get("engaged")),
                    ty.percent(r.get("identified_coverage")),
                    ty.percent(r.get("engaged_coverage")),
                    ty.percent(r.get("role_coverage"), 0),
                    self.t("yes") if r.get("at_risk") else self.t("no"),
                ]
                for r in shown
            ],
            row_colors=[Palette.bad if r.get("at_risk") else None for r in shown],
        )

    # --- 3. velocity -----------------------------------------------------------------

    def velocity(self) -> None:
        self.section("sec_velocity")
        doc, ty, k = self.doc, self.ty, self.k
        doc.paragraph(self.t("intro_velocity"), 9.5)
        groups = ("abm", "non_abm", "all")
        doc.table(
            [
                Column(self.t("col_program"), 1.2),
                Column(self.t("col_open"), 0.9, "right"),
                Column(self.t("col_won"), 0.9, "right"),
                Column(self.t("col_lost"), 0.9, "right"),
                Column(self.t("col_win_rate"), 1.0, "right"),
                Column(self.t("col_avg_won"), 1.5, "right"),
                Column(self.t("col_cycle"), 1.1, "right"),
                Column(self.t("col_velocity"), 1.5, "right"),
            ],
            [
                [
                    self.t(g),
                    ty.integer(_get(k, "velocity", g, "open_deals")),
                    ty.integer(_get(k, "velocity", g, "won_deals")),
                    ty.integer(_get(k, "velocity", g, "lost_deals")),
                    ty.percent(_num(_get(k, "velocity", g, "win_rate"))),
                    ty.money(_num(_get(k, "velocity", g, "avg_won_amount")), 2),
                    ty.days(_num(_get(k, "velocity", g, "avg_cycle_days"))),
                    ty.money_per_day(_num(_get(k, "velocity", g, "velocity_per_day")), 2),
                ]
                for g in groups
            ],
            bold_rows={2},
        )
        doc.paragraph(
            self.t(
                "cycle_reduction", value=ty.percent(_num(_get(k, "velocity", "cycle_reduction")))
            ),
            9.5,
            bold=True,
            color=Palette.navy,
        )
        stages = list(domain.STAGES)
        self.caption(self.t("chart_stage_days"))
        series = [
            charts.Series(
                self.t(g),
                [_num(_get(k, "velocity", g, "avg_days_in_stage", s)) for s in stages],
                color,
            )
            for g, color in (("abm", Palette.abm), ("non_abm", Palette.non_abm))
        ]
        names = [stage_label(self.lang, s) for s in stages]
        doc.block(
            230,
            lambda c, x, y, w: charts.bar_chart(
                c,
                x,
                y,
                w,
                220,
                names,
                series,
                lambda v: ty.number(v, 1),
                tick_fmt=lambda v: ty.number(v),
            ),
        )
        self.caption(self.t("table_stage_days"))
        doc.table(
            [
                Column(self.t("col_stage"), 2.0),
                Column(self.t("abm"), 1.0, "right"),
                Column(self.t("non_abm"), 1.0, "right"),
                Column(self.t("all"), 1.0, "right"),
            ],
            [
                [stage_label(self.lang, s)]
                + [ty.days(_num(_get(k, "velocity", g, "avg_days_in_stage", s))) for g in groups]
                for s in stages
            ],
        )

    # --- 4. conversion ---------------------------------------------------------------

    def conversion(self) -> None:
        self.section("sec_conversion")
        doc, ty, k = self.doc, self.ty, self.k
        doc.paragraph(self.t("intro_conversion"), 9.5)
        stages_all = _get(k, "conversion", "all") or {}
        present = [s for s in domain.STAGES if s in stages_all]
        if not present:
            doc.paragraph(self.t("no_conversion"), italic=True, color=Palette.muted)
            return
        self.caption(self.t("chart_funnel"))
        entered = [int(stages_all[s]["entered"]) for s in present]
        rates = [ty.percent(_num(stages_all[s].get("rate"))) for s in present]
        captions = [
            self.t(
                "funnel_caption",
                entered=ty.integer(stages_all[s]["entered"]),
                advanced=ty.integer(stages_all[s]["advanced"]),
            )
            for s in present
        ]
        names = [stage_label(self.lang, s) for s in present]
        height = 34 * len(present)
        doc.block(
            height + 10,
            lambda c, x, y, w: charts.funnel(c, x, y, w, height, names, entered, rates, captions),
        )
        doc.table(
            [
                Column(self.t("col_stage"), 2.0),
                Column(self.t("col_entered"), 1.0, "right"),
                Column(self.t("col_advanced"), 1.0, "right"),
                Column(self.t("col_rate"), 1.0, "right"),
            ],
            [
                [
                    stage_label(self.lang, s),
                    ty.integer(stages_all[s]["entered"]),
                    ty.integer(stages_all[s]["advanced"]),
                    ty.percent(_num(stages_all[s].get("rate"))),
                ]
                for s in present
            ],
        )
        by_sector = _get(k, "conversion", "by_sector") or {}
        by_size = _get(k, "conversion", "by_size") or {}
        self._conversion_groups(
            "by_sector",
            "col_sector",
            [
                (self.t("unknown_sector") if name == "unknown" else name, by_sector[name])
                for name in by_sector
            ],
        )
        self._conversion_groups(
            "by_size",
            "col_size",
            [
                (
                    self.t("unknown_size")
                    if band == "unknown"
                    else self.t("size_band", band=band.replace("-", "–")),
                    by_size[band],
                )
                for band in domain.SIZE_BANDS
                if band in by_size
            ],
        )

    def _conversion_groups(self, title: str, first: str, groups: list[tuple[str, dict]]) -> None:
        if not groups:
            return
        ty = self.ty
        self.caption(self.t(title))
        cols = [Column(self.t(first), 1.9)] + [
            Column(stage_label(self.lang, s), 1.0, "right") for s in domain.STAGES
        ]
        rows = []
        for name, stages in groups:
            row = [name]
            for s in domain.STAGES:
                figures = stages.get(s)
                if figures is None:
                    row.append("—")
                else:
                    rate = ty.percent(_num(figures.get("rate")), 0)
                    row.append(f"{rate} ({ty.integer(figures['entered'])})")
            rows.append(row)
        self.doc.table(cols, rows, size=7.5)

    # --- 5. contract value -----------------------------------------------------------

    def contract_value(self) -> None:
        self.section("sec_contract_value")
        doc, ty, k = self.doc, self.ty, self.k
        doc.paragraph(self.t("intro_contract_value"), 9.5)
        groups = ("abm", "non_abm")
        doc.table(
            [
                Column(self.t("col_program"), 1.6),
                Column(self.t("col_won_deals"), 1.0, "right"),
                Column(self.t("col_average"), 1.4, "right"),
            ],
            [
                [
                    self.t(g),
                    ty.integer(_get(k, "contract_value", g, "won_deals")),
                    ty.money(_num(_get(k, "contract_value", g, "average")), 2),
                ]
                for g in groups
            ],
        )
        uplift = _num(_get(k, "contract_value", "uplift"))
        doc.paragraph(
            self.t("uplift", value=ty.signed(ty.percent(uplift), uplift or 0.0)),
            9.5,
            bold=True,
            color=Palette.navy,
        )
        self.caption(self.t("chart_contract_value"))
        values = [_num(_get(k, "contract_value", g, "average")) for g in groups]
        series = [charts.Series(self.t("col_average"), values, Palette.abm)]
        colors = [[Palette.abm, Palette.non_abm]]
        doc.block(
            150,
            lambda c, x, y, w: charts.bar_chart(
                c,
                x + w * 0.2,
                y,
                w * 0.6,
                140,
                [self.t(g) for g in groups],
                series,
                lambda v: ty.money(v),
                bar_colors=colors,
                show_legend=False,
            ),
        )
        won = self.d.won_deals
        if won:
            self.caption(
                self.t("table_won", n=len(won), total=ty.integer(self.d.won_count)), keep=80
            )
            doc.table(
                [
                    Column(self.t("col_account"), 2.4, wrap=True),
                    Column(self.t("col_deal"), 2.6, wrap=True),
                    Column(self.t("col_closed"), 1.0, "right"),
                    Column(self.t("col_amount"), 1.3, "right"),
                    Column(self.t("col_abm"), 0.6, "center"),
                ],
                [
                    [
                        w.account,
                        w.deal,
                        ty.date(w.closed_at.date()),
                        ty.money(w.amount, 2),
                        self.t("yes") if w.abm else self.t("no"),
                    ]
                    for w in won
                ],
                size=8,
            )

    # --- 6. CLV ----------------------------------------------------------------------

    def clv(self) -> None:
        self.section("sec_clv")
        doc, ty, k = self.doc, self.ty, self.k
        doc.paragraph(self.t("intro_clv"), 9.5)
        accounts = [a for a in _get(k, "clv", "accounts") or [] if (a.get("clv") or 0) > 0]
        accounts.sort(key=lambda a: (-(a.get("clv") or 0), a["account"]))
        avg = _get(k, "clv", "average") or {}
        self.figures_table(
            [
                (self.t("avg_clv_abm"), ty.money(_num(avg.get("abm")), 2)),
                (self.t("avg_clv_other"), ty.money(_num(avg.get("non_abm")), 2)),
            ]
        )
        if not accounts:
            doc.paragraph(self.t("no_clv"), italic=True, color=Palette.muted)
            return
        shown = accounts[:LIST_LIMIT]
        self.caption(self.t("chart_clv", n=len(shown)))
        colors = [
            Palette.abm if a["account"] in self.target_names else Palette.non_abm for a in shown
        ]
        height = 15 * len(shown)

        def paint(c: Canvas, x: float, y: float, w: float) -> None:
            charts.legend(
                c,
                x,
                y,
                w,
                [
                    (self.t("target_account"), Palette.abm),
                    (self.t("other_account"), Palette.non_abm),
                ],
            )
            charts.hbar_chart(
                c,
                x,
                y + 16,
                w,
                height,
                [a["account"] for a in shown],
                [_num(a.get("clv")) for a in shown],
                lambda v: ty.money(v),
                colors=colors,
            )

        doc.block(height + 26, paint)
        doc.table(
            [
                Column(self.t("col_account"), 2.8),
                Column(self.t("col_target"), 0.7, "center"),
                Column(self.t("col_base_arr"), 1.4, "right"),
                Column(self.t("col_upsell"), 1.0, "right"),
                Column(self.t("col_retention"), 1.0, "right"),
                Column(self.t("col_clv"), 1.5, "right"),
            ],
            [
                [
                    a["account"],
                    self.t("yes") if a["account"] in self.target_names else self.t("no"),
                    ty.money(_num(a.get("base_arr")), 2),
                    ty.percent(_num(a.get("upsell_rate"))),
                    ty.number(_num(a.get("retention_years")), 1),
                    ty.money(_num(a.get("clv")), 2),
                ]
                for a in shown
            ],
        )

    # --- 7. ROI ----------------------------------------------------------------------

    def roi(self) -> None:
        self.section("sec_roi")
        doc, ty, k = self.doc, self.ty, self.k
        rate = ty.money(self.d.settings.staff_hourly_cost, 2)
        doc.paragraph(self.t("intro_roi", rate=rate), 9.5)
        roi = _get(k, "roi") or {}
        self.figures_table(
            [
                (self.t("roi_revenue"), ty.money(_num(roi.get("revenue")), 2)),
                (self.t("roi_programme"), ty.money(_num(roi.get("abm_costs")), 2)),
                (self.t("roi_staff"), ty.money(_num(roi.get("staff_cost")), 2)),
                (self.t("roi_cost"), ty.money(_num(roi.get("cost")), 2)),
                (self.t("roi_roi"), ty.percent(_num(roi.get("roi")))),
            ]
        )
        accounts = list(roi.get("accounts") or [])
        if not accounts:
            doc.paragraph(self.t("no_roi_accounts"), italic=True, color=Palette.muted)
            return
        accounts.sort(
            key=lambda a: (-(a["roi"] if a.get("roi") is not None else float("-inf")), a["account"])
        )
        limit = 16
        if len(accounts) > limit:
            best, worst = accounts[: limit // 2], accounts[-(limit // 2) :]
            shown = best + worst
            self.caption(
                self.t(
                    "chart_roi_some",
                    best=len(best),
                    worst=len(worst),
                    total=ty.integer(len(accounts)),
                )
            )
        else:
            shown = accounts
            self.caption(self.t("chart_roi_accounts"))
        height = 14 * len(shown)
        doc.block(
            height + 10,
            lambda c, x, y, w: charts.hbar_chart(
                c,
                x,
                y,
                w,
                height,
                [a["account"] for a in shown],
                [_num(a.get("roi")) for a in shown],
                lambda v: ty.percent(v, 0),
            ),
        )
        doc.table(
            [
                Column(self.t("col_account"), 3.0),
                Column(self.t("col_revenue"), 1.4, "right"),
                Column(self.t("col_cost"), 1.4, "right"),
                Column(self.t("col_roi"), 1.1, "right"),
            ],
            [
                [
                    a["account"],
                    ty.money(_num(a.get("revenue")), 2),
                    ty.money(_num(a.get("cost")), 2),
                    ty.percent(_num(a.get("roi"))),
                ]
                for a in shown
            ],
            cell_colors={
                (i, 3): Palette.bad for i, a in enumerate(shown) if (a.get("roi") or 0) < 0
            },
        )

    # --- risks -----------------------------------------------------------------------

    def _more(self, hidden: int) -> None:
        if hidden > 0:
            self.doc.paragraph(
                self.t("more", n=self.ty.integer(hidden)),
                8,
                italic=True,
                color=Palette.muted,
                after=8,
            )

    def risks(self) -> None:
        self.section("sec_risks")
        doc, ty = self.doc, self.ty
        doc.paragraph(self.t("intro_risks", n=LIST_LIMIT), 9.5)
        scores = {a["account"]: a for a in self.targets}

        risky = [
            self.coverage[n] for n in self.target_names if self.coverage.get(n, {}).get("at_risk")
        ]
        risky.sort(
            key=lambda r: (
                r.get("engaged_coverage") or 0.0,
                -(scores.get(r["account"], {}).get("score") or 0),
                r["account"],
            )
        )
        self.subheading(self.t("risk_coverage", n=ty.integer(len(risky))))
        doc.table(
            [
                Column(self.t("col_account"), 3.0),
                Column(self.t("col_en_cov"), 1.1, "right"),
                Column(self.t("col_id_cov"), 1.1, "right"),
                Column(self.t("col_roles"), 1.0, "right"),
                Column(self.t("col_score"), 0.9, "right"),
            ],
            [
                [
                    r["account"],
                    ty.percent(r.get("engaged_coverage")),
                    ty.percent(r.get("identified_coverage")),
                    ty.percent(r.get("role_coverage"), 0),
                    ty.integer(scores.get(r["account"], {}).get("score")),
                ]
                for r in risky[:LIST_LIMIT]
            ],
            empty=self.t("none"),
            after=4,
        )
        self._more(len(risky) - LIST_LIMIT)

        dormant = [a for a in self.targets if a.get("dormant")]
        dormant.sort(key=lambda a: (a.get("score") or 0, a["account"]))
        self.subheading(self.t("risk_dormant", n=ty.integer(len(dormant))))
        doc.table(
            [
                Column(self.t("col_account"), 3.0),
                Column(self.t("col_score"), 1.0, "right"),
                Column(self.t("col_prev4"), 1.2, "right"),
                Column(self.t("col_en_cov"), 1.1, "right"),
            ],
            [
                [
                    a["account"],
                    ty.integer(a.get("score")),
                    ty.integer(a.get("prev4")),
                    ty.percent(self.coverage.get(a["account"], {}).get("engaged_coverage")),
                ]
                for a in dormant[:LIST_LIMIT]
            ],
            empty=self.t("none"),
            after=4,
        )
        self._more(len(dormant) - LIST_LIMIT)

        falling = [a for a in self.targets if a.get("trend") == "falling"]

        def drop(a: dict) -> float:
            prev = a.get("prev4") or 0
            return ((a.get("last4") or 0) / prev - 1) if prev else 0.0

        falling.sort(key=lambda a: (drop(a), a["account"]))
        self.subheading(self.t("risk_falling", n=ty.integer(len(falling))))
        doc.table(
            [
                Column(self.t("col_account"), 3.0),
                Column(self.t("col_last4"), 1.2, "right"),
                Column(self.t("col_prev4"), 1.3, "right"),
                Column(self.t("col_change"), 1.0, "right"),
                Column(self.t("col_score"), 0.9, "right"),
            ],
            [
                [
                    a["account"],
                    ty.integer(a.get("last4")),
                    ty.integer(a.get("prev4")),
                    ty.change(a.get("last4"), a.get("prev4")),
                    ty.integer(a.get("score")),
                ]
                for a in falling[:LIST_LIMIT]
            ],
            cell_colors={(i, 3): Palette.bad for i in range(min(LIST_LIMIT, len(falling)))},
            empty=self.t("none"),
            after=4,
        )
        self._more(len(falling) - LIST_LIMIT)

        stalled = self.d.stalled_deals
        self.subheading(self.t("risk_stalled", n=ty.integer(self.d.open_deals_at_t)))
        doc.table(
            [
                Column(self.t("col_account"), 2.2, wrap=True),
                Column(self.t("col_deal"), 2.4, wrap=True),
                Column(self.t("col_stage"), 1.5),
                Column(self.t("col_since"), 1.0, "right"),
                Column(self.t("col_days_stage"), 1.0, "right"),
                Column(self.t("col_amount"), 1.2, "right"),
                Column(self.t("col_abm"), 0.6, "center"),
            ],
            [
                [
                    s.account,
                    s.deal,
                    stage_label(self.lang, s.stage),
                    ty.date(s.entered_at.date() if s.entered_at else None),
                    ty.number(s.days_in_stage, 0),
                    ty.money(s.amount),
                    self.t("yes") if s.is_target else self.t("no"),
                ]
                for s in stalled
            ],
            size=7.8,
            empty=self.t("none"),
        )

    # --- top accounts ----------------------------------------------------------------

    def _next_step(self, key: str, detail: str | None) -> str:
        if key == "identify_role":
            return self.t("step_identify_role", detail=self.t(f"role_article_{detail}"))
        if key in ("close_negotiation", "follow_up_proposal"):
            return self.t(f"step_{key}", detail=detail or "")
        return self.t(f"step_{key}")

    def top_accounts(self) -> None:
        self.section("sec_top")
        doc, ty = self.doc, self.ty
        top = self.d.top_accounts
        doc.paragraph(self.t("intro_top", n=len(top)), 9.5)
        if not top:
            doc.paragraph(self.t("no_target"), italic=True, color=Palette.muted)
            return
        doc.table(
            [
                Column(self.t("col_account"), 2.4, wrap=True),
                Column(self.t("col_score"), 0.7, "right"),
                Column(self.t("col_en_cov"), 0.9, "right"),
                Column(self.t("col_roles"), 0.8, "right"),
                Column(self.t("col_pipeline"), 1.2, "right"),
                Column(self.t("col_last_meeting"), 1.0, "right"),
                Column(self.t("col_owner"), 1.4, wrap=True),
                Column(self.t("col_next"), 3.0, wrap=True),
            ],
            [
                [
                    a.name,
                    ty.integer(a.score),
                    ty.percent(a.engaged_coverage),
                    ty.percent(a.role_coverage, 0),
                    ty.money(a.open_pipeline),
                    ty.date(a.last_meeting),
                    a.owner or "—",
                    self._next_step(a.next_step, a.next_step_detail),
                ]
                for a in top
            ],
            size=7.8,
            cell_colors={(i, 2): Palette.bad for i, a in enumerate(top) if a.at_risk},
        )

    # --- org charts ------------------------------------------------------------------

    def org_charts(self) -> None:
        charts_ = self.d.org_charts
        if not charts_:
            return
        self.section("sec_org")
        doc, ty = self.doc, self.ty
        window = self.d.settings.engagement_window_days
        doc.paragraph(self.t("intro_org", n=len(charts_), window=ty.integer(window)), 9)

        def legend(c: Canvas, x: float, y: float, w: float) -> None:
            items = [
                (self.t("legend_none"), shade(0, 1)),
                (self.t("legend_some"), shade(1, 8)),
                (self.t("legend_most"), shade(8, 8)),
            ]
            cx = x
            for label, color in items:
                c.rect(cx, y, 16, 9, fill=color, stroke=QColor("#8aa4c4"), radius=1.5)
                c.text(cx + 20, y + 0.5, label, 7.5, color=Palette.muted)
                cx += 20 + c.width(label, 7.5) + 14
            c.rect(
                cx, y, 16, 9, fill=QColor("#fafbfc"), stroke=Palette.faint, dash=True, radius=1.5
            )
            label = self.t("org_empty_seat")
            c.text(cx + 20, y + 0.5, label, 7.5, color=Palette.muted)
            cx += 20 + c.width(label, 7.5) + 14
            c.rect(cx, y, 16, 9, fill=QColor("#fdf1ef"), stroke=Palette.bad, dash=True, radius=1.5)
            c.text(cx + 20, y + 0.5, self.t("org_missing"), 7.5, color=Palette.bad)

        doc.block(18, legend)
        per_page = (doc.limit - doc.top - 16) / 2
        for account in charts_:
            if doc.room() < per_page * 0.8:
                doc.new_page()
            self._org_chart(account, min(per_page, doc.room() - 4))
            doc.space(8)

    def _cards(self, account) -> list[Card]:  # noqa: ANN001
        lang = self.lang
        rows = []
        for p in account.people:
            if p.placeholder:
                card = Card(
                    p.id,
                    self.t("org_empty_seat"),
                    p.title or p.name,
                    role_label(lang, p.role) or self.t("org_no_role"),
                    0,
                    "seat",
                )
            else:
                card = Card(
                    p.id,
                    p.name,
                    p.title or "",
                    role_label(lang, p.role) or self.t("org_no_role"),
                    p.points,
                    "person",
                )
            rows.append((p.id, p.manager_id, card))
        for role in account.missing_roles:
            key = f"missing:{role}"
            rows.append(
                (
                    key,
                    None,
                    Card(
                        key,
                        self.t("org_missing"),
                        role_label(lang, role),
                        self.t("org_nobody"),
                        0,
                        "missing",
                    ),
                )
            )
        return build_forest(rows)

    def _org_chart(self, account, height: float) -> None:  # noqa: ANN001
        doc, ty = self.doc, self.ty
        title = account.name
        figures = self.t(
            "org_header",
            coverage=ty.percent(account.engaged_coverage),
            roles=ty.percent(account.role_coverage, 0),
        )
        if account.at_risk:
            figures += f" — {self.t('org_at_risk')}"
        roots = self._cards(account)

        def points_label(points: int) -> str:
            return (
                self.t("org_points", points=ty.integer(points))
                if points
                else self.t("org_no_points")
            )

        def paint(c: Canvas, x: float, y: float, w: float) -> None:
            c.rect(x, y, w, height - 6, stroke=Palette.rule, radius=4)
            c.text(x + 10, y + 8, title, 11, bold=True, color=Palette.navy, width=w * 0.5)
            tw = min(c.width(title, 11, True), w * 0.5)
            c.text(
                x + 20 + tw,
                y + 10,
                figures,
                8,
                width=w - tw - 30,
                align="right",
                color=Palette.bad if account.at_risk else Palette.muted,
            )
            if not roots:
                c.text(x + 10, y + 34, self.t("org_empty"), 8.5, italic=True, color=Palette.muted)
                return
            draw_forest(c, x + 10, y + 30, w - 20, height - 46, roots, points_label)

        doc.block(height, paint)

    # --- method appendix -------------------------------------------------------------

    def appendix(self) -> None:
        self.section("sec_method")
        doc, ty, s = self.doc, self.ty, self.d.settings
        lang = self.lang
        doc.paragraph(
            self.t(
                "method_intro",
                start=ty.long_date(self.d.date_from),
                end=ty.long_date(self.d.date_to),
            ),
            9,
        )
        window = ty.integer(s.engagement_window_days)
        threshold = ty.percent(s.coverage_risk_threshold, 0)
        parts = [
            (self.t("m_target_t"), self.t("m_target")),
            (self.t("sec_engagement"), self.t("m_engagement", window=window)),
            (
                self.t("sec_coverage"),
                self.t(
                    "m_coverage",
                    window=window,
                    threshold=threshold,
                    size=ty.integer(s.default_committee_size),
                ),
            ),
            (self.t("sec_velocity"), self.t("m_velocity")),
            (self.t("sec_conversion"), self.t("m_conversion")),
            (self.t("sec_contract_value"), self.t("m_contract_value")),
            (
                self.t("sec_clv"),
                self.t(
                    "m_clv",
                    years=ty.number(s.default_retention_years, 1)
                    if s.default_retention_years % 1
                    else ty.integer(s.default_retention_years),
                ),
            ),
            (self.t("sec_roi"), self.t("m_roi", rate=ty.money(s.staff_hourly_cost, 2))),
            (self.t("sec_risks"), self.t("m_stalled")),
            (self.t("m_next_t"), self.t("m_next", days=MEETING_DAYS)),
        ]
        for title, body in parts:
            self.doc.heading(title, 10, keep=40, color=Palette.navy)
            doc.paragraph(body, 8.8, after=7)
        self.subheading(self.t("m_weights_t"), keep=120)
        points = sorted(s.points.items(), key=lambda kv: (-kv[1], kv[0]))
        doc.table(
            [
                Column(self.t("col_type"), 3.0),
                Column(self.t("col_key"), 2.0),
                Column(self.t("col_points"), 0.8, "right"),
            ],
            [
                [type_label(lang, key, self.d.interaction_labels.get(key)), key, ty.integer(pts)]
                for key, pts in points
            ],
        )
        self.subheading(self.t("m_params_t"), keep=100)
        years = s.default_retention_years
        self.figures_table(
            [
                (self.t("p_window"), self.t("days_n", n=ty.integer(s.engagement_window_days))),
                (self.t("p_committee"), self.t("people_n", n=ty.integer(s.default_committee_size))),
                (
                    self.t("p_retention"),
                    self.t("years_n", n=ty.number(years, 1) if years % 1 else ty.integer(years)),
                ),
                (self.t("p_threshold"), ty.percent(s.coverage_risk_threshold, 0)),
                (self.t("p_hourly"), ty.money(s.staff_hourly_cost, 2)),
                (self.t("p_currency"), str(self.k.get("currency") or s.currency)),
            ]
        )
        doc.paragraph(self.t("m_rounding"), 8.5, italic=True, color=Palette.muted)
