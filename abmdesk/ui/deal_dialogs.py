"""Deal, closing (won/lost with the contract) and cost forms.

Amounts are typed in the currency with the locale's separators and handed to the
services as integer cents; as in the account form, the service's refusal is shown in
the dialog, next to the field, and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
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
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from abmdesk import domain
from abmdesk.errors import AbmError
from abmdesk.services.pipeline import ContractInput, CostInput, CostRecord, DealInput
from abmdesk.services.records import AccountChoice, DealRecord
from abmdesk.ui.account_dialogs import ERROR_STYLE, field_error_text, settle
from abmdesk.ui.formatting import from_qdate, to_qdate
from abmdesk.ui.labels import status_label

MAX_AMOUNT = 10_000_000_000.0

CONTEXT = "Pipeline"
PROGRAM_TEXTS = {
    "abm": QT_TRANSLATE_NOOP("Pipeline", "ABM programme"),
    "other": QT_TRANSLATE_NOOP("Pipeline", "Other programme"),
}
CATEGORY_TEXTS = {
    "staff": QT_TRANSLATE_NOOP("Pipeline", "Staff"),
    "tools": QT_TRANSLATE_NOOP("Pipeline", "Tools"),
    "content": QT_TRANSLATE_NOOP("Pipeline", "Content"),
    "campaign": QT_TRANSLATE_NOOP("Pipeline", "Campaign"),
    "events": QT_TRANSLATE_NOOP("Pipeline", "Events"),
    "other": QT_TRANSLATE_NOOP("Pipeline", "Other"),
}
KIND_TEXTS = {
    "new": QT_TRANSLATE_NOOP("Pipeline", "New contract"),
    "upsell": QT_TRANSLATE_NOOP("Pipeline", "Upsell"),
}


def _label(texts: dict[str, str], key: str | None) -> str:
    if not key:
        return ""
    return QCoreApplication.translate(CONTEXT, texts[key]) if key in texts else key


def program_text(key: str | None) -> str:
    return _label(PROGRAM_TEXTS, key)


def category_text(key: str | None) -> str:
    return _label(CATEGORY_TEXTS, key)


def kind_text(key: str | None) -> str:
    return _label(KIND_TEXTS, key)


def to_cents(value: float) -> int:
    """An amount typed in a spin box as exact cents (half up)."""
    return int((Decimal(str(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def money_box(name: str, symbol: str, parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setObjectName(name)
    box.setRange(0, MAX_AMOUNT)
    box.setDecimals(2)
    box.setSingleStep(100)
    box.setGroupSeparatorShown(True)
    box.setSuffix(f" {symbol}")
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    box.setMinimumWidth(160)
    return box


def date_box(name: str, day: dt.date | None, parent: QWidget) -> QDateEdit:
    box = QDateEdit(parent)
    box.setObjectName(name)
    box.setCalendarPopup(True)
    box.setDate(to_qdate(day) if day else QDate.currentDate())
    return box


def account_combo(
    choices: Sequence[AccountChoice], name: str, parent: QWidget, *, optional: bool = False
) -> QComboBox:
    """An editable account picker with completion (the empty entry when optional)."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMaxVisibleItems(20)
    if optional:
        combo.addItem("", None)
    for choice in choices:
        combo.addItem(choice.name, choice.id)
    completer = combo.completer()
    if completer is not None:
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setMinimumWidth(280)
    return combo


def find_data(combo: QComboBox, value: object) -> int:
    """The row whose item data equals ``value`` (QComboBox.findData cannot compare ids)."""
    for row in range(combo.count()):
        if combo.itemData(row) == value:
            return row
    return -1


def combo_account(combo: QComboBox) -> uuid.UUID | None | bool:
    """The picked account id; None for none; False when the text names no account."""
    text = combo.currentText().strip()
    if not text:
        return None
    index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
    if index < 0:
        return False
    return combo.itemData(index)


class _FormDialog(QDialog):
    """A form with an error line and Save/Cancel; ``accept`` calls ``_submit``."""

    def __init__(self, name: str, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.result_value: Any = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}Message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.fields: dict[str, QWidget] = {}

    def finish_layout(self, *extra: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        settle(self, self.message)

    def show_text(self, text: str, field_name: str = "") -> None:
        self.message.setText(text)
        widget = self.fields.get(field_name)
        if widget is not None:
            widget.setFocus()

    def show_error(self, exc: AbmError) -> None:
        self.show_text(field_error_text(exc), getattr(exc, "field", ""))

    def _submit(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self._submit()
        except AbmError as exc:
            self.show_error(exc)
            return
        if self.result_value is False:  # the form said why already
            return
        super().accept()


class DealDialog(_FormDialog):
    """Create (``record`` None) or edit a deal; ``submit(DealInput)`` saves it."""

    def __init__(
        self,
        submit: Callable[[DealInput], Any],
        accounts: Sequence[AccountChoice],
        record: DealRecord | None = None,
        *,
        account_id: uuid.UUID | None = None,
        currency_symbol: str = "€",
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New deal") if record is None else self.tr("Edit deal")
        super().__init__("dealDialog", title, parent)
        self._submit_fn = submit
        self._record = record
        self.account = account_combo(accounts, "dealAccount", self)
        self.name = QLineEdit(self)
        self.name.setObjectName("dealName")
        self.name.setPlaceholderText(self.tr("What is being sold (required)"))
        self.created = date_box("dealCreated", record.created_at.date() if record else None, self)
        self.amount = money_box("dealAmount", currency_symbol, self)
        self.owner = QLineEdit(self)
        self.owner.setObjectName("dealOwner")
        self.form.addRow(self.tr("&Account:"), self.account)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Opened on:"), self.created)
        self.form.addRow(self.tr("A&mount:"), self.amount)
        self.form.addRow(self.tr("O&wner:"), self.owner)
        self.fields = {
            "account_id": self.account,
            "name": self.name,
            "created_at": self.created,
            "amount_cents": self.amount,
        }
        if record is not None:
            self.account.setCurrentIndex(find_data(self.account, record.account_id))
            self.name.setText(record.name)
            self.amount.setValue((record.amount_cents or 0) / 100)
            self.owner.setText(record.owner or "")
            if record.status != "open":
                note = QLabel(
                    self.tr("This deal is %1 (closed on %2).")
                    .replace("%1", status_label(record.status).lower())
                    .replace("%2", self.locale().toString(to_qdate(record.closed_at.date())))
                    if record.closed_at
                    else "",
                    self,
                )
                self.form.addRow("", note)
        elif account_id is not None:
            self.account.setCurrentIndex(find_data(self.account, account_id))
        else:
            self.account.setCurrentIndex(-1)
            self.account.setEditText("")
        self.finish_layout()
        (self.name if record is not None or account_id is not None else self.account).setFocus()

    def value(self) -> DealInput | None:
        account = combo_account(self.account)
        if not account:
            self.show_text(
                self.tr("Choose an account from the list.")
                if account is False
                else self.tr("Choose an account."),
                "account_id",
            )
            return None
        day = from_qdate(self.created.date())
        if self._record is not None and self._record.created_at.date() == day:
            created = self._record.created_at  # the date is unchanged: keep the time
        elif day == dt.date.today():
            created = dt.datetime.now().replace(microsecond=0)
        else:
            created = dt.datetime.combine(day, dt.time(9, 0))
        amount = self.amount.value()
        return DealInput(
            account_id=account,  # type: ignore[arg-type]
            name=self.name.text(),
            created_at=created,
            amount_cents=to_cents(amount) if amount or self._record is None else None,
            owner=self.owner.text(),
        )

    def _submit(self) -> Any:
        data = self.value()
        if data is None:
            return False
        return self._submit_fn(data)


class CloseDealDialog(_FormDialog):
    """Won or lost: the date and the final amount; a win offers the contract."""

    def __init__(
        self,
        submit: Callable[[str, dt.date, int, ContractInput | None], Any],
        deal: DealRecord,
        status: str,
        *,
        default_kind: str = "new",
        currency_symbol: str = "€",
        parent: QWidget | None = None,
    ) -> None:
        won = status == "won"
        title = self.tr("Deal won") if won else self.tr("Deal lost")
        super().__init__("closeDealDialog", title, parent)
        self._submit_fn = submit
        self.deal = deal
        self.status = status
        intro = QLabel(
            (self.tr("“%1” with %2 is won.") if won else self.tr("“%1” with %2 is lost."))
            .replace("%1", deal.name)
            .replace("%2", deal.account_name),
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.closed = date_box("closeDealDate", dt.date.today(), self)
        self.closed.setMinimumDate(to_qdate(deal.created_at.date()))
        self.amount = money_box("closeDealAmount", currency_symbol, self)
        self.amount.setValue((deal.amount_cents or 0) / 100)
        self.form.addRow(self.tr("&Closed on:") if won else self.tr("&Lost on:"), self.closed)
        self.form.addRow(self.tr("&Final amount:") if won else self.tr("&Amount:"), self.amount)
        self.fields = {"closed_at": self.closed, "amount_cents": self.amount}

        self.contract_box = QGroupBox(self.tr("Create the contract"), self)
        self.contract_box.setObjectName("closeDealContract")
        self.contract_box.setCheckable(True)
        self.contract_box.setChecked(won)
        self.kind = QComboBox(self)
        self.kind.setObjectName("contractKind")
        for key in domain.CONTRACT_KINDS:
            self.kind.addItem(kind_text(key), key)
        self.kind.setCurrentIndex(self.kind.findData(default_kind))
        self.annual = money_box("contractAnnualValue", currency_symbol, self)
        self.annual.setValue(self.amount.value())
        self.start = date_box("contractStart", dt.date.today(), self)
        self.has_end = QCheckBox(self.tr("Ends on"), self)
        self.has_end.setObjectName("contractHasEnd")
        self.end = date_box("contractEnd", dt.date.today() + dt.timedelta(days=365), self)
        self.end.setEnabled(False)
        self.has_end.toggled.connect(self.end.setEnabled)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.end, 1)
        contract_form = QFormLayout(self.contract_box)
        contract_form.addRow(self.tr("&Kind:"), self.kind)
        contract_form.addRow(self.tr("Annual &value:"), self.annual)
        contract_form.addRow(self.tr("&Starts on:"), self.start)
        contract_form.addRow(self.tr("End:"), end_row)
        self.fields.update(
            {"annual_value_cents": self.annual, "end_date": self.end, "kind": self.kind}
        )
        # The contract follows the deal's amount and date until the user changes it.
        self._annual_touched = False
        self._start_touched = False
        self.amount.valueChanged.connect(self._amount_changed)
        self.closed.dateChanged.connect(self._date_changed)
        self.annual.valueChanged.connect(lambda _v: self._touch("annual"))
        self.start.dateChanged.connect(lambda _d: self._touch("start"))
        self._following = False
        if not won:
            self.contract_box.hide()
        self.finish_layout(self.contract_box)
        self.closed.setFocus()

    def _touch(self, which: str) -> None:
        if self._following:
            return
        if which == "annual":
            self._annual_touched = True
        else:
            self._start_touched = True

    def _amount_changed(self, value: float) -> None:
        if not self._annual_touched:
            self._following = True
            self.annual.setValue(value)
            self._following = False

    def _date_changed(self, day: QDate) -> None:
        if not self._start_touched:
            self._following = True
            self.start.setDate(day)
            self._following = False

    def contract(self) -> ContractInput | None:
        if self.status != "won" or not self.contract_box.isChecked():
            return None
        return ContractInput(
            account_id=self.deal.account_id,
            kind=self.kind.currentData(),
            annual_value_cents=to_cents(self.annual.value()),
            start_date=from_qdate(self.start.date()),
            end_date=from_qdate(self.end.date()) if self.has_end.isChecked() else None,
        )

    def _submit(self) -> Any:
        return self._submit_fn(
            self.status,
            from_qdate(self.closed.date()),
            to_cents(self.amount.value()),
            self.contract(),
        )


class CostDialog(_FormDialog):
    """Create (``record`` None) or edit a cost; ``submit(CostInput)`` saves it."""

    def __init__(
        self,
        submit: Callable[[CostInput], Any],
        accounts: Sequence[AccountChoice],
        record: CostRecord | None = None,
        *,
        currency_symbol: str = "€",
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New cost") if record is None else self.tr("Edit cost")
        super().__init__("costDialog", title, parent)
        self._submit_fn = submit
        self.date = date_box("costDate", record.date if record else None, self)
        self.amount = money_box("costAmount", currency_symbol, self)
        self.program = QComboBox(self)
        self.program.setObjectName("costProgram")
        for key in domain.COST_PROGRAMS:
            self.program.addItem(program_text(key), key)
        self.category = QComboBox(self)
        self.category.setObjectName("costCategory")
        self.category.addItem(self.tr("(none)"), None)
        for key in domain.COST_CATEGORIES:
            self.category.addItem(category_text(key), key)
        self.account = account_combo(accounts, "costAccount", self, optional=True)
        self.account.lineEdit().setPlaceholderText(self.tr("No account (shared by all targets)"))
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("costDescription")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.form.addRow(self.tr("&Date:"), self.date)
        self.form.addRow(self.tr("A&mount:"), self.amount)
        self.form.addRow(self.tr("&Programme:"), self.program)
        self.form.addRow(self.tr("&Category:"), self.category)
        self.form.addRow(self.tr("A&ccount:"), self.account)
        self.form.addRow(self.tr("D&escription:"), self.description)
        self.fields = {
            "date": self.date,
            "amount_cents": self.amount,
            "account_id": self.account,
            "category": self.category,
        }
        if record is not None:
            self.amount.setValue(record.amount_cents / 100)
            self.program.setCurrentIndex(self.program.findData(record.program))
            self.category.setCurrentIndex(max(0, self.category.findData(record.category)))
            self.account.setCurrentIndex(max(0, find_data(self.account, record.account_id)))
            self.description.setPlainText(record.description or "")
        self.finish_layout()
        self.amount.setFocus()
        self.amount.selectAll()

    def value(self) -> CostInput | None:
        account = combo_account(self.account)
        if account is False:
            self.show_text(self.tr("Choose an account from the list, or none."), "account_id")
            return None
        return CostInput(
            date=from_qdate(self.date.date()),
            amount_cents=to_cents(self.amount.value()),
            program=self.program.currentData(),
            category=self.category.currentData(),
            account_id=account,  # type: ignore[arg-type]
            description=self.description.toPlainText(),
        )

    def _submit(self) -> Any:
        data = self.value()
        if data is None:
            return False
        return self._submit_fn(data)
