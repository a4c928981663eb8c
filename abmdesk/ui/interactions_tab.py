"""The interactions tab: the quick-log form on top, the filtered history below.

Logging a call from anywhere takes six keystrokes besides the notes:

1. ``Ctrl+L`` — the quick log, focus in the account field;
2. and 3. two letters of the account (matched anywhere in the name, accents and
   case ignored: ``ac`` finds « Acme Industries », ``lef`` « Cabinet Lefèvre »);
4. ``Enter`` — takes the best match and goes to the notes (``Tab`` takes it too and
   goes to the next field);
   … the notes …
5. ``Alt+4`` — the type « Call » (``Alt+1`` … ``Alt+9`` choose the first nine types
   of the list, most points first, from any field of the form; each item's tooltip
   shows its key; call is also the type at start-up, so this key is often not needed);
6. ``Enter`` — saves; the account stays, the notes clear, the focus goes back to
   the account field for the next one.

The history is a keyset-paged model: it never holds more than the rows scrolled
through. Filters that an index answers (account, stakeholder, dates) are SQL range
walks; type, author and words in the notes are checked on bounded windows of rows,
a window per call, so the GUI never waits for a scan of the whole table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from abmdesk.errors import AbmError
from abmdesk.services import records
from abmdesk.services.interactions import (
    delete_interactions,
    log_interaction,
    restore_interactions,
    update_interaction,
)
from abmdesk.services.records import (
    InteractionCursor,
    InteractionFilter,
    InteractionRecord,
    sort_text,
)
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.formatting import from_qdate, from_qdatetime, to_qdate, to_qdatetime
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

# The earliest date of the date filters, shown as « — » (no bound).
NO_DATE = QDate(2000, 1, 1)


def rank_matches(items: list[tuple[Any, str]], text: str, limit: int = 40) -> list[tuple[Any, str]]:
    """The items whose label holds ``text`` (case and accents ignored): names that
    start with it first, then names with a word that starts with it, then the rest."""
    needle = sort_text(text).strip()
    if not needle:
        return []
    starts, words, inside = [], [], []
    for key, label in items:
        folded = sort_text(label)
        at = folded.find(needle)
        if at < 0:
            continue
        if at == 0:
            starts.append((key, label))
        elif not folded[at - 1].isalnum():
            words.append((key, label))
        else:
            inside.append((key, label))
        if len(starts) >= limit:
            break
    return (starts + words + inside)[:limit]


def find_key(combo: QComboBox, key: object) -> int:
    """The row whose KEY_ROLE equals ``key`` (findData does not compare UUIDs), or -1."""
    for row in range(combo.count()):
        if combo.itemData(row, KEY_ROLE) == key:
            return row
    return -1


class AccountPicker(QComboBox):
    """An editable account field that completes on any part of the name, accents and
    case ignored; ``account_changed(id or None)`` when the name in it resolves."""

    account_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choices = ChoiceListModel(self)
        self.setModel(self.choices)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMaxVisibleItems(15)
        if placeholder:
            self.lineEdit().setPlaceholderText(placeholder)
        self.matches = ChoiceListModel(self)
        completer = QCompleter(self.matches, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self._popups = QGuiApplication.platformName() not in HEADLESS_PLATFORMS
        if self._popups:
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        else:
            # No popups there (no raise, no keyboard grab): the completer is kept but
            # offers nothing; Enter and Tab still take the best match.
            completer.setModel(ChoiceListModel(completer))
            completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.setCompleter(completer)
        completer.activated[str].connect(self._on_completion)
        self._items: list[tuple[Any, str]] = []
        self._account_id: uuid.UUID | None = None
        self.lineEdit().textEdited.connect(self._on_edited)
        self.lineEdit().textChanged.connect(self._resolve)
        self.currentIndexChanged.connect(self._resolve)

    def set_choices(self, items: list[tuple[Any, str]]) -> None:
        keep_id, keep_text = self._account_id, self.currentText()
        self._items = list(items)
        self.blockSignals(True)
        self.choices.set_items(self._items)
        row = self.choices.row_of_key(keep_id) if keep_id else -1
        self.setCurrentIndex(row)
        if row < 0:
            self.setEditText(keep_text)
        self.blockSignals(False)
        self._resolve()

    def items(self) -> list[tuple[Any, str]]:
        return list(self._items)

    def _on_edited(self, text: str) -> None:
        self.matches.set_items(rank_matches(self._items, text))
        completer = self.completer()
        if self._popups and completer is not None and self.matches.rowCount():
            popup = completer.popup()
            popup.setCurrentIndex(completer.completionModel().index(0, 0))

    def _on_completion(self, text: str) -> None:
        row = self.choices.row_of_label(text)
        if row >= 0:
            self.setCurrentIndex(row)
        self._resolve()

    def _resolve(self, *_args: object) -> uuid.UUID | None:
        text = self.currentText()
        row = self.currentIndex()
        if row < 0 or self.choices.label_at(row).casefold() != text.strip().casefold():
            row = self.choices.row_of_label(text)
        account_id = self.choices.key_at(row) if row >= 0 else None
        if account_id != self._account_id:
            self._account_id = account_id
            self.account_changed.emit(account_id)
        return account_id

    def account_id(self) -> uuid.UUID | None:
        return self._resolve()

    def set_account(self, account_id: uuid.UUID | None) -> None:
        row = self.choices.row_of_key(account_id) if account_id is not None else -1
        self.setCurrentIndex(row)
        if row < 0:
            self.setEditText("")
        self.lineEdit().setCursorPosition(0)  # the start of a long name, not its end
        self._resolve()

    def popup_visible(self) -> bool:
        completer = self.completer()
        return self._popups and completer is not None and completer.popup().isVisible()

    def accept_best(self) -> bool:
        """Take the highlighted completion, else the best match of the text typed.
        True when the field now names an account."""
        if self._resolve() is not None:
            self.hide_completions()
            return True
        label = None
        completer = self.completer()
        if self.popup_visible():
            index = completer.popup().currentIndex()
            if index.isValid():
                label = index.data()
        if label is None:
            best = rank_matches(self._items, self.currentText(), limit=1)
            label = best[0][1] if best else None
        self.hide_completions()
        if label is None:
            return False
        self.setCurrentIndex(self.choices.row_of_label(label))
        self.setEditText(label)
        return self._resolve() is not None

    def hide_completions(self) -> None:
        completer = self.completer()
        if self._popups and completer is not None:
            completer.popup().hide()


# --- the history model ----------------------------------------------------------------


class InteractionsModel(PagedTableModel):
    """The history, newest first; only the date column sorts (it is indexed).

    Pages come from ``records.filtered_interaction_page``; a page may come back short
    without being the last when its scan window ran out, so the model keeps the
    cursor and the "done" flag itself instead of counting rows.
    """

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

    # (rows found so far, done) while a scanning filter goes on in the background.
    scan_progress = Signal(int, bool)

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx.fmt, parent)
        self.ctx = ctx
        self.filter = InteractionFilter()
        self.sort_key, self.descending = "occurred_at", True
        self._cursor: InteractionCursor | None = None
        self._wanted = 0  # rows to reach before the scan timer stops
        self._scan_timer = QTimer(self)
        self._scan_timer.setSingleShot(True)
        self._scan_timer.setInterval(0)
        self._scan_timer.timeout.connect(self._scan_step)
        self.reload()

    @property
    def account_id(self) -> uuid.UUID | None:
        return self.filter.account_id

    def set_account_filter(self, account_id: uuid.UUID | None) -> None:
        self.set_filter(dataclasses.replace(self.filter, account_id=account_id))

    def set_filter(self, f: InteractionFilter) -> None:
        if f != self.filter:
            self.filter = f
            self.reload()

    def is_scanning(self) -> bool:
        return self._scan_timer.isActive()

    def _page(self, limit: int) -> list[InteractionRecord]:
        page = records.filtered_interaction_page(
            self.ctx.engine,
            self.filter,
            after=self._cursor,
            limit=limit,
            ascending=not self.descending,
        )
        self._cursor = page.cursor
        self._more = not page.done
        return page.rows

    def fetch_page(self, last: InteractionRecord | None, limit: int) -> list[InteractionRecord]:
        if last is None:
            self._cursor = None
        return self._page(limit)

    def reload(self, keep_rows: int = 0) -> None:
        """Start again from the first page (``keep_rows``: read at least that many)."""
        self._scan_timer.stop()
        self._known_total = None
        self.beginResetModel()
        self._cursor = None
        self._more = True
        want = max(self.page_size, min(keep_rows, 5_000))
        rows: list[InteractionRecord] = []
        while self._more and len(rows) < want:
            rows += self._page(want - len(rows))
            if self.filter.scans:
                break  # one bounded window on this call; the timer does the rest
        self._rows = rows
        self.endResetModel()
        self._wanted = want
        self._continue_scan()

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._fetching:
            return
        self._fetching = True
        try:
            page = self._page(self.page_size)
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
        finally:
            self._fetching = False
        if self.filter.scans:
            self._wanted = max(self._wanted, len(self._rows) + 1)
            self._continue_scan()

    def set_known_total(self, total: int | None) -> None:
        """The count of matching rows, once known: a scan that found them all stops."""
        self._known_total = total
        if total is not None and len(self._rows) >= total:
            self._more = False
            self._scan_timer.stop()
            self.scan_progress.emit(len(self._rows), True)

    def _continue_scan(self) -> None:
        """A scanning filter keeps reading windows, one per event-loop turn, until a
        screenful is found or the table ends."""
        known = getattr(self, "_known_total", None)
        if known is not None and len(self._rows) >= known:
            self._more = False
        if self.filter.scans and self._more and len(self._rows) < self._wanted:
            self._scan_timer.start()
            self.scan_progress.emit(len(self._rows), False)
        else:
            self.scan_progress.emit(len(self._rows), True)

    def _scan_step(self) -> None:
        if not self._more:
            self._continue_scan()
            return
        self.fetchMore()
        if not self.filter.scans:
            return
        self._continue_scan()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if descending != self.descending:
            self.descending = descending
            self.reload()

    def record_at(self, row: int) -> InteractionRecord | None:
        return self.row_at(row)

    def accepts(self, record: InteractionRecord) -> bool:
        """True when ``record`` passes the model's filter."""
        f = self.filter
        if f.account_id is not None and record.account_id != f.account_id:
            return False
        if f.stakeholder_id is not None and record.stakeholder_id != f.stakeholder_id:
            return False
        day = record.occurred_at.date()
        if (f.date_from and day < f.date_from) or (f.date_to and day > f.date_to):
            return False
        return f.matches(record.type_key, record.logged_by, record.notes)

    def insert_record(self, record: InteractionRecord) -> bool:
        """Put a new interaction in place among the rows read so far, without reading
        the history again (a quick-log save). False when it is not to be shown here
        (filtered out, or beyond the rows read: it comes with a later page)."""
        if not self.accepts(record) or self.row_of_key(record.id) >= 0:
            return False
        key = (record.occurred_at, record.id)
        at = len(self._rows)
        for i, row in enumerate(self._rows):
            other = (row.occurred_at, row.id)
            if (other < key) if self.descending else (other > key):
                at = i
                break
        if at == len(self._rows) and self._more:
            return False
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, record)
        self.endInsertRows()
        return True

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


# --- the quick log ----------------------------------------------------------------------


def _type_items(ctx: AppContext) -> list[tuple[str, str, int]]:
    return [
        (c.key, type_label(c.key, c.label), c.points)
        for c in records.interaction_type_choices(ctx.engine)
    ]


def _date_time_format() -> str:
    from PySide6.QtCore import QLocale

    fmt = QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)
    return fmt.replace("yy", "yyyy") if "yyyy" not in fmt else fmt


class QuickLogForm(QGroupBox):
    """Log an interaction in a few keystrokes; Enter saves (SPEC 5 handles)."""

    saved = Signal(object)  # InteractionRecord
    # A new interaction was written (before the change is announced).
    logged = Signal(object)  # InteractionRecord
    account_changed = Signal(object)  # uuid.UUID | None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickLogForm")
        self.setTitle(self.tr("Quick log (Ctrl+L)"))
        self.ctx = ctx

        self.account = AccountPicker(
            self, placeholder=self.tr("Type a few letters of the account…")
        )
        self.account.setObjectName("quickLogAccount")
        self.account.setMinimumContentsLength(28)
        self.account_model = self.account.choices

        self.stakeholder = QComboBox(self)
        self.stakeholder.setObjectName("quickLogStakeholder")
        self.stakeholder.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.stakeholder.setMinimumContentsLength(24)

        self.type = QComboBox(self)
        self.type.setObjectName("quickLogType")
        self.type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.type.setToolTip(self.tr("Alt+1 … Alt+9 choose the first nine types from any field"))

        self.when = QDateTimeEdit(self)
        self.when.setObjectName("quickLogWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(_date_time_format())
        self.when.setDateTime(QDateTime.currentDateTime())
        self._when_chosen = False  # the user set the date: Ctrl+L keeps it
        self.when.editingFinished.connect(self._on_when_edited)

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
        self.message.setMinimumHeight(self.fontMetrics().height() + 4)  # no jump on a save

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
        self.account.account_changed.connect(self._on_account_changed)
        self._keys = _FormKeys(self)
        for widget in (
            self.account,
            self.account.lineEdit(),
            self.stakeholder,
            self.type,
            self.when,
            self.duration,
            self.notes,
            self.save_button,
        ):
            widget.installEventFilter(self._keys)
        completer = self.account.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.installEventFilter(self._keys)  # after the completer's own: first

        self.reload_accounts()
        self.reload_types()
        self.account.setCurrentIndex(-1)
        self.account.clearEditText()
        self._load_stakeholders(None)

    # --- choices --------------------------------------------------------------------

    def reload_accounts(self) -> None:
        choices = records.account_choices(self.ctx.engine)
        self.account.set_choices([(c.id, c.name) for c in choices])

    def reload_types(self) -> None:
        current = self.type.currentData(KEY_ROLE) if self.type.count() else "call"
        self.type.clear()
        for i, (key, label, points) in enumerate(_type_items(self.ctx)):
            text = self.tr("%1 — %Ln pt(s)", "", points).replace("%1", label)
            self.type.addItem(text)
            if i < 9:  # the key that picks it, from any field of the form
                self.type.setItemData(i, f"Alt+{i + 1}", Qt.ItemDataRole.ToolTipRole)
            self.type.setItemData(self.type.count() - 1, key, KEY_ROLE)
            self.type.setItemData(self.type.count() - 1, points, Qt.ItemDataRole.UserRole)
        index = find_key(self.type, current)
        self.type.setCurrentIndex(index if index >= 0 else 0)

    def choose_type(self, number: int) -> bool:
        """Alt+``number``: the ``number``-th type of the list (1-based)."""
        if 1 <= number <= min(9, self.type.count()):
            self.type.setCurrentIndex(number - 1)
            return True
        return False

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
        index = find_key(self.stakeholder, keep) if keep is not None else 0
        self.stakeholder.setCurrentIndex(max(index, 0))
        self.stakeholder.setEnabled(account_id is not None)

    def _on_account_changed(self, account_id: object) -> None:
        self._load_stakeholders(account_id)  # type: ignore[arg-type]
        self.account_changed.emit(account_id)

    def _resolve_account(self) -> uuid.UUID | None:
        return self.account.account_id()

    def account_id(self) -> uuid.UUID | None:
        return self.account.account_id()

    def set_account(self, account_id: uuid.UUID) -> None:
        self.account.set_account(account_id)

    def focus_account(self) -> None:
        self.account.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.account.lineEdit().selectAll()

    def _on_when_edited(self) -> None:
        now = QDateTime.currentDateTime()
        self._when_chosen = abs(self.when.dateTime().secsTo(now)) > 60

    def refresh_now(self) -> None:
        """The date defaults to now: when the form is opened again (Ctrl+L) hours
        later, "now" is then, unless a date was chosen by hand."""
        if not self._when_chosen:
            self.when.setDateTime(QDateTime.currentDateTime())

    def accept_account(self, then: QWidget | None) -> bool:
        """Enter or Tab in the account field: take the best match, go to ``then``."""
        if not self.account.accept_best():
            text = self.account.currentText().strip()
            if text:
                self._show_message(
                    self.tr("No account matches “%1”.").replace("%1", text), error=True
                )
            return False
        self.message.clear()
        if then is not None:
            then.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    # --- saving ---------------------------------------------------------------------

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def save(self) -> InteractionRecord | None:
        """Log the interaction in the form (undoable); on success keep the account,
        clear the notes and go back to the account field."""
        account_id = self._resolve_account()
        if account_id is None:
            text = self.account.currentText().strip()
            if text:
                self._show_message(self.tr("No account is named “%1”.").replace("%1", text), True)
            else:
                self._show_message(self.tr("Choose an account first."), error=True)
            self.focus_account()
            return None
        type_key = self.type.currentData(KEY_ROLE)
        if not type_key:
            self._show_message(self.tr("Choose a type of interaction."), error=True)
            self.type.setFocus()
            return None
        engine = self.ctx.engine
        when: dt.datetime = from_qdatetime(self.when.dateTime())
        values = {
            "stakeholder_id": self.stakeholder.currentData(KEY_ROLE),
            "duration_minutes": self.duration.value() or None,
            "notes": self.notes.text(),
        }
        state: dict[str, Any] = {}

        def do() -> InteractionRecord:
            if "snapshots" in state:  # redo: the same interaction, with its id
                restore_interactions(engine, state.pop("snapshots"))
                return state["record"]
            state["record"] = log_interaction(engine, account_id, type_key, when, **values)
            self.logged.emit(state["record"])  # before the announce: shown in place
            return state["record"]

        def undo_from(record: InteractionRecord):  # noqa: ANN202
            def undo() -> None:
                state["snapshots"] = delete_interactions(engine, [record.id])

            return undo

        label = type_label(type_key, None)
        try:
            record: InteractionRecord = self.ctx.edit(
                self.tr("Log %1").replace("%1", label),
                do,
                undo_from,
                Changes(interactions=True),
                self.window(),
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
        self._when_chosen = False
        self.when.setDateTime(QDateTime.currentDateTime())
        who = record.stakeholder_name or record.account_name
        self._show_message(
            self.tr("Saved: %1 with %2 (%Ln pt(s)). Ctrl+Z undoes it.", "", record.points)
            .replace("%1", type_label(record.type_key, record.type_label))
            .replace("%2", who)
        )
        self.focus_account()
        self.saved.emit(record)
        return record


class _FormKeys(QObject):
    """The form's keys: Enter saves (or, in the account field, takes the best match
    first), Tab takes the best match, Alt+1…9 choose the type."""

    def __init__(self, form: QuickLogForm) -> None:
        super().__init__(form)
        self.form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        key = key_event.key()
        mods = key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        form = self.form
        if mods == Qt.KeyboardModifier.AltModifier and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            return form.choose_type(key - Qt.Key.Key_0)
        in_account = watched in (form.account, form.account.lineEdit()) or (
            form.account.completer() is not None and watched is form.account.completer().popup()
        )
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            unresolved = form.account.popup_visible() or form._resolve_account() is None
            if in_account and unresolved and form.account.currentText().strip():
                form.accept_account(form.notes)
                return True
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False
            form.account.hide_completions()
            form.save()
            return True
        if key == Qt.Key.Key_Tab and not mods and in_account:
            if form.account.currentText().strip() and form._resolve_account() is None:
                form.accept_account(form.stakeholder)
                return True
            form.account.hide_completions()
        return False


# --- editing an interaction -------------------------------------------------------------


class InteractionDialog(QDialog):
    """Edit the type, date, duration, stakeholder and notes of one interaction."""

    def __init__(self, ctx: AppContext, record: InteractionRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("interactionDialog")
        self.setWindowTitle(self.tr("Edit the interaction"))
        self.record = record
        self.account = QLabel(record.account_name, self)
        self.account.setObjectName("editAccount")
        self.stakeholder = QComboBox(self)
        self.stakeholder.setObjectName("editStakeholder")
        self.stakeholder.addItem(self.tr("(whole account)"))
        self.stakeholder.setItemData(0, None, KEY_ROLE)
        for person in records.stakeholder_choices(ctx.engine, record.account_id):
            text = f"{person.full_name} — {person.title}" if person.title else person.full_name
            self.stakeholder.addItem(text)
            self.stakeholder.setItemData(self.stakeholder.count() - 1, person.id, KEY_ROLE)
        index = find_key(self.stakeholder, record.stakeholder_id)
        self.stakeholder.setCurrentIndex(max(index, 0))
        self.type = QComboBox(self)
        self.type.setObjectName("editType")
        for key, label, points in _type_items(ctx):
            self.type.addItem(self.tr("%1 — %Ln pt(s)", "", points).replace("%1", label))
            self.type.setItemData(self.type.count() - 1, key, KEY_ROLE)
        self.type.setCurrentIndex(max(find_key(self.type, record.type_key), 0))
        self.when = QDateTimeEdit(to_qdatetime(record.occurred_at), self)
        self.when.setObjectName("editWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(_date_time_format())
        self.duration = QSpinBox(self)
        self.duration.setObjectName("editDuration")
        self.duration.setRange(0, 7 * 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("none"))
        self.duration.setValue(record.duration_minutes or 0)
        self.notes = QPlainTextEdit(record.notes or "", self)
        self.notes.setObjectName("editNotes")
        self.notes.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Account:"), self.account)
        form.addRow(self.tr("&Stakeholder:"), self.stakeholder)
        form.addRow(self.tr("&Type:"), self.type)
        form.addRow(self.tr("&When:"), self.when)
        form.addRow(self.tr("D&uration:"), self.duration)
        form.addRow(self.tr("&Notes:"), self.notes)
        form.addRow(buttons)
        # A fixed minimum, no layout constraint: nothing pushed onto the native window
        # at each change (platforms without size hints warn).
        form.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(460, 320)
        self.resize(520, 360)

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the record's."""
        r = self.record
        values = {
            "stakeholder_id": self.stakeholder.currentData(KEY_ROLE),
            "type_key": self.type.currentData(KEY_ROLE),
            "occurred_at": from_qdatetime(self.when.dateTime()),
            "duration_minutes": self.duration.value() or None,
            "notes": self.notes.toPlainText().strip() or None,
        }
        return {k: v for k, v in values.items() if v != getattr(r, k)}


# --- the tab ------------------------------------------------------------------------------


class InteractionsTab(QWidget):
    """Objectname ``interactionsTab``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interactionsTab")
        self.ctx = ctx
        self.quick_log = QuickLogForm(ctx, self)
        self.model = InteractionsModel(ctx, self)
        self._count_task: Any = None
        self._loggers_task: Any = None
        self._loggers_stale = True  # read when the tab is first shown
        self._just_logged: InteractionRecord | None = None
        self._total: int | None = None  # the count shown, when known

        self.history_title = QLabel(self.tr("History"), self)
        font = self.history_title.font()
        font.setBold(True)
        self.history_title.setFont(font)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCount")

        # Filters: account, stakeholder, type, author, dates, words.
        self.filter_account = AccountPicker(self, placeholder=self.tr("All accounts"))
        self.filter_account.setObjectName("historyAccount")
        self.filter_account.setMinimumContentsLength(24)
        self.filter_stakeholder = QComboBox(self)
        self.filter_stakeholder.setObjectName("historyStakeholder")
        self.filter_stakeholder.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter_stakeholder.setMinimumContentsLength(10)
        self.filter_type = QComboBox(self)
        self.filter_type.setObjectName("historyType")
        self.filter_type.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter_type.setMinimumContentsLength(14)
        self.filter_logged_by = QComboBox(self)
        self.filter_logged_by.setObjectName("historyLoggedBy")
        self.filter_logged_by.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter_logged_by.setMinimumContentsLength(12)
        self.filter_from = self._date_edit("historyFrom")
        self.filter_to = self._date_edit("historyTo")
        self.filter_text = QLineEdit(self)
        self.filter_text.setObjectName("historyText")
        self.filter_text.setPlaceholderText(self.tr("Words in the notes…"))
        self.filter_text.setClearButtonEnabled(True)
        self.filter_text.setMinimumWidth(self.fontMetrics().averageCharWidth() * 21)
        self.clear_filters_button = QToolButton(self)
        self.clear_filters_button.setObjectName("historyClearFilters")
        self.clear_filters_button.setText(self.tr("Clear filters"))
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("historyEdit")
        self.edit_button.setAutoDefault(False)
        self.delete_button = QPushButton(self.tr("De&lete…"), self)
        self.delete_button.setObjectName("historyDelete")
        self.delete_button.setAutoDefault(False)

        bar = QHBoxLayout()
        bar.addWidget(self.history_title)
        bar.addSpacing(12)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("Account:"), self.filter_account),
            (self.tr("Person:"), self.filter_stakeholder),
            (self.tr("Type:"), self.filter_type),
            (self.tr("By:"), self.filter_logged_by),
            (self.tr("From:"), self.filter_from),
            (self.tr("to:"), self.filter_to),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 3 if widget is self.filter_account else 0)
            filters.addSpacing(4)
        filters.addWidget(self.filter_text, 2)
        filters.addWidget(self.clear_filters_button)

        self.view = make_table_view(self.model, "interactionsView", self)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        set_column_widths(
            self.view,
            {
                "occurred_at": 17,
                "account": 30,
                "stakeholder": 24,
                "type": 28,
                "points": 7,
                "duration": 9,
                "logged_by": 16,
            },
        )
        self.edit_action = QAction(self.tr("Edit…"), self.view)
        self.edit_action.setObjectName("actionEditInteraction")
        self.edit_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_F2), QKeySequence(Qt.Key.Key_Return)]
        )
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self.edit_selected)
        self.delete_action = QAction(self.tr("Delete…"), self.view)
        self.delete_action.setObjectName("actionDeleteInteractions")
        self.delete_action.setShortcuts(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.view.addAction(self.edit_action)
        self.view.addAction(self.delete_action)
        self.view.installEventFilter(self)  # the same keys when no shortcut took them

        layout = QVBoxLayout(self)
        layout.addWidget(self.quick_log)
        layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(300)
        self._text_timer.timeout.connect(self._apply_filter)

        self.quick_log.saved.connect(self._on_saved)
        self.quick_log.logged.connect(self._on_logged)
        self.filter_account.account_changed.connect(self._on_filter_account)
        for combo in (self.filter_stakeholder, self.filter_type, self.filter_logged_by):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.filter_from.dateChanged.connect(self._apply_filter)
        self.filter_to.dateChanged.connect(self._apply_filter)
        self.filter_text.textChanged.connect(self._text_timer.start)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_count)
        self.model.scan_progress.connect(self._on_scan_progress)

        self._reload_filter_choices()
        self._load_filter_stakeholders(None)
        self._update_count()
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if event.modifiers() == Qt.KeyboardModifier.NoModifier:  # type: ignore[attr-defined]
                if key == Qt.Key.Key_Delete:
                    self.delete_selected()
                    return True
                if key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.edit_selected()
                    return True
        return super().eventFilter(watched, event)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("—"))
        edit.setDate(NO_DATE)
        edit.setToolTip(self.tr("Empty (—): no limit"))
        from PySide6.QtCore import QLocale

        fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        edit.setDisplayFormat(fmt.replace("yy", "yyyy") if "yyyy" not in fmt else fmt)
        return edit

    # --- filters ----------------------------------------------------------------------

    def _reload_filter_choices(self) -> None:
        self.filter_account.set_choices(self.quick_log.account.items())
        keep = self.filter_type.currentData(KEY_ROLE)
        self.filter_type.blockSignals(True)
        self.filter_type.clear()
        self.filter_type.addItem(self.tr("All types"))
        for key, label, _points in _type_items(self.ctx):
            self.filter_type.addItem(label)
            self.filter_type.setItemData(self.filter_type.count() - 1, key, KEY_ROLE)
        self.filter_type.setCurrentIndex(max(find_key(self.filter_type, keep), 0))
        self.filter_type.blockSignals(False)
        self._reload_loggers()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._loggers_stale:
            self._reload_loggers()

    def _reload_loggers(self) -> None:
        """Who logged interactions: a read of the whole table, done in the background."""
        if self.filter_logged_by.count() == 0:
            self.filter_logged_by.addItem(self.tr("Anyone"))
        if not self.isVisible():
            self._loggers_stale = True
            return
        self._loggers_stale = False
        if self._loggers_task is not None:
            self._loggers_task.cancel()
        engine = self.ctx.engine
        self._loggers_task = self.ctx.runner.submit(
            lambda: records.interaction_loggers(engine),
            on_done=self._set_loggers,
            on_error=lambda _exc: None,
            name="loggers",
        )

    def _set_loggers(self, names: list[str]) -> None:
        keep = self.filter_logged_by.currentData(KEY_ROLE)
        self.filter_logged_by.blockSignals(True)
        self.filter_logged_by.clear()
        self.filter_logged_by.addItem(self.tr("Anyone"))
        for name in names:
            self.filter_logged_by.addItem(name)
            self.filter_logged_by.setItemData(self.filter_logged_by.count() - 1, name, KEY_ROLE)
        self.filter_logged_by.setCurrentIndex(
            max(find_key(self.filter_logged_by, keep), 0) if keep else 0
        )
        self.filter_logged_by.blockSignals(False)

    def _load_filter_stakeholders(self, account_id: uuid.UUID | None) -> None:
        keep = self.filter_stakeholder.currentData(KEY_ROLE)
        self.filter_stakeholder.blockSignals(True)
        self.filter_stakeholder.clear()
        self.filter_stakeholder.addItem(self.tr("Everyone"))
        if account_id is not None:
            for person in records.stakeholder_choices(self.ctx.engine, account_id):
                self.filter_stakeholder.addItem(person.full_name)
                self.filter_stakeholder.setItemData(
                    self.filter_stakeholder.count() - 1, person.id, KEY_ROLE
                )
        index = find_key(self.filter_stakeholder, keep) if keep is not None else 0
        self.filter_stakeholder.setCurrentIndex(max(index, 0))
        self.filter_stakeholder.setEnabled(account_id is not None)
        self.filter_stakeholder.blockSignals(False)

    def _on_filter_account(self, account_id: object) -> None:
        self._load_filter_stakeholders(account_id)  # type: ignore[arg-type]
        self._apply_filter()

    def _date(self, edit: QDateEdit) -> dt.date | None:
        return None if edit.date() == NO_DATE else from_qdate(edit.date())

    def current_filter(self) -> InteractionFilter:
        return InteractionFilter(
            account_id=self.filter_account.account_id(),
            stakeholder_id=self.filter_stakeholder.currentData(KEY_ROLE),
            type_key=self.filter_type.currentData(KEY_ROLE),
            logged_by=self.filter_logged_by.currentData(KEY_ROLE),
            date_from=self._date(self.filter_from),
            date_to=self._date(self.filter_to),
            text=self.filter_text.text().strip(),
        )

    def set_filter(self, f: InteractionFilter) -> None:
        """Show the filter ``f`` in the bar and apply it (for tests and other tabs)."""
        widgets = (self.filter_account, self.filter_stakeholder, self.filter_type)
        for w in (*widgets, self.filter_logged_by, self.filter_from, self.filter_to):
            w.blockSignals(True)
        self.filter_account.set_account(f.account_id)
        self._load_filter_stakeholders(f.account_id)
        for combo, value in (
            (self.filter_stakeholder, f.stakeholder_id),
            (self.filter_type, f.type_key),
        ):
            combo.setCurrentIndex(max(find_key(combo, value), 0) if value else 0)
        if f.logged_by and find_key(self.filter_logged_by, f.logged_by) < 0:
            self.filter_logged_by.addItem(f.logged_by)
            self.filter_logged_by.setItemData(
                self.filter_logged_by.count() - 1, f.logged_by, KEY_ROLE
            )
        index = find_key(self.filter_logged_by, f.logged_by) if f.logged_by else 0
        self.filter_logged_by.setCurrentIndex(max(index, 0))
        self.filter_from.setDate(to_qdate(f.date_from) if f.date_from else NO_DATE)
        self.filter_to.setDate(to_qdate(f.date_to) if f.date_to else NO_DATE)
        for w in (*widgets, self.filter_logged_by, self.filter_from, self.filter_to):
            w.blockSignals(False)
        self.filter_text.blockSignals(True)
        self.filter_text.setText(f.text)
        self.filter_text.blockSignals(False)
        self._apply_filter()

    def clear_filters(self) -> None:
        self.set_filter(InteractionFilter())

    def _apply_filter(self) -> None:
        self._text_timer.stop()
        f = self.current_filter()
        if f.date_from and f.date_to and f.date_to < f.date_from:
            self.count_label.setText(self.tr("The end date is before the start date."))
            return
        if f != self.model.filter:
            self.model.set_filter(f)  # the reset recounts

    def _update_count(self) -> None:
        """The number of matching interactions: at once when an index answers,
        else counted in the background."""
        if self._count_task is not None:
            self._count_task.cancel()
            self._count_task = None
        f = self.model.filter
        engine = self.ctx.engine
        self._total = None
        if not f.scans:
            self._show_count(records.count_filtered_interactions(engine, f))
            return
        self.count_label.setText(self.tr("Counting…"))
        self._count_task = self.ctx.runner.submit(
            lambda: records.count_filtered_interactions(engine, f),
            on_done=self._show_count,
            on_error=lambda exc: self.count_label.setText(str(exc)),
            name="history-count",
        )

    def _show_count(self, total: int) -> None:
        self._count_task = None
        self._total = total
        self.model.set_known_total(total)
        self.count_label.setText(self.tr("%Ln interaction(s)", "", total))

    def _on_scan_progress(self, found: int, done: bool) -> None:
        if not done and self._count_task is not None:
            self.count_label.setText(self.tr("Searching… %Ln found so far", "", found))

    def is_busy(self) -> bool:
        return self._count_task is not None or self.model.is_scanning()

    # --- edit and delete ----------------------------------------------------------------

    def selected_records(self) -> list[InteractionRecord]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        out = [self.model.record_at(r) for r in rows]
        return [r for r in out if r is not None]

    def _update_buttons(self) -> None:
        selected = len(self.view.selectionModel().selectedRows())
        self.edit_button.setEnabled(selected == 1)
        self.edit_action.setEnabled(selected == 1)
        self.delete_button.setEnabled(selected > 0)
        self.delete_action.setEnabled(selected > 0)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.edit_action)
        menu.addAction(self.delete_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def edit_selected(self) -> None:
        chosen = self.selected_records()
        if len(chosen) != 1:
            return
        dialog = InteractionDialog(self.ctx, chosen[0], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_edit(chosen[0], dialog.changes())

    def apply_edit(self, record: InteractionRecord, changes: dict[str, Any]) -> bool:
        """Change ``record`` through the service, as one undoable edit."""
        if not changes:
            return False
        engine = self.ctx.engine

        def do() -> Any:
            return update_interaction(engine, record.id, **changes)

        def undo_from(result: Any):  # noqa: ANN202
            return lambda: update_interaction(engine, record.id, **result.previous)

        try:
            self.ctx.edit(
                self.tr("Edit an interaction"), do, undo_from, Changes(interactions=True), self
            )
        except AbmError as exc:
            QMessageBox.warning(self, self.tr("Edit the interaction"), str(exc))
            return False
        self.select_ids([record.id])
        return True

    def delete_selected(self) -> None:
        chosen = self.selected_records()
        if not chosen:
            return
        if len(chosen) == 1:
            r = chosen[0]
            question = self.tr("Delete this interaction (%1, %2, %3)?").replace(
                "%1", type_label(r.type_key, r.type_label)
            )
            question = question.replace("%2", r.account_name).replace(
                "%3", self.ctx.fmt.datetime(r.occurred_at)
            )
        else:
            question = self.tr("Delete these %n interactions?", "", len(chosen))
        if self.confirm(question):
            self.delete_records(chosen)

    def confirm(self, question: str) -> bool:
        """Ask before deleting (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmDelete")
        box.setInformativeText(self.tr("Edit ▸ Undo (Ctrl+Z) brings them back."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def delete_records(self, chosen: list[InteractionRecord]) -> int:
        """Delete ``chosen`` (no question asked) as one undoable edit."""
        engine = self.ctx.engine
        ids = [r.id for r in chosen]

        def undo_from(snapshots: Any):  # noqa: ANN202
            return lambda: restore_interactions(engine, snapshots)

        try:
            snapshots = self.ctx.edit(
                self.tr("Delete %n interaction(s)", "", len(ids)),
                lambda: delete_interactions(engine, ids),
                undo_from,
                Changes(interactions=True),
                self,
            )
        except AbmError as exc:
            QMessageBox.warning(self, self.tr("Delete"), str(exc))
            return 0
        return len(snapshots)

    def select_ids(self, ids: list[uuid.UUID]) -> None:
        self.view.clearSelection()
        flags = (
            self.view.selectionModel().SelectionFlag.Select
            | self.view.selectionModel().SelectionFlag.Rows
        )
        first = None
        for key in ids:
            row = self.model.row_of_key(key)
            if row >= 0:
                self.view.selectionModel().select(self.model.index(row, 0), flags)
                first = row if first is None else min(first, row)
        if first is not None:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(first, 0), self.view.selectionModel().SelectionFlag.NoUpdate
            )

    # --- changes ------------------------------------------------------------------------

    def _on_saved(self, record: InteractionRecord) -> None:
        self._loggers_stale = False  # only this laptop's user could be new
        name = record.logged_by
        if name and find_key(self.filter_logged_by, name) < 0:
            self.filter_logged_by.addItem(name)
            self.filter_logged_by.setItemData(self.filter_logged_by.count() - 1, name, KEY_ROLE)
        window = self.window()
        if not callable(getattr(window, "apply_changes", None)):
            self.on_changes(Changes(interactions=True))
        row = self.model.row_of_key(record.id)
        if row >= 0:
            self.view.selectRow(row)
            if self.view.isVisible():  # a hidden view has no size to scroll within
                self.view.scrollTo(self.model.index(row, 0))
        # Selecting a row must not steal the focus from the form.
        self.quick_log.focus_account()

    def _on_logged(self, record: InteractionRecord) -> None:
        self._just_logged = record

    def on_changes(self, changes: Changes) -> None:
        logged, self._just_logged = self._just_logged, None
        if changes == Changes(interactions=True) and logged is not None:
            # A quick-log save: one row in place and the count plus one, no re-read.
            self._loggers_stale = True
            shown = self.model.insert_record(logged)
            if self._total is not None and self.model.accepts(logged):
                self._show_count(self._total + 1)
            elif not shown:
                self._update_count()
            return
        if changes.touches("accounts"):
            self.quick_log.reload_accounts()
            self.filter_account.set_choices(self.quick_log.account.items())
        if changes.touches("stakeholders"):
            self.quick_log._load_stakeholders(self.quick_log.account_id())
            self._load_filter_stakeholders(self.filter_account.account_id())
        if changes.touches("settings"):
            self.quick_log.reload_types()
            self._reload_filter_choices()
        if changes.database:
            self._reload_loggers()
        elif changes.touches("interactions"):
            self._loggers_stale = True  # read again when next shown
        if changes.touches("interactions", "accounts", "stakeholders", "settings"):
            self._refresh_history()

    def _refresh_history(self) -> None:
        """Read the history again, keeping as many rows, the selection and the scroll."""
        selected = [r.id for r in self.selected_records()]
        scroll = self.view.verticalScrollBar().value()
        self.model.reload(keep_rows=self.model.rowCount())
        if selected:
            self.select_ids(selected)
        self.view.verticalScrollBar().setValue(scroll)

    def show_quick_log(self) -> None:
        self.quick_log.refresh_now()
        self.quick_log.focus_account()
