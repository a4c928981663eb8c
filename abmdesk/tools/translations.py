"""Translations: ``update`` the .ts from the sources, ``compile`` it to .qm.

    python -m abmdesk.tools.translations update    # pyside6-lupdate → resources/translations/*.ts
    python -m abmdesk.tools.translations compile   # pyside6-lrelease → *.qm (gitignored)
    python -m abmdesk.tools.translations check     # list unfinished messages, exit 1 if any

The .ts files are committed (translators edit them with Qt Linguist); the .qm
files are built. Locations are left out of the .ts so that it changes only when
a string does.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "abmdesk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"fr": "fr_FR"}


def ts_path(lang: str = "fr") -> Path:
    return TRANSLATIONS / f"abmdesk_{lang}.ts"


def qm_path(lang: str = "fr") -> Path:
    return TRANSLATIONS / f"abmdesk_{lang}.qm"


def source_files() -> list[Path]:
    """The files whose strings are translated: the GUI package and app.py."""
    files = sorted((PACKAGE / "ui").rglob("*.py"))
    files.append(PACKAGE / "app.py")
    return [f for f in files if f.is_file()]


def _tool(name: str) -> list[str]:
    """The command for ``pyside6-<name>``: beside this Python, on PATH, or via PySide6."""
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    if exe.exists():
        return [str(exe)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    return [sys.executable, "-c", f"from PySide6.scripts.pyside_tool import {name}; {name}()"]


def run_lupdate(ts: Path, sources: Sequence[Path] | None = None, lang: str = "fr") -> None:
    """Extract the sources' strings into ``ts`` (kept translations stay, gone ones go)."""
    files = [str(f) for f in (sources if sources is not None else source_files())]
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        *_tool("lupdate"),
        "-silent",
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        LANGUAGES.get(lang, lang),
        *files,
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, check=True, cwd=ROOT)


def compile_ts(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([*_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> list[tuple[str, str, list[str], str | None]]:
    """(context, source, translations, type) for every message of a .ts file."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                out.append((name, source, [], "missing"))
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
            out.append((name, source, texts, translation.get("type")))
    return out


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """Messages not translated yet (or marked unfinished, or with an empty form)."""
    bad = []
    for context, source, texts, kind in messages(ts):
        if kind in ("unfinished", "missing") or not texts or any(not t.strip() for t in texts):
            bad.append((context, source))
    return bad


def update(langs: Sequence[str] = tuple(LANGUAGES)) -> None:
    for lang in langs:
        run_lupdate(ts_path(lang), lang=lang)
        missing = unfinished(ts_path(lang))
        print(f"{ts_path(lang).relative_to(ROOT)}: {len(missing)} message(s) to translate")


def compile_all(langs: Sequence[str] = tuple(LANGUAGES)) -> None:
    for lang in langs:
        compile_ts(ts_path(lang), qm_path(lang))
        print(f"{qm_path(lang).relative_to(ROOT)}: compiled")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m abmdesk.tools.translations")
    parser.add_argument("command", choices=["update", "compile", "check"])
    args = parser.parse_args(argv)
    try:
        if args.command == "update":
            update()
        elif args.command == "compile":
            compile_all()
        else:
            failures = 0
            for lang in LANGUAGES:
                for context, source in unfinished(ts_path(lang)):
                    print(f"{lang}: unfinished [{context}] {source!r}")
                    failures += 1
            return 1 if failures else 0
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"translations: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
