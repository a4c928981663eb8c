"""Labels of the domain's stored keys, translated in the ``Domain`` context.

The English source strings of roles, stages and interaction types are the ones of
``abmdesk.domain``; they are repeated here inside ``QT_TRANSLATE_NOOP`` so that
lupdate finds them (a unit test keeps both lists in step).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from abmdesk import domain

CONTEXT = "Domain"

ROLE_SOURCES: dict[str, str] = {
    "decision_maker": QT_TRANSLATE_NOOP("Domain", "Decision maker"),
    "sponsor": QT_TRANSLATE_NOOP("Domain", "Sponsor"),
    "influencer": QT_TRANSLATE_NOOP("Domain", "Influencer"),
    "end_user": QT_TRANSLATE_NOOP("Domain", "End user"),
    "other": QT_TRANSLATE_NOOP("Domain", "Other"),
}
STAGE_SOURCES: dict[str, str] = {
    "discovery": QT_TRANSLATE_NOOP("Domain", "Discovery"),
    "first_meeting": QT_TRANSLATE_NOOP("Domain", "First meeting"),
    "qualified": QT_TRANSLATE_NOOP("Domain", "Qualified opportunity"),
    "proposal": QT_TRANSLATE_NOOP("Domain", "Proposal"),
    "negotiation": QT_TRANSLATE_NOOP("Domain", "Negotiation"),
}
ATTITUDE_SOURCES: dict[str, str] = {
    "champion": QT_TRANSLATE_NOOP("Domain", "Champion"),
    "supporter": QT_TRANSLATE_NOOP("Domain", "Supporter"),
    "neutral": QT_TRANSLATE_NOOP("Domain", "Neutral"),
    "skeptic": QT_TRANSLATE_NOOP("Domain", "Skeptic"),
    "blocker": QT_TRANSLATE_NOOP("Domain", "Blocker"),
}
STATUS_SOURCES: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("Domain", "Open"),
    "won": QT_TRANSLATE_NOOP("Domain", "Won"),
    "lost": QT_TRANSLATE_NOOP("Domain", "Lost"),
}
TYPE_SOURCES: dict[str, str] = {
    "web_visit": QT_TRANSLATE_NOOP("Domain", "Web visit"),
    "email_open": QT_TRANSLATE_NOOP("Domain", "Email open"),
    "social_engagement": QT_TRANSLATE_NOOP("Domain", "Social engagement"),
    "email_reply": QT_TRANSLATE_NOOP("Domain", "Email reply"),
    "content_download": QT_TRANSLATE_NOOP("Domain", "Content download"),
    "call": QT_TRANSLATE_NOOP("Domain", "Call"),
    "event": QT_TRANSLATE_NOOP("Domain", "Event"),
    "demo_request": QT_TRANSLATE_NOOP("Domain", "Demo request"),
    "meeting": QT_TRANSLATE_NOOP("Domain", "Meeting"),
    "email_sent": QT_TRANSLATE_NOOP("Domain", "Email sent"),
}
SIZE_BAND_SOURCES: dict[str, str] = {
    "unknown": QT_TRANSLATE_NOOP("Domain", "Unknown"),
}
PROGRAM_SOURCES: dict[str, str] = {
    "abm": QT_TRANSLATE_NOOP("Domain", "ABM"),
    "non_abm": QT_TRANSLATE_NOOP("Domain", "Non-ABM"),
    "all": QT_TRANSLATE_NOOP("Domain", "All deals"),
}
TREND_SOURCES: dict[str, str] = {
    "rising": QT_TRANSLATE_NOOP("Domain", "Rising"),
    "falling": QT_TRANSLATE_NOOP("Domain", "Falling"),
    "flat": QT_TRANSLATE_NOOP("Domain", "Flat"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def role_label(key: str | None) -> str:
    if not key:
        return ""
    source = ROLE_SOURCES.get(key) or domain.ROLE_LABELS.get(key, ("", key))[1]
    return _tr(source)


def stage_label(key: str | None) -> str:
    if not key:
        return ""
    source = STAGE_SOURCES.get(key) or domain.STAGE_LABELS.get(key, ("", key))[1]
    return _tr(source)


def attitude_label(key: str | None) -> str:
    if not key:
        return ""
    return _tr(ATTITUDE_SOURCES[key]) if key in ATTITUDE_SOURCES else key


def status_label(key: str | None) -> str:
    if not key:
        return ""
    return _tr(STATUS_SOURCES[key]) if key in STATUS_SOURCES else key


def type_label(key: str, stored_label: str | None = None) -> str:
    """A default type in the user's language; a custom type by its stored label."""
    if key in TYPE_SOURCES and (
        stored_label is None or stored_label == domain.DEFAULT_INTERACTION_TYPES[key][1]
    ):
        return _tr(TYPE_SOURCES[key])
    return stored_label or key.replace("_", " ").capitalize()


def size_band_label(key: str) -> str:
    return _tr(SIZE_BAND_SOURCES[key]) if key in SIZE_BAND_SOURCES else key


def program_label(key: str) -> str:
    return _tr(PROGRAM_SOURCES[key]) if key in PROGRAM_SOURCES else key


def trend_label(key: str | None) -> str:
    if not key:
        return ""
    return _tr(TREND_SOURCES[key]) if key in TREND_SOURCES else key
