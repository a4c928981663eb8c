"""Issue 3 target: an account map of 300 stakeholders lays out and paints in < 200 ms.

A synthetic account (1 head, 6 directors, 48 managers, 245 reports, a few empty seats,
interactions and influence lines) is read with the chart query, laid out and turned
into items (``OrgChartScene.set_chart``), then painted once through ``grab()`` of a
1100×760 view fitted to the chart. The baseline paints 300 plain
``QGraphicsRectItem``\\ s at the same places in the same process. Medians of 7 runs,
in a child process (offscreen Qt), after one warm-up run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PEOPLE = 300
RUNS = 7
TARGET_MS = 200.0


def build_account(db: Path) -> uuid.UUID:
    sys.path.insert(0, str(ROOT))
    from abmdesk.db.engine import write_session
    from abmdesk.db.migrate import open_database
    from abmdesk.db.models import Account, InfluenceLine, Interaction, Stakeholder

    engine = open_database(db)
    roles = ["decision_maker", "sponsor", "influencer", "end_user", "other"]
    attitudes = ["champion", "supporter", "neutral", "skeptic", "blocker", None]
    today = dt.date.today()
    with write_session(engine) as s:
        account = Account(name="Grand Compte Synthétique SA", is_target=True, committee_size=40)
        s.add(account)
        s.flush()
        ids: list[uuid.UUID] = []

        def person(i: int, manager: uuid.UUID | None) -> uuid.UUID:
            sid = uuid.uuid4()
            s.add(
                Stakeholder(
                    id=sid,
                    account_id=account.id,
                    full_name=f"Interlocuteur n° {i:03d}",
                    title="Responsable du service achats et approvisionnement",
                    role=roles[i % 5],
                    attitude=attitudes[i % 6],
                    placeholder=i % 37 == 0 and i > 0,
                    reports_to_id=manager,
                )
            )
            ids.append(sid)
            return sid

        head = person(0, None)
        directors = [person(1 + d, head) for d in range(6)]
        managers = [person(7 + m, directors[m % 6]) for m in range(48)]
        for r in range(PEOPLE - 55):
            person(55 + r, managers[r % 48])
        s.flush()
        for i, sid in enumerate(ids):
            if i % 3 == 0 and not (i % 37 == 0 and i > 0):
                day = today - dt.timedelta(days=i % 120)
                s.add(
                    Interaction(
                        account_id=account.id,
                        stakeholder_id=sid,
                        type_key="meeting" if i % 2 else "call",
                        occurred_at=dt.datetime(day.year, day.month, day.day, 10, 0),
                    )
                )
        for k in range(10):
            s.add(
                InfluenceLine(
                    account_id=account.id, from_id=ids[60 + k], to_id=ids[1 + k % 6], label="réseau"
                )
            )
        account_id = account.id
    engine.dispose()
    return account_id


def child(db: str, account: str, shot: str | None) -> None:
    """Runs in the child process: prints one JSON line of timings (ms)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene

    app = QApplication.instance() or QApplication([])
    from abmdesk.db.migrate import open_database
    from abmdesk.services.stakeholders import org_chart
    from abmdesk.ui.formatting import Formatter
    from abmdesk.ui.orgchart.scene import CARD_H, CARD_W, OrgChartScene
    from abmdesk.ui.orgchart.view import OrgChartView

    engine = open_database(db)
    account_id = uuid.UUID(account)
    fmt = Formatter()
    results: dict[str, list[float]] = {
        "query": [],
        "layout": [],
        "paint": [],
        "paint100": [],
        "baseline": [],
    }
    for run in range(RUNS + 1):
        t0 = time.perf_counter()
        chart = org_chart(engine, account_id)
        t1 = time.perf_counter()
        scene = OrgChartScene(fmt)
        scene.set_chart(chart)
        t2 = time.perf_counter()
        view = OrgChartView(scene)
        view.resize(1100, 760)
        view.fit()
        pixmap = view.grab()
        t4 = time.perf_counter()
        if run == 0 and shot:
            pixmap.save(shot)
        view.resetTransform()  # 100 %: every card on screen paints all its texts
        view.centerOn(scene.cards[chart.people[0].id])
        t7 = time.perf_counter()
        view.grab()
        t8 = time.perf_counter()
        positions = [card.pos() for card in scene.all_cards()]
        base_scene = QGraphicsScene()
        t5 = time.perf_counter()
        for p in positions:
            base_scene.addItem(QGraphicsRectItem(p.x(), p.y(), CARD_W, CARD_H))
        base_view = OrgChartView(base_scene)
        base_view.resize(1100, 760)
        base_view.fit()
        base_view.grab()
        t6 = time.perf_counter()
        if run:  # the first run warms caches (fonts, glyphs)
            results["query"].append((t1 - t0) * 1000)
            results["layout"].append((t2 - t1) * 1000)
            results["paint"].append((t4 - t2) * 1000)
            results["paint100"].append((t8 - t7) * 1000)
            results["baseline"].append((t6 - t5) * 1000)
        view.deleteLater()
        base_view.deleteLater()
        app.processEvents()
    engine.dispose()
    people = len(chart.people)
    out = {k: statistics.median(v) for k, v in results.items()}
    out["people"] = people
    out["cards"] = len(positions)
    print(json.dumps(out))


def run(context: dict) -> tuple[list[str], bool]:
    with tempfile.TemporaryDirectory(prefix="abmdesk-bench-map-") as tmp:
        db = Path(tmp) / "map.db"
        account_id = build_account(db)
        shot = HERE / "out" / "map300.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(db), str(account_id), str(shot)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"bench_map child failed: {proc.stderr.strip()[-800:]}")
        r = json.loads(proc.stdout.strip().splitlines()[-1])
    layout_paint = r["layout"] + r["paint"]
    total = r["query"] + layout_paint
    ratio = layout_paint / r["baseline"] if r["baseline"] else float("nan")
    ok = total < TARGET_MS
    lines = [
        "## Account map (issue 3): 300 stakeholders",
        "",
        f"Synthetic account: {r['people']} people ({r['cards']} cards with the missing-role "
        "seats), 10 influence lines; a 1100×760 view fitted to the chart, offscreen. "
        f"Median of {RUNS} runs after a warm-up.",
        "",
        "| step | ms |",
        "|---|---|",
        f"| chart query (people, engagement, lines, coverage) | {r['query']:.1f} |",
        f"| layout + items (`OrgChartScene.set_chart`) | {r['layout']:.1f} |",
        f"| first paint (`fit` + `grab()`) | {r['paint']:.1f} |",
        f"| **layout + paint** | **{layout_paint:.1f}** |",
        f"| query + layout + paint | {total:.1f} |",
        f"| a repaint at 100 % zoom (all texts drawn) | {r['paint100']:.1f} |",
        f"| baseline: {r['cards']} plain `QGraphicsRectItem`s, same places, same paint | "
        f"{r['baseline']:.1f} |",
        "",
        "At the fitted zoom (about 10 %) the cards are drawn without their texts "
        "(level of detail); zoomed in, the repaint above draws them all.",
        "",
        f"Ratio to the baseline: {ratio:.1f}×. Target: under {TARGET_MS:.0f} ms "
        f"(query included): {'met' if ok else 'NOT met'}.",
        "",
    ]
    print("\n".join(lines), flush=True)
    return lines, ok


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        _, passed = run({})
        sys.exit(0 if passed else 1)
