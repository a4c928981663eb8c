"""File → Import…: bring contacts, companies, deals and meetings from other tools.

Four pages in one dialog: the files (picked or dropped on the window), with the format
and encoding found in each; the columns each field is read from, changeable and
remembered per format (in ``import.ini`` of the user data dir, never in the database);
the dry run (what would be created, updated, left out or refused, off the GUI thread);
then the import itself, with a progress dialog whose Cancel writes nothing, and its
summary with the batch id and an "Undo this import" button. The pages call the same
service as ``abmdesk import`` (``abmdesk.services.imports``).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abmdesk.errors import AbmError
from abmdesk.paths import user_data_dir
from abmdesk.services import imports, records
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.tasks import Task

log = logging.getLogger("abmdesk.ui.import")

ModelIndex = QModelIndex | QPersistentModelIndex

PAGE_FILES, PAGE_COLUMNS, PAGE_CHECK, PAGE_DONE = range(4)


def format_label(name: str) -> str:
    labels = {
        "hubspot": QCoreApplication.translate("ImportWizard", "HubSpot"),
        "salesforce": QCoreApplication.translate("ImportWizard", "Salesforce"),
        "pipedrive": QCoreApplication.translate("ImportWizard", "Pipedrive"),
        "linkedin": QCoreApplication.translate("ImportWizard", "LinkedIn (connections)"),
        "google": QCoreApplication.translate("ImportWizard", "Google Contacts"),
        "outlook": QCoreApplication.translate("ImportWizard", "Outlook contacts"),
        "thunderbird": QCoreApplication.translate("ImportWizard", "Thunderbird address book"),
        "vcard": QCoreApplication.translate("ImportWizard", "vCard address book"),
        "ics": QCoreApplication.translate("ImportWizard", "iCalendar calendar"),
    }
    return labels.get(name, name)


def kind_label(kind: str) -> str:
    labels = {
        "accounts": QCoreApplication.translate("ImportWizard", "Accounts"),
        "stakeholders": QCoreApplication.translate("ImportWizard", "Stakeholders"),
        "deals": QCoreApplication.translate("ImportWizard", "Deals"),
        "meetings": QCoreApplication.translate("ImportWizard", "Meetings"),
        "rows": QCoreApplication.translate("ImportWizard", "Rows"),
    }
    return labels.get(kind, kind)


def left_out_label(kind: str) -> str:
    labels = {
        "accounts": QCoreApplication.translate("ImportWizard", "Company left out"),
        "stakeholders": QCoreApplication.translate("ImportWizard", "Contact left out"),
        "deals": QCoreApplication.translate("ImportWizard", "Deal left out"),
        "meetings": QCoreApplication.translate("ImportWizard", "Meeting left out"),
    }
    return labels.get(kind) or QCoreApplication.translate("ImportWizard", "Row left out")


def field_label(key: str) -> str:
    """``contacts.email`` → « E-mail » (the field of ABM Desk a column goes to)."""
    kind, _, name = key.partition(".")
    names = {
        "name": QCoreApplication.translate("ImportWizard", "Company name"),
        "domain": QCoreApplication.translate("ImportWizard", "Domain"),
        "website": QCoreApplication.translate("ImportWizard", "Web site"),
        "sector": QCoreApplication.translate("ImportWizard", "Sector"),
        "employees": QCoreApplication.translate("ImportWizard", "Employees"),
        "country": QCoreApplication.translate("ImportWizard", "Country"),
        "owner": QCoreApplication.translate("ImportWizard", "Owner"),
        "phone": QCoreApplication.translate("ImportWizard", "Phone"),
        "external_id": QCoreApplication.translate("ImportWizard", "Id in the other tool"),
        "deleted": QCoreApplication.translate("ImportWizard", "Deleted"),
        "first_name": QCoreApplication.translate("ImportWizard", "First name"),
        "middle_name": QCoreApplication.translate("ImportWizard", "Middle name"),
        "last_name": QCoreApplication.translate("ImportWizard", "Last name"),
        "full_name": QCoreApplication.translate("ImportWizard", "Full name"),
        "prefix": QCoreApplication.translate("ImportWizard", "Title (Mr, Ms…)"),
        "email": QCoreApplication.translate("ImportWizard", "E-mail"),
        "email_label": QCoreApplication.translate("ImportWizard", "E-mail label"),
        "email2": QCoreApplication.translate("ImportWizard", "Other e-mail"),
        "email2_label": QCoreApplication.translate("ImportWizard", "Other e-mail label"),
        "email3": QCoreApplication.translate("ImportWizard", "Third e-mail"),
        "email3_label": QCoreApplication.translate("ImportWizard", "Third e-mail label"),
        "email4": QCoreApplication.translate("ImportWizard", "Fourth e-mail"),
        "email4_label": QCoreApplication.translate("ImportWizard", "Fourth e-mail label"),
        "title": QCoreApplication.translate("ImportWizard", "Job title"),
        "company": QCoreApplication.translate("ImportWizard", "Company"),
        "company_external_id": QCoreApplication.translate(
            "ImportWizard", "Company id in the other tool"
        ),
        "notes": QCoreApplication.translate("ImportWizard", "Notes"),
        "deal_name": QCoreApplication.translate("ImportWizard", "Deal name"),
        "stage": QCoreApplication.translate("ImportWizard", "Stage"),
        "status": QCoreApplication.translate("ImportWizard", "Status"),
        "amount": QCoreApplication.translate("ImportWizard", "Amount"),
        "closed": QCoreApplication.translate("ImportWizard", "Closed"),
        "won": QCoreApplication.translate("ImportWizard", "Won"),
        "closed_at": QCoreApplication.translate("ImportWizard", "Close date"),
        "won_at": QCoreApplication.translate("ImportWizard", "Won on"),
        "lost_at": QCoreApplication.translate("ImportWizard", "Lost on"),
        "created_at": QCoreApplication.translate("ImportWizard", "Created on"),
    }
    kinds = {
        "companies": QCoreApplication.translate("ImportWizard", "Company"),
        "contacts": QCoreApplication.translate("ImportWizard", "Contact"),
        "deals": QCoreApplication.translate("ImportWizard", "Deal"),
    }
    text = names.get(name, name.replace("_", " "))
    return f"{kinds.get(kind, kind)} — {text}" if kind else text


def _reasons() -> list[tuple[re.Pattern[str], str]]:
    return [
        (
            re.compile(r"^(.+) is not a number$"),
            QCoreApplication.translate("ImportWizard", "%1 is not a number"),
        ),
        (
            re.compile(r"^(.+) is not a whole number of 0 or more$"),
            QCoreApplication.translate("ImportWizard", "%1 is not a whole number of 0 or more"),
        ),
        (
            re.compile(r"^(.+) is not a (?:valid )?date$"),
            QCoreApplication.translate("ImportWizard", "%1 is not a valid date"),
        ),
        (
            re.compile(r"^no company, and a personal e-mail address \(give --account NAME\)$"),
            QCoreApplication.translate(
                "ImportWizard",
                "no company, and a personal e-mail address (choose an account for them)",
            ),
        ),
        (
            re.compile(r"^no company and no e-mail \(give --account NAME\)$"),
            QCoreApplication.translate(
                "ImportWizard", "no company and no e-mail (choose an account for them)"
            ),
        ),
        (
            re.compile(r"^no company, and no account has their e-mail domain"),
            QCoreApplication.translate(
                "ImportWizard",
                "no company, and no account has their e-mail domain (choose an account for them)",
            ),
        ),
        (
            re.compile(r"^a deal without a company"),
            QCoreApplication.translate(
                "ImportWizard", "a deal without a company (choose an account for it)"
            ),
        ),
        (
            re.compile(r"^no name nor e-mail$"),
            QCoreApplication.translate("ImportWizard", "no name nor e-mail"),
        ),
        (
            re.compile(r"^a deal closed before it was created$"),
            QCoreApplication.translate("ImportWizard", "a deal closed before it was created"),
        ),
        (
            re.compile(r"^a report's totals or footer line$"),
            QCoreApplication.translate("ImportWizard", "a report's totals or footer line"),
        ),
        (
            re.compile(r"^cancelled event$"),
            QCoreApplication.translate("ImportWizard", "cancelled event"),
        ),
        (
            re.compile(r"^no attendee nor organizer is a known stakeholder"),
            QCoreApplication.translate(
                "ImportWizard",
                "no attendee nor organizer is a known stakeholder or from a known account's domain",
            ),
        ),
        (
            re.compile(r"^not a text file \(binary data\)"),
            QCoreApplication.translate(
                "ImportWizard", "not a text file (binary data): nothing ABM Desk can import"
            ),
        ),
        (
            re.compile(r"^not a file ABM Desk can import"),
            QCoreApplication.translate(
                "ImportWizard",
                "not a file ABM Desk can import: not a HubSpot, Salesforce, Pipedrive, "
                "LinkedIn, Google or Outlook export, a vCard nor an iCalendar file",
            ),
        ),
        (
            re.compile(r"^the file is empty$"),
            QCoreApplication.translate("ImportWizard", "the file is empty"),
        ),
        (
            re.compile(r"^no such file$"),
            QCoreApplication.translate("ImportWizard", "no such file"),
        ),
        (
            re.compile(r"^this column appears twice$"),
            QCoreApplication.translate("ImportWizard", "this column appears twice"),
        ),
        (
            re.compile(r"^the name was lost to an encoding error"),
            QCoreApplication.translate(
                "ImportWizard",
                "the name was lost to an encoding error in the source file (only '?' left)",
            ),
        ),
        (
            re.compile(r"^no company name nor domain$"),
            QCoreApplication.translate("ImportWizard", "no company name nor domain"),
        ),
        (
            re.compile(r"^deleted in the source tool$"),
            QCoreApplication.translate("ImportWizard", "deleted in the source tool"),
        ),
        (
            re.compile(r"^a deal without a name$"),
            QCoreApplication.translate("ImportWizard", "a deal without a name"),
        ),
        (
            re.compile(r"^no start \\(DTSTART\\)$"),
            QCoreApplication.translate("ImportWizard", "no start (DTSTART)"),
        ),
        (
            re.compile(r"^no attendee or organizer e-mail"),
            QCoreApplication.translate(
                "ImportWizard", "no attendee or organizer e-mail: nothing links it to an account"
            ),
        ),
        (
            re.compile(r"^a company card without a name$"),
            QCoreApplication.translate("ImportWizard", "a company card without a name"),
        ),
        (
            re.compile(r"^a contact group, not a person$"),
            QCoreApplication.translate("ImportWizard", "a contact group, not a person"),
        ),
        (
            re.compile(r"^no name, e-mail, phone nor company$"),
            QCoreApplication.translate("ImportWizard", "no name, e-mail, phone nor company"),
        ),
        (
            re.compile(r"^recurring event with no occurrence between"),
            QCoreApplication.translate(
                "ImportWizard", "recurring event with no occurrence in the import period"
            ),
        ),
        (
            re.compile(r"^recurring event: only its first (\\d+) occurrences kept$"),
            QCoreApplication.translate(
                "ImportWizard", "recurring event: only its first %1 occurrences kept"
            ),
        ),
        (
            re.compile(r"^no column '(.+?)' for \S+ \(the columns are: (.+)\)$"),
            QCoreApplication.translate(
                "ImportWizard", "the file has no column '%1' any more (its columns: %2)"
            ),
        ),
        (
            re.compile(r"^nothing to import: (.+)$"),
            QCoreApplication.translate("ImportWizard", "nothing to import: %1"),
        ),
    ]


def reason_text(message: str) -> str:
    """A reason or refusal of the import service, in the user's language when known."""
    for pattern, text in _reasons():
        found = pattern.match(message)
        if found:
            for number, value in enumerate(found.groups(), start=1):
                text = text.replace(f"%{number}", value)
            return text
    return message


def counts_text(counts: dict[str, Any], fmt: Any, dry_run: bool = False) -> str:
    """One line per kind: « Comptes : 2 créés, 1 mis à jour, 3 inchangés »."""
    lines = []
    for kind in imports.KINDS:
        c = counts.get(kind)
        if c is None:
            continue
        values = c if isinstance(c, dict) else vars(c)
        created, updated = values.get("created", 0), values.get("updated", 0)
        unchanged, skipped = values.get("unchanged", 0), values.get("skipped", 0)
        if not (created or updated or unchanged or skipped):
            continue
        text = QCoreApplication.translate(
            "ImportWizard", "%1: %2 created, %3 updated, %4 unchanged"
        )
        if dry_run:
            text = QCoreApplication.translate(
                "ImportWizard", "%1: %2 to create, %3 to update, %4 unchanged"
            )
        text = (
            text.replace("%1", kind_label(kind))
            .replace("%2", fmt.integer(created))
            .replace("%3", fmt.integer(updated))
            .replace("%4", fmt.integer(unchanged))
        )
        if skipped:
            text += QCoreApplication.translate("ImportWizard", ", %1 left out").replace(
                "%1", fmt.integer(skipped)
            )
        lines.append(text)
    return "\n".join(lines)


def changes_of(tables: Sequence[str]) -> Changes:
    """The Changes to announce for the tables an import (or its undo) wrote to."""
    known = {"accounts", "stakeholders", "deals", "interactions"}
    return Changes(**{t: True for t in tables if t in known})


def import_settings() -> QSettings:
    """The columns chosen per format: a preference of this computer, not of the database."""
    return QSettings(str(user_data_dir() / "import.ini"), QSettings.Format.IniFormat)


class ImportCancelled(Exception):
    """Raised in the worker by the progress callback once the user cancels."""


class RowsModel(QAbstractTableModel):
    """A read-only table of texts (files, preview rows, counts, problems, batches)."""

    def __init__(self, headers: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[str, ...]] = []
        self._right: set[int] = set()
        self._tips: list[str] = []

    def set_rows(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        right: Sequence[int] = (),
        tips: Sequence[str] = (),
    ) -> None:
        self.beginResetModel()
        self._headers = list(headers)
        width = len(self._headers)
        self._rows = [
            tuple(("" if v is None else str(v)) for v in (list(r) + [""] * width)[:width])
            for r in rows
        ]
        self._right = set(right)
        self._tips = list(tips)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.row() < len(self._tips) and self._tips[index.row()]:
                return self._tips[index.row()]
            return self._rows[index.row()][index.column()] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def row(self, index: int) -> tuple[str, ...]:
        return self._rows[index]


def _table(name: str, model: RowsModel, parent: QWidget, stretch: int = -1) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(stretch < 0)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class _Relay(QObject):
    progress = Signal(str, int)


class ImportWizard(QDialog):
    """ObjectNames: pages ``importFilesPage`` … ``importDonePage`` in ``importPages``;
    ``importAddFiles``, ``importRemoveFile``, ``importFiles``, ``importFormat``,
    ``importMappingFile``, ``importPreview``, ``importMap_<kind.field>``,
    ``importAccount``, ``importCheck``, ``importCounts``, ``importProblems``,
    ``importSummary``, ``importUndo``, ``importError``, buttons ``importBack``,
    ``importNext``, ``importClose``; the progress dialog ``importProgress``."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        paths: Sequence[str | Path] = (),
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import"))
        self.paths: list[str] = []
        self.previews: dict[str, imports.FilePreview] = {}
        self.problems: dict[str, str] = {}
        #: Columns chosen per file, as ``import_files`` takes them.
        self.mappings: dict[str, dict[str, str | None]] = {}
        self.map_boxes: dict[str, QComboBox] = {}
        self.dry_result: imports.ImportResult | None = None
        self.result: imports.ImportResult | None = None
        self.undo_result: imports.UndoResult | None = None
        self.error: str = ""
        self.task: Any = None
        self.progress_dialog: QProgressDialog | None = None
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(500)
        self._check_timer.timeout.connect(self.start_dry_run)

        self.title = QLabel(self)
        self.title.setObjectName("importTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("importPages")
        self.pages.addWidget(self._files_page())
        self.pages.addWidget(self._columns_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._done_page())
        self.error_label = QLabel(self)
        self.error_label.setObjectName("importError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet("color: #b00020;")
        self.back = QPushButton(self.tr("< &Back"), self)
        self.back.setObjectName("importBack")
        self.back.clicked.connect(self.go_back)
        self.next = QPushButton(self.tr("&Next >"), self)
        self.next.setObjectName("importNext")
        self.next.setDefault(True)
        self.next.clicked.connect(self.go_next)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.close_button.setObjectName("importClose")
        self.close_button.clicked.connect(self.reject)
        # Enter goes to Next / Import, never to Cancel (which has the focus while the
        # buttons before it are disabled).
        for button in (self.back, self.close_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        buttons.addSpacing(12)
        buttons.addWidget(self.close_button)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(line)
        layout.addLayout(buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(820, 560)
        self.resize(1100, 700)
        self.setAcceptDrops(True)  # more files dropped on the first page
        if paths:
            self.add_files([str(p) for p in paths])
        else:
            self._fill_files()
        self._show_page(PAGE_FILES)

    # --- pages ------------------------------------------------------------------------

    def _files_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("importFilesPage")
        intro = QLabel(
            self.tr(
                "Choose the files exported from your other tools: HubSpot, Salesforce, "
                "Pipedrive, LinkedIn, Google Contacts, Outlook, a vCard address book or an "
                "iCalendar calendar. You can also drop them on the main window. ABM Desk "
                "recognises each file from its content."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add files…"), page)
        self.add_button.setObjectName("importAddFiles")
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("&Remove"), page)
        self.remove_button.setObjectName("importRemoveFile")
        self.remove_button.clicked.connect(self.remove_selected)
        self.files_model = RowsModel(parent=self)
        self.files_view = _table("importFiles", self.files_model, page)
        self.files_view.selectionModel().selectionChanged.connect(self._on_file_selection)
        self.format = QComboBox(page)
        self.format.setObjectName("importFormat")
        self.format.addItem(self.tr("Recognised from each file's content"), "auto")
        for name in imports.FORMATS:
            self.format.addItem(format_label(name), name)
        self.format.currentIndexChanged.connect(self._on_format)
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.files_view, 1)
        row.addLayout(side)
        form = QFormLayout()
        form.addRow(self.tr("&Read the files as:"), self.format)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        layout.addLayout(form)
        return page

    def _columns_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("importColumnsPage")
        intro = QLabel(
            self.tr(
                "For each piece of information ABM Desk keeps, the column of the file it is "
                "read from. Change a column when the guess is wrong: your choice is "
                "remembered for the next files of this format."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.mapping_file = QComboBox(page)
        self.mapping_file.setObjectName("importMappingFile")
        self.mapping_file.currentIndexChanged.connect(self._fill_mapping)
        self.preview_model = RowsModel(parent=self)
        self.preview_view = _table("importPreview", self.preview_model, page)
        self.map_area = QScrollArea(page)
        self.map_area.setObjectName("importMapping")
        self.map_area.setWidgetResizable(True)
        self.map_area.setFrameShape(QFrame.Shape.NoFrame)
        preview_box = QWidget(page)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel(self.tr("First rows of the file:"), preview_box))
        preview_layout.addWidget(self.preview_view, 1)
        map_box = QWidget(page)
        map_layout = QVBoxLayout(map_box)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addWidget(QLabel(self.tr("Columns read:"), map_box))
        map_layout.addWidget(self.map_area, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.setObjectName("importColumnsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(preview_box)
        splitter.addWidget(map_box)
        splitter.setSizes([180, 320])
        form = QFormLayout()
        form.addRow(self.tr("&File:"), self.mapping_file)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("importCheckPage")
        intro = QLabel(
            self.tr(
                "What the import would do, checked without writing anything. Rows that "
                "would be refused or left out are listed below with their file and line."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.account = QComboBox(page)
        self.account.setObjectName("importAccount")
        self.account.setEditable(True)
        self.account.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account.lineEdit().setPlaceholderText(self.tr("None: such contacts are left out"))
        self.account.lineEdit().setClearButtonEnabled(True)
        self.account.setMinimumContentsLength(28)
        self.account.editTextChanged.connect(lambda _text: self._check_timer.start())
        self.check_button = QPushButton(self.tr("Check &again"), page)
        self.check_button.setObjectName("importCheck")
        self.check_button.clicked.connect(self.start_dry_run)
        account_row = QHBoxLayout()
        account_row.addWidget(self.account, 1)
        account_row.addWidget(self.check_button)
        form = QFormLayout()
        account_label = QLabel(self.tr("Contacts without a &company go to account:"), page)
        account_label.setBuddy(self.account)
        form.addRow(account_label, account_row)
        self.busy = QProgressBar(page)
        self.busy.setObjectName("importCheckBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.check_status = QLabel(page)
        self.check_status.setObjectName("importCheckSummary")
        self.check_status.setWordWrap(True)
        self.counts_model = RowsModel(parent=self)
        self.counts_view = _table("importCounts", self.counts_model, page)
        self.counts_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.problems_model = RowsModel(parent=self)
        self.problems_view = _table("importProblems", self.problems_model, page)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.check_status)
        layout.addWidget(self.counts_view)
        self.problems_label = QLabel(self.tr("Rows refused or left out:"), page)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems_view, 1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("importDonePage")
        self.summary = QLabel(page)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_model = RowsModel(parent=self)
        self.result_view = _table("importResultCounts", self.result_model, page)
        self.result_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.undo_button = QPushButton(self.tr("&Undo this import"), page)
        self.undo_button.setObjectName("importUndo")
        self.undo_button.clicked.connect(self.undo_import)
        self.undo_status = QLabel(page)
        self.undo_status.setObjectName("importUndoStatus")
        self.undo_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addWidget(self.undo_status, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.result_view)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # --- navigation -------------------------------------------------------------------

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def _table_files(self) -> list[str]:
        return [p for p in self.paths if p in self.previews and self.previews[p].headers]

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        titles = {
            PAGE_FILES: self.tr("1. Files to import"),
            PAGE_COLUMNS: self.tr("2. Columns"),
            PAGE_CHECK: self.tr("3. Check before importing"),
            PAGE_DONE: self.tr("Import finished"),
        }
        self.title.setText(titles[index])
        self._set_error(next(iter(self.problems.values()), "") if index == PAGE_FILES else "")
        if index == PAGE_COLUMNS:
            self._fill_mapping_files()
        elif index == PAGE_CHECK:
            self._fill_accounts()
            self.start_dry_run()
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.current_page()
        running = self.task is not None
        self.back.setVisible(page != PAGE_DONE)
        self.back.setEnabled(page != PAGE_FILES and not running)
        self.next.setVisible(page != PAGE_DONE)
        self.next.setText(self.tr("&Import") if page == PAGE_CHECK else self.tr("&Next >"))
        if page == PAGE_FILES:
            ready = bool(self.paths) and not self.problems
            self.next.setEnabled(ready and not running)
        elif page == PAGE_CHECK:
            dry = self.dry_result
            self.next.setEnabled(
                not running and dry is not None and not dry.refusals and not self.error
            )
        else:
            self.next.setEnabled(not running)
        self.close_button.setText(self.tr("Close") if page == PAGE_DONE else self.tr("Cancel"))

    def go_next(self) -> None:
        page = self.current_page()
        if page == PAGE_FILES:
            self._show_page(PAGE_COLUMNS if self._table_files() else PAGE_CHECK)
        elif page == PAGE_COLUMNS:
            self._show_page(PAGE_CHECK)
        elif page == PAGE_CHECK:
            self.start_import()

    def go_back(self) -> None:
        page = self.current_page()
        if page == PAGE_CHECK:
            self._cancel_task()
            self._show_page(PAGE_COLUMNS if self._table_files() else PAGE_FILES)
        elif page == PAGE_COLUMNS:
            self._show_page(PAGE_FILES)

    def _set_error(self, text: str) -> None:
        self.error = text
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # --- files ------------------------------------------------------------------------

    def choose_files(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Files to import"),
            folder or str(Path.home()),
            self.tr(
                "Exports and address books (*.csv *.txt *.xlsx *.vcf *.vcard *.ics);;All files (*)"
            ),
        )
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[str | Path]) -> None:
        """Add files (a folder is refused with one line: bundles have their own import)."""
        for raw in paths:
            path = str(Path(raw))
            if path not in self.paths:
                self.paths.append(path)
        self._preview_all()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.files_view.selectionModel().selectedRows()})
        for row in reversed(rows):
            path = self.paths.pop(row)
            self.previews.pop(path, None)
            self.problems.pop(path, None)
            self.mappings.pop(path, None)
        self._fill_files()

    def _on_file_selection(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.files_view.selectionModel().hasSelection())

    def _on_format(self) -> None:
        self.mappings.clear()
        self._preview_all()

    def _preview_all(self) -> None:
        fmt = self.format.currentData() or "auto"
        self.previews.clear()
        self.problems.clear()
        for path in self.paths:
            if Path(path).is_dir():
                self.problems[path] = self.tr(
                    "is a folder: choose the files inside it (an ABM Desk bundle is opened "
                    "with the command line, import --format native)"
                )
                continue
            try:
                found = imports.preview_file(path, fmt)
            except AbmError as exc:
                self.problems[path] = _one_line(exc)
                continue
            except (OSError, ValueError, UnicodeError) as exc:
                self.problems[path] = f"{Path(path).name}: {exc}"
                continue
            self.previews[path] = found
            if found.headers:
                self.mappings[path] = self._remembered(found)
        self._fill_files()

    def _fill_files(self) -> None:
        headers = [self.tr("File"), self.tr("Format"), self.tr("Encoding"), self.tr("Status")]
        rows, tips = [], []
        for path in self.paths:
            found = self.previews.get(path)
            if found is None:
                problem = self.problems.get(path, "")
                rows.append((Path(path).name, "—", "—", problem))
                tips.append(problem)
                continue
            if found.headers:
                status = self.tr("%1 columns").replace(
                    "%1", self.ctx.fmt.integer(len(found.headers))
                )
            else:
                status = self.tr("ready")
            encoding = found.encoding.upper() if found.encoding else "—"
            if found.encoding == "xlsx":
                encoding = self.tr("Excel workbook")
            rows.append((Path(path).name, format_label(found.format), encoding, status))
            tips.append(path)
        self.files_model.set_rows(headers, rows, tips=tips)
        self._on_file_selection()
        header = self.files_view.horizontalHeader()
        for column, width in enumerate((300, 200, 130)):
            header.resizeSection(column, width)
        first = next(iter(self.problems.values()), "")
        if self.current_page() == PAGE_FILES:
            self._set_error(first)
        self._update_buttons()

    # --- columns ----------------------------------------------------------------------

    def _remembered(self, found: imports.FilePreview) -> dict[str, str | None]:
        mapping = dict(found.mapping)
        settings = import_settings()
        settings.beginGroup(f"columns/{found.format}")
        for key in mapping:
            stored = settings.value(key)
            if stored is None:
                continue
            stored = str(stored)
            if stored == "":
                mapping[key] = None
            elif stored in found.headers:
                mapping[key] = stored
        settings.endGroup()
        return mapping

    def _fill_mapping_files(self) -> None:
        current = self.mapping_file.currentData()
        self.mapping_file.blockSignals(True)
        self.mapping_file.clear()
        for path in self._table_files():
            found = self.previews[path]
            self.mapping_file.addItem(f"{Path(path).name} ({format_label(found.format)})", path)
        index = self.mapping_file.findData(current)
        self.mapping_file.setCurrentIndex(max(index, 0))
        self.mapping_file.blockSignals(False)
        self._fill_mapping()

    def _fill_mapping(self) -> None:
        path = self.mapping_file.currentData()
        found = self.previews.get(path) if path else None
        holder = QWidget()
        form = QFormLayout(holder)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.map_boxes = {}
        if found is None:
            self.preview_model.set_rows([], [])
            self.map_area.setWidget(holder)
            return
        self.preview_model.set_rows(found.headers, found.rows)
        self.preview_view.resizeColumnsToContents()
        mapping = self.mappings.setdefault(path, dict(found.mapping))
        several_kinds = len({k.split(".", 1)[0] for k in mapping}) > 1
        for key, column in mapping.items():
            box = QComboBox(holder)
            box.setObjectName(f"importMap_{key}")
            box.addItem(self.tr("— not read —"), None)
            for i, header in enumerate(found.headers):
                if header:
                    box.addItem(_with_sample(header, i, found.rows), header)
            index = box.findData(column) if column else 0
            box.setCurrentIndex(max(index, 0))
            box.currentIndexChanged.connect(
                lambda _i, key=key, box=box: self._on_mapping(key, box.currentData())
            )
            label = field_label(key) if several_kinds else field_label(key).split(" — ")[-1]
            form.addRow(label + self.tr(":"), box)
            self.map_boxes[key] = box
        self.map_area.setWidget(holder)

    def _on_mapping(self, key: str, column: str | None) -> None:
        path = self.mapping_file.currentData()
        if not path:
            return
        self.mappings.setdefault(path, {})[key] = column
        fmt = self.previews[path].format
        settings = import_settings()
        settings.setValue(f"columns/{fmt}/{key}", column or "")
        settings.sync()
        self.dry_result = None

    def set_mapping(self, key: str, column: str | None) -> None:
        """Choose the column of ``key`` in the file shown (as the user would)."""
        box = self.map_boxes[key]
        box.setCurrentIndex(box.findData(column) if column else 0)

    # --- dry run ----------------------------------------------------------------------

    def _fill_accounts(self) -> None:
        if self.account.count():
            return
        try:
            names = [c.name for c in records.account_choices(self.ctx.engine)]
        except AbmError as exc:
            log.warning("account list unreadable: %s", exc)
            names = []
        self.account.blockSignals(True)
        self.account.addItem("")
        self.account.addItems(names)
        self.account.setCurrentIndex(0)
        self.account.blockSignals(False)

    def _arguments(self) -> dict[str, Any]:
        account = self.account.currentText().strip() or None
        mappings = {p: dict(m) for p, m in self.mappings.items() if p in self.previews}
        return {
            "paths": list(self.paths),
            "format": self.format.currentData() or "auto",
            "account": account,
            "mappings": mappings,
        }

    def start_dry_run(self) -> None:
        if self.current_page() != PAGE_CHECK:
            return
        self._check_timer.stop()
        self._cancel_task()
        self.dry_result = None
        self._set_error("")
        self.counts_model.set_rows([], [])
        self.problems_model.set_rows([], [])
        self.busy.setVisible(True)
        self.check_status.setText(self.tr("Checking the files…"))
        engine, arguments = self.ctx.engine, self._arguments()

        def work(task: Task) -> imports.ImportResult:
            def progress(_step: str, _done: int) -> None:
                if task.is_cancelled():  # the user went back, or the window closes
                    raise ImportCancelled

            return imports.import_files(engine, dry_run=True, progress=progress, **arguments)

        self.task = self.ctx.runner.submit(
            work,
            on_done=self._on_dry_run,
            on_error=self._on_dry_error,
            name="import-check",
            pass_task=True,
        )
        self._update_buttons()

    def _on_dry_run(self, result: imports.ImportResult) -> None:
        self.task = None
        self.dry_result = result
        self.busy.setVisible(False)
        self._fill_counts(self.counts_model, self.counts_view, result.counts, dry_run=True)
        self._fill_problems(result)
        fmt = self.ctx.fmt
        if result.refusals:
            text = self.tr(
                "Values that cannot be read: %1. The import would be refused and nothing "
                "written. Correct the file (or its columns) and check again."
            ).replace("%1", fmt.integer(len(result.refusals)))
            first = result.refusals[0]
            self._set_error(_where(first) + reason_text(first.message))
        elif not any(c.created or c.updated for c in result.counts.values()):
            text = self.tr("The database already holds all of it: importing would change nothing.")
        else:
            text = self.tr("Ready to import. Nothing has been written yet.")
        self.check_status.setText(text)
        self._update_buttons()
        if self.next.isEnabled() and self.isVisible():
            self.next.setFocus()

    def _on_dry_error(self, exc: BaseException) -> None:
        self.task = None
        self.busy.setVisible(False)
        self.check_status.setText(self.tr("The files cannot be imported."))
        self._set_error(_one_line(exc))
        self._update_buttons()

    def _fill_counts(
        self, model: RowsModel, view: QTableView, counts: dict[str, Any], dry_run: bool
    ) -> None:
        fmt = self.ctx.fmt
        if dry_run:
            headers = [self.tr("Kind"), self.tr("To create"), self.tr("To update")]
        else:
            headers = [self.tr("Kind"), self.tr("Created"), self.tr("Updated")]
        headers += [self.tr("Unchanged"), self.tr("Left out")]
        rows = []
        for kind in imports.KINDS:
            c = counts.get(kind)
            if c is None or not (c.created or c.updated or c.unchanged or c.skipped):
                continue
            rows.append(
                (
                    kind_label(kind),
                    fmt.integer(c.created),
                    fmt.integer(c.updated),
                    fmt.integer(c.unchanged),
                    fmt.integer(c.skipped),
                )
            )
        model.set_rows(headers, rows, right=(1, 2, 3, 4))
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        height = view.horizontalHeader().height() + 2 * view.frameWidth()
        height += sum(view.rowHeight(r) for r in range(model.rowCount())) or 0
        view.setFixedHeight(max(height, view.horizontalHeader().height() + 30))

    def _fill_problems(self, result: imports.ImportResult) -> None:
        headers = [self.tr("What"), self.tr("File"), self.tr("Line"), self.tr("Column")]
        headers.append(self.tr("Reason"))
        rows = []
        fmt = self.ctx.fmt
        for r in result.refusals:
            line = fmt.integer(r.line) if r.line is not None else ""
            rows.append(
                (self.tr("Refused"), r.file or "", line, r.column or "", reason_text(r.message))
            )
        for s in result.skipped:
            src = s.source
            line = fmt.integer(src.line) if src.line is not None else ""
            rows.append(
                (left_out_label(s.kind), Path(src.file).name, line, "", reason_text(s.reason))
            )
        self.problems_model.set_rows(headers, rows, right=(2,))
        header = self.problems_view.horizontalHeader()
        for column, width in enumerate((140, 180, 55, 120)):
            header.resizeSection(column, width)
        self.problems_label.setText(
            self.tr("Rows refused or left out (%1):").replace("%1", fmt.integer(len(rows)))
            if rows
            else self.tr("No row refused or left out.")
        )

    # --- import -----------------------------------------------------------------------

    def start_import(self) -> None:
        if self.task is not None or self.dry_result is None:
            return
        engine, arguments = self.ctx.engine, self._arguments()
        self._cancel.clear()
        relay, cancel = self._relay, self._cancel

        def work(task: Task) -> imports.ImportResult:
            def progress(step: str, done: int) -> None:
                # Cancel, or the window closing: the transaction rolls back.
                if cancel.is_set() or task.is_cancelled():
                    raise ImportCancelled
                relay.progress.emit(step, done)

            return imports.import_files(engine, progress=progress, **arguments)

        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(self.cancel_import)
        self.progress_dialog = dialog
        self.task = self.ctx.runner.submit(
            work,
            on_done=self._on_imported,
            on_error=self._on_import_error,
            name="import",
            pass_task=True,
        )
        self._update_buttons()

    def cancel_import(self) -> None:
        """Cancel: the worker stops at its next step and its transaction rolls back."""
        self._cancel.set()
        self.check_status.setText(self.tr("Cancelling…"))
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(self.tr("Cancelling…"))

    def _on_progress(self, step: str, done: int) -> None:
        dialog = self.progress_dialog
        if dialog is None or self._cancel.is_set():
            return
        steps = {
            "accounts": self.tr("Matching the companies…"),
            "stakeholders": self.tr("Matching the contacts…"),
            "written": self.tr("Saving…"),
        }
        text = steps.get(step) or self.tr("Reading %1…").replace("%1", step)
        if done:
            text += "\n" + self.tr("%1 records").replace("%1", self.ctx.fmt.integer(done))
        dialog.setLabelText(text)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self.cancel_import)
            self.progress_dialog.reset()
            self.progress_dialog.hide()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _on_imported(self, result: imports.ImportResult) -> None:
        self.task = None
        self._close_progress()
        self.result = result
        self.ctx.announce(changes_of(result.changed_tables))
        fmt = self.ctx.fmt
        if result.batch_id is not None:
            text = self.tr(
                "The import is saved as batch %1. You can undo it here or later from "
                "File ▸ Import history."
            ).replace("%1", str(result.batch_id))
        else:
            text = self.tr("The database already held all of it: nothing changed.")
        if result.skipped:
            text += "\n" + self.tr("Rows left out: %1 (listed on the check page).").replace(
                "%1", fmt.integer(len(result.skipped))
            )
        text += "\n" + self.tr("Done in %1 s.").replace("%1", fmt.number(result.seconds, 1))
        self.summary.setText(text)
        self._fill_counts(self.result_model, self.result_view, result.counts, dry_run=False)
        self.undo_button.setVisible(result.batch_id is not None)
        self.undo_button.setEnabled(True)
        self.undo_status.clear()
        self._show_page(PAGE_DONE)

    def _on_import_error(self, exc: BaseException) -> None:
        self.task = None
        self._close_progress()
        if isinstance(exc, ImportCancelled):
            self.check_status.setText(self.tr("Import cancelled: nothing was written."))
            self._set_error("")
        else:
            if not isinstance(exc, AbmError):
                log.error("import failed", exc_info=exc)
            self._set_error(_one_line(exc))
        self._update_buttons()

    # --- undo -------------------------------------------------------------------------

    def undo_import(self) -> None:
        from abmdesk.ui import import_history

        result = self.result
        if result is None or result.batch_id is None or self.task is not None:
            return
        files = [Path(f.path).name for f in result.files]
        if not import_history.confirm_undo(self, import_history.batch_description(files)):
            return
        self.undo_button.setEnabled(False)
        self.undo_status.setText(self.tr("Undoing the import…"))

        def done(undo: imports.UndoResult) -> None:
            self.task = None
            self.undo_result = undo
            self.undo_status.setText(import_history.undo_text(undo, self.ctx.fmt))
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            self.task = None
            self.undo_button.setEnabled(True)
            self.undo_status.clear()
            self._set_error(_one_line(exc))
            self._update_buttons()

        self.task = import_history.start_undo(self.ctx, result.batch_id, done, failed)

    # --- drops ------------------------------------------------------------------------

    def _dropped(self, event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if self.current_page() != PAGE_FILES or self.task is not None or not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped(event)
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
        else:
            event.ignore()

    # --- closing ----------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.task is not None

    def _cancel_task(self) -> None:
        # Only a dry run is dropped: its result is not needed any more.
        if self.task is not None and self.result is None and self.progress_dialog is None:
            self.task.cancel()
            self.task = None

    def reject(self) -> None:
        if self.progress_dialog is not None:
            self.cancel_import()
            return  # closes once the worker has stopped and rolled back
        self._check_timer.stop()
        if self.task is not None and self.undo_result is None and self.result is None:
            self.task.cancel()
            self.task = None
        super().reject()


def _with_sample(header: str, column: int, rows: Sequence[Sequence[str]]) -> str:
    """« Adresse e-mail — sophie.moreau@delta.fr »: the column and its first value."""
    sample = next((r[column] for r in rows if column < len(r) and r[column].strip()), "")
    if len(sample) > 40:
        sample = sample[:39] + "…"
    return f"{header} — {sample}" if sample else header


def _where(refusal: imports.Refusal) -> str:
    where = []
    if refusal.file:
        where.append(Path(refusal.file).name)
    if refusal.line is not None:
        where.append(
            QCoreApplication.translate("ImportWizard", "line %1").replace("%1", str(refusal.line))
        )
    if refusal.column:
        where.append(
            QCoreApplication.translate("ImportWizard", "column '%1'").replace("%1", refusal.column)
        )
    return (
        QCoreApplication.translate("ImportWizard", "%1: ").replace("%1", ", ".join(where))
        if where
        else ""
    )


def _one_line(exc: BaseException) -> str:
    """One clear line: where (file, line, column) and what."""
    from abmdesk.errors import DataError

    if isinstance(exc, DataError):
        return _where(imports.Refusal.of(exc)) + reason_text(exc.message)
    if isinstance(exc, AbmError):
        return str(exc)
    return QCoreApplication.translate("ImportWizard", "The import failed: %1").replace(
        "%1", str(exc) or type(exc).__name__
    )
