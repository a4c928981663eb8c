"""Preferences (Édition ▸ Préférences…): interaction types and their points, the KPI
parameters, the currency, who uses this laptop, the language.

Everything is written in one transaction by ``services.settings.set_settings`` when
OK is pressed, and announced as ``Changes(settings=True)``: the KPI tab computes
again at once, the map and the quick log show the new points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abmdesk.errors import AbmError
from abmdesk.services import records
from abmdesk.services.settings import Settings, load_settings, set_settings
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.labels import type_label

_Index = QModelIndex | QPersistentModelIndex
TYPE_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
CURRENCIES = ("EUR", "CHF", "GBP", "USD", "CAD")


@dataclass
class _TypeRow:
    key: str
    label: str
    points: int
    stored_label: str | None
    new: bool = False


class PointsModel(QAbstractTableModel):
    """Interaction types: key, label (editable for new types), points (editable)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Columns", "Type"),
        QT_TRANSLATE_NOOP("Columns", "Key"),
        QT_TRANSLATE_NOOP("Columns", "Points"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_TypeRow] = []
        self._original: dict[str, int] = {}

    def set_types(self, choices: list[records.InteractionTypeChoice]) -> None:
        self.beginResetModel()
        self._rows = [
            _TypeRow(c.key, type_label(c.key, c.label), c.points, c.label) for c in choices
        ]
        self._original = {c.key: c.points for c in choices}
        self.endResetModel()

    def type_keys(self) -> list[str]:
        return [r.key for r in self._rows]

    def add_type(self, key: str, label: str, points: int) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(_TypeRow(key, label or key, points, label, new=True))
        self.endInsertRows()

    def points_of(self, key: str) -> int | None:
        for r in self._rows:
            if r.key == key:
                return r.points
        return None

    def set_points(self, key: str, points: int) -> bool:
        for i, r in enumerate(self._rows):
            if r.key == key:
                return self.setData(self.index(i, 2), points)
        return False

    def changed_points(self) -> dict[str, str]:
        return {
            f"points.{r.key}": str(r.points)
            for r in self._rows
            if r.new or self._original.get(r.key) != r.points
        }

    def new_labels(self) -> dict[str, str]:
        return {r.key: r.label for r in self._rows if r.new}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 3
        ):
            return QCoreApplication.translate("Columns", self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (r.label, r.key, r.points)[col] if 0 <= col < 3 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and r.new:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        r = self._rows[index.row()]
        if index.column() == 2 or (index.column() == 0 and r.new):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        r = self._rows[index.row()]
        if index.column() == 2:
            try:
                points = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= points <= 1000:
                return False
            r.points = points
        elif index.column() == 0 and r.new:
            r.label = str(value).strip() or r.key
        else:
            return False
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True


class SettingsDialog(QDialog):
    """Objectname ``settingsDialog``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.ctx = ctx
        self.current: Settings = load_settings(ctx.engine)
        fmt = ctx.fmt

        # Interaction types and their points.
        self.points_model = PointsModel(self)
        self.points_model.set_types(records.interaction_type_choices(ctx.engine))
        self.points_view = QTableView(self)
        self.points_view.setObjectName("settingsPoints")
        self.points_view.setModel(self.points_model)
        self.points_view.verticalHeader().setVisible(False)
        self.points_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.points_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.points_view.setWordWrap(False)
        self.points_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.points_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.new_key = QLineEdit(self)
        self.new_key.setObjectName("settingsNewTypeKey")
        self.new_key.setPlaceholderText(self.tr("key, e.g. trade_show"))
        self.new_label = QLineEdit(self)
        self.new_label.setObjectName("settingsNewTypeLabel")
        self.new_label.setPlaceholderText(self.tr("label, e.g. Trade show"))
        self.new_points = QSpinBox(self)
        self.new_points.setObjectName("settingsNewTypePoints")
        self.new_points.setRange(0, 1000)
        self.new_points.setValue(10)
        self.new_points.setSuffix(self.tr(" pts"))
        self.add_type_button = QPushButton(self.tr("&Add the type"), self)
        self.add_type_button.setObjectName("settingsAddType")
        self.add_type_button.setAutoDefault(False)
        add_row = QGridLayout()
        add_row.addWidget(QLabel(self.tr("New type:"), self), 0, 0)
        add_row.addWidget(self.new_key, 0, 1)
        add_row.addWidget(self.new_label, 0, 2)
        add_row.addWidget(self.new_points, 1, 1)
        add_row.addWidget(self.add_type_button, 1, 2)
        add_row.setColumnStretch(1, 2)
        add_row.setColumnStretch(2, 3)
        types_box = QGroupBox(self.tr("Points per interaction type"), self)
        types_layout = QVBoxLayout(types_box)
        hint = QLabel(
            self.tr(
                "Points count retroactively: every score is computed again with the new "
                "values. A type with 0 points is activity, not engagement."
            ),
            self,
        )
        hint.setWordWrap(True)
        types_layout.addWidget(hint)
        types_layout.addWidget(self.points_view, 1)
        types_layout.addLayout(add_row)

        # KPI parameters.
        s = self.current
        self.committee = QSpinBox(self)
        self.committee.setObjectName("settingsCommitteeSize")
        self.committee.setRange(1, 100)
        self.committee.setValue(s.default_committee_size)
        self.committee.setSuffix(self.tr(" people"))
        self.window_days = QSpinBox(self)
        self.window_days.setObjectName("settingsEngagementWindow")
        self.window_days.setRange(1, 3650)
        self.window_days.setValue(s.engagement_window_days)
        self.window_days.setSuffix(self.tr(" days"))
        self.retention = QDoubleSpinBox(self)
        self.retention.setObjectName("settingsRetentionYears")
        self.retention.setRange(0.1, 100)
        self.retention.setDecimals(1)
        self.retention.setValue(float(s.default_retention_years))
        self.retention.setSuffix(self.tr(" years"))
        self.hourly = QDoubleSpinBox(self)
        self.hourly.setObjectName("settingsHourlyCost")
        self.hourly.setRange(0, 10_000)
        self.hourly.setDecimals(2)
        self.hourly.setValue(float(s.staff_hourly_cost))
        self.hourly.setSuffix(self.tr(" %1/h").replace("%1", fmt.currency_symbol))
        self.risk = QDoubleSpinBox(self)
        self.risk.setObjectName("settingsRiskThreshold")
        self.risk.setRange(0, 100)
        self.risk.setDecimals(1)
        self.risk.setValue(round(s.coverage_risk_threshold * 100, 1))
        self.risk.setSuffix(self.tr(" %"))
        self.currency = QComboBox(self)
        self.currency.setObjectName("settingsCurrency")
        self.currency.setEditable(True)
        self.currency.addItems(list(CURRENCIES))
        self.currency.setCurrentText(s.currency)
        self.currency.lineEdit().setMaxLength(3)
        self.user_name = QLineEdit(s.user_name, self)
        self.user_name.setObjectName("settingsUserName")
        self.user_name.setPlaceholderText(self.tr("First and last name"))
        self.language = QComboBox(self)
        self.language.setObjectName("settingsLanguage")
        for code, text in (
            ("", self.tr("Automatic (the system's)")),
            ("fr", "Français"),
            ("en", "English"),
        ):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(self.language.findData(s.language), 0))
        self.language_note = QLabel(self.tr("The language changes at the next start."), self)
        self.language_note.setObjectName("settingsLanguageNote")

        params = QGroupBox(self.tr("Indicators"), self)
        form = QFormLayout(params)
        form.addRow(self.tr("Default buying committee size:"), self.committee)
        form.addRow(self.tr("Engagement window:"), self.window_days)
        form.addRow(self.tr("Default customer retention:"), self.retention)
        form.addRow(self.tr("Staff hourly cost:"), self.hourly)
        form.addRow(self.tr("Coverage risk threshold:"), self.risk)
        form.addRow(self.tr("Currency (ISO code):"), self.currency)
        people = QGroupBox(self.tr("This computer"), self)
        form2 = QFormLayout(people)
        form2.addRow(self.tr("Your name (logged with each interaction):"), self.user_name)
        form2.addRow(self.tr("Language:"), self.language)
        form2.addRow("", self.language_note)

        self.message = QLabel(self)
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(params)
        right.addWidget(people)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(types_box, 5)
        columns.addLayout(right, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.add_type_button.clicked.connect(self.add_type)
        self.new_key.returnPressed.connect(self.add_type)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(960, 520)
        self.resize(1040, 580)

    # --- reading the form ---------------------------------------------------------------

    def add_type(self) -> bool:
        key = self.new_key.text().strip().lower()
        label = self.new_label.text().strip()
        if not TYPE_KEY.match(key):
            self.message.setText(
                self.tr("A type key is lower-case letters, digits and “_”, like trade_show.")
            )
            return False
        if key in self.points_model.type_keys():
            self.message.setText(self.tr("The type “%1” exists already.").replace("%1", key))
            return False
        self.points_model.add_type(key, label or key.replace("_", " ").capitalize(), 0)
        self.points_model.set_points(key, self.new_points.value())
        self.new_key.clear()
        self.new_label.clear()
        self.message.clear()
        return True

    def values(self) -> dict[str, str]:
        """The settings whose value changed, as the text ``set_settings`` takes."""
        s = self.current
        out = dict(self.points_model.changed_points())
        candidates = {
            "default_committee_size": (str(self.committee.value()), str(s.default_committee_size)),
            "engagement_window_days": (
                str(self.window_days.value()),
                str(s.engagement_window_days),
            ),
            "default_retention_years": (
                repr(round(self.retention.value(), 1)),
                repr(float(s.default_retention_years)),
            ),
            "staff_hourly_cost": (
                repr(round(self.hourly.value(), 2)),
                repr(float(s.staff_hourly_cost)),
            ),
            "coverage_risk_threshold": (
                repr(round(self.risk.value() / 100, 4)),
                repr(round(s.coverage_risk_threshold, 4)),
            ),
            "currency": (self.currency.currentText().strip().upper(), s.currency),
            "user_name": (self.user_name.text().strip(), s.user_name),
            "language": (self.language.currentData() or "", s.language),
        }
        for key, (new, old) in candidates.items():
            if new != old:
                out[key] = new
        return out

    def accept(self) -> None:
        values = self.values()
        labels = self.points_model.new_labels()
        if values or labels:
            try:
                set_settings(self.ctx.engine, values, type_labels=labels)
            except AbmError as exc:
                self.message.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
                return
            self.ctx.announce(Changes(settings=True))
        super().accept()


def show_settings(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Open the preferences; True when something was saved."""
    dialog = SettingsDialog(ctx, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
