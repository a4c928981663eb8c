"""build_installer.spec, read without building: what it bundles and how (fast, no PyInstaller)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build_installer.spec"
MIGRATIONS = ROOT / "abmdesk" / "db" / "migrations"


class _Recorder:
    """Stands for PyInstaller's Analysis, PYZ, EXE and COLLECT: keeps what it was given."""

    calls: dict[str, tuple[tuple, dict]]

    def __init__(self, name: str, calls: dict) -> None:
        self.name = name
        self.calls = calls

    def __call__(self, *args, **kwargs):
        self.calls[self.name] = (args, kwargs)
        return types.SimpleNamespace(
            binaries=[], datas=list(kwargs.get("datas", [])), pure=[], scripts=[]
        )


@pytest.fixture
def spec(monkeypatch) -> dict:
    """The spec executed with stand-ins for PyInstaller's build steps."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package, filter=None: [package]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    calls: dict = {}
    namespace = {
        "SPECPATH": str(ROOT),
        "__file__": str(SPEC),
        **{n: _Recorder(n, calls) for n in ("Analysis", "PYZ", "EXE", "COLLECT")},
    }
    code = compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    if not list((ROOT / "resources" / "translations").glob("abmdesk_*.qm")):
        with pytest.raises(SystemExit, match="translations compile"):
            exec(code, namespace)
        pytest.skip("translations not compiled (make translations): the spec refuses to build")
    exec(code, namespace)
    namespace["calls"] = calls
    return namespace


def _datas(spec: dict) -> set[tuple[str, str]]:
    _, kwargs = spec["calls"]["Analysis"]
    return {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in kwargs["datas"]}


def test_migrations_are_shipped_as_files_where_migrate_looks(spec):
    datas = _datas(spec)
    assert ("abmdesk/db/migrations/script.py.mako", "abmdesk/db/migrations") in datas
    assert ("abmdesk/db/migrations/env.py", "abmdesk/db/migrations") in datas
    versions = sorted(MIGRATIONS.glob("versions/*.py"))
    assert versions, "no migration found"
    for revision in versions:
        rel = revision.relative_to(ROOT).as_posix()
        assert (rel, "abmdesk/db/migrations/versions") in datas, rel


def test_compiled_translations_are_shipped(spec):
    datas = _datas(spec)
    for qm in (ROOT / "resources" / "translations").glob("abmdesk_*.qm"):
        assert (qm.relative_to(ROOT).as_posix(), "resources/translations") in datas
    assert not any(src.endswith(".ts") for src, _ in datas)  # sources stay out


def test_other_resources_are_shipped(spec):
    datas = _datas(spec)
    for f in (ROOT / "resources").rglob("*"):
        if f.is_file() and "translations" not in f.parts:
            rel = f.relative_to(ROOT)
            assert (rel.as_posix(), rel.parent.as_posix()) in datas, rel


def test_one_folder_without_upx_or_strip(spec):
    calls = spec["calls"]
    exe_args, exe = calls["EXE"]
    assert exe["exclude_binaries"] is True  # one folder: binaries go to COLLECT
    assert exe["name"] == "abmdesk" and exe["strip"] is False and exe["upx"] is False
    _, coll = calls["COLLECT"]
    assert coll["name"] == "abmdesk" and coll["strip"] is False and coll["upx"] is False


def test_only_the_qt_modules_used(spec):
    _, kwargs = spec["calls"]["Analysis"]
    excludes = set(kwargs["excludes"])
    for module in ("PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtWebEngineCore"):
        assert module in excludes
    for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"):
        assert module not in excludes
    hidden = kwargs["hiddenimports"]
    assert "abmdesk" in hidden and "alembic" in hidden
    # pyqtgraph imports these with importlib, PyInstaller cannot see them by itself.
    assert {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"} <= set(hidden)
    assert not {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"} & excludes


def test_plugin_and_translation_filter(spec):
    keep = spec["_keep"]
    qt = "PySide6/Qt"
    assert keep(f"{qt}/plugins/platforms/libqxcb.so")
    assert keep(f"{qt}/plugins/platforms/libqwayland.so")
    assert keep(f"{qt}/plugins/platforms/libqoffscreen.so")  # the smoke test needs it
    assert keep(f"{qt}/plugins/imageformats/libqjpeg.so")
    assert not keep(f"{qt}/plugins/platforms/libqvnc.so")
    assert not keep(f"{qt}/plugins/egldeviceintegrations/libqeglfs-kms-integration.so")
    assert keep(f"{qt}/translations/qtbase_fr.qm")
    assert keep(f"{qt}/translations/qt_en.qm")
    assert not keep(f"{qt}/translations/qtbase_de.qm")
    assert not keep(f"{qt}/translations/qt_help_zh_CN.qm")
    assert keep(f"{qt}/lib/libQt6Widgets.so.6")
    assert not keep(f"{qt}/lib/libQt6Network.so.6")
    assert keep("resources/translations/abmdesk_fr.qm")
