"""`abmdesk screenshots` on the command line, and the CLI without Qt or without streams."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from abmdesk import cli
from abmdesk.tools import screenshots

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, ABMDESK_DATA_DIR=str(tmp_path / "data"))
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_parser():
    args = cli.build_parser().parse_args(["screenshots", "--db", "a.db", "--out", "shots"])
    assert args.command == "screenshots"
    assert args.db == Path("a.db") and args.out == Path("shots") and args.lang == "fr"
    args = cli.build_parser().parse_args(
        ["screenshots", "--db", "a.db", "--out", "shots", "--lang", "en"]
    )
    assert args.lang == "en"


@pytest.mark.parametrize(
    "argv",
    [
        ["screenshots", "--db", "a.db"],  # --out is required
        ["screenshots", "--out", "shots"],  # --db too
        ["screenshots", "--db", "a.db", "--out", "shots", "--lang", "de"],
    ],
)
def test_bad_usage_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == 2
    assert "error" in capsys.readouterr().err


def test_out_must_be_a_folder(tmp_path, capsys):
    not_a_folder = tmp_path / "file.png"
    not_a_folder.write_bytes(b"x")
    code = cli.main(["screenshots", "--db", str(tmp_path / "a.db"), "--out", str(not_a_folder)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("abmdesk: error:") and "not a folder" in err
    assert len(err.strip().splitlines()) == 1


def test_prints_each_picture(tmp_path, monkeypatch, capsys):
    seen = {}

    def fake_render(db_path, out_dir, lang):
        seen.update(db=Path(db_path), out=Path(out_dir), lang=lang)
        return [
            screenshots.Screenshot(Path(out_dir) / "01-accounts.png", "accountsTab"),
            screenshots.Screenshot(Path(out_dir) / "06-map-acme.png", "map of Acme"),
        ]

    monkeypatch.setattr(screenshots, "render_screenshots", fake_render)
    db = tmp_path / "new.db"
    out = tmp_path / "shots"
    assert cli.main(["screenshots", "--db", str(db), "--out", str(out), "--lang", "en"]) == 0
    assert seen == {"db": db, "out": out, "lang": "en"}
    assert db.exists()  # --db creates the database when it does not exist (SPEC 4)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{out / '01-accounts.png'}  (accountsTab)",
        f"{out / '06-map-acme.png'}  (map of Acme)",
    ]


def test_a_failed_render_is_one_line_exit_1(tmp_path, monkeypatch, capsys):
    def failing(db_path, out_dir, lang):
        raise screenshots.ScreenshotError("KPIs: the engine failed")

    monkeypatch.setattr(screenshots, "render_screenshots", failing)
    code = cli.main(["screenshots", "--db", str(tmp_path / "a.db"), "--out", str(tmp_path)])
    assert code == 1
    assert capsys.readouterr().err == "abmdesk: KPIs: the engine failed\n"


def test_slug():
    assert screenshots.slug("Alizé Retail SARL") == "alize-retail-sarl"
    assert screenshots.slug("Communauté d'agglomération de Bourg-en-Bresse", 20) == (
        "communaute-d-agglome"
    )
    assert screenshots.slug("  ***  ") == "account"


def test_the_command_line_loads_no_qt(tmp_path):
    """Parsing, the screenshot module and a plain command do not import PySide6."""
    db = tmp_path / "a.db"
    code = (
        "import sys\n"
        "from abmdesk import cli\n"
        "import abmdesk.tools.screenshots\n"
        f"assert cli.main(['settings', '--db', {str(db)!r}, 'get', 'currency']) == 0\n"
        "print(sorted(m for m in ('PySide6', 'pyqtgraph') if m in sys.modules))\n"
    )
    proc = _run(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_no_stdout_or_stderr_as_in_a_windowed_app(tmp_path):
    """A frozen windowed program may have sys.stdout and sys.stderr set to None."""
    db = tmp_path / "a.db"
    code = (
        "import sys\n"
        "out = sys.__stdout__\n"
        "sys.stdout = sys.stderr = None\n"
        "from abmdesk import cli\n"
        f"ok = cli.main(['settings', '--db', {str(db)!r}, 'list'])\n"
        f"bad = cli.main(['settings', '--db', {str(db)!r}, 'get', 'no_such_key'])\n"
        "try:\n"
        "    cli.main(['--no-such-option'])\n"
        "except SystemExit as exc:\n"
        "    usage = exc.code\n"
        "out.write(f'{ok} {bad} {usage}\\n')\n"
    )
    proc = _run(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "0 1 2"
    assert (tmp_path / "data" / "abmdesk.log").exists()  # the log file is where errors go
