"""abmdesk.reports paints with QtGui only: no widgets, no pyqtgraph, no GUI package.

import-linter cannot forbid a sub-package of an external package (PySide6.QtWidgets),
so this scans the source of abmdesk/reports itself, lazy imports included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPORTS = Path(__file__).resolve().parents[2] / "abmdesk" / "reports"
FORBIDDEN = (
    "PySide6.QtWidgets",
    "pyqtgraph",
    "abmdesk.ui",
    "abmdesk.app",
    "PySide6.QtPrintSupport",
)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            names.extend(a.value for a in node.args if isinstance(a, ast.Constant))
    return names


def _files() -> list[Path]:
    return sorted(REPORTS.rglob("*.py"))


def test_the_package_is_scanned():
    assert len(_files()) >= 5


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_no_widgets_in_reports(path):
    bad = [
        name
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert not bad, f"{path.name} imports {bad}"


def test_the_scan_catches_a_lazy_widget_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtWidgets import QLabel\n", encoding="utf-8")
    assert "PySide6.QtWidgets" in _imports(sample)
