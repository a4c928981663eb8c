"""Issue 4 targets: the board report PDF (`abmdesk report`, whole process, 12 months)
in under 3 s on the small demo and under 10 s on the large one."""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

from common import OUT, PYTHON, median_run, run_process

SMALL_TARGET = 3.0
LARGE_TARGET = 10.0


def _period(db: Path) -> tuple[dt.date, dt.date]:
    with sqlite3.connect(db) as con:
        last = con.execute("SELECT max(substr(occurred_at, 1, 10)) FROM interactions").fetchone()[0]
    to = dt.date.fromisoformat(last)
    return to.replace(year=to.year - 1) + dt.timedelta(days=1), to


def _report_cmd(db: Path, out: Path, frm: dt.date, to: dt.date) -> list[str]:
    return [
        PYTHON, "-m", "abmdesk", "report", "--db", str(db),
        "--from", frm.isoformat(), "--to", to.isoformat(), "--out", str(out),
    ]  # fmt: skip


def _pages(pdf: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:
        return 0
    return len(PdfReader(str(pdf)).pages)


def _measure(label: str, db: Path, target: float) -> tuple[str, bool]:
    frm, to = _period(db)
    out = OUT / f"report-{label}.pdf"
    cmd = _report_cmd(db, out, frm, to)
    run_process(cmd)  # warm the page cache
    result = median_run(cmd)
    ok = result.seconds < target
    pages = _pages(out)
    size = out.stat().st_size // 1024
    line = (
        f"| `report` {label} demo, {frm} → {to} | {result.seconds:.2f} s, peak "
        f"{result.peak_mb:.0f} MB, {pages} pages, {size} KiB | < {target:.0f} s "
        f"| {'yes' if ok else 'NO'} |"
    )
    print(line, flush=True)
    return line, ok


def run(context: dict) -> tuple[list[str], bool]:
    OUT.mkdir(parents=True, exist_ok=True)
    rows, ok = [], True
    with tempfile.TemporaryDirectory(prefix="abmdesk-bench-report-") as tmp:
        small = Path(tmp) / "small.db"
        run_process([PYTHON, "-m", "abmdesk", "demo", "--db", str(small), "--size", "small"])
        line, good = _measure("small", small, SMALL_TARGET)
        rows.append(line)
        ok &= good
    large = context.get("large_db") or OUT / "large.db"
    if Path(large).is_file():
        line, good = _measure("large", Path(large), LARGE_TARGET)
    else:
        line, good = "| `report` large demo | not built (run bench/run.py) | < 10 s | NO |", False
    rows.append(line)
    ok &= good
    lines = [
        "## Board report (issue 4): `abmdesk report` PDF",
        "",
        "Whole process (start-up, both periods' KPIs, layout, painting, rename), median of 3 "
        "after one warm-up run; French, 12 months ending on the last interaction.",
        "",
        "| measure | value | target | ok |",
        "|---|---|---|---|",
        *rows,
    ]
    return lines, ok


if __name__ == "__main__":
    import sys

    lines, ok = run({})
    print("\n".join(lines))
    sys.exit(0 if ok else 1)
