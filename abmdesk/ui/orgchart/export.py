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
    try:
        if not write(tmp) or tmp.stat().st_size == 0:
            raise AbmError(f"{path}: the map could not be written")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _content(scene: QGraphicsScene) -> QRectF:
    return scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)


def _draw_title(painter: QPainter, rect: QRectF, title: str, subtitle: str) -> float:
    """Title lines at the top of ``rect``; returns the height used."""
    if not title:
        return 0.0
    font = QFont()
    font.setPixelSize(max(12, int(rect.height() * 0.028)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#1F2933"))
    line = font.pixelSize() * 1.5
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), line), Qt.AlignmentFlag.AlignLeft, title
    )
    used = line
    if subtitle:
        small = QFont()
        small.setPixelSize(max(10, int(font.pixelSize() * 0.7)))
        painter.setFont(small)
        painter.setPen(QColor("#66717C"))
        painter.drawText(
            QRectF(rect.left(), rect.top() + used, rect.width(), small.pixelSize() * 1.6),
            Qt.AlignmentFlag.AlignLeft,
            subtitle,
        )
        used += small.pixelSize() * 1.8
    return used


def export_png(
    scene: QGraphicsScene, path: str | Path, title: str = "", subtitle: str = ""
) -> Path:
    source = _content(scene)
    scale = min(1.5, MAX_PNG_SIDE / max(source.width(), source.height(), 1.0))
    header = 70 if title else 0
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
            _draw_title(painter, QRectF(20, 14, width - 40, 2000), title, subtitle)
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
        writer.setResolution(300)
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
            used = _draw_title(painter, page, title, subtitle)
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
