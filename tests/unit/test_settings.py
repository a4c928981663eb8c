"""Settings of SPEC section 1, through the service and the CLI."""

from __future__ import annotations

import pytest

from abmdesk.cli import main
from abmdesk.errors import ValidationError
from abmdesk.services import settings


def test_defaults(engine):
    s = settings.load_settings(engine)
    assert s.engagement_window_days == 90
    assert s.default_committee_size == 6
    assert s.default_retention_years == 5
    assert s.coverage_risk_threshold == pytest.approx(0.30)
    assert s.staff_hourly_cost == 0
    assert s.currency == "EUR"
    assert s.points["meeting"] == 50
    assert s.points["demo_request"] == 20
    assert s.points["content_download"] == 5


def test_set_and_get(engine):
    assert settings.set_setting(engine, "engagement_window_days", "60") == "60"
    assert settings.get_setting(engine, "engagement_window_days") == "60"
    assert settings.load_settings(engine).engagement_window_days == 60
    settings.set_setting(engine, "coverage_risk_threshold", "0,25")
    assert settings.load_settings(engine).coverage_risk_threshold == pytest.approx(0.25)
    settings.set_setting(engine, "staff_hourly_cost", "45.5")
    assert settings.load_settings(engine).staff_hourly_cost == pytest.approx(45.5)
    settings.set_setting(engine, "currency", "chf")
    assert settings.get_setting(engine, "currency") == "CHF"


def test_points_change_and_new_type(engine):
    settings.set_setting(engine, "points.meeting", "40")
    settings.set_setting(engine, "points.trade_show", "12")
    points = settings.load_settings(engine).points
    assert points["meeting"] == 40
    assert points["trade_show"] == 12


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("engagement_window_days", "0"),
        ("engagement_window_days", "abc"),
        ("coverage_risk_threshold", "1.5"),
        ("staff_hourly_cost", "-3"),
        ("currency", "euro"),
        ("points.meeting", "lots"),
        ("points.Bad Key", "3"),
        ("no_such_setting", "1"),
        ("timezone", "Mars/Olympus"),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(engine, key, value):
    before = settings.list_settings(engine)
    with pytest.raises(ValidationError):
        settings.set_setting(engine, key, value)
    assert settings.list_settings(engine) == before


def test_cli_settings(db_path, capsys):
    assert main(["settings", "--db", str(db_path), "set", "points.call", "12"]) == 0
    assert main(["settings", "--db", str(db_path), "get", "points.call"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "12"
    assert main(["settings", "--db", str(db_path), "list"]) == 0
    listing = capsys.readouterr().out
    assert "engagement_window_days=90" in listing and "points.call=12" in listing


def test_cli_bad_value_is_one_line_exit_1(db_path, capsys):
    assert main(["settings", "--db", str(db_path), "set", "default_committee_size", "x"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "default_committee_size" in err
    assert "Traceback" not in err


def test_cli_usage_exit_2(db_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["settings", "--db", str(db_path), "frobnicate"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["kpis", "--db", str(db_path), "--from", "2026-13-01", "--to", "2026-12-31"])
    assert exc.value.code == 2
    assert main(["kpis", "--db", str(db_path), "--from", "2026-12-01", "--to", "2026-01-31"]) == 2
