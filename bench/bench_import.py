"""Issue 5 target: a 100 000-row HubSpot contacts CSV imports at ≥ 20 000 rows/s, < 500 MB.

Both measured as whole processes (``python -m abmdesk import`` into a fresh database),
with the native bundle import of the same 100 000 people (accounts.csv and
stakeholders.csv) as the baseline of the same run.
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from common import PYTHON, ROOT

ROWS = 100_000
COMPANIES = 10_000
TARGET_RATE = 20_000
TARGET_MB = 500
#: HubSpot imports measured (median), each into a fresh database.
REPEAT = 3

FIRST = ["Camille", "Hélène", "Julien", "Sophie", "Marc", "Zoé", "François", "Léa", "Hugo", "Inès"]
LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Roux", "Fournier", "Ménard"]
TITLES = ["Directeur général", "DAF", "Responsable achats", "DSI", "Chef de projet", "Comptable"]
FORMS = ["SARL", "SAS", "SA", ""]


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mb: float


def run_process(cmd: list[str]) -> Run:
    """Wall time, CPU time (user + system) and peak RSS of a whole process.

    CPU time is reported too because a busy machine stretches wall time.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.strip()[-500:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def _companies(rng: random.Random) -> list[tuple[str, str]]:
    out = []
    for i in range(COMPANIES):
        form = rng.choice(FORMS)
        name = f"Entreprise {i:05d} {rng.choice(LAST)}{(' ' + form) if form else ''}"
        out.append((name, f"entreprise{i:05d}.fr"))
    return out


def write_files(folder: Path, seed: int = 5) -> tuple[Path, Path]:
    """The HubSpot contacts export and the native bundle of the same people."""
    rng = random.Random(seed)
    companies = _companies(rng)
    hubspot = folder / "hubspot_contacts.csv"
    bundle = folder / "bundle"
    bundle.mkdir(exist_ok=True)
    with (
        open(hubspot, "w", encoding="utf-8", newline="") as hs,
        open(bundle / "stakeholders.csv", "w", encoding="utf-8", newline="") as st,
    ):
        h = csv.writer(hs)
        s = csv.writer(st)
        h.writerow(
            [
                "Record ID",
                "First Name",
                "Last Name",
                "Email",
                "Job Title",
                "Phone Number",
                "Company Name",
                "Contact owner",
                "Create Date",
                "Lifecycle Stage",
            ]
        )
        s.writerow(["account", "full_name", "title", "email", "phone"])
        for i in range(ROWS):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            company, domain = companies[i % COMPANIES]
            email = f"p{i:06d}.{last.lower().replace('è', 'e').replace('é', 'e')}@{domain}"
            title = rng.choice(TITLES)
            phone = f"+33 1 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} 00"
            h.writerow(
                [
                    1_000_000 + i,
                    first,
                    last,
                    email,
                    title,
                    phone,
                    company,
                    "Claire Martin",
                    f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/24 {rng.randint(0, 23)}:15",
                    "lead",
                ]
            )
            s.writerow([company, f"{first} {last}", title, email, phone])
    with open(bundle / "accounts.csv", "w", encoding="utf-8", newline="") as ac:
        a = csv.writer(ac)
        a.writerow(["name", "domain"])
        for name, domain in companies:
            a.writerow([name, domain])
    return hubspot, bundle


def run(context: dict) -> tuple[list[str], bool]:
    with tempfile.TemporaryDirectory(prefix="abm-bench-import-") as tmp:
        folder = Path(tmp)
        hubspot, bundle = write_files(folder)
        db2 = folder / "native.db"
        runs = []
        for n in range(REPEAT):
            db = folder / f"hubspot{n}.db"
            runs.append(
                run_process([PYTHON, "-m", "abmdesk", "import", "--db", str(db), str(hubspot)])
            )
        imp = Run(
            statistics.median(r.seconds for r in runs),
            statistics.median(r.cpu for r in runs),
            max(r.peak_mb for r in runs),
        )
        db1 = folder / "hubspot0.db"
        base = run_process(
            [PYTHON, "-m", "abmdesk", "import", "--db", str(db2), "--format", "native", str(bundle)]
        )
        again = run_process([PYTHON, "-m", "abmdesk", "import", "--db", str(db1), str(hubspot)])
        size_mb = hubspot.stat().st_size / 1e6
    load = os.getloadavg()[0]
    rate = ROWS / imp.seconds
    ok = rate >= TARGET_RATE and imp.peak_mb < TARGET_MB
    lines = [
        "## Import (issue 5): 100 000 HubSpot contacts",
        "",
        f"A generated HubSpot contacts export ({ROWS:,} rows, {COMPANIES:,} companies, "
        f"{size_mb:.1f} MB), imported by `python -m abmdesk import` into a fresh database "
        f"(median of {REPEAT}) "
        "(whole process: start-up, schema creation, detection, matching, one transaction). "
        "CPU time (user + system) is given beside wall time: a busy machine stretches the "
        f"second, not the first (load average when done: {load:.1f} on {os.cpu_count()} cores).",
        "",
        "| measure | wall | CPU | peak memory | target | ok |",
        "|---|---|---|---|---|---|",
        f"| HubSpot CSV import | {imp.seconds:.2f} s = {rate:,.0f} rows/s | {imp.cpu:.2f} s = "
        f"{ROWS / imp.cpu:,.0f} rows/s | {imp.peak_mb:.0f} MB | ≥ {TARGET_RATE:,} rows/s, "
        f"< {TARGET_MB} MB | {'yes' if ok else 'NO'} |",
        f"| baseline: native bundle import of the same people | {base.seconds:.2f} s | "
        f"{base.cpu:.2f} s | {base.peak_mb:.0f} MB | — | — |",
        f"| re-import of the same CSV (changes nothing) | {again.seconds:.2f} s | "
        f"{again.cpu:.2f} s | {again.peak_mb:.0f} MB | — | — |",
        f"| ratio HubSpot ÷ native (wall) | {imp.seconds / base.seconds:.2f} | "
        f"{imp.cpu / base.cpu:.2f} | — | — | — |",
    ]
    return lines, ok
