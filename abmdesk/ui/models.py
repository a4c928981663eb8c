"""Table models that load lazily, and the small helpers the views share.

- ``KeyListTableModel``: an ordered list of row keys (ids) fetched up front, and
  the rows themselves read in blocks only when a view asks for them (the way
  Anki's browser table works). Sorting re-queries the key list in SQL.
- ``PagedTableModel``: pages appended through ``canFetchMore``/``fetchMore``, for
  tables too large even for a key list (a million interactions).
- ``RecordTableModel``: a list already in memory (KPI results).

``Qt.UserRole`` (``RAW_ROLE``) gives each cell's raw value (cents, ISO dates,
keys) for sorting and tests; ``KEY_ROLE`` gives the row's id.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from abmdesk.services.records import sort_text
from abmdesk.ui.formatting import Formatter

RAW_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its key, its English title (translated in context ``Columns``)."""

    key: str
    title: str
    align: str = "left"  # left | right | center
    sortable: bool = True
    tooltip: bool = False
    context: str = "Columns"


def _raw(value: object) -> object:
    """A raw value as a view-friendly, sortable scalar (ISO text for dates)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _TableBase(QAbstractTableModel):
    columns: tuple[Column, ...] = ()

    def __init__(self, formatter: Formatter, parent: Any = None) -> None:
        super().__init__(parent)
        self.fmt = formatter
        self.sort_key: str = self.columns[0].key if self.columns else ""
        self.descending: bool = False

    # Subclasses give a row's display text, raw value and key.
    def display(self, row: Any, key: str) -> str:
        return str(getattr(row, key, "") or "")

    def raw(self, row: Any, key: str) -> object:
        return _raw(getattr(row, key, None))

    def row_key(self, row: Any) -> object:
        return getattr(row, "id", None)

    def foreground(self, row: Any, key: str) -> QBrush | None:
        return None

    def font(self, row: Any, key: str) -> QFont | None:
        return None

    def row_at(self, row: int) -> Any:
        raise NotImplementedError

    def column_index(self, key: str) -> int:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(column.context, column.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Left (or centred) even over numbers: the sort arrow sits on the right.
            return ALIGN_CENTER if column.align == "center" else ALIGN_LEFT
        return None

    @staticmethod
    def _alignment(column: Column) -> Qt.AlignmentFlag:
        if column.align == "right":
            return ALIGN_RIGHT
        if column.align == "center":
            return ALIGN_CENTER
        return ALIGN_LEFT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        if not 0 <= index.row() < self.rowCount():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row, column.key) if column.tooltip else None
        if role == RAW_ROLE:
            return self.raw(row, column.key)
        if role == KEY_ROLE:
            return self.row_key(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column.key)
        if role == Qt.ItemDataRole.FontRole:
            return self.font(row, column.key)
        return None

    def is_sortable(self, section: int) -> bool:
        return 0 <= section < len(self.columns) and self.columns[section].sortable

    @property
    def sort_section(self) -> int:
        try:
            return self.column_index(self.sort_key)
        except KeyError:
            return 0

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder


class KeyListTableModel(_TableBase):
    """Ordered keys up front, rows read in blocks on demand (a bounded cache)."""

    block_size = 200
    max_blocks = 50

    def __init__(self, formatter: Formatter, parent: Any = None) -> None:
        super().__init__(formatter, parent)
        self._keys: list[Any] = []
        self._blocks: OrderedDict[int, dict[Any, Any]] = OrderedDict()
        self.rows_loaded = 0  # rows read so far (for tests and benchmarks)

    def fetch_keys(self) -> list[Any]:
        raise NotImplementedError

    def fetch_rows(self, keys: Sequence[Any]) -> dict[Any, Any]:
        raise NotImplementedError

    def reload(self) -> None:
        """Re-read the key list (rows are then re-read as they are shown)."""
        self.beginResetModel()
        self._blocks.clear()
        self._keys = self.fetch_keys()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def key_at(self, row: int) -> Any:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def row_of_key(self, key: Any) -> int:
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def row_at(self, row: int) -> Any:
        block = row // self.block_size
        rows = self._blocks.get(block)
        if rows is None:
            start = block * self.block_size
            keys = self._keys[start : start + self.block_size]
            rows = self.fetch_rows(keys)
            self.rows_loaded += len(rows)
            self._blocks[block] = rows
            while len(self._blocks) > self.max_blocks:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return rows.get(self._keys[row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        key = self.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._keys:
            return
        self.sort_key, self.descending = key, descending
        self.reload()


class PagedTableModel(_TableBase):
    """Rows appended a page at a time when the view scrolls near the end."""

    page_size = 200

    def __init__(self, formatter: Formatter, parent: Any = None) -> None:
        super().__init__(formatter, parent)
        self._rows: list[Any] = []
        self._more = True
        self._fetching = False  # views and testers may call back in while rows go in

    def fetch_page(self, last: Any | None, limit: int) -> list[Any]:
        """The rows after ``last`` (None: the first page), at most ``limit``."""
        raise NotImplementedError

    def reload(self) -> None:
        """Start again from the first page."""
        self.beginResetModel()
        self._rows = self.fetch_page(None, self.page_size)
        self._more = len(self._rows) >= self.page_size
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._fetching:
            return
        self._fetching = True
        try:
            page = self.fetch_page(self._rows[-1] if self._rows else None, self.page_size)
            self._more = len(page) >= self.page_size
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
        finally:
            self._fetching = False

    def row_of_key(self, key: Any) -> int:
        for i, row in enumerate(self._rows):
            if self.row_key(row) == key:
                return i
        return -1


class RecordTableModel(_TableBase):
    """Rows already in memory (dicts or objects), sorted in Python on raw values."""

    def __init__(
        self,
        formatter: Formatter,
        columns: Sequence[Column],
        formats: dict[str, Callable[[Any], str]] | None = None,
        parent: Any = None,
    ) -> None:
        self.columns = tuple(columns)
        super().__init__(formatter, parent)
        self._formats = formats or {}
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _value(self, row: Any, key: str) -> Any:
        return row.get(key) if isinstance(row, dict) else getattr(row, key, None)

    def display(self, row: Any, key: str) -> str:
        value = self._value(row, key)
        if key in self._formats:
            return self._formats[key](value)
        return "" if value is None else str(value)

    def raw(self, row: Any, key: str) -> object:
        return _raw(self._value(row, key))

    def row_key(self, row: Any) -> object:
        return self._value(row, self.columns[0].key) if self.columns else None

    def _sort_rows(self) -> None:
        if not self.sort_key:
            return
        key = self.sort_key

        def sort_value(row: Any) -> tuple:
            value = self._value(row, key)
            if value is None:
                return (1, 0, "")
            if isinstance(value, bool | int | float):
                return (0, float(value), "")
            return (0, 0, sort_text(str(value)))

        present = [r for r in self._rows if self._value(r, key) is not None]
        missing = [r for r in self._rows if self._value(r, key) is None]
        present.sort(key=sort_value, reverse=self.descending)
        self._rows = present + missing

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._sort_rows()
        positions = {id(r): i for i, r in enumerate(self._rows)}
        for index in self.persistentIndexList():
            if index.isValid() and index.row() < len(old):
                new_row = positions[id(old[index.row()])]
                self.changePersistentIndex(index, self.index(new_row, index.column()))
        self.layoutChanged.emit()


class ChoiceListModel(QAbstractListModel):
    """(key, label) pairs for pickers: the label shown, the key in ``KEY_ROLE``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[Any, str]] = []
        self._by_label: dict[str, int] = {}
        self._by_key: dict[Any, int] = {}

    def set_items(self, items: Sequence[tuple[Any, str]]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._by_label = {}
        for i, (_, label) in enumerate(self._items):
            self._by_label.setdefault(label.strip().casefold(), i)
        self._by_key = {key: i for i, (key, _) in enumerate(self._items)}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        key, label = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        if role in (KEY_ROLE, RAW_ROLE):
            return key
        return None

    def key_at(self, row: int) -> Any:
        return self._items[row][0] if 0 <= row < len(self._items) else None

    def label_at(self, row: int) -> str:
        return self._items[row][1] if 0 <= row < len(self._items) else ""

    def row_of_key(self, key: Any) -> int:
        return self._by_key.get(key, -1)

    def row_of_label(self, label: str) -> int:
        """The row whose label equals ``label`` ignoring case and outer spaces."""
        return self._by_label.get(label.strip().casefold(), -1)


def muted_brush() -> QBrush:
    return QBrush(QColor(120, 120, 120))


def italic_font() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


def make_table_view(
    model: _TableBase, name: str, parent: Any = None, *, sorting: bool = True
) -> QTableView:
    """A read-only table view wired to the model's own sorting (in SQL for the lazy ones)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionsMovable(True)
    if not sorting:
        return view
    header.setSortIndicator(model.sort_section, model.sort_order)
    header.setSortIndicatorShown(True)
    view.setSortingEnabled(True)

    def keep_sortable(section: int, order: Qt.SortOrder) -> None:
        if not model.is_sortable(section):
            header.blockSignals(True)
            header.setSortIndicator(model.sort_section, model.sort_order)
            header.blockSignals(False)

    header.sortIndicatorChanged.connect(keep_sortable)
    return view


def set_column_widths(view: QTableView, widths: dict[str, int]) -> None:
    """Initial widths in average characters, by column key."""
    model = view.model()
    chars = view.fontMetrics().averageCharWidth()
    for key, width in widths.items():
        try:
            section = model.column_index(key)  # type: ignore[attr-defined]
        except KeyError:
            continue
        view.setColumnWidth(section, width * chars + 16)
