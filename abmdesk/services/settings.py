"""Settings of SPEC section 1: ``points.<type>``, the KPI parameters, and a few more.

Values are stored as text in ``settings`` (only those that differ from a default are
ever written); ``points.<type>`` lives in ``interaction_types``; ``user_name`` is the
identity of the person using this laptop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from abmdesk import domain
from abmdesk.db.engine import read_session, write_session
from abmdesk.db.models import Identity, InteractionType, Setting
from abmdesk.errors import ValidationError

TYPE_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Settings:
    """Typed settings, as the KPIs and the GUI read them."""

    points: dict[str, int] = field(default_factory=dict)
    engagement_window_days: int = 90
    default_committee_size: int = 6
    default_retention_years: float = 5
    coverage_risk_threshold: float = 0.30
    staff_hourly_cost: float = 0
    currency: str = "EUR"
    timezone: str = "Europe/Paris"
    language: str = ""
    company_name: str = ""
    user_name: str = ""


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def parse_setting(key: str, raw: str) -> object:
    """Parse and check one setting's text value; raises ValidationError."""
    raw = raw.strip()
    if key.startswith("points."):
        try:
            return int(raw)
        except ValueError:
            raise ValidationError(f"{key}: points must be a whole number, not '{raw}'") from None
    if key == "user_name":
        return raw
    kind = domain.SETTING_KINDS.get(key)
    if kind is None:
        raise ValidationError(f"unknown setting '{key}' (see 'settings list')")
    if kind == "posint":
        try:
            value = int(raw)
        except ValueError:
            raise ValidationError(f"{key}: a whole number is expected, not '{raw}'") from None
        if value <= 0:
            raise ValidationError(f"{key}: must be greater than 0")
        return value
    if kind in ("posfloat", "nonnegfloat", "fraction"):
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            raise ValidationError(f"{key}: a number is expected, not '{raw}'") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(f"{key}: a finite number is expected")
        if kind == "posfloat" and value <= 0:
            raise ValidationError(f"{key}: must be greater than 0")
        if kind == "nonnegfloat" and value < 0:
            raise ValidationError(f"{key}: must not be negative")
        if kind == "fraction" and not 0 <= value <= 1:
            raise ValidationError(f"{key}: a fraction between 0 and 1 is expected (0.3 = 30 %)")
        return int(value) if value.is_integer() and kind != "fraction" else value
    if kind == "currency":
        if not re.fullmatch(r"[A-Za-z]{3}", raw):
            raise ValidationError(f"{key}: a three-letter ISO 4217 code is expected (EUR)")
        return raw.upper()
    if kind == "language":
        if raw not in ("", "fr", "en"):
            raise ValidationError(f"{key}: 'fr', 'en' or empty (follow the system) expected")
        return raw
    if key == "timezone" and raw:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(raw)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError(f"{key}: unknown time zone '{raw}'") from None
    return raw


def _format(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number_text(value)
    return str(value)


def load_settings(engine: Engine) -> Settings:
    """All settings, typed, defaults filled in."""
    with read_session(engine) as session:
        stored = dict(session.execute(select(Setting.key, Setting.value)).all())
        points = dict(session.execute(select(InteractionType.key, InteractionType.points)).all())
        user = session.execute(select(Identity.user_name).limit(1)).scalar() or ""
    values: dict[str, object] = {}
    for key, default in domain.DEFAULT_SETTINGS.items():
        values[key] = parse_setting(key, stored[key]) if key in stored else default
    return Settings(points=points, user_name=user, **values)  # type: ignore[arg-type]


def list_settings(engine: Engine) -> dict[str, str]:
    """Every setting as text, in a stable order (points last, by type)."""
    s = load_settings(engine)
    out = {key: _format(getattr(s, key)) for key in domain.DEFAULT_SETTINGS}
    out["user_name"] = s.user_name
    for key in sorted(s.points):
        out[f"points.{key}"] = str(s.points[key])
    return out


def get_setting(engine: Engine, key: str) -> str:
    values = list_settings(engine)
    if key not in values:
        if key.startswith("points."):
            raise ValidationError(f"unknown interaction type '{key[7:]}'")
        raise ValidationError(f"unknown setting '{key}' (see 'settings list')")
    return values[key]


def set_setting(engine: Engine, key: str, raw: str) -> str:
    """Set one setting from its text; returns the stored text.

    ``points.<type>`` changes the points of an existing type, or adds a new type.
    """
    value = parse_setting(key, raw)
    text = _format(value)
    with write_session(engine) as session:
        if key.startswith("points."):
            type_key = key[len("points.") :]
            if not TYPE_KEY.match(type_key):
                raise ValidationError(
                    f"{key}: a type is lower-case letters, digits and '_' (like 'trade_show')"
                )
            row = session.execute(
                select(InteractionType).where(InteractionType.key == type_key)
            ).scalar_one_or_none()
            if row is None:
                label = type_key.replace("_", " ").capitalize()
                session.add(InteractionType(key=type_key, points=value, label=label))
            else:
                row.points = value  # type: ignore[assignment]
        elif key == "user_name":
            identity = session.execute(select(Identity).limit(1)).scalar_one()
            identity.user_name = text
        else:
            row = session.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
            if row is None:
                session.add(Setting(key=key, value=text))
            else:
                row.value = text
    return text


def set_settings(
    engine: Engine,
    values: dict[str, str],
    *,
    type_labels: dict[str, str] | None = None,
) -> dict[str, str]:
    """Set several settings from their text in ONE transaction: all or nothing.

    ``values`` maps keys (as for ``set_setting``, ``points.<type>`` included, a new
    type added) to text; ``type_labels`` gives the label of types (new or not).
    Every value is checked before anything is written. Returns the stored texts.
    """
    parsed: dict[str, object] = {}
    for key, raw in values.items():
        value = parse_setting(key, raw)
        if key.startswith("points.") and not TYPE_KEY.match(key[len("points.") :]):
            raise ValidationError(
                f"{key}: a type is lower-case letters, digits and '_' (like 'trade_show')"
            )
        parsed[key] = value
    labels = {k: (v or "").strip() for k, v in (type_labels or {}).items()}
    for type_key in labels:
        if not TYPE_KEY.match(type_key):
            raise ValidationError(f"type '{type_key}': lower-case letters, digits and '_' only")
    stored: dict[str, str] = {}
    with write_session(engine) as session:
        types = {t.key: t for t in session.execute(select(InteractionType)).scalars()}
        for key, value in parsed.items():
            text = _format(value)
            stored[key] = text
            if key.startswith("points."):
                type_key = key[len("points.") :]
                row = types.get(type_key)
                if row is None:
                    label = labels.get(type_key) or type_key.replace("_", " ").capitalize()
                    row = InteractionType(key=type_key, points=value, label=label)
                    session.add(row)
                    types[type_key] = row
                else:
                    row.points = value  # type: ignore[assignment]
            elif key == "user_name":
                identity = session.execute(select(Identity).limit(1)).scalar_one()
                identity.user_name = text
            else:
                row = session.execute(
                    select(Setting).where(Setting.key == key)
                ).scalar_one_or_none()
                if row is None:
                    session.add(Setting(key=key, value=text))
                else:
                    row.value = text
        for type_key, label in labels.items():
            row = types.get(type_key)
            if row is None:
                raise ValidationError(f"type '{type_key}': give its points to add it")
            if label:
                row.label = label
    return stored
