"""Demo data: sizes, determinism, referential sanity, the ABM story, refusal of real data.

All on the small size (a fraction of a second each); the large size is measured by hand
(see the commit message), not here, to keep the suite fast.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections import defaultdict
from pathlib import Path

import pytest

from abmdesk import domain
from abmdesk.db.migrate import open_database
from abmdesk.errors import DataError, ValidationError
from abmdesk.services import demo
from abmdesk.services.demo import DemoSummary, generate_demo
from abmdesk.services.demo_names import REPS
from abmdesk.services.settings import load_settings

TODAY = dt.date(2026, 3, 18)
SEED = 7
TABLES = (
    "accounts",
    "stakeholders",
    "interactions",
    "deals",
    "stage_changes",
    "contracts",
    "costs",
    "settings",
    "identity",
    "interaction_types",
)
#: An account is a target at the deal's close (SPEC 3): the deal is ABM.
ABM_AT_CLOSE = (
    "a.is_target = 1 AND (a.target_since IS NULL OR a.target_since <= substr(d.closed_at, 1, 10))"
)


def _generate(path: Path, *, seed: int = SEED, today: dt.date | None = TODAY) -> DemoSummary:
    engine = open_database(path)
    try:
        return generate_demo(engine, size="small", seed=seed, today=today)
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    return path, _generate(path)


@pytest.fixture
def con(demo_db: tuple[Path, DemoSummary]):
    connection = sqlite3.connect(demo_db[0])
    yield connection
    connection.close()


def _dump(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    finally:
        connection.close()


def _one(con: sqlite3.Connection, sql: str, *args: object) -> object:
    return con.execute(sql, args).fetchone()[0]


# --- sizes and summary -------------------------------------------------------------------
def test_small_counts_match_the_plan_and_the_summary(con, demo_db):
    summary = demo_db[1]
    plan = demo.SIZES["small"]
    counts = {t: _one(con, f"SELECT count(*) FROM {t}") for t in TABLES}
    assert counts["accounts"] == summary.accounts == plan.accounts == 80
    assert counts["stakeholders"] == summary.stakeholders == plan.stakeholders
    assert counts["interactions"] == summary.interactions == plan.interactions == 10_000
    assert counts["deals"] == summary.deals == plan.deals == 150
    assert counts["stage_changes"] == summary.stage_changes > summary.deals
    assert counts["contracts"] == summary.contracts > 0
    assert counts["costs"] == summary.costs > 0
    assert summary.target_accounts == _one(con, "SELECT sum(is_target) FROM accounts") == 27
    assert summary.placeholders == _one(con, "SELECT sum(placeholder) FROM stakeholders") > 0
    assert summary.deals_won + summary.deals_lost + summary.deals_open == summary.deals
    for status in ("won", "lost", "open"):
        n = _one(con, "SELECT count(*) FROM deals WHERE status = ?", status)
        assert n == getattr(summary, f"deals_{status}") > 0
    text = summary.describe()
    assert "80 accounts" in text and "10,000 interactions" in text and "Nexalis" in text


def test_the_large_plan_is_the_spec():
    assert demo.SIZES["large"] == demo.DemoSize(10_000, 100_000, 1_000_000, 20_000)


def test_unknown_size_is_refused(engine):
    with pytest.raises(ValidationError, match="small or large"):
        generate_demo(engine, size="huge")


# --- determinism -------------------------------------------------------------------------
def test_same_seed_and_day_give_the_same_database(demo_db, tmp_path):
    again = tmp_path / "again.db"
    _generate(again)
    first, second = _dump(demo_db[0]), _dump(again)
    for table in TABLES[:8]:
        assert first[table] == second[table], table
    # Seeded by the migration (uuid4 ids, time of creation): compare what the demo sets.
    for path in (demo_db[0], again):
        with sqlite3.connect(path) as c:
            assert c.execute("SELECT user_name FROM identity").fetchall() == [("Camille Martin",)]


def test_another_seed_gives_other_data(demo_db, tmp_path):
    other = tmp_path / "other.db"
    _generate(other, seed=SEED + 1)
    first, second = _dump(demo_db[0]), _dump(other)
    assert {r[1] for r in first["accounts"]} != {r[1] for r in second["accounts"]}


def test_ids_are_valid_distinct_uuids(con):
    ids = [row[0] for t in TABLES[:7] for row in con.execute(f"SELECT id FROM {t}")]
    assert len(ids) == len(set(ids))
    for raw in ids[:: max(1, len(ids) // 500)]:
        assert len(raw) == 16
        assert uuid.UUID(bytes=raw).variant == uuid.RFC_4122


# --- accounts ----------------------------------------------------------------------------
def test_accounts_look_french(con):
    rows = con.execute(
        "SELECT name, domain, sector, employees, country, tier, owner FROM accounts"
    ).fetchall()
    names = [r[0] for r in rows]
    assert len(set(names)) == len(names)
    assert len({r[1] for r in rows}) == len(rows)
    assert any(any(c in n for c in "éèêàçôÉ") for n in names)
    assert any(n.endswith((" SAS", " SARL", " SA")) for n in names)
    assert {r[2] for r in rows} >= {"Industrie", "Agroalimentaire", "Santé", "BTP"}
    assert {r[4] for r in rows} <= {"FR", "BE", "CH", "LU"}
    assert sum(r[4] == "FR" for r in rows) > 0.75 * len(rows)
    assert {r[5] for r in rows} == {"1", "2", "3"}
    assert {r[6] for r in rows} <= set(REPS)
    bands = {domain.size_band(r[3]) for r in rows}
    assert bands >= {"10-49", "50-249", "250-4999", "unknown"}
    for _name, dom, *_ in rows:
        assert dom.isascii() and dom == dom.lower() and dom.endswith((".fr", ".be", ".ch", ".lu"))


def test_targets_are_a_third_with_dates_spread_over_the_history(con):
    since = [
        dt.date.fromisoformat(r[0])
        for r in con.execute("SELECT target_since FROM accounts WHERE is_target AND target_since")
    ]
    start = demo._months_before(TODAY, 18)
    assert all(start <= d <= TODAY for d in since)
    assert any(d >= TODAY - dt.timedelta(days=60) for d in since)  # set recently
    assert any(d <= start + dt.timedelta(days=180) for d in since)  # set long ago
    sizes = [r[0] for r in con.execute("SELECT committee_size FROM accounts WHERE committee_size")]
    assert sizes and all(6 <= s <= 10 for s in sizes)
    before = _one(
        con,
        "SELECT count(*) FROM deals d JOIN accounts a ON a.id = d.account_id "
        "WHERE a.is_target AND d.closed_at < a.target_since",
    )
    assert before > 0  # deals closed before the account became a target: not ABM


# --- stakeholders ------------------------------------------------------------------------
def test_reporting_lines_form_one_tree_per_account_with_the_dg_on_top(con):
    rows = con.execute(
        "SELECT id, account_id, reports_to_id, title, placeholder FROM stakeholders"
    ).fetchall()
    by_id = {r[0]: r for r in rows}
    roots = defaultdict(list)
    for sid, account, manager, title, _placeholder in rows:
        if manager is None:
            roots[account].append(title)
            continue
        assert by_id[manager][1] == account  # the manager is in the same account
        seen, cur = {sid}, manager
        while cur is not None:  # walking up ends at the top: no cycle
            assert cur not in seen
            seen.add(cur)
            cur = by_id[cur][2]
    assert len(roots) == 80
    assert all(len(t) == 1 and "(DG)" in t[0] for t in roots.values())


def test_stakeholders_have_french_names_titles_emails_and_phones(con):
    rows = con.execute(
        "SELECT s.full_name, s.title, s.email, s.phone, s.role, s.attitude, a.domain "
        "FROM stakeholders s JOIN accounts a ON a.id = s.account_id WHERE NOT s.placeholder"
    ).fetchall()
    accented = [r[0] for r in rows if any(c in r[0] for c in "éèëêïîôçÉ")]
    assert len(accented) > 0.1 * len(rows)
    titles = {r[1] for r in rows}
    assert {"Directeur général (DG)", "Directrice générale (DG)"} & titles
    assert any("(DAF)" in t for t in titles) and any("(DSI)" in t for t in titles)
    emails = [r[2] for r in rows if r[2]]
    assert len(emails) == len(set(emails)) > 0.9 * len(rows)
    for full_name, _t, email, _p, _r, _a, dom in rows:
        if email:
            assert email.isascii() and email.endswith("@" + dom)
            assert email.split("@")[0].split(".")[-1].rstrip("0123456789") == (
                demo._email_part(full_name.split(" ", 1)[1])
            )
    phones = [r[3] for r in rows if r[3]]
    assert any(p.startswith("+33 6 ") for p in phones)
    assert {r[4] for r in rows} <= set(domain.ROLES) | {None}
    assert {r[5] for r in rows} == set(domain.ATTITUDES) | {None}
    dg_roles = {r[4] for r in rows if "(DG)" in r[1]}
    assert dg_roles == {"decision_maker"}


def test_empty_seats_are_placeholders_without_contact_or_interactions(con):
    rows = con.execute(
        "SELECT id, full_name, email, phone, role, attitude FROM stakeholders WHERE placeholder"
    ).fetchall()
    assert rows
    for sid, name, email, phone, role, attitude in rows:
        assert name.endswith("à identifier")
        assert email is None and phone is None and attitude is None
        assert role in domain.ROLES
        assert _one(con, "SELECT count(*) FROM interactions WHERE stakeholder_id = ?", sid) == 0
    assert any(r[1] == "DAF — à identifier" for r in rows)


def test_some_committees_miss_required_roles(con):
    held = defaultdict(set)
    for account, role in con.execute(
        "SELECT account_id, role FROM stakeholders WHERE NOT placeholder AND role IS NOT NULL"
    ):
        held[account].add(role)
    gaps = [a for a, roles in held.items() if not set(domain.REQUIRED_ROLES) <= roles]
    full = [a for a, roles in held.items() if set(domain.REQUIRED_ROLES) <= roles]
    assert gaps and full


# --- interactions ------------------------------------------------------------------------
def test_interactions_happen_in_working_hours_over_18_months(con):
    start = demo._months_before(TODAY, 18).isoformat()
    low, high = con.execute(
        "SELECT min(occurred_at), max(occurred_at) FROM interactions"
    ).fetchone()
    assert start <= low and high[:10] <= TODAY.isoformat()
    assert high[:10] >= (TODAY - dt.timedelta(days=7)).isoformat()
    weekend = _one(
        con, "SELECT count(*) FROM interactions WHERE strftime('%w', occurred_at) IN ('0', '6')"
    )
    assert weekend == 0
    hours = {
        r[0] for r in con.execute("SELECT DISTINCT substr(occurred_at, 12, 2) FROM interactions")
    }
    assert hours <= {f"{h:02d}" for h in range(8, 19)}
    holidays = _one(
        con,
        "SELECT count(*) FROM interactions WHERE substr(occurred_at, 6, 5) IN ('05-01', '12-25')",
    )
    assert holidays == 0


def test_interaction_types_mix_durations_notes_and_people(con):
    mix = dict(con.execute("SELECT type_key, count(*) FROM interactions GROUP BY 1"))
    assert set(mix) == set(domain.DEFAULT_INTERACTION_TYPES)
    assert mix["web_visit"] > mix["call"] > mix["meeting"] > mix["demo_request"]
    assert mix["email_open"] > mix["call"]
    for kind, low, high in (("call", 5, 30), ("meeting", 30, 90), ("event", 30, 300)):
        lo, hi, missing = con.execute(
            "SELECT min(duration_minutes), max(duration_minutes), "
            "sum(duration_minutes IS NULL) FROM interactions WHERE type_key = ?",
            (kind,),
        ).fetchone()
        assert low <= lo <= hi <= high and missing == 0
    others = _one(
        con,
        "SELECT count(*) FROM interactions WHERE duration_minutes IS NOT NULL "
        "AND type_key NOT IN ('call', 'meeting', 'event')",
    )
    assert others == 0
    notes = [r[0] for r in con.execute("SELECT notes FROM interactions WHERE notes IS NOT NULL")]
    assert any(n.startswith("Point d'avancement sur le budget") for n in notes)
    assert {r[0] for r in con.execute("SELECT DISTINCT logged_by FROM interactions")} <= set(REPS)
    wrong_account = _one(
        con,
        "SELECT count(*) FROM interactions i JOIN stakeholders s ON s.id = i.stakeholder_id "
        "WHERE s.account_id <> i.account_id",
    )
    assert wrong_account == 0
    assert _one(con, "SELECT count(*) FROM interactions WHERE stakeholder_id IS NULL") > 0


def test_target_accounts_are_engaged_more_and_some_are_dormant_rising_or_falling(con):
    per_account = dict(
        con.execute(
            "SELECT a.is_target, count(i.id) * 1.0 / count(DISTINCT a.id) FROM accounts a "
            "LEFT JOIN interactions i ON i.account_id = a.id GROUP BY a.is_target"
        )
    )
    assert per_account[1] > 1.8 * per_account[0]
    t = domain.day_number(TODAY)
    trends = defaultdict(int)
    for last4, prev4, recent in con.execute(
        """SELECT
             sum(CASE WHEN i.day BETWEEN :t - 27 AND :t THEN p.points ELSE 0 END),
             sum(CASE WHEN i.day BETWEEN :t - 55 AND :t - 28 THEN p.points ELSE 0 END),
             sum(CASE WHEN i.day BETWEEN :t - 29 AND :t AND p.points > 0 THEN 1 ELSE 0 END)
           FROM accounts a JOIN interactions i ON i.account_id = a.id
           JOIN interaction_types p ON p.key = i.type_key
           WHERE a.is_target GROUP BY a.id""",
        {"t": t},
    ):
        if not recent:
            trends["dormant"] += 1
        if last4 > 1.1 * prev4:
            trends["rising"] += 1
        elif last4 < 0.9 * prev4:
            trends["falling"] += 1
    assert 2 <= trends["dormant"] <= 9  # a few
    assert trends["rising"] >= 2 and trends["falling"] >= 2


# --- deals -------------------------------------------------------------------------------
def test_deals_move_through_the_stages_within_their_lifetime(con):
    deals = {
        r[0]: r[1:]
        for r in con.execute("SELECT id, status, opened_at, closed_at, amount_cents FROM deals")
    }
    changes = defaultdict(list)
    for deal, stage, at in con.execute(
        "SELECT deal_id, stage, entered_at FROM stage_changes ORDER BY deal_id, entered_at"
    ):
        changes[deal].append((stage, at))
    order = {s: i for i, s in enumerate(domain.STAGES)}
    backward = 0
    for deal, (status, opened, closed, amount) in deals.items():
        if status == "open":
            assert closed is None
        else:
            assert closed is not None and closed > opened and amount > 0
        stays = changes[deal]
        assert stays and stays[0] == ("discovery", opened)
        times = [at for _, at in stays]
        assert len(set(times)) == len(times)  # strictly ordered
        assert times[-1] <= (closed or TODAY.isoformat() + "T23:59:59")
        assert times[-1][:10] <= TODAY.isoformat()
        for (a, _), (b, _) in zip(stays, stays[1:], strict=False):
            if order[b] < order[a]:
                backward += 1
                assert (a, b) == ("proposal", "qualified")
        if status == "won":
            assert stays[-1][0] == "negotiation"
    assert backward > 0
    names = con.execute("SELECT account_id, name FROM deals").fetchall()
    assert len(set(names)) == len(names)


def test_abm_deals_are_won_more_often_faster_and_bigger(con):
    def stats(cond: str) -> tuple[float, float, float]:
        won, cycle, amount = con.execute(
            "SELECT count(*), avg(julianday(d.closed_at) - julianday(d.opened_at)), "
            "avg(d.amount_cents) FROM deals d JOIN accounts a ON a.id = d.account_id "
            f"WHERE d.status = 'won' AND {cond}"
        ).fetchone()
        lost = _one(
            con,
            "SELECT count(*) FROM deals d JOIN accounts a ON a.id = d.account_id "
            f"WHERE d.status = 'lost' AND {cond}",
        )
        return won / (won + lost), cycle, amount

    abm_rate, abm_cycle, abm_amount = stats(ABM_AT_CLOSE)
    non_rate, non_cycle, non_amount = stats(f"NOT ({ABM_AT_CLOSE})")
    assert abm_rate > non_rate
    assert 0.1 < 1 - abm_cycle / non_cycle < 0.5  # about 30 % shorter
    assert 0.15 < abm_amount / non_amount - 1 < 1.0  # about 30-60 % larger


def test_contracts_come_from_won_deals(con):
    won_accounts = {
        r[0]: r[1] for r in con.execute(
            "SELECT account_id, min(closed_at) FROM deals WHERE status = 'won' GROUP BY 1"
        )
    }  # fmt: skip
    rows = con.execute(
        "SELECT account_id, kind, annual_value_cents, start_date, end_date FROM contracts"
    ).fetchall()
    assert {r[0] for r in rows} == set(won_accounts)
    kinds = defaultdict(int)
    for account, kind, value, start, end in rows:
        kinds[kind] += 1
        assert value > 0 and start > won_accounts[account][:10]
        assert end is None or end > start
    assert kinds["new"] > kinds["upsell"] > 0
    assert _one(con, "SELECT count(*) FROM contracts WHERE end_date <= ?", TODAY.isoformat()) > 0


# --- costs and settings ------------------------------------------------------------------
def test_costs_cover_the_abm_program_and_the_rest(con):
    rows = con.execute("SELECT date, amount_cents, program, category, account_id FROM costs")
    rows = rows.fetchall()
    start = demo._months_before(TODAY, 18).isoformat()
    assert all(start <= r[0] <= TODAY.isoformat() and r[1] > 0 for r in rows)
    assert {r[2] for r in rows} == {"abm", "other"}
    assert {r[3] for r in rows if r[2] == "abm"} == {
        "tools",
        "content",
        "campaign",
        "events",
        "staff",
    }
    tied = [r for r in rows if r[4] is not None]
    assert 0 < len(tied) < len(rows) / 2 and all(r[2] == "abm" for r in tied)
    targets = {r[0] for r in con.execute("SELECT id FROM accounts WHERE is_target")}
    assert {r[4] for r in tied} <= targets
    months = {r[0][:7] for r in rows if r[2] == "abm"}
    assert len(months) >= 18


def test_settings_name_the_company_and_the_staff_cost(demo_db):
    engine = open_database(demo_db[0])
    try:
        settings = load_settings(engine)
    finally:
        engine.dispose()
    assert settings.company_name == "Nexalis Conseil"
    assert settings.staff_hourly_cost == 45
    assert settings.user_name in REPS


# --- safety ------------------------------------------------------------------------------
def test_a_database_with_data_is_refused_and_left_alone(demo_db):
    before = _dump(demo_db[0])
    engine = open_database(demo_db[0])
    try:
        with pytest.raises(DataError, match="already holds data; use a new file"):
            generate_demo(engine, size="small", seed=99, today=TODAY)
    finally:
        engine.dispose()
    assert _dump(demo_db[0]) == before


def test_a_failure_midway_leaves_the_database_as_it_was(engine, db_path, monkeypatch):
    def schema() -> list[tuple]:
        with sqlite3.connect(db_path) as c:
            return c.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()

    before = schema()

    def boom(*args: object, **kwargs: object) -> list[tuple]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(demo, "_cost_rows", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        generate_demo(engine, size="small", today=TODAY)
    with sqlite3.connect(db_path) as c:
        for table in TABLES[:8]:
            assert c.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert schema() == before  # the dropped indexes are back


def test_indexes_are_recreated_identically(demo_db, tmp_path):
    fresh = tmp_path / "fresh.db"
    open_database(fresh).dispose()

    def indexes(path: Path) -> list[tuple]:
        with sqlite3.connect(path) as c:
            return c.execute(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
            ).fetchall()

    assert indexes(demo_db[0]) == indexes(fresh)
    with sqlite3.connect(demo_db[0]) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []


def test_command_line_demo_uses_today_and_refuses_a_second_run(tmp_path, capsys):
    from abmdesk.cli import main

    path = tmp_path / "cli.db"
    assert main(["demo", "--db", str(path), "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "80 accounts" in out
    with sqlite3.connect(path) as c:
        last = c.execute("SELECT max(occurred_at) FROM interactions").fetchone()[0]
    assert dt.date.today() - dt.timedelta(days=7) <= dt.date.fromisoformat(last[:10])
    assert dt.date.fromisoformat(last[:10]) <= dt.date.today()
    assert main(["demo", "--db", str(path)]) == 1
    assert "already holds data" in capsys.readouterr().err
