"""Vocabulary, defaults and small value rules shared by every layer (SPEC section 1).

Labels here are the canonical English source strings; the GUI translates them.
"""

from __future__ import annotations

import datetime as dt

ROLES: tuple[str, ...] = ("decision_maker", "sponsor", "influencer", "end_user", "other")
REQUIRED_ROLES: tuple[str, ...] = ("decision_maker", "sponsor", "influencer", "end_user")
ATTITUDES: tuple[str, ...] = ("champion", "supporter", "neutral", "skeptic", "blocker")
DEAL_STATUSES: tuple[str, ...] = ("open", "won", "lost")
STAGES: tuple[str, ...] = ("discovery", "first_meeting", "qualified", "proposal", "negotiation")
CONTRACT_KINDS: tuple[str, ...] = ("new", "upsell")
COST_PROGRAMS: tuple[str, ...] = ("abm", "other")
COST_CATEGORIES: tuple[str, ...] = ("staff", "tools", "content", "campaign", "events", "other")
SIZE_BANDS: tuple[str, ...] = ("1-9", "10-49", "50-249", "250-4999", "5000+", "unknown")

ROLE_LABELS = {
    "decision_maker": ("Décideur", "Decision maker"),
    "sponsor": ("Sponsor", "Sponsor"),
    "influencer": ("Influenceur", "Influencer"),
    "end_user": ("Utilisateur final", "End user"),
    "other": ("Autre", "Other"),
}
STAGE_LABELS = {
    "discovery": ("Découverte", "Discovery"),
    "first_meeting": ("Premier rendez-vous", "First meeting"),
    "qualified": ("Opportunité qualifiée", "Qualified opportunity"),
    "proposal": ("Proposition", "Proposal"),
    "negotiation": ("Négociation", "Negotiation"),
}

#: Default interaction types: key -> (points, English label).
DEFAULT_INTERACTION_TYPES: dict[str, tuple[int, str]] = {
    "web_visit": (1, "Web visit"),
    "email_open": (1, "Email open"),
    "social_engagement": (2, "Social engagement"),
    "email_reply": (5, "Email reply"),
    "content_download": (5, "Content download"),
    "call": (10, "Call"),
    "event": (15, "Event"),
    "demo_request": (20, "Demo request"),
    "meeting": (50, "Meeting"),
    "email_sent": (0, "Email sent"),
}

#: Settings other than points.<type>: key -> default value (typed).
DEFAULT_SETTINGS: dict[str, object] = {
    "engagement_window_days": 90,
    "default_committee_size": 6,
    "default_retention_years": 5,
    "coverage_risk_threshold": 0.30,
    "staff_hourly_cost": 0,
    "currency": "EUR",
    "timezone": "Europe/Paris",
    "language": "",
    "company_name": "",
}

#: How each setting is parsed from text, and its allowed range.
SETTING_KINDS: dict[str, str] = {
    "engagement_window_days": "posint",
    "default_committee_size": "posint",
    "default_retention_years": "posfloat",
    "coverage_risk_threshold": "fraction",
    "staff_hourly_cost": "nonnegfloat",
    "currency": "currency",
    "timezone": "text",
    "language": "language",
    "company_name": "text",
}


def size_band(employees: int | None) -> str:
    """The size band of SPEC section 1 for a head count."""
    if employees is None:
        return "unknown"
    if employees < 10:
        return "1-9"
    if employees < 50:
        return "10-49"
    if employees < 250:
        return "50-249"
    if employees < 5000:
        return "250-4999"
    return "5000+"


def is_target_at(is_target: bool, target_since: dt.date | None, day: dt.date) -> bool:
    """SPEC 3: an account is a target at ``day``."""
    return bool(is_target) and (target_since is None or target_since <= day)


def iso_week_label(day: dt.date) -> str:
    """``YYYY-Www`` of the ISO week that holds ``day``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


EPOCH = dt.date(1970, 1, 1)


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01; stored beside date-times so SQL compares integers."""
    return (day - EPOCH).days


def from_day_number(n: int) -> dt.date:
    return EPOCH + dt.timedelta(days=n)
