"""A weekly sparkline: a small pyqtgraph PlotWidget, created (and pyqtgraph imported)
only when the first values arrive, so the window starts without pyqtgraph."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

LINE_COLOR = (25, 118, 210)
FILL_COLOR = (25, 118, 210, 50)


def warm_up() -> None:
    """Import pyqtgraph (≈0.3 s the first time) from a worker thread, so that the GUI
    thread only builds the plot (≈20 ms); importing makes no widget, so it is safe there."""
    import pyqtgraph  # noqa: F401


class Sparkline(QWidget):
    """Objectname ``sparkline``; ``set_values(labels, values)`` draws the bars of points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sparkline")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(64)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.plot: Any = None
        self._curve: Any = None
        self.values: list[int] = []
        self.labels: list[str] = []

    def sizeHint(self) -> QSize:
        return QSize(240, 64)

    def _ensure_plot(self) -> None:
        if self.plot is not None:
            return
        import pyqtgraph as pg  # lazy: only when a panel shows figures

        plot = pg.PlotWidget(self, background=None)
        plot.setObjectName("sparklinePlot")
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        item = plot.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.setContentsMargins(0, 0, 0, 0)
        plot.setFrameShape(plot.Shape.NoFrame)
        self._curve = plot.plot(
            [],
            [],
            pen=pg.mkPen(LINE_COLOR, width=2),
            fillLevel=0,
            brush=pg.mkBrush(*FILL_COLOR),
            symbol="o",
            symbolSize=4,
            symbolBrush=pg.mkBrush(*LINE_COLOR),
            symbolPen=None,
        )
        self._layout.addWidget(plot)
        self.plot = plot

    def set_values(self, labels: Sequence[str], values: Sequence[int]) -> None:
        self._ensure_plot()
        self.labels = list(labels)
        self.values = [int(v) for v in values]
        xs = list(range(len(self.values)))
        self._curve.setData(xs, self.values)
        top = max([*self.values, 1])
        self.plot.setYRange(0, top * 1.1, padding=0)
        self.plot.setXRange(-0.3, max(len(xs) - 1, 1) + 0.3, padding=0)
