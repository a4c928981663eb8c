"""Demo data: 18 months of a French B2B firm's account-based marketing (``abmdesk demo``).

The firm using ABM Desk is Nexalis Conseil, a software and services company in Lyon.
Its customers and prospects are invented French (and a few Belgian, Swiss and
Luxembourg) companies; about a third of them are ABM target accounts, which get more
engagement, shorter sales cycles, larger deals and higher win rates, as ABM promises.

Decisions:

- Everything is deterministic for a given ``(seed, today)``, ids included: they are
  UUIDv7-shaped (a time field that counts up from ``today``, random bits from the seed),
  so rows also land in primary-key order, which keeps the inserts fast.
- ``created_at``/``updated_at`` of every demo row is ``today`` at midnight: the rows
  were made by the generator, not by the people they describe.
- The whole generation is one ``BEGIN IMMEDIATE`` transaction on the raw sqlite3
  connection: a failure, or a database that already holds data, leaves the file as it
  was. The secondary indexes of the big tables are dropped inside the transaction and
  recreated from their own ``sqlite_master`` SQL after the inserts.
- A database that already holds accounts or costs is refused (``DataError``): demo data
  mixed with real data would pollute every KPI.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import sqlite3
import time
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import TypeVar

from sqlalchemy import Engine

from abmdesk import domain
from abmdesk.errors import DataError, ValidationError
from abmdesk.services import demo_names as names


@dataclass(frozen=True)
class DemoSize:
    """How many rows of the main tables a demo size makes."""

    accounts: int
    stakeholders: int
    interactions: int
    deals: int


SIZES: dict[str, DemoSize] = {
    "small": DemoSize(accounts=80, stakeholders=480, interactions=10_000, deals=150),
    "large": DemoSize(accounts=10_000, stakeholders=100_000, interactions=1_000_000, deals=20_000),
}
HISTORY_MONTHS = 18
_T = TypeVar("_T")

#: Tables whose secondary indexes are rebuilt after the bulk inserts.
REINDEXED_TABLES = ("interactions", "stakeholders", "stage_changes")

# --- the ABM effect -------------------------------------------------------------------
#: Median won-deal cycle in days, non-ABM and ABM (about 30 % shorter).
CYCLE_DAYS_NON_ABM = 118.0
CYCLE_DAYS_ABM = 82.0
CYCLE_SIGMA = 0.33
#: Chance to win, non-ABM and ABM.
WIN_RATE_NON_ABM = 0.24
WIN_RATE_ABM = 0.40
#: Deal amounts of ABM deals, relative to non-ABM deals of the same size of company.
ABM_AMOUNT_FACTOR = 1.5
AMOUNT_SIGMA = 0.35
#: First-deal amount in euros by size band (before the lognormal spread).
BASE_AMOUNT_EUR = {
    "10-49": 11_000,
    "50-249": 19_000,
    "250-4999": 32_000,
    "5000+": 52_000,
    "unknown": 16_000,
}
#: How much more engagement a target account gets once it is a target.
TARGET_LIFT = 3.0

# --- interaction mixes ------------------------------------------------------------------
TYPE_KEYS: tuple[str, ...] = (
    "web_visit",
    "email_open",
    "email_sent",
    "social_engagement",
    "email_reply",
    "content_download",
    "call",
    "meeting",
    "event",
    "demo_request",
)
MIX_NON_TARGET = (35, 26, 13, 8, 5, 5, 4.8, 1.6, 1.0, 0.6)
MIX_TARGET = (27, 22, 13, 9, 7, 7, 7.5, 3.6, 2.6, 1.3)
#: Chance that an interaction of this type is account-level (no stakeholder).
ACCOUNT_LEVEL = {"web_visit": 0.45, "content_download": 0.15, "event": 0.2}
EMAIL_TYPES = frozenset({"email_open", "email_sent", "email_reply"})
MANUAL_TYPES = frozenset({"call", "meeting", "event", "email_sent", "email_reply"})

ATTITUDES: tuple[str | None, ...] = ("champion", "supporter", "neutral", "skeptic", "blocker", None)
ATTITUDE_WEIGHTS = (10, 25, 24, 10, 5, 26)
ATTITUDE_ENGAGE = {
    "champion": 3.0,
    "supporter": 2.0,
    "neutral": 1.0,
    "skeptic": 0.6,
    "blocker": 0.3,
    None: 0.8,
}

SHAPES = ("steady", "rising", "falling", "dormant")
SHAPE_WEIGHTS_TARGET = (50, 22, 18, 10)
SHAPE_WEIGHTS_OTHER = (70, 8, 10, 12)


# --- the summary -------------------------------------------------------------------------
@dataclass
class DemoSummary:
    """What ``generate_demo`` wrote."""

    size: str
    seed: int
    today: dt.date
    company_name: str = names.COMPANY_NAME
    accounts: int = 0
    target_accounts: int = 0
    stakeholders: int = 0
    placeholders: int = 0
    interactions: int = 0
    deals: int = 0
    deals_won: int = 0
    deals_lost: int = 0
    deals_open: int = 0
    stage_changes: int = 0
    contracts: int = 0
    costs: int = 0
    seconds: float = 0.0

    def describe(self) -> str:
        """A few readable lines for the command line."""
        return (
            f"Demo data for {self.company_name} (size {self.size}, seed {self.seed}, "
            f"{HISTORY_MONTHS} months up to {self.today.isoformat()}):\n"
            f"  {self.accounts:,} accounts, {self.target_accounts:,} of them ABM targets\n"
            f"  {self.stakeholders:,} stakeholders ({self.placeholders:,} empty seats)\n"
            f"  {self.interactions:,} interactions\n"
            f"  {self.deals:,} deals: {self.deals_won:,} won, {self.deals_lost:,} lost, "
            f"{self.deals_open:,} open ({self.stage_changes:,} stage changes)\n"
            f"  {self.contracts:,} contracts, {self.costs:,} costs\n"
            f"Done in {self.seconds:.1f} s."
        )


# --- small helpers ---------------------------------------------------------------------
class _Ids:
    """Deterministic UUIDv7-shaped ids that count up (so inserts append to the key index)."""

    _MASK62 = (1 << 62) - 1

    def __init__(self, rng: random.Random, today: dt.date) -> None:
        midnight = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
        self._next = int(midnight.timestamp() * 1000)
        self._bits = rng.getrandbits

    def __call__(self) -> bytes:
        ms = self._next
        self._next = ms + 1
        r = self._bits(74)
        value = (ms << 80) | (0x7 << 76) | ((r >> 62) << 64) | (0x2 << 62) | (r & self._MASK62)
        return value.to_bytes(16, "big")


def ascii_fold(text: str) -> str:
    """``"Hélène Lefèvre"`` → ``"Helene Lefevre"``."""
    text = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=4096)
def _email_part(name: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", ascii_fold(name).lower())


@lru_cache(maxsize=4096)
def _slug(text: str) -> str:
    text = re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower())
    return text.strip("-")


def _de(town: str) -> str:
    """French "of": de Lyon, d'Annecy, du Mans."""
    if town.startswith("Le "):
        return "du " + town[3:]
    if ascii_fold(town[0]).lower() in "aeiouy":
        return "d'" + town
    return "de " + town


def _months_before(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    m += 1
    last = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(day.day, last))


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month, day = divmod(h + j - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=16)
def _holidays(year: int) -> frozenset[dt.date]:
    """French public holidays."""
    easter = _easter(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    days = {dt.date(year, m, d) for m, d in fixed}
    days |= {easter + dt.timedelta(days=n) for n in (1, 39, 50)}
    return frozenset(days)


def _is_workday(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def _next_workday(day: dt.date) -> dt.date:
    while not _is_workday(day):
        day += dt.timedelta(days=1)
    return day


def _allocate(
    rng: random.Random, total: int, weights: Sequence[float], lo: int, hi: int
) -> list[int]:
    """Integer counts in [lo, hi], roughly proportional to weights, summing to total."""
    n = len(weights)
    if not n * lo <= total <= n * hi:
        raise ValueError(f"cannot spread {total} over {n} in [{lo}, {hi}]")
    s = sum(weights)
    counts = [min(hi, max(lo, int(total * w / s))) for w in weights]
    diff = total - sum(counts)
    population = range(n)
    cum = list(accumulate(weights))
    while diff:
        for i in rng.choices(population, cum_weights=cum, k=min(abs(diff), n)):
            if diff > 0 and counts[i] < hi:
                counts[i] += 1
                diff -= 1
            elif diff < 0 and counts[i] > lo:
                counts[i] -= 1
                diff += 1
            if not diff:
                break
        if diff:  # the heavy ones may be full: spread the rest evenly
            cum = list(accumulate(1.0 for _ in weights))
    return counts


def _pick_weighted(rng: random.Random, items: Sequence[_T], weights: Sequence[float]) -> _T:
    return rng.choices(items, weights=weights, k=1)[0]


def _times(start: str, end: str, step: int, *, seconds: bool = False) -> list[str]:
    """``HH:MM:00`` (or ``HH:MM:``) strings from start to end excluded, every step minutes."""
    h0, m0 = map(int, start.split(":"))
    h1, m1 = map(int, end.split(":"))
    out = []
    for minute in range(h0 * 60 + m0, h1 * 60 + m1, step):
        text = f"{minute // 60:02d}:{minute % 60:02d}:"
        out.append(text if seconds else text + "00")
    return out


AUTO_MINUTES = _times("08:00", "19:00", 1, seconds=True)
_HOUR_WEIGHT = {8: 0.6, 9: 1.2, 10: 1.3, 11: 1.2, 12: 0.6, 13: 0.8, 14: 1.1, 15: 1.2, 16: 1.1}
AUTO_MINUTE_CUM = list(accumulate(_HOUR_WEIGHT.get(int(t[:2]), 0.6) for t in AUTO_MINUTES))
SECONDS = [f"{s:02d}" for s in range(60)]
CALL_TIMES = _times("09:00", "12:30", 1) + _times("13:30", "18:30", 1)
MEETING_TIMES = _times("09:00", "12:00", 30) + _times("14:00", "17:30", 30)
EVENT_TIMES = ["08:30:00", "09:00:00", "10:00:00", "11:00:00", "14:00:00", "14:30:00"]
OFFICE_TIMES = _times("09:00", "18:30", 1)


class _Calendar:
    """The working days (Monday to Friday, no French public holiday) of the history."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.start = _months_before(today, HISTORY_MONTHS)
        days = []
        day = self.start
        while day <= today:
            if _is_workday(day):
                days.append(day)
            day += dt.timedelta(days=1)
        if not days:  # cannot happen over 18 months; keeps the types honest
            raise ValidationError("no working day in the demo period")
        self.days = days
        self.ordinals = [d.toordinal() for d in days]
        self.text = [d.isoformat() for d in days]
        self.budget_year = [d.year + (1 if d.month >= 6 else 0) for d in days]
        self.season = [self._season(d) for d in days]
        self.n = len(days)
        self.last28 = self.index(today - dt.timedelta(days=27))
        self.prev28 = self.index(today - dt.timedelta(days=55))
        self.last30 = self.index(today - dt.timedelta(days=29))

    @staticmethod
    def _season(day: dt.date) -> float:
        if day.month == 8:
            return 0.4
        if (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 2):
            return 0.3
        weight = {7: 0.8, 9: 1.15, 10: 1.1, 11: 1.05, 1: 1.05, 3: 1.1}.get(day.month, 1.0)
        return weight * (0.85 if day.weekday() == 4 else 1.0)

    def index(self, day: dt.date) -> int:
        """Index of the first working day on or after ``day`` (n if none)."""
        return bisect_left(self.ordinals, day.toordinal())


@dataclass(slots=True)
class _Account:
    id: bytes
    name: str
    domain: str
    country: str
    sector: str
    employees: int | None
    band: str
    tier: str
    is_target: bool
    since: dt.date | None
    owner: str
    committee_size: int | None
    retention: float | None
    shape: str
    people: list[bytes] = field(default_factory=list)
    people_cum: list[float] = field(default_factory=list)
    no_email: frozenset[bytes] = frozenset()


# --- accounts --------------------------------------------------------------------------
_BANDS = ("10-49", "50-249", "250-4999", "5000+")
_BAND_RANGE = {
    "10-49": (10, 49),
    "50-249": (50, 249),
    "250-4999": (250, 4999),
    "5000+": (5000, 45000),
}
_BAND_BY_HINT = {
    "s": (55, 40, 5, 0),
    "m": (22, 46, 30, 2),
    "l": (0, 14, 60, 26),
}
_TIER_BY_BAND = {
    "10-49": (3, 27, 70),
    "50-249": (10, 45, 45),
    "250-4999": (35, 45, 20),
    "5000+": (70, 25, 5),
    "unknown": (5, 30, 65),
}
_TARGET_PREFERENCE = {"1": 4.0, "2": 1.8, "3": 0.7}
_FOREIGN_TOWNS = {
    "BE": ("Bruxelles", "Liège", "Namur", "Charleroi", "Mons", "Wavre", "Tournai"),
    "CH": ("Genève", "Lausanne", "Neuchâtel", "Fribourg", "Sion", "Montreux"),
    "LU": ("Luxembourg", "Esch-sur-Alzette", "Differdange"),
}


def _make_accounts(rng: random.Random, ids: _Ids, cal: _Calendar, count: int) -> list[_Account]:
    sectors = names.SECTORS
    sector_w = [s.weight for s in sectors]
    countries = [c for c, _ in names.COUNTRIES]
    country_w = [w for _, w in names.COUNTRIES]
    taken_names: set[str] = set()
    taken_domains: set[str] = set()
    accounts: list[_Account] = []
    for _ in range(count):
        country = _pick_weighted(rng, countries, country_w)
        for attempt in range(200):
            sector = _pick_weighted(rng, sectors, sector_w)
            patterns = sector.patterns
            if country != "FR":
                patterns = tuple(
                    p for p in patterns if "{region}" not in p[0] and "{de_town}" not in p[0]
                )
                if not patterns:
                    continue
            fmt, dom_fmt, hint, _ = _pick_weighted(rng, patterns, [p[3] for p in patterns])
            forms, tld = names.LEGAL_FORMS[country]
            if country == "FR":
                town = rng.choice(names.TOWNS)
            else:
                town = rng.choice(_FOREIGN_TOWNS[country])
            region = rng.choice(names.REGIONS)
            raw = {
                "surname": rng.choice(names.SURNAMES),
                "concept": rng.choice(names.CONCEPTS),
                "region": region[0],
                "town": town,
                "de_town": _de(town),
                "saint": rng.choice(names.SAINTS),
                "form": rng.choice(forms),
            }
            name = fmt.format(**raw)
            if attempt >= 100:
                name = f"{name} ({town})"
            if name in taken_names:
                continue
            slugs = {k: _slug(v) for k, v in raw.items()}
            slugs["region"] = region[1]
            base = dom_fmt.format(**slugs)
            domain_name = base + tld
            k = 2
            while domain_name in taken_domains:
                domain_name = f"{base}-{slugs['town']}{tld}" if k == 2 else f"{base}{k - 1}{tld}"
                k += 1
            break
        else:  # pragma: no cover - the name space is far larger than 10 000
            raise ValidationError("could not invent enough distinct company names")
        taken_names.add(name)
        taken_domains.add(domain_name)
        if rng.random() < 0.04:
            employees, band = None, "unknown"
        else:
            band = _pick_weighted(rng, _BANDS, _BAND_BY_HINT[hint])
            lo, hi = _BAND_RANGE[band]
            employees = int(math.exp(rng.uniform(math.log(lo), math.log(hi + 1))))
            employees = min(hi, max(lo, employees))
            if employees > 200:
                employees = round(employees, -1)
        tier = _pick_weighted(rng, ("1", "2", "3"), _TIER_BY_BAND[band])
        accounts.append(
            _Account(
                id=ids(),
                name=name,
                domain=domain_name,
                country=country,
                sector=sector.label,
                employees=employees,
                band=band,
                tier=tier,
                is_target=False,
                since=None,
                owner=_pick_weighted(rng, names.REPS, names.REP_WEIGHTS),
                committee_size=None,
                retention=None,
                shape="steady",
            )
        )
    # About a third are ABM targets, preferring tier 1 (weighted sampling without
    # replacement, Efraimidis-Spirakis keys).
    keys = sorted(
        range(count),
        key=lambda i: rng.random() ** (1.0 / _TARGET_PREFERENCE[accounts[i].tier]),
        reverse=True,
    )
    horizon = (cal.today - cal.start).days
    for i in keys[: round(count / 3)]:
        acc = accounts[i]
        acc.is_target = True
        r = rng.random()
        if r < 0.04:
            acc.since = None  # a target from before the history
        elif r < 0.22:
            acc.since = cal.today - dt.timedelta(days=rng.randint(7, 60))  # set recently
        else:
            acc.since = cal.start + dt.timedelta(days=rng.randint(0, horizon - 60))
    for acc in accounts:
        if rng.random() < (0.45 if acc.is_target else 0.1):
            acc.committee_size = rng.randint(6, 10)
        if rng.random() < 0.12:
            acc.retention = float(rng.choice((3, 4, 6, 7, 8)))
        shape_w = SHAPE_WEIGHTS_TARGET if acc.is_target else SHAPE_WEIGHTS_OTHER
        acc.shape = _pick_weighted(rng, SHAPES, shape_w)
    # However small the demo, a few targets are dormant, a few rising, a few falling.
    targets = [a for a in accounts if a.is_target]
    for shape in ("dormant", "rising", "falling"):
        need = max(2, round(0.05 * len(targets))) - sum(a.shape == shape for a in targets)
        steady = [a for a in targets if a.shape == "steady"]
        for acc in rng.sample(steady, max(0, min(need, len(steady)))):
            acc.shape = shape
    return accounts


def _account_rows(accounts: list[_Account], stamp: str) -> Iterator[tuple]:
    for a in accounts:
        yield (
            a.id,
            a.name,
            a.domain,
            a.sector,
            a.employees,
            a.country,
            a.tier,
            1 if a.is_target else 0,
            a.since.isoformat() if a.since else None,
            a.committee_size,
            a.retention,
            a.owner,
            stamp,
            stamp,
        )


# --- stakeholders ----------------------------------------------------------------------
_TITLES = {t.key: t for t in names.TITLES}
_FILL_TITLES = tuple(t for t in names.TITLES if t.weight > 0)


def _phone(rng: random.Random, country: str) -> str:
    r = rng.getrandbits(40)
    p = [(r >> (8 * i)) % 100 for i in range(5)]
    if country == "BE":
        return f"+32 4{p[0] % 90 + 10:02d} {p[1]:02d} {p[2]:02d} {p[3]:02d}"
    if country == "CH":
        return f"+41 7{p[0] % 4 + 6} {p[1]:02d}{p[2] % 10} {p[3]:02d} {p[4]:02d}"
    if country == "LU":
        return f"+352 6{p[0] % 3 + 2}1 {p[1]:02d}{p[2] % 10} {p[3]:02d}{p[4] % 10}"
    if p[4] < 20:  # a landline around Lyon
        return f"+33 4 {p[0] % 20 + 72:02d} {p[1]:02d} {p[2]:02d} {p[3]:02d}"
    return f"+33 {6 if p[4] < 80 else 7} {p[0]:02d} {p[1]:02d} {p[2]:02d} {p[3]:02d}"


def _seats(rng: random.Random, count: int) -> list[str]:
    """The title keys of a committee of ``count`` people, managers before their reports."""
    seats = ["dg"]
    have = {"dg": 1}
    for key, chance in names.FIRST_SEATS:
        if len(seats) < count and rng.random() < chance:
            seats.append(key)
            have[key] = 1
    while len(seats) < count:
        options = [
            t
            for t in _FILL_TITLES
            if have.get(t.key, 0) < t.most and (t.parent is None or t.parent in have)
        ]
        if not options:
            options = [_TITLES["cdp"]]
        title = _pick_weighted(rng, options, [t.weight for t in options])
        seats.append(title.key)
        have[title.key] = have.get(title.key, 0) + 1
    return seats


def _stakeholder_rows(
    rng: random.Random,
    ids: _Ids,
    accounts: list[_Account],
    counts: list[int],
    stamp: str,
    summary: DemoSummary,
) -> list[tuple]:
    rows: list[tuple] = []
    first_f, first_m, surnames = names.FIRST_NAMES_F, names.FIRST_NAMES_M, names.SURNAMES
    for acc, n in zip(accounts, counts, strict=True):
        seats = _seats(rng, n)
        empty: set[int] = set()
        if rng.random() < (0.5 if acc.is_target else 0.3):
            candidates = [i for i, k in enumerate(seats) if k in names.PLACEHOLDER_SEATS]
            for i in rng.sample(candidates, min(len(candidates), 1 + (rng.random() < 0.2))):
                empty.add(i)
        seat_ids: dict[str, bytes] = {}
        used_names: set[str] = set()
        used_emails: set[str] = set()
        people: list[bytes] = []
        weights: list[float] = []
        no_email: list[bytes] = []
        for i, key in enumerate(seats):
            title = _TITLES[key]
            sid = ids()
            manager = None
            parent = title.parent
            while parent is not None and parent not in seat_ids:
                parent = _TITLES[parent].parent
            if parent is not None:
                manager = seat_ids[parent]
            seat_ids.setdefault(key, sid)
            role = _pick_weighted(rng, [r for r, _ in title.roles], [w for _, w in title.roles])
            if i in empty:
                full_name = f"{title.short} — à identifier"
                k = 2
                while full_name in used_names:
                    full_name = f"{title.short} {k} — à identifier"
                    k += 1
                used_names.add(full_name)
                role = role or title.roles[0][0]
                rows.append(
                    (sid, acc.id, full_name, title.masculine, None, None, role, None,
                     manager, 1, stamp, stamp)
                )  # fmt: skip
                summary.placeholders += 1
                continue
            feminine = rng.random() < 0.5
            while True:
                first = rng.choice(first_f if feminine else first_m)
                last = rng.choice(surnames)
                full_name = f"{first} {last}"
                if full_name not in used_names:
                    break
            used_names.add(full_name)
            email = None
            if rng.random() >= 0.04:
                local = f"{_email_part(first)}.{_email_part(last)}"
                if local in used_emails:
                    local = f"{_email_part(first)[0]}.{_email_part(last)}"
                k = 2
                base_local = local
                while local in used_emails:
                    local = f"{base_local}{k}"
                    k += 1
                used_emails.add(local)
                email = f"{local}@{acc.domain}"
            else:
                no_email.append(sid)
            phone = _phone(rng, acc.country) if rng.random() < 0.75 else None
            attitude = _pick_weighted(rng, ATTITUDES, ATTITUDE_WEIGHTS)
            rows.append(
                (sid, acc.id, full_name, title.feminine if feminine else title.masculine,
                 email, phone, role, attitude, manager, 0, stamp, stamp)
            )  # fmt: skip
            engage = title.engage * ATTITUDE_ENGAGE[attitude]
            if key != "dg" and rng.random() < 0.2:
                engage = 0.0  # identified, but never answers
            people.append(sid)
            weights.append(engage)
        if not any(weights):
            weights[0] = 1.0
        acc.people = people
        acc.people_cum = list(accumulate(weights))
        acc.no_email = frozenset(no_email)
    summary.stakeholders = len(rows)
    return rows


# --- interactions ----------------------------------------------------------------------
def _notes_by_year(templates: Sequence[str], years: Iterable[int]) -> dict[int, list[str]]:
    return {y: [t.format(year=y) for t in templates] for y in years}


def _interaction_rows(
    rng: random.Random,
    ids: _Ids,
    cal: _Calendar,
    accounts: list[_Account],
    counts: list[int],
    stamp: str,
    summary: DemoSummary,
) -> Iterator[tuple]:
    """Interaction rows, lazily (a million of them fit in no list)."""
    n_days = cal.n
    day_index = range(n_days)
    text, budget_year = cal.text, cal.budget_year
    years = sorted(set(budget_year))
    notes = {
        "call": _notes_by_year(names.CALL_NOTES, years),
        "meeting": _notes_by_year(names.MEETING_NOTES, years),
        "event": _notes_by_year(names.EVENT_NOTES, years),
    }
    mix_non = list(accumulate(MIX_NON_TARGET))
    mix_target = list(accumulate(MIX_TARGET))
    profiles: dict[tuple, list[float]] = {}
    reps = names.REPS
    rand, choice, choices = rng.random, rng.choice, rng.choices

    def profile(shape: str, since_i: int | None, cutoff_i: int) -> list[float]:
        key = (shape, since_i, cutoff_i)
        cum = profiles.get(key)
        if cum is None:
            w = list(cal.season)
            if since_i is not None:
                for i in range(since_i, n_days):
                    w[i] *= TARGET_LIFT
            if shape == "rising":
                for i in range(cal.last28, n_days):
                    w[i] *= 2.6
            elif shape == "falling":
                for i in range(cal.prev28, cal.last28):
                    w[i] *= 1.3
                for i in range(cal.last28, n_days):
                    w[i] *= 0.25
            elif shape == "dormant":
                for i in range(cutoff_i, n_days):
                    w[i] = 0.0
            cum = profiles[key] = list(accumulate(w))
        return cum

    for acc, n in zip(accounts, counts, strict=True):
        if not n:
            continue
        since_i = None
        if acc.is_target:
            since_i = 0 if acc.since is None else cal.index(acc.since)
        cutoff_i = n_days
        reserved: list[int] = []
        if acc.shape == "dormant":
            cutoff = cal.today - dt.timedelta(days=30 + 7 * rng.randint(1, 14))
            cutoff_i = max(1, cal.index(cutoff))
            # The rep keeps writing; nobody answers (email_sent scores 0 points).
            if cal.last30 < n_days:
                reserved = [
                    rng.randrange(cal.last30, n_days) for _ in range(min(n - 1, rng.randint(1, 3)))
                ]
        m = n - len(reserved)
        days = choices(day_index, cum_weights=profile(acc.shape, since_i, cutoff_i), k=m)
        if since_i is None:
            types = choices(TYPE_KEYS, cum_weights=mix_non, k=m)
        else:
            before = sum(1 for d in days if d < since_i)
            pre = iter(choices(TYPE_KEYS, cum_weights=mix_non, k=before))
            post = iter(choices(TYPE_KEYS, cum_weights=mix_target, k=m - before))
            types = [next(pre) if d < since_i else next(post) for d in days]
        days += reserved
        types += ["email_sent"] * len(reserved)
        minutes = choices(AUTO_MINUTES, cum_weights=AUTO_MINUTE_CUM, k=n)
        seconds = choices(SECONDS, k=n)
        people = choices(acc.people, cum_weights=acc.people_cum, k=n)
        no_email = acc.no_email
        owner, account_id = acc.owner, acc.id
        for d, kind, minute, sec, person in zip(days, types, minutes, seconds, people, strict=True):
            duration = note = None
            logged_by = owner
            if kind in MANUAL_TYPES:
                if rand() > 0.85:
                    logged_by = choice(reps)
                if kind == "call":
                    clock = choice(CALL_TIMES)
                    duration = 5 + int(rand() * 26)
                    if rand() < 0.8:
                        note = choice(notes["call"][budget_year[d]])
                elif kind == "meeting":
                    clock = choice(MEETING_TIMES)
                    duration = choice((30, 45, 45, 60, 60, 60, 90))
                    if rand() < 0.85:
                        note = choice(notes["meeting"][budget_year[d]])
                elif kind == "event":
                    clock = choice(EVENT_TIMES)
                    duration = choice((45, 60, 90, 120, 180, 240))
                    note = choice(notes["event"][budget_year[d]])
                else:
                    clock = minute + sec
            else:
                clock = minute + sec
            level = ACCOUNT_LEVEL.get(kind)
            if level is not None and rand() < level:
                person = None
            elif no_email and person in no_email and kind in EMAIL_TYPES:
                kind = "social_engagement"  # no address known: found on LinkedIn
            yield (
                ids(),
                account_id,
                person,
                kind,
                f"{text[d]}T{clock}",
                duration,
                logged_by,
                note,
                stamp,
                stamp,
            )
            summary.interactions += 1


# --- deals, stage changes, contracts ---------------------------------------------------
_LOST_AT_WEIGHTS = (28, 26, 20, 17, 9)
_WON_FRACTIONS = (0.0, 0.12, 0.30, 0.52, 0.75)


@dataclass(slots=True)
class _Deal:
    account: _Account
    name: str
    status: str
    amount_cents: int | None
    opened: dt.date
    closed: dt.date | None
    stages: list[tuple[str, dt.date]]
    owner: str
    abm: bool  # the account was a target at the close (or is one now, for open deals)
    id: bytes = b""


def _deal_names(rng: random.Random, years: Sequence[int]) -> list[str]:
    """Distinct names for an account's deals, in the order they were opened."""
    out: list[str] = []
    for i, year in enumerate(years):
        name = rng.choice(names.FIRST_DEALS if i == 0 else names.NEXT_DEALS)
        if i and rng.random() < 0.4:
            name = f"{name} {year}"
        k = 2
        base = name
        while name in out:
            name = f"{base} (lot {k})"
            k += 1
        out.append(name)
    return out


def _plan_deal(
    rng: random.Random, acc: _Account, opened: dt.date, today: dt.date, first: bool
) -> tuple[str, dt.date | None, list[tuple[str, dt.date]], bool, float]:
    """Status, close date, stage entries, whether ABM at close, amount in euros."""
    z = rng.gauss(0.0, 1.0)
    spread = math.exp(CYCLE_SIGMA * z)
    cycle_abm, cycle_non = CYCLE_DAYS_ABM * spread, CYCLE_DAYS_NON_ABM * spread
    abm = False
    cycle = cycle_non
    if acc.is_target:
        since = acc.since or dt.date.min
        if opened + dt.timedelta(days=cycle_abm) >= since:
            abm, cycle = True, cycle_abm
        elif opened + dt.timedelta(days=cycle_non) >= since:
            # Became a target while the deal was open: ABM closes it soon after.
            abm = True
            cycle = min(cycle_non, (since - opened).days + rng.randint(3, 20))
    won = rng.random() < (WIN_RATE_ABM if abm else WIN_RATE_NON_ABM)
    if won:
        reached = 4
        fractions = [f + rng.uniform(-0.04, 0.04) if f else 0.0 for f in _WON_FRACTIONS]
        plan = list(zip(domain.STAGES, fractions, strict=True))
        if rng.random() < 0.08:
            del plan[1]  # an inbound demo request goes straight to qualification
    else:
        reached = _pick_weighted(rng, range(5), _LOST_AT_WEIGHTS)
        cycle *= (0.35 + 0.65 * (reached + 1) / 5) * math.exp(0.3 * rng.gauss(0.0, 1.0))
        plan = [(domain.STAGES[j], j / (reached + 1)) for j in range(reached + 1)]
    if reached >= 3 and rng.random() < 0.1:
        # Back to qualification after the proposal (re-scoping), then a new proposal.
        at = next(j for j, (s, _) in enumerate(plan) if s == "proposal")
        a = plan[at][1]
        b = plan[at + 1][1] if at + 1 < len(plan) else 1.0
        plan[at + 1 : at + 1] = [
            ("qualified", a + (b - a) * 0.35),
            ("proposal", a + (b - a) * 0.65),
        ]
    entries: list[tuple[str, dt.date]] = []
    previous = None
    for stage, fraction in plan:
        day = _next_workday(opened + dt.timedelta(days=round(fraction * cycle)))
        if previous is not None and day <= previous:
            day = _next_workday(previous + dt.timedelta(days=1))
        entries.append((stage, day))
        previous = day
    closed = _next_workday(opened + dt.timedelta(days=round(cycle)))
    if closed <= previous:
        closed = _next_workday(previous + dt.timedelta(days=1))
    abm_at_close = acc.is_target and (acc.since is None or acc.since <= closed)
    amount = BASE_AMOUNT_EUR[acc.band] * math.exp(AMOUNT_SIGMA * rng.gauss(0.0, 1.0))
    if abm:
        amount *= ABM_AMOUNT_FACTOR
    if not first:
        amount *= 0.6
    if closed > today:
        entries = [(s, d) for s, d in entries if d <= today]
        return "open", None, entries, acc.is_target, amount
    return ("won" if won else "lost"), closed, entries, abm_at_close, amount


def _make_deals(
    rng: random.Random,
    cal: _Calendar,
    accounts: list[_Account],
    counts: list[int],
) -> list[_Deal]:
    deals: list[_Deal] = []
    last_open = max(0, cal.n - 4)
    for acc, n in zip(accounts, counts, strict=True):
        if not n:
            continue
        opened_days = []
        for _ in range(n):
            lo = 0
            if acc.is_target and acc.since is not None and rng.random() < 0.6:
                lo = min(last_open, cal.index(acc.since - dt.timedelta(days=40)))
            opened_days.append(cal.days[rng.randint(lo, last_open)])
        opened_days.sort()
        deal_names = _deal_names(rng, [d.year for d in opened_days])
        for i, (opened, name) in enumerate(zip(opened_days, deal_names, strict=True)):
            status, closed, stages, abm, amount = _plan_deal(rng, acc, opened, cal.today, i == 0)
            amount_cents: int | None = int(max(1_500, round(amount, -2))) * 100
            early = status == "open" and stages[-1][0] in ("discovery", "first_meeting")
            if early and rng.random() < 0.35:
                amount_cents = None  # not sized yet
            owner = acc.owner if rng.random() < 0.9 else rng.choice(names.REPS)
            deals.append(_Deal(acc, name, status, amount_cents, opened, closed, stages, owner, abm))
    return deals


def _tells_the_abm_story(deals: list[_Deal]) -> bool:
    """ABM deals won more often, faster and bigger, by a visible margin."""
    stats = {}
    for abm in (True, False):
        won = [d for d in deals if d.abm == abm and d.status == "won"]
        lost = sum(1 for d in deals if d.abm == abm and d.status == "lost")
        if not won:
            return False
        cycle = sum((d.closed - d.opened).days for d in won) / len(won)  # type: ignore[operator]
        amount = sum(d.amount_cents or 0 for d in won) / len(won)
        stats[abm] = (len(won) / (len(won) + lost), cycle, amount)
    (rate_a, cycle_a, amount_a), (rate_n, cycle_n, amount_n) = stats[True], stats[False]
    return (
        rate_a >= rate_n + 0.05
        and 0.15 <= 1 - cycle_a / cycle_n <= 0.45
        and 0.2 <= amount_a / amount_n - 1 <= 0.8
    )


def _deal_rows(
    rng: random.Random, deals: list[_Deal], stamp: str
) -> tuple[list[tuple], list[tuple]]:
    """Deal rows and stage-change rows, with times of day that keep everything in order."""
    deal_rows: list[tuple] = []
    change_rows: list[tuple[bytes, str, str]] = []
    times = OFFICE_TIMES
    for deal in deals:
        stamps = []
        for stage, day in deal.stages:
            at = f"{day.isoformat()}T{rng.choice(times)}"
            stamps.append(at)
            change_rows.append((deal.id, stage, at))
        closed_at = None
        if deal.closed is not None:
            closed_at = f"{deal.closed.isoformat()}T{rng.choice(times)}"
        deal_rows.append(
            (deal.id, deal.account.id, deal.name, stamps[0], deal.amount_cents, deal.status,
             closed_at, deal.owner, stamp, stamp)
        )  # fmt: skip
    return deal_rows, change_rows


def _first_of_next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def _contract_rows(
    rng: random.Random, ids: _Ids, cal: _Calendar, deals: list[_Deal], stamp: str
) -> list[tuple]:
    """One contract per won deal (``new``, or ``upsell`` on a live base), plus later upsells.

    Some customers left: their first contract ended after 6 to 14 months.
    """
    today = cal.today
    by_account: dict[bytes, list[_Deal]] = {}
    for deal in deals:
        if deal.status == "won":
            by_account.setdefault(deal.account.id, []).append(deal)
    for won in by_account.values():
        won.sort(key=lambda d: d.closed)  # type: ignore[arg-type, return-value]
    # Customers long enough to have left; at least one in ten of them did.
    eligible = [
        a
        for a, won in by_account.items()
        if (today - _first_of_next_month(won[0].closed)).days > 181  # type: ignore[arg-type]
    ]
    churned = {a for a in eligible if rng.random() < 0.15}
    need = min(len(eligible), max(1, round(0.1 * len(eligible)))) - len(churned)
    if need > 0:
        churned.update(rng.sample([a for a in eligible if a not in churned], need))
    rows: list[tuple] = []
    for account_id, won in by_account.items():
        bases: list[tuple[dt.date, dt.date | None]] = []  # start, end
        for deal in won:
            assert deal.closed is not None and deal.amount_cents is not None
            start = _first_of_next_month(deal.closed)
            live = [b for b in bases if b[0] <= start and (b[1] is None or start < b[1])]
            value = deal.amount_cents
            if live:
                rows.append((ids(), account_id, "upsell", value, start, live[0][1]))
                continue
            end = None
            age = (today - start).days
            if not bases and account_id in churned and age > 181:
                end = start + dt.timedelta(days=rng.randint(180, min(420, age - 1)))
            elif rng.random() < 0.25:
                end = start.replace(year=start.year + 3)  # a fixed three-year term
            bases.append((start, end))
            rows.append((ids(), account_id, "new", value, start, end))
            if rng.random() < 0.3:
                later = _first_of_next_month(start + dt.timedelta(days=rng.randint(90, 300)))
                if later <= today and (end is None or later < end):
                    extra = int(round(value * rng.uniform(0.1, 0.35), -4))
                    rows.append((ids(), account_id, "upsell", max(extra, 50_000), later, end))
    return [
        (i, a, kind, v, s.isoformat(), e.isoformat() if e else None, stamp, stamp)
        for i, a, kind, v, s, e in rows
    ]


# --- costs -------------------------------------------------------------------------------
def _cost_rows(
    rng: random.Random,
    ids: _Ids,
    cal: _Calendar,
    accounts: list[_Account],
    stamp: str,
) -> list[tuple]:
    scale = len(accounts) / SIZES["small"].accounts
    segments: Sequence[str | None] = (None,)
    if scale > 4:  # a big program runs its campaigns per sector
        segments = tuple(s.label for s in names.SECTORS)
    months: list[list[int]] = []  # working-day indices of each month
    for i, day in enumerate(cal.days):
        if not months or cal.days[months[-1][0]].month != day.month:
            months.append([])
        months[-1].append(i)
    rows: list[tuple] = []

    def add(
        day_i: int,
        euros: float,
        program: str,
        category: str,
        account: bytes | None,
        description: str,
    ) -> None:
        cents = max(1_000, round(euros, -1) * 100)
        rows.append(
            (ids(), cal.text[day_i], int(cents), program, category, account, description,
             stamp, stamp)
        )  # fmt: skip

    for description, category, program, every, lo, hi in names.RECURRING_COSTS:
        phase = rng.randrange(every)
        for mi, month in enumerate(months):
            if (mi + phase) % every:
                continue
            if category == "tools":
                add(month[0], lo * math.sqrt(scale), program, category, None, description)
                continue
            for segment in segments:
                day_i = rng.choice(month)
                euros = rng.uniform(lo, hi) * scale / len(segments)
                text = f"{description} — {segment}" if segment else description
                add(day_i, euros, program, category, None, text)
    tied_share = 0.4 if scale <= 4 else 0.25
    for acc in accounts:
        if not acc.is_target or (scale > 4 and acc.tier != "1") or rng.random() >= tied_share:
            continue
        first = cal.index(acc.since) if acc.since else 0
        if first >= cal.n:
            continue
        for _ in range(rng.randint(1, 2)):
            description, category, lo, hi = rng.choice(names.ACCOUNT_COSTS)
            day_i = rng.randrange(first, cal.n)
            add(day_i, rng.uniform(lo, hi), "abm", category, acc.id, description)
    rows.sort(key=lambda r: r[1])
    return rows


# --- writing -----------------------------------------------------------------------------
_SQL = {
    "accounts": "INSERT INTO accounts (id, name, domain, sector, employees, country, tier, "
    "is_target, target_since, committee_size, retention_years, owner, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "stakeholders": "INSERT INTO stakeholders (id, account_id, full_name, title, email, phone, "
    "role, attitude, reports_to_id, placeholder, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "interactions": "INSERT INTO interactions (id, account_id, stakeholder_id, type_key, "
    "occurred_at, duration_minutes, logged_by, notes, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "deals": "INSERT INTO deals (id, account_id, name, opened_at, amount_cents, status, "
    "closed_at, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "stage_changes": "INSERT INTO stage_changes (id, deal_id, stage, entered_at, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    "contracts": "INSERT INTO contracts (id, account_id, kind, annual_value_cents, start_date, "
    "end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "costs": "INSERT INTO costs (id, date, amount_cents, program, category, account_id, "
    "description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def _holds_data(con: sqlite3.Connection) -> bool:
    row = con.execute(
        "SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM costs)"
    ).fetchone()
    return bool(row[0])


def _write_settings(con: sqlite3.Connection, ids: _Ids, stamp: str) -> None:
    values = {
        "company_name": names.COMPANY_NAME,
        "staff_hourly_cost": str(names.STAFF_HOURLY_COST),
    }
    for key, value in values.items():
        con.execute(
            "INSERT INTO settings (id, key, value, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at",
            (ids(), key, value, stamp, stamp),
        )
    # The demo's user, unless this laptop already has one.
    con.execute(
        "UPDATE identity SET user_name = ?, updated_at = ? WHERE user_name = ''",
        (names.USER_NAME, stamp),
    )
    for key, (points, label) in domain.DEFAULT_INTERACTION_TYPES.items():
        con.execute(
            "INSERT INTO interaction_types (id, key, points, label, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            (ids(), key, points, label, stamp, stamp),
        )


def _drop_indexes(con: sqlite3.Connection, tables: Sequence[str]) -> list[str]:
    """Drop the secondary indexes of ``tables``; returns their SQL to recreate them."""
    marks = ", ".join("?" for _ in tables)
    found = con.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tuple(tables),
    ).fetchall()
    for name, _sql in found:
        con.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def generate_demo(
    engine: Engine,
    size: str = "small",
    seed: int = 1,
    today: dt.date | None = None,
) -> DemoSummary:
    """Fill an empty database with 18 months of demo data ending at ``today``.

    By default the history ends yesterday: nothing is dated later than the moment
    the demo is made, and the day's own log starts empty.
    Raises DataError when the database already holds accounts or costs.
    """
    if size not in SIZES:
        raise ValidationError(f"unknown demo size '{size}' (small or large)")
    started = time.perf_counter()
    today = today or dt.date.today() - dt.timedelta(days=1)
    plan = SIZES[size]
    summary = DemoSummary(size=size, seed=seed, today=today)
    stamp = f"{today.isoformat()}T00:00:00"
    cal = _Calendar(today)

    def rng(part: str) -> random.Random:
        return random.Random(f"abmdesk-demo:{seed}:{part}")

    ids = _Ids(rng("ids"), today)
    accounts = _make_accounts(rng("accounts"), ids, cal, plan.accounts)

    alloc = rng("allocation")
    noise = [math.exp(alloc.gauss(0.0, 0.3)) for _ in accounts]
    band_people = {"10-49": 1.0, "50-249": 1.3, "250-4999": 1.8, "5000+": 2.4, "unknown": 1.0}
    people_w = [
        band_people[a.band] * (1.6 if a.is_target else 1.0) * k
        for a, k in zip(accounts, noise, strict=True)
    ]
    people_hi = 12 if size == "small" else 24
    people_counts = _allocate(alloc, plan.stakeholders, people_w, 2, people_hi)
    tier_w = {"1": 1.5, "2": 1.1, "3": 0.8}
    inter_w = [
        tier_w[a.tier] * (2.2 if a.is_target else 1.0) * math.exp(alloc.gauss(0.0, 0.45))
        for a in accounts
    ]
    inter_counts = _allocate(alloc, plan.interactions, inter_w, 5, plan.interactions)
    deal_w = [
        tier_w[a.tier] * (1.6 if a.is_target else 1.0) * math.exp(alloc.gauss(0.0, 0.5))
        for a in accounts
    ]
    deal_counts = _allocate(alloc, plan.deals, deal_w, 0, 6 if size == "small" else 8)

    raw = engine.raw_connection()
    try:
        con: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        old_cache = con.execute("PRAGMA cache_size").fetchone()[0]
        con.execute("PRAGMA cache_size = -131072")  # 128 MiB while we write
        con.execute("BEGIN IMMEDIATE")
        try:
            if _holds_data(con):
                raise DataError("the database already holds data; use a new file for the demo")
            _write_settings(con, ids, stamp)
            con.executemany(_SQL["accounts"], _account_rows(accounts, stamp))
            summary.accounts = len(accounts)
            summary.target_accounts = sum(a.is_target for a in accounts)
            index_sql = _drop_indexes(con, REINDEXED_TABLES)
            rows = _stakeholder_rows(
                rng("stakeholders"), ids, accounts, people_counts, stamp, summary
            )
            con.executemany(_SQL["stakeholders"], rows)
            del rows
            con.executemany(
                _SQL["interactions"],
                _interaction_rows(
                    rng("interactions"), ids, cal, accounts, inter_counts, stamp, summary
                ),
            )
            # Small samples are noisy: redraw the deals (deterministically) until ABM
            # shows the effect it shows on real data; the large sample passes at once.
            for attempt in range(50):
                deals = _make_deals(rng(f"deals:{attempt}"), cal, accounts, deal_counts)
                if _tells_the_abm_story(deals):
                    break
            for deal in deals:
                deal.id = ids()
            deal_rows, changes = _deal_rows(rng("deal-times"), deals, stamp)
            con.executemany(_SQL["deals"], deal_rows)
            con.executemany(
                _SQL["stage_changes"],
                ((ids(), deal_id, stage, at, stamp, stamp) for deal_id, stage, at in changes),
            )
            contracts = _contract_rows(rng("contracts"), ids, cal, deals, stamp)
            con.executemany(_SQL["contracts"], contracts)
            costs = _cost_rows(rng("costs"), ids, cal, accounts, stamp)
            con.executemany(_SQL["costs"], costs)
            for sql in index_sql:
                con.execute(sql)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.execute(f"PRAGMA cache_size = {int(old_cache)}")
        if size == "large":
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # give the big WAL file back
    finally:
        raw.close()

    summary.deals = len(deals)
    summary.deals_won = sum(d.status == "won" for d in deals)
    summary.deals_lost = sum(d.status == "lost" for d in deals)
    summary.deals_open = sum(d.status == "open" for d in deals)
    summary.stage_changes = len(changes)
    summary.contracts = len(contracts)
    summary.costs = len(costs)
    summary.seconds = time.perf_counter() - started
    return summary
