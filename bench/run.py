"""`make bench`: run every benchmark and write bench/RESULTS.md.

Each figure is measured in this run together with its baseline, so the ratio holds
on whatever machine runs it. The large demo database is built once per run.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, ROOT, machine  # noqa: E402

HERE = Path(__file__).resolve().parent
#: bench_core first: it builds the large demo database the others use.
BENCHES = ["bench_core"] + sorted(p.stem for p in HERE.glob("bench_*.py") if p.stem != "bench_core")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    sections: list[str] = []
    failures = 0
    context: dict = {}
    for name in BENCHES:
        module = importlib.import_module(name)
        print(f"== {name}", flush=True)
        try:
            lines, ok = module.run(context)
        except Exception as exc:  # one failing bench must not hide the others' figures
            lines, ok = [f"## {name}", "", f"FAILED: {type(exc).__name__}: {exc}"], False
        sections.append("\n".join(lines) + "\n")
        failures += 0 if ok else 1
    text = [
        "# Benchmark results",
        "",
        f"Run on {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} — {machine()}.",
        "",
        "Written by `make bench` (bench/run.py). Times are wall-clock seconds of whole",
        "processes (median of 3 unless said), memory is the process's peak RSS.",
        "",
        *sections,
        "",
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(text), encoding="utf-8")
    print("\n".join(text))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
