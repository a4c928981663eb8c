"""The interaction aggregates of KPIs 1, 2 and 7, computed by SQLite in a few statements.

Up to millions of interactions are summed in SQLite over the covering index
``ix_interactions_kpi(day, account_id, type_key, stakeholder_id, duration_minutes)``
(the plan says ``USING INDEX``, not ``COVERING INDEX``, only because the table has a
generated column: no table row is read); points come from ``interaction_types`` in the
same statement (current points, so a change of points is retroactive). Only
per-account sums reach Python.

How the scan is cut:

- the days from the earliest window start (or F) to T are split into *segments* at
  every Monday and at every window boundary (engagement window, last4, prev4, 30-day
  dormancy window, F), so that each segment lies wholly inside or outside each window
  and within one ISO week;
- each segment is one ``GROUP BY account`` over a few days of rows: many small sorts
  are cheaper than one sort of a year (which spills to disk), and the weekly sums and
  the window sums come out of the same scan;
- segments are scalar subqueries of a few statements (about four, in day order) whose
  one row holds a JSON object per segment, keyed by ``hex(account id)``. SQLite computes
  a whole row in one step without Python's GIL, so a worker thread can run them while
  the caller's thread reads the deals; ``json.loads`` then builds the dicts in C.
  Statement 0 counts the identified and engaged stakeholders.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from abmdesk import domain
from abmdesk.kpi.inputs import AccountEngagement, Params, Period, StakeholderCounts

#: Interactions with their type's current points. CROSS JOIN keeps ``interactions``
#: as the outer loop (a range scan of the covering index), whatever the statistics.
POINTS_FROM = "FROM interactions AS i CROSS JOIN interaction_types AS t ON t.key = i.type_key"

#: A segment outside every window: weekly sums only (weeks with 0 points dropped).
WEEK_SQL = f"""
SELECT json_group_object(k, p) FROM (
    SELECT hex(i.account_id) AS k, SUM(t.points) AS p
    {POINTS_FROM}
    WHERE i.day BETWEEN :{{lo}} AND :{{hi}}
    GROUP BY i.account_id
    HAVING SUM(t.points) <> 0
)"""

#: A segment inside a window: [Σ points, an interaction with points > 0 (0/1)].
WINDOW_SQL = f"""
SELECT json_group_object(k, json_array(p, pos)) FROM (
    SELECT hex(i.account_id) AS k, SUM(t.points) AS p, MAX(t.points > 0) AS pos
    {POINTS_FROM}
    WHERE i.day BETWEEN :{{lo}} AND :{{hi}}
    GROUP BY i.account_id
)"""

#: Staff time: Σ duration_minutes in the period.
MINUTES_SQL = """
SELECT json_group_object(k, m) FROM (
    SELECT hex(account_id) AS k, SUM(duration_minutes) AS m
    FROM interactions
    WHERE day BETWEEN :period_from AND :period_to AND duration_minutes > 0
    GROUP BY account_id
)"""

#: Identified stakeholders: not placeholders.
IDENTIFIED_SQL = """
SELECT json_group_object(k, n) FROM (
    SELECT hex(account_id) AS k, COUNT(*) AS n
    FROM stakeholders NOT INDEXED
    WHERE NOT placeholder
    GROUP BY account_id
)"""

#: Engaged stakeholders (points > 0 in the engagement window): count and required roles.
ENGAGED_SQL = f"""
SELECT json_group_object(k, json_array(n, r0, r1, r2, r3)) FROM (
    SELECT hex(s.account_id) AS k, COUNT(*) AS n,
           MAX(s.role = :role0) AS r0, MAX(s.role = :role1) AS r1,
           MAX(s.role = :role2) AS r2, MAX(s.role = :role3) AS r3
    FROM stakeholders AS s
    WHERE NOT s.placeholder
      AND s.id IN (SELECT i.stakeholder_id {POINTS_FROM}
                   WHERE i.day BETWEEN :score_from AND :period_to AND t.points > 0
                     AND i.stakeholder_id IS NOT NULL)
    GROUP BY s.account_id
)"""

#: Columns per statement, well under SQLite's default limit of 2000.
MAX_COLUMNS = 500

#: Segment statements per scan (more gives finer pipelining, each costs a GIL hand-off).
STATEMENTS = 4


@dataclass(frozen=True, slots=True)
class Segment:
    """Days ``lo..hi`` (day numbers), wholly inside or outside each window."""

    lo: int
    hi: int
    week: str | None  # the ISO week label when the segment is in the period
    score: bool  # in the engagement window
    last4: bool
    prev4: bool
    active: bool  # in the 30-day dormancy window

    @property
    def windowed(self) -> bool:
        return self.score or self.last4 or self.prev4 or self.active


def segments(period: Period, params: Params) -> list[Segment]:
    """The segments covering the period and every window ending at T, in day order."""
    first, end = period.start_day, period.end_day
    score_from = end - params.engagement_window_days + 1
    last4_from, prev4_from, active_from = end - 27, end - 55, end - 29
    lo = min(first, score_from, prev4_from, active_from)
    cuts = {lo, first, score_from, last4_from, prev4_from, active_from, end + 1}
    # Mondays: 1970-01-05 (day 4) is a Monday.
    monday = lo - (lo - 4) % 7
    while monday <= end:
        cuts.add(monday)
        monday += 7
    bounds = sorted(c for c in cuts if lo <= c <= end + 1)
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        week = domain.iso_week_label(domain.from_day_number(a)) if a >= first else None
        out.append(
            Segment(
                lo=a,
                hi=b - 1,
                week=week,
                score=a >= score_from,
                last4=a >= last4_from,
                prev4=prev4_from <= a < last4_from,
                active=a >= active_from,
            )
        )
    return out


#: A column of a statement: "identified", "engaged", "minutes" or a segment's index.
Column = str | int


@dataclass(frozen=True, slots=True)
class Statement:
    """One SELECT returning one row: a JSON text per column."""

    sql: str
    binds: dict[str, object]
    columns: tuple[Column, ...]


class InteractionScan:
    """Plans the statements, then turns their JSON columns into per-account aggregates.

    Statement 0 holds the stakeholder counts; the others hold the segments in day
    order (and the staff minutes) and must be fed in that order. Aggregates are keyed
    by the account's id as upper-case hex (``AccountRow.key``).
    """

    def __init__(self, period: Period, params: Params) -> None:
        self.period = period
        self.params = params
        self.segments = segments(period, params)
        self.with_minutes = bool(params.staff_hourly_cost)
        self._weekly: dict[str, dict[str, int]] = {}
        self._windows: dict[str, list] = {}  # key -> [score, last4, prev4, active]
        self._split: set[str] = set()  # weeks cut into several segments
        self._weeks_seen: set[str] = set()
        self._next_segment = 0
        self._identified: dict[str, int] = {}
        self._engaged: dict[str, list[int]] = {}
        self.minutes: dict[str, int] = {}

    # --- the SQL -----------------------------------------------------------------

    def statements(self) -> list[Statement]:
        """The statements; each returns one row of JSON texts."""
        end = self.period.end_day
        binds: dict[str, object] = {
            "period_from": self.period.start_day,
            "period_to": end,
            "score_from": end - self.params.engagement_window_days + 1,
        }
        binds.update({f"role{k}": role for k, role in enumerate(domain.REQUIRED_ROLES)})
        sql: dict[Column, str] = {"identified": IDENTIFIED_SQL, "engaged": ENGAGED_SQL}
        if self.with_minutes:
            sql["minutes"] = MINUTES_SQL
        for k, seg in enumerate(self.segments):
            template = WINDOW_SQL if seg.windowed else WEEK_SQL
            sql[k] = template.format(lo=f"lo{k}", hi=f"hi{k}")
            binds[f"lo{k}"] = seg.lo
            binds[f"hi{k}"] = seg.hi
        groups: list[list[Column]] = [["identified", "engaged"]]
        per = min(MAX_COLUMNS, max(1, -(-len(self.segments) // STATEMENTS)))
        for start in range(0, len(self.segments), per):
            groups.append(list(range(start, min(start + per, len(self.segments)))))
        if self.with_minutes:
            groups[1].append("minutes")  # there is always a segment: the period has a day
        return [
            Statement(
                sql="SELECT " + ",\n".join(f"({sql[c]})" for c in cols),
                binds=binds,
                columns=tuple(cols),
            )
            for cols in groups
        ]

    @staticmethod
    def execute(con: sqlite3.Connection, statement: Statement) -> list[str]:
        """The statement's JSON texts."""
        return list(con.execute(statement.sql, statement.binds).fetchone())

    # --- the results -------------------------------------------------------------

    def feed(self, statement: Statement, texts: list[str]) -> None:
        """Take in one statement's texts (segment statements in order)."""
        for column, text in zip(statement.columns, texts, strict=True):
            if column == "identified":
                self._identified = json.loads(text)
            elif column == "engaged":
                self._engaged = json.loads(text)
            elif column == "minutes":
                self.minutes = json.loads(text)
            else:
                assert column == self._next_segment, "segments must be fed in day order"
                self._next_segment += 1
                self._add_segment(self.segments[column], json.loads(text))

    def _add_segment(self, seg: Segment, sums: dict) -> None:
        weekly = self._weekly
        label = seg.week
        if label is not None:
            if label in self._weeks_seen:
                self._split.add(label)
            self._weeks_seen.add(label)
        if not seg.windowed:
            for key, points in sums.items():
                weeks = weekly.get(key)
                if weeks is None:
                    weekly[key] = {label: points}  # type: ignore[dict-item]
                else:
                    weeks[label] = weeks.get(label, 0) + points  # type: ignore[index]
            return
        windows = self._windows
        score, last4, prev4, active = seg.score, seg.last4, seg.prev4, seg.active
        for key, (points, positive) in sums.items():
            w = windows.get(key)
            if w is None:
                w = windows[key] = [0, 0, 0, False]
            if score:
                w[0] += points
            if last4:
                w[1] += points
            if prev4:
                w[2] += points
            if active and positive:
                w[3] = True
            if label is not None and points:
                weeks = weekly.get(key)
                if weeks is None:
                    weekly[key] = {label: points}
                else:
                    weeks[label] = weeks.get(label, 0) + points

    def finish(
        self,
    ) -> tuple[dict[str, AccountEngagement], dict[str, StakeholderCounts], dict[str, int]]:
        """``(engagement, stakeholders, minutes)`` per account key, once all is fed."""
        assert self._next_segment == len(self.segments), "not every segment was fed"
        weekly, windows = self._weekly, self._windows
        if self._split:
            for weeks in weekly.values():
                for label in self._split:
                    if weeks.get(label) == 0:
                        del weeks[label]
        engagement: dict[str, AccountEngagement] = {}
        for key in weekly.keys() | windows.keys():
            agg = AccountEngagement(weekly=weekly.get(key, {}))
            w = windows.get(key)
            if w is not None:
                agg.score, agg.last4, agg.prev4, agg.active30 = w
            engagement[key] = agg
        roles = domain.REQUIRED_ROLES
        stakeholders: dict[str, StakeholderCounts] = {}
        for key, count in self._identified.items():
            n, *flags = self._engaged.get(key, (0, 0, 0, 0, 0))
            stakeholders[key] = StakeholderCounts(
                identified=count,
                engaged=n,
                engaged_roles=frozenset(r for r, f in zip(roles, flags, strict=True) if f),
            )
        return engagement, stakeholders, self.minutes

    def run(
        self, con: sqlite3.Connection
    ) -> tuple[dict[str, AccountEngagement], dict[str, StakeholderCounts], dict[str, int]]:
        """Every statement on ``con``, in order, then ``finish``."""
        for statement in self.statements():
            self.feed(statement, self.execute(con, statement))
        return self.finish()
