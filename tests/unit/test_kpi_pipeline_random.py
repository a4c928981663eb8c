"""Velocity and conversion on random pipelines, against a literal reading of SPEC 3.3/3.4."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from abmdesk import domain
from tests.unit.kpi_builders import build, kpis

STAGES = list(domain.STAGES)


def _reference(accounts, deals, start: dt.date, end: dt.date):
    """Straight from the SPEC text, no shortcut."""

    def target_at(acc, day):
        return acc["target"] and (acc["since"] is None or acc["since"] <= day)

    def in_period(x):
        return start <= x.date() <= end

    def is_abm(deal):
        closed = deal["status"] in ("won", "lost")
        day = deal["closed"].date() if closed else end
        return target_at(accounts[deal["account"]], day)

    groups = {"abm": [], "non_abm": [], "all": []}
    for deal in deals:
        groups["abm" if is_abm(deal) else "non_abm"].append(deal)
        groups["all"].append(deal)
    velocity = {}
    for g, members in groups.items():
        closed = [d for d in members if d["status"] in ("won", "lost") and in_period(d["closed"])]
        won = [d for d in closed if d["status"] == "won"]
        amounts = [d["amount"] for d in won if d["amount"] is not None]
        cycles = [(d["closed"] - d["opened"]).total_seconds() / 86400 for d in won]
        open_deals = [
            d
            for d in members
            if d["opened"].date() <= end
            and not (d["status"] in ("won", "lost") and d["closed"].date() <= end)
        ]
        stays: dict[str, list[float]] = {s: [] for s in STAGES}
        for d in members:
            history = d["stages"]
            for k, (stage, begin) in enumerate(history):
                if k + 1 < len(history):
                    finish = history[k + 1][1]
                elif d["status"] in ("won", "lost"):
                    finish = d["closed"]
                else:
                    continue
                if in_period(finish):
                    stays[stage].append((finish - begin).total_seconds() / 86400)
        velocity[g] = {
            "open_deals": len(open_deals),
            "win_rate": len(won) / len(closed) if closed else None,
            "avg_won_amount": sum(amounts) / len(amounts) if amounts else None,
            "avg_cycle_days": sum(cycles) / len(cycles) if cycles else None,
            "avg_days_in_stage": {s: (sum(v) / len(v) if v else None) for s, v in stays.items()},
        }
    conversion: dict[str, dict] = {"all": {}, "by_sector": {}, "by_size": {}}
    for d in deals:
        acc = accounts[d["account"]]
        history = d["stages"]
        for stage in STAGES:
            positions = [k for k, (s, _) in enumerate(history) if s == stage]
            if not positions or not in_period(history[positions[0]][1]):
                continue
            first = positions[0]
            order = STAGES.index(stage)
            advanced = any(
                STAGES.index(s) > order and at.date() <= end for s, at in history[first + 1 :]
            ) or (d["status"] == "won" and d["closed"].date() <= end)
            sector = (acc["sector"] or "").strip() or "unknown"
            for table in (
                conversion["all"],
                conversion["by_sector"].setdefault(sector, {}),
                conversion["by_size"].setdefault(domain.size_band(acc["employees"]), {}),
            ):
                cell = table.setdefault(stage, {"entered": 0, "advanced": 0})
                cell["entered"] += 1
                cell["advanced"] += int(advanced)
    for table in [
        conversion["all"],
        *conversion["by_sector"].values(),
        *conversion["by_size"].values(),
    ]:
        for cell in table.values():
            cell["rate"] = cell["advanced"] / cell["entered"]
    return velocity, conversion


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_pipelines(engine, seed):
    rnd = random.Random(seed)
    base = dt.datetime(2025, 10, 1)
    start, end = dt.date(2026, 1, 1), dt.date(2026, 4, 30)

    def moment():
        # whole hours, so that stage changes often share a time (ties)
        return base + dt.timedelta(hours=rnd.randrange(300 * 24 // 6) * 6)

    accounts = {}
    deals = []
    with build(engine) as b:
        rows = []
        for k in range(8):
            acc = {
                "target": rnd.random() < 0.6,
                "since": rnd.choice([None, dt.date(2025, 12, 1), dt.date(2026, 3, 1)]),
                "sector": rnd.choice([None, "", "Santé", "Industrie"]),
                "employees": rnd.choice([None, 5, 120, 9000]),
            }
            row = b.account(
                f"Account {k}",
                target=acc["target"],
                since=acc["since"].isoformat() if acc["since"] else None,
                sector=acc["sector"],
                employees=acc["employees"],
            )
            accounts[row.id] = acc
            rows.append(row)
        for k in range(60):
            account = rnd.choice(rows)
            opened = moment()
            history = sorted(
                ((rnd.choice(STAGES), moment()) for _ in range(rnd.randint(0, 5))),
                key=lambda x: x[1],
            )
            status = rnd.choice(["open", "won", "lost", "won"])
            closed = None
            if status != "open":
                closed = max([opened, *(at for _, at in history)]) + dt.timedelta(
                    hours=rnd.randrange(0, 24 * 40)
                )
            amount = rnd.choice([None, 1000.0, 2500.5, 40_000.0])
            b.deal(
                account,
                f"Deal {k}",
                opened.isoformat(),
                amount=amount,
                status=status,
                closed=closed.isoformat() if closed else None,
                stages=[(s, at.isoformat()) for s, at in history],
            )
            deals.append(
                {
                    "account": account.id,
                    "opened": opened,
                    "status": status,
                    "closed": closed,
                    "amount": amount,
                    "stages": history,
                }
            )
    velocity, conversion = _reference(accounts, deals, start, end)
    result = kpis(engine, start.isoformat(), end.isoformat())
    for g in ("abm", "non_abm", "all"):
        got = result["velocity"][g]
        for key, value in velocity[g].items():
            if key == "avg_days_in_stage":
                for stage, days in value.items():
                    assert got[key][stage] == pytest.approx(days), (g, stage)
            else:
                assert got[key] == pytest.approx(value), (g, key)
    assert result["conversion"]["all"] == conversion["all"]
    assert result["conversion"]["by_sector"] == conversion["by_sector"]
    assert result["conversion"]["by_size"] == conversion["by_size"]
