"""The account form (create and edit) and the confirmation of a deletion.

The form checks nothing itself: it hands an ``AccountInput`` to ``submit`` (a service
call), and a refused value (``FieldError``) is said in the user's language next to the
field, with the focus on it; the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from abmdesk.errors import AbmError
from abmdesk.services.accounts import AccountDependents, AccountInput, FieldError
from abmdesk.services.records import AccountRecord
from abmdesk.ui.formatting import from_qdate, to_qdate

ERROR_STYLE = "color: #b00020;"


def settle(dialog: QDialog, message: QLabel) -> None:
    """Fix the dialog's size before it is shown: room for a two-line message kept, and no
    size constraint pushed onto the native window afterwards (platforms without size
    hints, like offscreen, warn on every change)."""
    message.setMinimumHeight(2 * message.fontMetrics().lineSpacing())
    layout = dialog.layout()
    if layout is not None:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    hint = dialog.sizeHint().expandedTo(dialog.minimumSize())
    dialog.setMinimumSize(hint)
    dialog.resize(hint)


_FIELD_MESSAGES: dict[tuple[str, str], str] = {
    ("name", "required"): QT_TRANSLATE_NOOP("FieldError", "A name is required."),
    ("name", "duplicate"): QT_TRANSLATE_NOOP(
        "FieldError", "The name “%1” is already taken. Choose another name."
    ),
    ("domain", "invalid"): QT_TRANSLATE_NOOP(
        "FieldError", "This is not a web domain (example: acme.fr)."
    ),
    ("employees", "negative"): QT_TRANSLATE_NOOP(
        "FieldError", "The number of employees cannot be negative."
    ),
    ("committee_size", "not_positive"): QT_TRANSLATE_NOOP(
        "FieldError", "The committee size must be at least 1."
    ),
    ("retention_years", "not_positive"): QT_TRANSLATE_NOOP(
        "FieldError", "The retention must be more than 0 years."
    ),
    ("amount_cents", "negative"): QT_TRANSLATE_NOOP("FieldError", "The amount cannot be negative."),
    ("amount_cents", "invalid"): QT_TRANSLATE_NOOP("FieldError", "The amount is too large."),
    ("amount_cents", "required"): QT_TRANSLATE_NOOP("FieldError", "An amount is required."),
    ("annual_value_cents", "negative"): QT_TRANSLATE_NOOP(
        "FieldError", "The annual value cannot be negative."
    ),
    ("annual_value_cents", "required"): QT_TRANSLATE_NOOP(
        "FieldError", "An annual value is required."
    ),
    ("annual_value_cents", "invalid"): QT_TRANSLATE_NOOP(
        "FieldError", "The annual value is too large."
    ),
    ("end_date", "invalid"): QT_TRANSLATE_NOOP(
        "FieldError", "The end date is before the start date."
    ),
    ("closed_at", "before_open"): QT_TRANSLATE_NOOP(
        "FieldError", "The closing date is before the deal was opened."
    ),
    ("created_at", "invalid"): QT_TRANSLATE_NOOP(
        "FieldError", "A deal cannot be opened after it was closed."
    ),
    ("account_id", "required"): QT_TRANSLATE_NOOP("FieldError", "Choose an account."),
    ("account_id", "not_found"): QT_TRANSLATE_NOOP("FieldError", "This account no longer exists."),
    ("status", "closed"): QT_TRANSLATE_NOOP("FieldError", "This deal is already closed."),
    ("stage", "same_stage"): QT_TRANSLATE_NOOP("FieldError", "The deal is already at this stage."),
    ("entered_at", "invalid"): QT_TRANSLATE_NOOP(
        "FieldError", "This is before the deal's latest stage change."
    ),
    ("id", "not_found"): QT_TRANSLATE_NOOP(
        "FieldError", "This record no longer exists (deleted meanwhile?)."
    ),
}


def field_error_text(exc: AbmError) -> str:
    """A refused value, said in the user's language (the service's English otherwise)."""
    if not isinstance(exc, FieldError):
        return str(exc)
    source = _FIELD_MESSAGES.get((exc.field, exc.code))
    if source is None:
        return str(exc)
    value = "" if exc.value is None else str(exc.value)
    return QCoreApplication.translate("FieldError", source).replace("%1", value)


def dependents_text(deps: AccountDependents) -> str:
    """``3 stakeholders, 12 interactions and 1 deal`` (only the kinds there are)."""
    parts = []
    if deps.stakeholders:
        parts.append(
            QCoreApplication.translate("AccountDialogs", "%n stakeholder(s)", "", deps.stakeholders)
        )
    if deps.interactions:
        parts.append(
            QCoreApplication.translate("AccountDialogs", "%n interaction(s)", "", deps.interactions)
        )
    if deps.deals:
        parts.append(QCoreApplication.translate("AccountDialogs", "%n deal(s)", "", deps.deals))
    if deps.contracts:
        parts.append(
            QCoreApplication.translate("AccountDialogs", "%n contract(s)", "", deps.contracts)
        )
    if deps.costs:
        parts.append(QCoreApplication.translate("AccountDialogs", "%n cost(s)", "", deps.costs))
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return (
        QCoreApplication.translate("AccountDialogs", "%1 and %2")
        .replace("%1", ", ".join(parts[:-1]))
        .replace("%2", parts[-1])
    )


def delete_account_message(name: str, deps: AccountDependents) -> tuple[str, str]:
    """(question, details) of the confirmation."""
    question = QCoreApplication.translate("AccountDialogs", "Delete the account “%1”?").replace(
        "%1", name
    )
    listed = dependents_text(deps)
    if listed:
        details = QCoreApplication.translate(
            "AccountDialogs", "This also deletes its %1. You can undo it with Ctrl+Z."
        ).replace("%1", listed)
    else:
        details = QCoreApplication.translate(
            "AccountDialogs", "Nothing else is attached to it. You can undo it with Ctrl+Z."
        )
    return question, details


def ask_delete_account(parent: QWidget | None, name: str, deps: AccountDependents) -> bool:
    """The confirmation box; True when the user confirms (tests replace this function)."""
    question, details = delete_account_message(name, deps)
    box = QMessageBox(parent)
    box.setObjectName("deleteAccountConfirm")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("AccountDialogs", "Delete an account"))
    box.setText(question)
    box.setInformativeText(details)
    delete = box.addButton(
        QCoreApplication.translate("AccountDialogs", "Delete"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def _editable_combo(values: Sequence[str], name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("")
    combo.addItems(list(values))
    combo.lineEdit().setClearButtonEnabled(True)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.setMinimumContentsLength(16)
    if combo.completer() is not None:
        combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    return combo


class AccountDialog(QDialog):
    """Create (``record`` None) or edit an account; ``submit`` does the service call."""

    def __init__(
        self,
        submit: Callable[[AccountInput], Any],
        record: AccountRecord | None = None,
        *,
        sectors: Sequence[str] = (),
        tiers: Sequence[str] = (),
        owners: Sequence[str] = (),
        default_committee_size: int = 6,
        default_retention_years: float = 5,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("New account") if record is None else self.tr("Edit account"))
        self.setMinimumWidth(480)
        self._submit = submit
        self.result_value: Any = None

        self.name = QLineEdit(self)
        self.name.setObjectName("accountName")
        self.name.setPlaceholderText(self.tr("Company name (required)"))
        self.domain = QLineEdit(self)
        self.domain.setObjectName("accountDomain")
        self.domain.setPlaceholderText(self.tr("example: acme.fr"))
        self.sector = _editable_combo(sectors, "accountSector", self)
        self.employees = QSpinBox(self)
        self.employees.setObjectName("accountEmployees")
        self.employees.setRange(-1, 10_000_000)
        self.employees.setSpecialValueText(self.tr("Unknown"))
        self.employees.setGroupSeparatorShown(True)
        self.employees.setValue(-1)
        self.country = QLineEdit(self)
        self.country.setObjectName("accountCountry")
        self.tier = _editable_combo(tiers, "accountTier", self)
        self.owner = _editable_combo(owners, "accountOwner", self)

        self.is_target = QCheckBox(self.tr("ABM &target account"), self)
        self.is_target.setObjectName("accountIsTarget")
        self.target_since = QDateEdit(self)
        self.target_since.setObjectName("accountTargetSince")
        self.target_since.setCalendarPopup(True)
        self.target_since.setDate(QDate.currentDate())
        self.target_since.setEnabled(False)
        since_label = QLabel(self.tr("since"), self)
        target_row = QHBoxLayout()
        target_row.addWidget(self.is_target)
        target_row.addSpacing(12)
        target_row.addWidget(since_label)
        target_row.addWidget(self.target_since)
        target_row.addStretch(1)
        self.is_target.toggled.connect(self._on_target_toggled)

        self.committee_size = QSpinBox(self)
        self.committee_size.setObjectName("accountCommitteeSize")
        self.committee_size.setRange(0, 500)
        self.committee_size.setSpecialValueText(
            self.tr("Default (%1)").replace("%1", str(default_committee_size))
        )
        self.retention = QDoubleSpinBox(self)
        self.retention.setObjectName("accountRetention")
        self.retention.setRange(0, 100)
        self.retention.setDecimals(1)
        self.retention.setSingleStep(0.5)
        self.retention.setSpecialValueText(
            self.tr("Default (%1 years)").replace(
                "%1", self.locale().toString(float(default_retention_years), "g", 3)
            )
        )
        self.retention.setSuffix(self.tr(" years"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Web domain:"), self.domain)
        form.addRow(self.tr("&Sector:"), self.sector)
        form.addRow(self.tr("&Employees:"), self.employees)
        form.addRow(self.tr("&Country:"), self.country)
        form.addRow(self.tr("T&ier:"), self.tier)
        form.addRow(self.tr("&Owner:"), self.owner)
        form.addRow(self.tr("ABM:"), target_row)
        form.addRow(self.tr("Buying &committee:"), self.committee_size)
        form.addRow(self.tr("&Retention:"), self.retention)
        self.form = form

        self.message = QLabel(self)
        self.message.setObjectName("accountDialogMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        if record is not None:
            self._load(record)
        self.name.textChanged.connect(lambda _t: self.message.clear())
        settle(self, self.message)
        self.name.setFocus()

    def _load(self, r: AccountRecord) -> None:
        self.name.setText(r.name)
        self.domain.setText(r.domain or "")
        self.sector.setEditText(r.sector or "")
        self.employees.setValue(-1 if r.employees is None else r.employees)
        self.country.setText(r.country or "")
        self.tier.setEditText(r.tier or "")
        self.owner.setEditText(r.owner or "")
        self.is_target.blockSignals(True)
        self.is_target.setChecked(r.is_target)
        self.is_target.blockSignals(False)
        self.target_since.setEnabled(r.is_target)
        if r.target_since is not None:
            self.target_since.setDate(to_qdate(r.target_since))
        self.committee_size.setValue(r.committee_size or 0)
        self.retention.setValue(r.retention_years or 0)

    def _on_target_toggled(self, checked: bool) -> None:
        self.target_since.setEnabled(checked)
        if checked:
            self.target_since.setDate(QDate.currentDate())  # proposes today

    def value(self) -> AccountInput:
        employees = self.employees.value()
        committee = self.committee_size.value()
        retention = self.retention.value()
        target = self.is_target.isChecked()
        return AccountInput(
            name=self.name.text(),
            domain=self.domain.text(),
            sector=self.sector.currentText(),
            employees=None if employees < 0 else employees,
            country=self.country.text(),
            tier=self.tier.currentText(),
            is_target=target,
            target_since=from_qdate(self.target_since.date()) if target else None,
            committee_size=committee or None,
            retention_years=retention or None,
            owner=self.owner.currentText(),
        )

    def _field_widget(self, name: str) -> QWidget | None:
        return {
            "name": self.name,
            "domain": self.domain,
            "employees": self.employees,
            "committee_size": self.committee_size,
            "retention_years": self.retention,
        }.get(name)

    def show_error(self, exc: AbmError) -> None:
        self.message.setText(field_error_text(exc))
        widget = self._field_widget(getattr(exc, "field", ""))
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def accept(self) -> None:
        try:
            self.result_value = self._submit(self.value())
        except AbmError as exc:
            self.show_error(exc)
            return
        super().accept()
