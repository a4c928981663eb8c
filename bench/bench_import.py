"""Issue 5 target: a 100 000-row HubSpot contacts CSV imports at ≥ 20 000 rows/s, < 500 MB.

Both measured as whole processes (``python -m abmdesk import`` into a fresh database),
with the native bundle import of the same 100 000 people (accounts.csv and
stakeholders.csv) as the baseline of the same run.
"""

from __future__ import annotations

import csv
import random
import tempfile
from pathlib import Path

from common import PYTHON, run_process

ROWS = 100_000
COMPANIES = 10_000
TARGET_RATE = 20_000
TARGET_MB = 500

FIRST = ["Camille", "Hélène", "Julien", "Sophie", "Marc", "Zoé", "François", "Léa", "Hugo", "Inès"]
LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Roux", "Fournier", "Ménard"]
TITLES = ["Directeur général", "DAF", "Responsable achats", "DSI", "Chef de projet", "Comptable"]
FORMS = ["SARL", "SAS", "SA", ""]


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
        db1, db2 = folder / "hubspot.db", folder / "native.db"
        imp = run_process([PYTHON, "-m", "abmdesk", "import", "--db", str(db1), str(hubspot)])
        base = run_process(
            [PYTHON, "-m", "abmdesk", "import", "--db", str(db2), "--format", "native", str(bundle)]
        )
        again = run_process([PYTHON, "-m", "abmdesk", "import", "--db", str(db1), str(hubspot)])
        size_mb = hubspot.stat().st_size / 1e6
    rate = ROWS / imp.seconds
    ok = rate >= TARGET_RATE and imp.peak_mb < TARGET_MB
    yes = "yes" if ok else "NO"
    lines = [
        "## Import (issue 5): 100 000 HubSpot contacts",
        "",
        f"A generated HubSpot contacts export ({ROWS:,} rows, {COMPANIES:,} companies, "
        f"{size_mb:.1f} MB), imported by `python -m abmdesk import` into a fresh database "
        "(whole process: start-up, schema creation, detection, matching, one transaction).",
        "",
        "| measure | value | target | ok |",
        "|---|---|---|---|",
        f"| HubSpot CSV import | {imp.seconds:.2f} s = {rate:,.0f} rows/s | ≥ {TARGET_RATE:,} "
        f"rows/s | {'yes' if rate >= TARGET_RATE else 'NO'} |",
        f"| its peak memory | {imp.peak_mb:.0f} MB | < {TARGET_MB} MB "
        f"| {'yes' if imp.peak_mb < TARGET_MB else 'NO'} |",
        f"| baseline: native bundle import of the same people | {base.seconds:.2f} s = "
        f"{ROWS / base.seconds:,.0f} rows/s, {base.peak_mb:.0f} MB | — | — |",
        f"| re-import of the same CSV (changes nothing) | {again.seconds:.2f} s, "
        f"{again.peak_mb:.0f} MB | — | — |",
        f"| ratio HubSpot ÷ native | {imp.seconds / base.seconds:.2f} | — | {yes} |",
    ]
    return lines, ok
