"""Issue 2 targets: the large demo in < 60 s; `kpis --json` over 12 months within
1.5 × a plain sqlite3 weekly GROUP BY over the same 1 000 000 interactions; `kpis`
under 1 GB."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

from common import OUT, PYTHON, median_run, run_process

BASELINE_SQL = (
    "SELECT account, strftime('%Y-%W', occurred_at), SUM(points) FROM interactions GROUP BY 1, 2;"
)


def build_baseline(large_db, baseline_db) -> int:
    """The same interactions in a plain table: account name, date-time, points."""
    baseline_db.unlink(missing_ok=True)
    con = sqlite3.connect(baseline_db)
    con.execute("ATTACH DATABASE ? AS src", (str(large_db),))
    con.execute(
        "CREATE TABLE interactions AS SELECT a.name AS account, i.occurred_at AS occurred_at, "
        "t.points AS points FROM src.interactions i JOIN src.accounts a ON a.id = i.account_id "
        "JOIN src.interaction_types t ON t.key = i.type_key"
    )
    con.commit()
    n = con.execute("SELECT count(*) FROM interactions").fetchone()[0]
    con.close()
    return n


def baseline_cmd(baseline_db) -> list[str]:
    if shutil.which("sqlite3"):
        return ["sqlite3", str(baseline_db), BASELINE_SQL]
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); w = sys.stdout.write\n"
        f"for r in c.execute({BASELINE_SQL!r}): w('|'.join(map(str, r)) + '\\n')"
    )
    return [PYTHON, "-c", script, str(baseline_db)]


def run(context: dict) -> tuple[list[str], bool]:
    large = OUT / "large.db"
    for suffix in ("", "-wal", "-shm"):
        (OUT / f"large.db{suffix}").unlink(missing_ok=True)
    demo = run_process([PYTHON, "-m", "abmdesk", "demo", "--db", str(large), "--size", "large"])
    context["large_db"] = large
    print(f"demo --size large: {demo.seconds:.1f} s, {demo.peak_mb:.0f} MB", flush=True)

    baseline_db = OUT / "baseline.db"
    n = build_baseline(large, baseline_db)
    base = median_run(baseline_cmd(baseline_db))
    with sqlite3.connect(large) as con:
        last = con.execute("SELECT max(substr(occurred_at, 1, 10)) FROM interactions").fetchone()[0]
    to = dt.date.fromisoformat(last)
    frm = to.replace(year=to.year - 1) + dt.timedelta(days=1)
    kpis_cmd = [
        PYTHON,
        "-m",
        "abmdesk",
        "kpis",
        "--db",
        str(large),
        "--from",
        frm.isoformat(),
        "--to",
        to.isoformat(),
        "--json",
    ]
    run_process(kpis_cmd)  # warm the page cache like the baseline's first run
    kpis = median_run(kpis_cmd)
    ratio = kpis.seconds / base.seconds
    ok = demo.seconds < 60 and ratio <= 1.5 and kpis.peak_mb < 1024
    lines = [
        "## Core (issue 2): large demo and KPIs",
        "",
        f"Large demo: {n:,} interactions. KPI period {frm} → {to} (12 months).",
        "",
        "| measure | value | target | ok |",
        "|---|---|---|---|",
        f"| `demo --size large` | {demo.seconds:.1f} s, peak {demo.peak_mb:.0f} MB | < 60 s "
        f"| {'yes' if demo.seconds < 60 else 'NO'} |",
        f"| baseline: `{baseline_cmd(baseline_db)[0]}` weekly GROUP BY over {n:,} rows "
        f"| {base.seconds:.2f} s | — | — |",
        f"| `kpis --json` 12 months | {kpis.seconds:.2f} s | ≤ 1.5 × baseline "
        f"| {'yes' if ratio <= 1.5 else 'NO'} |",
        f"| ratio kpis ÷ baseline | {ratio:.2f} | ≤ 1.50 | {'yes' if ratio <= 1.5 else 'NO'} |",
        f"| `kpis` peak memory | {kpis.peak_mb:.0f} MB | < 1024 MB "
        f"| {'yes' if kpis.peak_mb < 1024 else 'NO'} |",
    ]
    return lines, ok
