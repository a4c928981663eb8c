"""The main window: five tabs, the menus, the quick-log shortcut, the window state."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLayout,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)
from sqlalchemy import Engine

import abmdesk
from abmdesk.errors import AbmError
from abmdesk.paths import APP_NAME, user_data_dir
from abmdesk.services.database import open_db
from abmdesk.services.settings import load_settings
from abmdesk.ui.accounts_tab import AccountsTab
from abmdesk.ui.changes import Changes
from abmdesk.ui.context import AppContext
from abmdesk.ui.formatting import Formatter
from abmdesk.ui.interactions_tab import InteractionsTab
from abmdesk.ui.kpi_tab import KpiTab
from abmdesk.ui.map_tab import MapTab
from abmdesk.ui.pipeline_tab import PipelineTab
from abmdesk.ui.tasks import TaskRunner

log = logging.getLogger("abmdesk.ui")

STATE_VERSION = 1


def window_settings() -> QSettings:
    """Window geometry and layout: apart from the preferences (which live in the db)."""
    return QSettings(str(user_data_dir() / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """Objectname ``MainWindow``; tabs ``accountsTab`` … ``kpiTab`` (SPEC 5)."""

    changes_applied = Signal(object)  # Changes

    def __init__(
        self,
        engine: Engine,
        db_path: str | Path,
        *,
        owns_engine: bool = True,
        restore_state: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self._owns_engine = owns_engine
        self._save_state = restore_state
        self.runner = TaskRunner(self)
        self.ctx = AppContext(
            engine=engine, db_path=Path(db_path), fmt=Formatter(), runner=self.runner
        )
        self.ctx.undo_stack.setParent(self)
        self.ctx.announce = self.apply_changes
        self._load_preferences()

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.accounts_tab = AccountsTab(self.ctx, self.tabs)
        self.map_tab = MapTab(self.ctx, self.tabs)
        self.interactions_tab = InteractionsTab(self.ctx, self.tabs)
        self.pipeline_tab = PipelineTab(self.ctx, self.tabs)
        self.kpi_tab = KpiTab(self.ctx, self.tabs)
        self.tabs.addTab(self.accounts_tab, self.tr("Accounts"))
        self.tabs.addTab(self.map_tab, self.tr("Account map"))
        self.tabs.addTab(self.interactions_tab, self.tr("Interactions"))
        self.tabs.addTab(self.pipeline_tab, self.tr("Pipeline"))
        self.tabs.addTab(self.kpi_tab, self.tr("KPIs"))
        self.setCentralWidget(self.tabs)

        self.accounts_tab.account_activated.connect(self.show_account_map)
        self.kpi_tab.account_clicked.connect(self.show_account_map)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self.db_label = QLabel(self)
        self.db_label.setObjectName("statusDatabase")
        self.statusBar().setObjectName("statusBar")
        self.statusBar().addPermanentWidget(self.db_label)
        self._update_title()
        # The layout must not push its minimum size onto the native window on every
        # change (platforms without size hints, like offscreen, warn each time); a
        # fixed minimum, set before the window exists, is enough.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(900, 600)
        self.resize(1280, 800)
        self.setAcceptDrops(True)  # files dropped on the window open the import wizard
        if restore_state:
            self.restore_window_state()

    # --- building ---------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _create_actions(self) -> None:
        self.open_action = self._action(
            "actionOpenDatabase",
            self.tr("&Open a database…"),
            self.choose_database,
            QKeySequence.StandardKey.Open,
            self.tr("Open another ABM Desk database file"),
        )
        self.export_action = self._action(
            "actionExport",
            self.tr("&Export…"),
            self.show_export_dialog,
            None,
            self.tr("Export accounts, stakeholders, interactions or deals to CSV, Excel or vCard"),
        )
        self.import_action = self._action(
            "actionImport",
            self.tr("&Import…"),
            self.show_import_wizard,
            "Ctrl+I",
            self.tr(
                "Import companies, contacts, deals or meetings from HubSpot, Salesforce, "
                "Pipedrive, LinkedIn, Google, Outlook, vCard or iCalendar files"
            ),
        )
        self.import_history_action = self._action(
            "actionImportHistory",
            self.tr("Import &history…"),
            self.show_import_history,
            None,
            self.tr("The imports made so far, and undoing one of them"),
        )
        self.quit_action = self._action(
            "actionQuit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quick_log_action = self._action(
            "actionQuickLog",
            self.tr("&Log an interaction"),
            self.show_quick_log,
            "Ctrl+L",
            self.tr("Go to the quick-log form (Ctrl+L)"),
        )
        self.quick_log_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.refresh_action = self._action(
            "actionRefresh",
            self.tr("&Refresh"),
            lambda: self.apply_changes(Changes.everything()),
            QKeySequence.StandardKey.Refresh,
            self.tr("Read everything again from the database"),
        )
        self.tab_actions = []
        for i in range(5):
            action = self._action(
                f"actionShowTab{i + 1}",
                "",
                lambda i=i: self.tabs.setCurrentIndex(i),
                f"Ctrl+{i + 1}",
            )
            self.tab_actions.append(action)
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setObjectName("actionUndo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setObjectName("actionRedo")
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
        )
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
        self.settings_action = self._action(
            "actionSettings",
            self.tr("&Preferences…"),
            self.show_settings,
            QKeySequence.StandardKey.Preferences,
            self.tr("Points per interaction type, KPI parameters, your name, the language"),
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self._action("actionAbout", self.tr("&About ABM Desk"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = self._action(
            "actionAboutQt", self.tr("About &Qt"), QApplication.aboutQt
        )
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)
        for i, action in enumerate(self.tab_actions):
            action.setText(self.tabs.tabText(i))

    def _create_menus(self) -> None:
        bar = self.menuBar()
        bar.setObjectName("menuBar")
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menuFile")
        file_menu.addAction(self.open_action)
        self.file_menu = file_menu
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.import_history_action)
        file_menu.addAction(self.export_action)
        from abmdesk.ui.board_report import add_board_report_action

        self.board_report_action = add_board_report_action(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("menuEdit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        self.edit_menu = edit_menu
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("menuView")
        view_menu.addAction(self.quick_log_action)
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        for action in self.tab_actions:
            view_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        self.view_menu = view_menu
        help_menu.addAction(self.about_action)
        help_menu.addAction(self.about_qt_action)

    def _create_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.quick_log_action)
        toolbar.addAction(self.refresh_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    # --- state ------------------------------------------------------------------------

    def _load_preferences(self) -> None:
        try:
            self.ctx.fmt.currency = load_settings(self.ctx.engine).currency
        except AbmError as exc:
            log.warning("settings unreadable: %s", exc)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.ctx.db_path.name} — {APP_NAME}")
        self.db_label.setText(str(self.ctx.db_path))

    def _tables(self) -> list[QTableView]:
        return [t for t in self.findChildren(QTableView) if t.objectName()]

    def restore_window_state(self) -> None:
        """Geometry, toolbars, splitters, column layouts: after every widget exists."""
        settings = window_settings()
        if settings.value("version", 0, int) != STATE_VERSION:
            return
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state, STATE_VERSION)
        splitter = settings.value("map/splitter")
        if isinstance(splitter, QByteArray):
            self.map_tab.splitter.restoreState(splitter)
        for view in self._tables():
            header_state = settings.value(f"headers/{view.objectName()}")
            if isinstance(header_state, QByteArray):
                # Column widths and order come back; every table opens in its usual order.
                header = view.horizontalHeader()
                header.blockSignals(True)
                header.restoreState(header_state)
                model = view.model()
                if hasattr(model, "sort_section") and header.isSortIndicatorShown():
                    header.setSortIndicator(model.sort_section, model.sort_order)
                header.blockSignals(False)
        tab = settings.value("window/tab", 0, int)
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def save_window_state(self) -> None:
        settings = window_settings()
        settings.setValue("version", STATE_VERSION)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState(STATE_VERSION))
        settings.setValue("window/tab", self.tabs.currentIndex())
        settings.setValue("map/splitter", self.map_tab.splitter.saveState())
        for view in self._tables():
            settings.setValue(f"headers/{view.objectName()}", view.horizontalHeader().saveState())
        settings.sync()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The Ctrl+L action handles the key when the window is shown; a key event sent
        # straight to a window not (yet) on screen still reaches the quick log.
        if event.key() == Qt.Key.Key_L and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.show_quick_log()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._save_state:
            self.save_window_state()
        self.runner.shutdown()
        super().closeEvent(event)
        if self._owns_engine:
            self.ctx.engine.dispose()

    # --- operations -------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """Tell every tab what an operation changed; each reloads only what it shows."""
        if not changes:
            return
        if changes.touches("settings"):
            self._load_preferences()
        for tab in (
            self.accounts_tab,
            self.map_tab,
            self.interactions_tab,
            self.pipeline_tab,
            self.kpi_tab,
        ):
            tab.on_changes(changes)
        self.changes_applied.emit(changes)

    def run_operation(self, op: Callable[[], Any], changes: Changes) -> Any:
        """Run a service call that writes, then announce what it changed."""
        try:
            result = op()
        except AbmError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return None
        self.apply_changes(changes)
        return result

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.kpi_tab:
            self.kpi_tab.ensure_computed()  # also when the window is not on screen

    def show_quick_log(self) -> None:
        self.tabs.setCurrentWidget(self.interactions_tab)
        self.interactions_tab.show_quick_log()

    def show_account_map(self, account_id: object) -> None:
        self.tabs.setCurrentWidget(self.map_tab)
        self.map_tab.select_account(account_id)  # type: ignore[arg-type]

    def show_export_dialog(self) -> None:
        """File → Export…: one table to CSV, Excel or vCard, in the background."""
        from abmdesk.ui.export_dialog import ExportDialog

        self.export_dialog = ExportDialog(self.ctx, self)
        self.export_dialog.open()

    def show_import_wizard(self, paths: list[str] | None = None) -> None:
        """File → Import… (or files dropped on the window): the import wizard."""
        from abmdesk.ui.import_wizard import ImportWizard

        self.import_wizard = ImportWizard(self.ctx, self, paths or [])
        self.import_wizard.open()

    def show_import_history(self) -> None:
        """File → Import history…: the import batches, each one can be undone."""
        from abmdesk.ui.import_history import ImportHistoryDialog

        self.import_history = ImportHistoryDialog(self.ctx, self)
        self.import_history.open()

    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_files(event)
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        wizard = getattr(self, "import_wizard", None)
        if wizard is not None and wizard.isVisible() and not wizard.is_running():
            wizard.add_files(paths)  # more files for the wizard already open
            wizard.raise_()
            return
        self.show_import_wizard(paths)

    def choose_database(self) -> None:
        start = str(self.ctx.db_path.parent)
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a database"),
            start,
            self.tr("ABM Desk databases (*.db *.sqlite *.abmdesk);;All files (*)"),
        )
        if path:
            self.open_database(Path(path))

    def open_database(self, path: Path) -> bool:
        """Switch the window to the database at ``path`` (created or migrated)."""
        try:
            engine = open_db(path)
        except AbmError as exc:
            QMessageBox.warning(
                self,
                self.tr("Open a database"),
                self.tr("This database cannot be opened:\n%1").replace("%1", str(exc)),
            )
            return False
        self.runner.cancel_all()
        self.ctx.undo_stack.clear()  # edits of the other database cannot be undone here
        old, owned = self.ctx.engine, self._owns_engine
        self.ctx.engine = engine
        self.ctx.db_path = Path(path)
        self._owns_engine = True
        self._load_preferences()
        self.apply_changes(Changes.everything())
        self._update_title()
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", str(path)), 5000)
        if owned:
            old.dispose()
        return True

    def start_demo_generation(self, generate: Callable[[], Any]) -> None:
        """Fill the (empty) demo database in the background, then show everything."""
        self.statusBar().showMessage(self.tr("Creating the demo data…"))

        def done(_result: object) -> None:
            self.statusBar().showMessage(self.tr("Demo data ready."), 5000)
            self.apply_changes(Changes.everything())

        def failed(exc: BaseException) -> None:
            self.statusBar().clearMessage()
            QMessageBox.warning(
                self,
                APP_NAME,
                self.tr("The demo data could not be created:\n%1").replace("%1", str(exc)),
            )

        self.runner.submit(generate, on_done=done, on_error=failed, name="demo")

    def show_settings(self) -> bool:
        """Édition ▸ Préférences…: saved settings are announced, the KPIs follow."""
        from abmdesk.ui.settings_dialog import show_settings

        return show_settings(self.ctx, self)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ABM Desk"),
            self.tr(
                "<h3>ABM Desk %1</h3>"
                "<p>Account-based marketing for small and medium businesses: target "
                "accounts, buying committees, interactions, pipeline and KPIs.</p>"
                "<p>Your data stays in one file on this computer:<br><tt>%2</tt></p>"
            )
            .replace("%1", abmdesk.__version__)
            .replace("%2", str(self.ctx.db_path)),
        )
