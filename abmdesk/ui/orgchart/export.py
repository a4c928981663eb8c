"""Export the chart as PNG or PDF (A4 landscape, fitted), through a temp file renamed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsScene

from abmdesk.errors import AbmError

#: Largest PNG side, in pixels (a 300-person chart at full size is ~15 000 px wide).
MAX_PNG_SIDE = 8000


def _write_atomically(path: Path, write: Callable[[Path], bool]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; an export is a normal file
    try:
        if not write(tmp) or tmp.stat().st_size == 0:
            raise AbmError(f"{path}: the map could not be written")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _content(scene: QGraphicsScene) -> QRectF:
    return scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)


def _title_height(px: float, subtitle: str) -> float:
    return px * 1.5 + (px * 0.7 * 1.8 if subtitle else 0.0)


def _draw_title(
    painter: QPainter, left: float, top: float, width: float, px: float, title: str, subtitle: str
) -> float:
    """The title (``px`` pixels high) and subtitle at (left, top); returns the height."""
    if not title:
        return 0.0
    font = QFont()
    font.setPixelSize(max(8, round(px)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#1F2933"))
    line = px * 1.5
    painter.drawText(QRectF(left, top, width, line), Qt.AlignmentFlag.AlignLeft, title)
    if subtitle:
        small = QFont()
        small.setPixelSize(max(7, round(px * 0.7)))
        painter.setFont(small)
        painter.setPen(QColor("#66717C"))
        painter.drawText(
            QRectF(left, top + line, width, px * 0.7 * 1.8),
            Qt.AlignmentFlag.AlignLeft,
            subtitle,
        )
    return _title_height(px, subtitle)


def export_png(
    scene: QGraphicsScene, path: str | Path, title: str = "", subtitle: str = ""
) -> Path:
    source = _content(scene)
    scale = min(1.5, MAX_PNG_SIDE / max(source.width(), source.height(), 1.0))
    px = max(12.0, 20 * scale)
    header = round(_title_height(px, subtitle) + px) if title else 0
    width = max(1, int(source.width() * scale))
    height = max(1, int(source.height() * scale) + header)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        if title:
            _draw_title(painter, px, px / 2, width - 2 * px, px, title, subtitle)
        scene.render(painter, QRectF(0, header, width, height - header), source)
    finally:
        painter.end()
    return _write_atomically(Path(path), lambda tmp: image.save(str(tmp), "PNG"))


def export_pdf(
    scene: QGraphicsScene, path: str | Path, title: str = "", subtitle: str = ""
) -> Path:
    source = _content(scene)

    def write(tmp: Path) -> bool:
        writer = QPdfWriter(str(tmp))
        # Scene coordinates are screen pixels and card fonts are in points: at the
        # screen's 96 dpi both keep their proportions (the PDF stays vector anyway).
        writer.setResolution(96)
        writer.setTitle(title or "ABM Desk")
        writer.setCreator("ABM Desk")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(10, 10, 10, 10),
                QPageLayout.Unit.Millimeter,
            )
        )
        painter = QPainter()
        if not painter.begin(writer):
            return False
        try:
            page = QRectF(painter.viewport())
            used = _draw_title(painter, page.left(), page.top(), page.width(), 18, title, subtitle)
            target = page.adjusted(0, used + 10, 0, 0)
            size = QSizeF(source.size())
            size.scale(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            fitted = QRectF(target.left(), target.top(), size.width(), size.height())
            fitted.moveLeft(target.left() + (target.width() - size.width()) / 2)
            scene.render(painter, fitted, source)
        finally:
            painter.end()
        return True

    return _write_atomically(Path(path), write)
