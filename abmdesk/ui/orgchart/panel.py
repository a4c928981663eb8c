"""The map's side panel (edit the selected person, see their interactions) and dialogs."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from abmdesk import domain
from abmdesk.services.records import InteractionRecord
from abmdesk.services.stakeholders import ChartPerson
from abmdesk.ui.formatting import Formatter
from abmdesk.ui.labels import attitude_label, role_label, type_label
from abmdesk.ui.models import Column, RecordTableModel, make_table_view, set_column_widths

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def role_combo(parent: QWidget, *, with_none: bool = True) -> QComboBox:
    combo = QComboBox(parent)
    if with_none:
        combo.addItem(QCoreApplication.translate("OrgChart", "No role"), None)
    for role in domain.ROLES:
        combo.addItem(role_label(role), role)
    return combo


def attitude_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("OrgChart", "Attitude unknown"), None)
    for attitude in domain.ATTITUDES:
        combo.addItem(attitude_label(attitude), attitude)
    return combo


def set_combo_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


class PersonDialog(QDialog):
    """Add a person (or an empty seat), or fill an empty seat: name, title, email…"""

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        fill: bool = False,
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapPersonDialog")
        self.setWindowTitle(title)
        self.fill = fill
        initial = initial or {}
        form = QFormLayout()
        self.name = QLineEdit(initial.get("full_name") or "", self)
        self.name.setObjectName("personName")
        self.title_edit = QLineEdit(initial.get("title") or "", self)
        self.title_edit.setObjectName("personTitle")
        self.email = QLineEdit(initial.get("email") or "", self)
        self.email.setObjectName("personEmail")
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Email:"), self.email)
        self.role = role_combo(self)
        self.attitude = attitude_combo(self)
        self.placeholder = QCheckBox(self.tr("Empty seat (the person is not known yet)"), self)
        self.placeholder.setObjectName("personPlaceholder")
        self.phone = QLineEdit(initial.get("phone") or "", self)
        if fill:  # only who the person is: the seat keeps the rest
            for widget in (self.phone, self.role, self.attitude, self.placeholder):
                widget.hide()
        else:
            form.addRow(self.tr("&Phone:"), self.phone)
            form.addRow(self.tr("&Role:"), self.role)
            form.addRow(self.tr("&Attitude:"), self.attitude)
            form.addRow("", self.placeholder)
            set_combo_data(self.role, initial.get("role"))
            set_combo_data(self.attitude, initial.get("attitude"))
            self.placeholder.setChecked(bool(initial.get("placeholder")))
        self.error = QLabel(self)
        self.error.setObjectName("personError")
        self.error.setStyleSheet("color: #C0392B")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if fill:
            hint = QLabel(self.tr("Who holds this seat? The role, manager and reports stay."))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "full_name": self.name.text().strip(),
            "title": self.title_edit.text().strip() or None,
            "email": self.email.text().strip() or None,
        }
        if not self.fill:
            out.update(
                phone=self.phone.text().strip() or None,
                role=self.role.currentData(),
                attitude=self.attitude.currentData(),
                placeholder=self.placeholder.isChecked(),
            )
        return out

    def problem(self) -> str:
        """What keeps the values from being saved, in the user's language ('' if none)."""
        return check_person(self.values())

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()


def check_person(values: dict[str, Any]) -> str:
    if "full_name" in values and not (values.get("full_name") or "").strip():
        return QCoreApplication.translate(
            "OrgChart", "A name is required (for an empty seat, the post: “CFO”)."
        )
    email = values.get("email")
    if email and not EMAIL.match(email):
        return QCoreApplication.translate("OrgChart", "“%1” is not an email address.").replace(
            "%1", email
        )
    return ""


class InfluenceDialog(QDialog):
    """Pick whom the selected person influences, and say how."""

    def __init__(
        self, source: str, people: Sequence[tuple[uuid.UUID, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapInfluenceDialog")
        self.setWindowTitle(self.tr("Influence of %1").replace("%1", source))
        self.target = QComboBox(self)
        self.target.setObjectName("influenceTarget")
        self.target.setEditable(True)
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for key, name in people:
            self.target.addItem(name, key)
        self.target.setCurrentIndex(-1)  # a choice, not the first name by default
        self.target.lineEdit().setPlaceholderText(self.tr("Type a name…"))
        completer = self.target.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.label = QLineEdit(self)
        self.label.setObjectName("influenceLabel")
        self.label.setPlaceholderText(self.tr("e.g. former colleague, trusted adviser"))
        form = QFormLayout()
        form.addRow(self.tr("&Influences:"), self.target)
        form.addRow(self.tr("&How:"), self.label)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #C0392B")
        self.error.hide()
        form.addRow("", self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def accept(self) -> None:
        if self.chosen()[0] is None:
            self.error.setText(self.tr("Pick a person from the list."))
            self.error.show()
            return
        super().accept()

    def chosen(self) -> tuple[uuid.UUID | None, str]:
        index = self.target.currentIndex()
        if index < 0 or self.target.itemText(index) != self.target.currentText():
            index = self.target.findText(self.target.currentText(), Qt.MatchFlag.MatchFixedString)
        key = self.target.itemData(index) if index >= 0 else None
        return key, self.label.text().strip()


class PersonPanel(QWidget):
    """Edit the selected person; below, that person's latest interactions."""

    #: (stakeholder id, field changes, new manager id or the string "same")
    apply_requested = Signal(object, object, object)
    fill_requested = Signal(object)

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapPersonPanel")
        self.fmt = fmt
        self.person: ChartPerson | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("mapPanelHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("mapPanelName")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("mapPanelTitle")
        self.email = QLineEdit(self)
        self.email.setObjectName("mapPanelEmail")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("mapPanelPhone")
        self.role = role_combo(self)
        self.role.setObjectName("mapPanelRole")
        self.attitude = attitude_combo(self)
        self.attitude.setObjectName("mapPanelAttitude")
        self.manager = QComboBox(self)
        self.manager.setObjectName("mapPanelManager")
        self.manager.setEditable(True)
        self.manager.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.manager.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.manager.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Title:"), self.title_edit)
        self.form.addRow(self.tr("Email:"), self.email)
        self.form.addRow(self.tr("Phone:"), self.phone)
        self.form.addRow(self.tr("Role:"), self.role)
        self.form.addRow(self.tr("Attitude:"), self.attitude)
        self.form.addRow(self.tr("Reports to:"), self.manager)
        self.error = QLabel(self)
        self.error.setObjectName("mapPanelError")
        self.error.setStyleSheet("color: #C0392B")
        self.error.setWordWrap(True)
        self.error.hide()
        self.save = QPushButton(self.tr("&Save changes"), self)
        self.save.setObjectName("mapPanelSave")
        self.save.setDefault(True)
        self.fill = QPushButton(self.tr("&Fill this seat…"), self)
        self.fill.setObjectName("mapPanelFill")
        buttons = QHBoxLayout()
        buttons.addWidget(self.fill)
        buttons.addStretch(1)
        buttons.addWidget(self.save)

        self.history_title = QLabel(self)
        self.history_title.setObjectName("mapPanelHistoryTitle")
        self.history_title.setFont(font)
        self.history = RecordTableModel(
            fmt,
            [
                Column("occurred_at", QT_TRANSLATE_NOOP("Columns", "Date")),
                Column("type_key", QT_TRANSLATE_NOOP("Columns", "Type")),
                Column("points", QT_TRANSLATE_NOOP("Columns", "Points"), align="right"),
                Column("notes", QT_TRANSLATE_NOOP("Columns", "Notes"), tooltip=True),
            ],
            {
                "occurred_at": lambda v: fmt.date(v.date()) if v else "",
                "type_key": lambda key: type_label(key) if key else "",
                "points": lambda v: fmt.integer(v),
                "notes": lambda v: (v or "").replace("\n", " "),
            },
            self,
        )
        self.history.sort_key, self.history.descending = "occurred_at", True
        self.history_view = make_table_view(self.history, "mapPanelHistory", self)
        set_column_widths(
            self.history_view, {"occurred_at": 11, "type_key": 17, "points": 6, "notes": 20}
        )
        self.empty = QLabel(self.tr("Select a card to edit the person and see their interactions."))
        self.empty.setObjectName("mapPanelEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty, 1)  # at the top, taking the room the list leaves
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history_view, 1)

        self.save.clicked.connect(self._apply)
        self.fill.clicked.connect(lambda: self.person and self.fill_requested.emit(self.person.id))
        for edit in (self.name, self.title_edit, self.email, self.phone):
            edit.returnPressed.connect(self._apply)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            self._revert,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.show_person(None, [], [], 0)

    def _widgets(self) -> list[QWidget]:
        return [
            self.name,
            self.title_edit,
            self.email,
            self.phone,
            self.role,
            self.attitude,
            self.manager,
            self.save,
        ]

    def show_person(
        self,
        person: ChartPerson | None,
        people: Sequence[ChartPerson],
        interactions: Sequence[InteractionRecord],
        total: int,
    ) -> None:
        self.person = person
        self.error.hide()
        editing = person is not None
        for w in self._widgets():
            w.setVisible(editing)
        for row in range(self.form.rowCount()):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and label.widget() is not None:
                label.widget().setVisible(editing)
        self.empty.setVisible(not editing)
        self.history_title.setVisible(editing)
        self.history_view.setVisible(editing)
        self.fill.setVisible(editing and bool(person and person.placeholder))
        if person is None:
            self.heading.setText(self.tr("No one selected"))
            self.history.set_rows([])
            return
        self.heading.setText(
            self.tr("Empty seat: %1").replace("%1", person.full_name)
            if person.placeholder
            else person.full_name
        )
        self.name.setText(person.full_name)
        self.title_edit.setText(person.title or "")
        self.email.setText(person.email or "")
        self.phone.setText(person.phone or "")
        for edit in (self.name, self.title_edit, self.email, self.phone):
            edit.setCursorPosition(0)
        set_combo_data(self.role, person.role)
        set_combo_data(self.attitude, person.attitude)
        self.manager.blockSignals(True)
        self.manager.clear()
        self.manager.addItem(self.tr("No one (top level)"), None)
        below = _reports_of(person.id, people)
        for other in sorted(people, key=lambda p: p.full_name.casefold()):
            if other.id != person.id and other.id not in below:
                # Text keys: a QVariant holding a Python UUID compares by identity.
                self.manager.addItem(other.full_name, str(other.id))
        if person.manager_id is None:
            self.manager.setCurrentIndex(0)
        else:
            set_combo_data(self.manager, str(person.manager_id))
        self.manager.blockSignals(False)
        self.history.set_rows(list(interactions))
        if person.placeholder:
            self.history_title.setText(self.tr("No interactions with an empty seat"))
        elif total > len(interactions):
            self.history_title.setText(
                self.tr("Interactions (latest %1 of %2)")
                .replace("%1", self.fmt.integer(len(interactions)))
                .replace("%2", self.fmt.integer(total))
            )
        else:
            self.history_title.setText(
                self.tr("Interactions (%1)").replace("%1", self.fmt.integer(total))
            )

    def changes(self) -> tuple[dict[str, Any], object]:
        """The edited fields that differ, and the new manager ("same" if unchanged)."""
        p = self.person
        if p is None:
            return {}, "same"
        values = {
            "full_name": self.name.text().strip(),
            "title": self.title_edit.text().strip() or None,
            "email": self.email.text().strip() or None,
            "phone": self.phone.text().strip() or None,
            "role": self.role.currentData(),
            "attitude": self.attitude.currentData(),
        }
        changed = {k: v for k, v in values.items() if v != getattr(p, k)}
        return changed, ("same" if (manager := self.chosen_manager()) == p.manager_id else manager)

    def chosen_manager(self) -> uuid.UUID | None:
        """The manager picked (or typed) in the combo; the person's own when unclear."""
        combo = self.manager
        index = combo.currentIndex()
        if index < 0 or combo.itemText(index) != combo.currentText():
            index = combo.findText(combo.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return self.person.manager_id if self.person else None
        data = combo.itemData(index)
        return uuid.UUID(data) if data else None

    def _apply(self) -> None:
        if self.person is None:
            return
        changed, manager = self.changes()
        problem = check_person(changed)
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.error.hide()
        if changed or manager != "same":
            self.apply_requested.emit(self.person.id, changed, manager)

    def _revert(self) -> None:
        if self.person is not None:
            self.name.setText(self.person.full_name)
            self.error.hide()

    def focus_name(self) -> None:
        self.name.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.name.selectAll()


def _reports_of(key: uuid.UUID, people: Sequence[ChartPerson]) -> set[uuid.UUID]:
    """Everyone below ``key`` (who cannot become their manager)."""
    kids: dict[uuid.UUID, list[uuid.UUID]] = {}
    for p in people:
        if p.manager_id is not None:
            kids.setdefault(p.manager_id, []).append(p.id)
    out: set[uuid.UUID] = set()
    stack = list(kids.get(key, []))
    while stack:
        k = stack.pop()
        if k not in out:
            out.add(k)
            stack.extend(kids.get(k, []))
    return out
