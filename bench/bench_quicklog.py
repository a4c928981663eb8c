"""Issue 3 target: a quick-log save takes under 50 ms at 1 000 000 interactions.

On a copy of the large demo (made with SQLite's backup API: the demo is a WAL
database), in a child process, offscreen:

- 50 saves through the service (``log_interaction``: one IMMEDIATE write
  transaction with ``synchronous=FULL``, checks of account, type and stakeholder);
- 50 saves through the form of a real main window (``QuickLogForm.save()``: the
  undoable edit, the announce to every tab, the history's reload and count);
- the baseline: 50 bare ``sqlite3`` INSERTs of the same row into the same table
  (same indexes, same WAL and ``synchronous=FULL``), each committed on its own.

Figures are medians (and the 95th percentile) in milliseconds; the ratio is to the
baseline of the same run. The history queries' EXPLAIN QUERY PLAN on the large demo
is printed too (every filter walks an index).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from common import OUT, PYTHON, ROOT

TARGET_MS = 50
SAVES = 50

CHILD = r"""
import datetime as dt, json, os, sqlite3, statistics, sys, time, uuid
os.environ["QT_QPA_PLATFORM"] = "offscreen"
path = sys.argv[1]
n = int(sys.argv[2])

def stats(samples):
    samples = sorted(samples)
    return {"median": statistics.median(samples), "p95": samples[int(0.95 * (len(samples) - 1))],
            "max": samples[-1]}

con = sqlite3.connect(path, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=FULL")
count = con.execute("SELECT count(*) FROM interactions").fetchone()[0]
account = con.execute("SELECT id FROM accounts ORDER BY name LIMIT 1 OFFSET 17").fetchone()[0]
person = con.execute(
    "SELECT id FROM stakeholders WHERE account_id = ? AND placeholder = 0 LIMIT 1", (account,)
).fetchone()
person = person[0] if person else None
plans = {}
for name, where in {
    "no filter": "",
    "account": "WHERE account_id = ?",
    "stakeholder": "WHERE stakeholder_id = ?",
    "dates": "WHERE occurred_at >= '2026-01-01T00:00:00' AND occurred_at < '2026-02-01T00:00:00'",
}.items():
    args = (account,) if name == "account" else (person,) if name == "stakeholder" else ()
    sql = f"SELECT id FROM interactions {where} ORDER BY occurred_at DESC, id DESC LIMIT 200"
    plans[name] = " / ".join(r[3] for r in con.execute("EXPLAIN QUERY PLAN " + sql, args))

# Baseline: a bare INSERT of the same row, committed alone.
base = []
for i in range(n):
    now = dt.datetime.now().replace(microsecond=0).isoformat()
    t = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.execute(
        "INSERT INTO interactions (id, created_at, updated_at, account_id, stakeholder_id, "
        "type_key, occurred_at, duration_minutes, logged_by, notes) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (uuid.uuid4().bytes, now, now, account, person, "call", now, 15, "Bench", f"baseline {i}"),
    )
    con.execute("COMMIT")
    base.append((time.perf_counter() - t) * 1000)
con.close()

from abmdesk.services.database import open_db
from abmdesk.services.interactions import log_interaction
engine = open_db(path)
acc = uuid.UUID(bytes=account)
who = uuid.UUID(bytes=person) if person else None
log_interaction(engine, acc, "call", dt.datetime.now(), stakeholder_id=who)  # warm the pool
service = []
for i in range(n):
    t = time.perf_counter()
    log_interaction(engine, acc, "call", dt.datetime.now(), stakeholder_id=who,
                    duration_minutes=15, notes=f"service {i}")
    service.append((time.perf_counter() - t) * 1000)
engine.dispose()

from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from abmdesk.app import create_main_window
window = create_main_window(path)
window.resize(1440, 900)
window.show()
for _ in range(20):
    app.processEvents()
window.show_quick_log()
form = window.interactions_tab.quick_log
form.set_account(acc)
from abmdesk.ui.interactions_tab import find_key
form.type.setCurrentIndex(find_key(form.type, "call"))
app.processEvents()
gui = []
for i in range(n):
    form.notes.setText(f"form {i}")
    t = time.perf_counter()
    record = form.save()
    gui.append((time.perf_counter() - t) * 1000)
    assert record is not None, form.message.text()
    app.processEvents()
# The history searched for a word no note holds: the whole table is scanned, a window
# per event-loop turn, the count in the background. The longest GUI-thread stall:
from PySide6.QtCore import QTimer
from abmdesk.services.records import InteractionFilter
tab = window.interactions_tab
beats = []
heart = QTimer()
heart.setInterval(10)
heart.timeout.connect(lambda: beats.append(time.perf_counter()))
heart.start()
start = time.perf_counter()
tab.set_filter(InteractionFilter(text="xyzzy introuvable"))
first = time.perf_counter() - start
while (tab.is_busy() or tab.model.canFetchMore()) and time.perf_counter() - start < 120:
    app.processEvents()
    if not tab.is_busy() and tab.model.canFetchMore():
        tab.model.fetchMore()
scan_s = time.perf_counter() - start
gaps = [b - a for a, b in zip(beats, beats[1:])]
scan = {"first_ms": first * 1000, "longest_stall_ms": max(gaps + [first]) * 1000,
        "seconds": scan_s, "found": tab.model.rowCount()}
window.close()
print("RESULT " + json.dumps({"count": count, "baseline": stats(base), "service": stats(service),
                              "form": stats(gui), "plans": plans, "scan": scan}))
"""


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of a WAL database (the main file alone may be stale)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()


def run(context: dict) -> tuple[list[str], bool]:
    large = Path(context.get("large_db") or OUT / "large.db")
    if not large.exists():
        return ["## Quick log (issue 3)", "", f"Skipped: no large demo at {large}."], False
    with tempfile.TemporaryDirectory(prefix="abmdesk-bench-quicklog-") as tmp:
        copy = Path(tmp) / "quicklog.db"
        _copy(large, copy)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "ABMDESK_DATA_DIR": str(Path(tmp) / "data"),
            "PYTHONPATH": str(ROOT),
        }
        proc = subprocess.run(
            [PYTHON, "-c", CHILD, str(copy), str(SAVES)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=False,
        )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"quick-log bench failed: {proc.stderr.strip()[-800:]}")
    r = json.loads(lines[-1][len("RESULT ") :])
    base, service, form = r["baseline"], r["service"], r["form"]
    ok = service["median"] < TARGET_MS and form["median"] < TARGET_MS

    def row(name: str, s: dict, ratio: bool = True, target: bool = True) -> str:
        rel = f"{s['median'] / base['median']:.1f} ×" if ratio else "1.0 ×"
        good = "yes" if s["median"] < TARGET_MS else "NO"
        return (
            f"| {name} | {s['median']:.1f} | {s['p95']:.1f} | {s['max']:.1f} | {rel} "
            f"| {'< 50 ms' if target else '—'} | {good if target else '—'} |"
        )

    out = [
        "## Quick log (issue 3): a save at 1 000 000 interactions",
        "",
        f"On a copy of the large demo ({r['count']:,} interactions), {SAVES} saves each, "
        "WAL with `synchronous=FULL` (every save is on disk when it returns). Milliseconds.",
        "",
        "| save | median | p95 | max | ÷ baseline | target | ok |",
        "|---|---|---|---|---|---|---|",
        row("baseline: bare `sqlite3` INSERT + COMMIT", base, ratio=False, target=False),
        row("`log_interaction` (service)", service),
        row("quick-log form `save()` (service, undo push, announce, new row put in place)", form),
        "",
        "History queries on the large demo (EXPLAIN QUERY PLAN, first page of 200):",
        "",
    ]
    out += [f"- {name}: `{plan}`" for name, plan in r["plans"].items()]
    scan = r["scan"]
    out += [
        "- type, author, words: the same index walks, checked row by row on windows of "
        "1 000 rows per call (`records.SCAN_WINDOW`), counted off the GUI thread.",
        "",
        f"A word no note holds, searched in the history of {r['count']:,} interactions: "
        f"first window {scan['first_ms']:.0f} ms; answered in {scan['seconds']:.1f} s (the "
        "count, done in SQL off the GUI thread, ends the window-by-window scan) while the "
        f"GUI kept answering; longest GUI-thread stall "
        f"{scan['longest_stall_ms']:.0f} ms (target ~100 ms), {scan['found']} rows found.",
    ]
    ok = ok and scan["longest_stall_ms"] < 150
    return out, ok


if __name__ == "__main__":
    lines, ok = run({})
    print("\n".join(lines))
    sys.exit(0 if ok else 1)
