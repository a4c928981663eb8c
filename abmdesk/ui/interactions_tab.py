"""The interactions tab: the quick-log form on top, the history (paged) below."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from abmdesk.errors import AbmError
from abmdesk.services import records
from abmdesk.services.interactions import log_interaction
from abmdesk.services.records import InteractionRecord
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.formatting import from_qdatetime
from abmdesk.ui.labels import type_label
from abmdesk.ui.models import (
    KEY_ROLE,
    ChoiceListModel,
    Column,
    PagedTableModel,
    make_table_view,
    set_column_widths,
)

HEADLESS_PLATFORMS = ("offscreen", "minimal")


class InteractionsModel(PagedTableModel):
    """The history, newest first; only the date column sorts (it is indexed)."""

    columns = (
        Column("occurred_at", QT_TRANSLATE_NOOP("Columns", "Date")),
        Column("account", QT_TRANSLATE_NOOP("Columns", "Account"), sortable=False),
        Column("stakeholder", QT_TRANSLATE_NOOP("Columns", "Stakeholder"), sortable=False),
        Column("type", QT_TRANSLATE_NOOP("Columns", "Type"), sortable=False),
        Column("points", QT_TRANSLATE_NOOP("Columns", "Points"), align="right", sortable=False),
        Column("duration", QT_TRANSLATE_NOOP("Columns", "Duration"), align="right", sortable=False),
        Column("logged_by", QT_TRANSLATE_NOOP("Columns", "Logged by"), sortable=False),
        Column("notes", QT_TRANSLATE_NOOP("Columns", "Notes"), sortable=False, tooltip=True),
    )

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx.fmt, parent)
        self.ctx = ctx
        self.account_id: uuid.UUID | None = None
        self.sort_key, self.descending = "occurred_at", True
        self.reload()

    def set_account_filter(self, account_id: uuid.UUID | None) -> None:
        if account_id != self.account_id:
            self.account_id = account_id
            self.reload()

    def fetch_page(self, last: InteractionRecord | None, limit: int) -> list[InteractionRecord]:
        return records.interaction_page(
            self.ctx.engine,
            after=records.cursor_of(last) if last is not None else None,
            limit=limit,
            ascending=not self.descending,
            account_id=self.account_id,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if descending != self.descending:
            self.descending = descending
            self.reload()

    def display(self, row: InteractionRecord, key: str) -> str:
        fmt = self.fmt
        if key == "occurred_at":
            return fmt.datetime(row.occurred_at)
        if key == "account":
            return row.account_name
        if key == "stakeholder":
            return row.stakeholder_name or ""
        if key == "type":
            return type_label(row.type_key, row.type_label)
        if key == "points":
            return fmt.integer(row.points)
        if key == "duration":
            return fmt.duration(row.duration_minutes)
        if key == "logged_by":
            return row.logged_by or ""
        if key == "notes":
            return (row.notes or "").replace("\n", " ")
        return ""

    def raw(self, row: InteractionRecord, key: str) -> object:
        values = {
            "occurred_at": row.occurred_at.isoformat(timespec="seconds"),
            "account": row.account_name,
            "stakeholder": row.stakeholder_name,
            "type": row.type_key,
            "points": row.points,
            "duration": row.duration_minutes,
            "logged_by": row.logged_by,
            "notes": row.notes,
        }
        return values.get(key)


class QuickLogForm(QGroupBox):
    """Log an interaction in a few keystrokes; Enter saves (SPEC 5 handles)."""

    saved = Signal(object)  # InteractionRecord
    account_changed = Signal(object)  # uuid.UUID | None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickLogForm")
        self.setTitle(self.tr("Quick log (Ctrl+L)"))
        self.ctx = ctx

        self.account_model = ChoiceListModel(self)
        self.account = QComboBox(self)
        self.account.setObjectName("quickLogAccount")
        self.account.setEditable(True)
        self.account.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account.setModel(self.account_model)
        self.account.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.account.setMinimumContentsLength(28)
        self.account.setMaxVisibleItems(15)
        self.account.lineEdit().setPlaceholderText(self.tr("Type an account name…"))
        completer = QCompleter(self.account_model, self.account)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        if QGuiApplication.platformName() in HEADLESS_PLATFORMS:
            # No popups there (no raise, no keyboard grab): complete in the field.
            completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        else:
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.account.setCompleter(completer)

        self.stakeholder = QComboBox(self)
        self.stakeholder.setObjectName("quickLogStakeholder")
        self.stakeholder.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.stakeholder.setMinimumContentsLength(24)

        self.type = QComboBox(self)
        self.type.setObjectName("quickLogType")
        self.type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.when = QDateTimeEdit(self)
        self.when.setObjectName("quickLogWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(self._date_time_format())
        self.when.setDateTime(QDateTime.currentDateTime())

        self.duration = QSpinBox(self)
        self.duration.setObjectName("quickLogDuration")
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("none"))
        self.duration.setToolTip(self.tr("Time spent, in minutes (0: not recorded)"))

        self.notes = QLineEdit(self)
        self.notes.setObjectName("quickLogNotes")
        self.notes.setPlaceholderText(self.tr("What happened, what comes next…"))
        self.notes.setClearButtonEnabled(True)

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("quickLogSave")
        self.save_button.setToolTip(self.tr("Save the interaction (Enter)"))
        self.save_button.setAutoDefault(False)

        self.message = QLabel(self)
        self.message.setObjectName("quickLogMessage")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        row1 = QHBoxLayout()
        row1.addWidget(self.account, 3)
        stakeholder_label = QLabel(self.tr("&Stakeholder:"), self)
        stakeholder_label.setBuddy(self.stakeholder)
        row1.addWidget(stakeholder_label)
        row1.addWidget(self.stakeholder, 2)
        account_label = QLabel(self.tr("&Account:"), self)
        account_label.setBuddy(self.account)
        form.addRow(account_label, row1)

        row2 = QHBoxLayout()
        row2.addWidget(self.type, 2)
        when_label = QLabel(self.tr("&When:"), self)
        when_label.setBuddy(self.when)
        row2.addWidget(when_label)
        row2.addWidget(self.when, 1)
        duration_label = QLabel(self.tr("D&uration:"), self)
        duration_label.setBuddy(self.duration)
        row2.addWidget(duration_label)
        row2.addWidget(self.duration)
        type_label_widget = QLabel(self.tr("&Type:"), self)
        type_label_widget.setBuddy(self.type)
        form.addRow(type_label_widget, row2)

        row3 = QHBoxLayout()
        row3.addWidget(self.notes, 1)
        row3.addWidget(self.save_button)
        notes_label = QLabel(self.tr("&Notes:"), self)
        notes_label.setBuddy(self.notes)
        form.addRow(notes_label, row3)
        form.addRow("", self.message)
        self.setLayout(form)

        self.setTabOrder(self.account, self.stakeholder)
        self.setTabOrder(self.stakeholder, self.type)
        self.setTabOrder(self.type, self.when)
        self.setTabOrder(self.when, self.duration)
        self.setTabOrder(self.duration, self.notes)
        self.setTabOrder(self.notes, self.save_button)

        self.save_button.clicked.connect(self.save)
        self.account.currentIndexChanged.connect(self._on_account_index)
        self.account.lineEdit().editingFinished.connect(self._on_account_text)
        self.account.lineEdit().textChanged.connect(self._on_account_text)
        completer.activated[str].connect(self._on_completion)
        self._enter_filter = _EnterFilter(self)
        for widget in (
            self.account,
            self.stakeholder,
            self.type,
            self.when,
            self.duration,
            self.notes,
        ):
            widget.installEventFilter(self._enter_filter)
        self.account.lineEdit().installEventFilter(self._enter_filter)
        self._account_id: uuid.UUID | None = None

        self.reload_accounts()
        self.reload_types()
        self.account.setCurrentIndex(-1)
        self.account.clearEditText()
        self._load_stakeholders(None)

    @staticmethod
    def _date_time_format() -> str:
        from PySide6.QtCore import QLocale

        fmt = QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)
        # Always four-digit years and 24-hour time would be ideal, but keep the locale's.
        return fmt.replace("yy", "yyyy") if "yyyy" not in fmt else fmt

    # --- choices --------------------------------------------------------------------

    def reload_accounts(self) -> None:
        keep_id = self._account_id
        keep_text = self.account.currentText()
        choices = records.account_choices(self.ctx.engine)
        self.account.blockSignals(True)
        self.account_model.set_items([(c.id, c.name) for c in choices])
        row = self.account_model.row_of_key(keep_id) if keep_id else -1
        self.account.setCurrentIndex(row)
        if row < 0:
            self.account.setEditText(keep_text)
        self.account.blockSignals(False)
        self._resolve_account()

    def reload_types(self) -> None:
        current = self.type.currentData(KEY_ROLE) if self.type.count() else "call"
        self.type.clear()
        for choice in records.interaction_type_choices(self.ctx.engine):
            label = type_label(choice.key, choice.label)
            text = self.tr("%1 — %Ln pt(s)", "", choice.points).replace("%1", label)
            self.type.addItem(text)
            self.type.setItemData(self.type.count() - 1, choice.key, KEY_ROLE)
            self.type.setItemData(self.type.count() - 1, choice.points, Qt.ItemDataRole.UserRole)
        index = self.type.findData(current, KEY_ROLE)
        self.type.setCurrentIndex(index if index >= 0 else 0)

    def _load_stakeholders(self, account_id: uuid.UUID | None) -> None:
        keep = self.stakeholder.currentData(KEY_ROLE) if self.stakeholder.count() else None
        self.stakeholder.clear()
        self.stakeholder.addItem(self.tr("(whole account)"))
        self.stakeholder.setItemData(0, None, KEY_ROLE)
        if account_id is not None:
            for person in records.stakeholder_choices(self.ctx.engine, account_id):
                text = person.full_name
                if person.title:
                    text = f"{person.full_name} — {person.title}"
                self.stakeholder.addItem(text)
                self.stakeholder.setItemData(self.stakeholder.count() - 1, person.id, KEY_ROLE)
        index = self.stakeholder.findData(keep, KEY_ROLE) if keep is not None else 0
        self.stakeholder.setCurrentIndex(max(index, 0))
        self.stakeholder.setEnabled(account_id is not None)

    # --- the account field ------------------------------------------------------------

    def _on_account_index(self, _row: int) -> None:
        self._resolve_account()

    def _on_account_text(self) -> None:
        self._resolve_account()

    def _on_completion(self, text: str) -> None:
        row = self.account_model.row_of_label(text)
        if row >= 0:
            self.account.setCurrentIndex(row)
        self._resolve_account()

    def _resolve_account(self) -> uuid.UUID | None:
        """The account whose name is in the field (exactly, ignoring case), or None."""
        text = self.account.currentText()
        row = self.account.currentIndex()
        if row < 0 or self.account_model.label_at(row).casefold() != text.strip().casefold():
            row = self.account_model.row_of_label(text)
        account_id = self.account_model.key_at(row) if row >= 0 else None
        if account_id != self._account_id:
            self._account_id = account_id
            self._load_stakeholders(account_id)
            self.account_changed.emit(account_id)
        return account_id

    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    def set_account(self, account_id: uuid.UUID) -> None:
        row = self.account_model.row_of_key(account_id)
        if row >= 0:
            self.account.setCurrentIndex(row)
            self._resolve_account()

    def focus_account(self) -> None:
        self.account.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.account.lineEdit().selectAll()

    # --- saving ---------------------------------------------------------------------

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def save(self) -> InteractionRecord | None:
        """Log the interaction in the form; on success keep the account, clear notes."""
        account_id = self._resolve_account()
        if account_id is None:
            if self.account.currentText().strip():
                self._show_message(
                    self.tr("No account is named “%1”.").replace(
                        "%1", self.account.currentText().strip()
                    ),
                    error=True,
                )
            else:
                self._show_message(self.tr("Choose an account first."), error=True)
            self.focus_account()
            return None
        type_key = self.type.currentData(KEY_ROLE)
        if not type_key:
            self._show_message(self.tr("Choose a type of interaction."), error=True)
            self.type.setFocus()
            return None
        when: dt.datetime = from_qdatetime(self.when.dateTime())
        duration = self.duration.value() or None
        try:
            record = log_interaction(
                self.ctx.engine,
                account_id,
                type_key,
                when,
                stakeholder_id=self.stakeholder.currentData(KEY_ROLE),
                duration_minutes=duration,
                notes=self.notes.text(),
            )
        except AbmError as exc:
            self._show_message(self.tr("Not saved: %1").replace("%1", str(exc)), error=True)
            return None
        row = self.account_model.row_of_key(account_id)
        if row >= 0 and self.account.currentText() != self.account_model.label_at(row):
            self.account.setCurrentIndex(row)  # show the name as it is spelt
            self.account.setEditText(self.account_model.label_at(row))
        self.notes.clear()
        self.duration.setValue(0)
        self.when.setDateTime(QDateTime.currentDateTime())
        who = record.stakeholder_name or record.account_name
        self._show_message(
            self.tr("Saved: %1 with %2 (%Ln pt(s)).", "", record.points)
            .replace("%1", type_label(record.type_key, record.type_label))
            .replace("%2", who)
        )
        self.focus_account()
        self.saved.emit(record)
        return record


class _EnterFilter(QObject):
    """Enter or Return in any field of the form saves, unless a popup is choosing."""

    def __init__(self, form: QuickLogForm) -> None:
        super().__init__(form)
        self.form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            ):
                completer = self.form.account.completer()
                popup = completer.popup() if completer is not None else None
                if popup is not None and popup.isVisible():
                    return False
                if isinstance(watched, QComboBox) and watched.view().isVisible():
                    return False
                self.form.save()
                return True
        return False


class InteractionsTab(QWidget):
    """Objectname ``interactionsTab``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interactionsTab")
        self.ctx = ctx
        self.quick_log = QuickLogForm(ctx, self)
        self.model = InteractionsModel(ctx, self)

        self.history_title = QLabel(self.tr("History"), self)
        font = self.history_title.font()
        font.setBold(True)
        self.history_title.setFont(font)
        self.only_account = QCheckBox(self.tr("Only the account above"), self)
        self.only_account.setObjectName("historyOnlyAccount")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCount")
        bar = QHBoxLayout()
        bar.addWidget(self.history_title)
        bar.addSpacing(12)
        bar.addWidget(self.only_account)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.view = make_table_view(self.model, "interactionsView", self)
        set_column_widths(
            self.view,
            {
                "occurred_at": 17,
                "account": 30,
                "stakeholder": 24,
                "type": 28,
                "points": 7,
                "duration": 9,
                "logged_by": 14,
            },
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.quick_log)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.quick_log.saved.connect(self._on_saved)
        self.quick_log.account_changed.connect(self._on_account_changed)
        self.only_account.toggled.connect(self._apply_filter)
        self.model.modelReset.connect(self._update_count)
        self._update_count()

    def _apply_filter(self) -> None:
        account_id = self.quick_log.account_id() if self.only_account.isChecked() else None
        self.model.set_account_filter(account_id)
        self._update_count()

    def _on_account_changed(self, _account_id: object) -> None:
        if self.only_account.isChecked():
            self._apply_filter()

    def _update_count(self) -> None:
        total = records.count_interactions(self.ctx.engine, account_id=self.model.account_id)
        self.count_label.setText(self.tr("%Ln interaction(s)", "", total))

    def _on_saved(self, record: InteractionRecord) -> None:
        window = self.window()
        apply = getattr(window, "apply_changes", None)
        if callable(apply):
            apply(Changes(interactions=True))
        else:
            self.on_changes(Changes(interactions=True))
        row = self.model.row_of_key(record.id)
        if row >= 0:
            self.view.selectRow(row)
            if self.view.isVisible():  # a hidden view has no size to scroll within
                self.view.scrollTo(self.model.index(row, 0))
        # Selecting a row must not steal the focus from the form.
        self.quick_log.focus_account()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("accounts"):
            self.quick_log.reload_accounts()
        if changes.touches("stakeholders"):
            self.quick_log._load_stakeholders(self.quick_log.account_id())
        if changes.touches("settings"):
            self.quick_log.reload_types()
        if changes.touches("interactions", "accounts", "stakeholders", "settings"):
            self.model.reload()

    def show_quick_log(self) -> None:
        self.quick_log.focus_account()
