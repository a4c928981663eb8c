"""`abmdesk report` on the command line: the PDF, and exit codes like the other commands."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from abmdesk import cli

ROOT = Path(__file__).resolve().parents[2]
T = dt.date.today() - dt.timedelta(days=1)
F = T - dt.timedelta(days=90)


def _abmdesk(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, ABMDESK_DATA_DIR=str(tmp_path / "data"))
    env.pop("QT_QPA_PLATFORM", None)  # the command chooses offscreen by itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "abmdesk", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    done = _abmdesk("demo", "--db", str(path), tmp_path=path.parent)
    assert done.returncode == 0, done.stderr
    return path


def test_parser():
    args = cli.build_parser().parse_args(
        ["report", "--db", "a.db", "--from", "2026-01-01", "--to", "2026-03-31", "--out", "r.pdf"]
    )
    assert args.command == "report" and args.lang == "fr" and args.out == Path("r.pdf")
    assert args.date_from == dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    "extra",
    [
        ["--from", "2026-01-01", "--to", "2026-03-31"],  # --out is required
        ["--from", "2026-01-01", "--out", "r.pdf"],
        ["--from", "2026-13-01", "--to", "2026-03-31", "--out", "r.pdf"],
        ["--from", "2026-01-01", "--to", "2026-03-31", "--out", "r.pdf", "--lang", "de"],
    ],
)
def test_bad_usage_exits_2(extra, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["report", "--db", str(tmp_path / "a.db"), *extra])
    assert exit_info.value.code == 2
    assert "error" in capsys.readouterr().err


def test_period_backwards_exits_2(tmp_path, capsys):
    code = cli.main(
        [
            "report",
            "--db",
            str(tmp_path / "a.db"),
            "--from",
            "2026-04-01",
            "--to",
            "2026-03-31",
            "--out",
            str(tmp_path / "r.pdf"),
        ]
    )
    assert code == 2
    assert capsys.readouterr().err.strip().count("\n") == 0
    assert not (tmp_path / "r.pdf").exists()


def test_missing_folder_exits_2_with_one_line(tmp_path, capsys):
    out = tmp_path / "nowhere" / "r.pdf"
    code = cli.main(
        [
            "report",
            "--db",
            str(tmp_path / "a.db"),
            "--from",
            F.isoformat(),
            "--to",
            T.isoformat(),
            "--out",
            str(out),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "does not exist" in err and err.count("\n") == 1
    assert not out.parent.exists()


def test_not_a_database_exits_1(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    done = _abmdesk(
        "report",
        "--db",
        str(bad),
        "--from",
        F.isoformat(),
        "--to",
        T.isoformat(),
        "--out",
        str(tmp_path / "r.pdf"),
        tmp_path=tmp_path,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_writes_the_pdf(demo_db, tmp_path, lang):
    out = tmp_path / f"rapport-{lang}.pdf"
    done = _abmdesk(
        "report",
        "--db",
        str(demo_db),
        "--from",
        F.isoformat(),
        "--to",
        T.isoformat(),
        "--out",
        str(out),
        "--lang",
        lang,
        tmp_path=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert out.read_bytes().startswith(b"%PDF")
    assert "pages" in done.stdout and str(out) in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != "") == [out.name]


def test_pdf_figures_are_those_of_kpis_json(demo_db, tmp_path):
    import json

    from pypdf import PdfReader

    from abmdesk.reports.typography import Typography

    out = tmp_path / "rapport.pdf"
    period = ["--from", F.isoformat(), "--to", T.isoformat()]
    done = _abmdesk("report", "--db", str(demo_db), *period, "--out", str(out), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    done = _abmdesk("kpis", "--db", str(demo_db), *period, "--json", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    kpis = json.loads(done.stdout)
    text = "\n".join(p.extract_text().replace("\t", " ") for p in PdfReader(str(out)).pages)
    ty = Typography("fr", kpis["currency"])
    for figure in (
        ty.percent(kpis["roi"]["roi"]),
        ty.money(kpis["roi"]["revenue"], 2),
        ty.money(kpis["roi"]["cost"], 2),
        ty.percent(kpis["engagement"]["engaged_target_accounts_rate"]),
        ty.money(kpis["clv"]["average"]["abm"], 2),
        ty.percent(kpis["contract_value"]["uplift"]),
    ):
        assert figure in text, figure
