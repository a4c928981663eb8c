"""Cell values of the bundle, CSV reading details, and the reporting-line helpers."""

from __future__ import annotations

import datetime as dt

import pytest

from abmdesk.errors import DataError
from abmdesk.interop import native, values
from abmdesk.services import org


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True), ("TRUE", True), ("1", True), ("yes", True), ("Oui", True),
        ("false", False), ("0", False), ("No", False), ("NON", False),
    ],
)  # fmt: skip
def test_booleans(text, expected):
    assert values.parse_bool(text) is expected


@pytest.mark.parametrize("text", ["vrai", "y", "2", "on"])
def test_bad_booleans(text):
    with pytest.raises(ValueError, match="yes/no"):
        values.parse_bool(text)


def test_dates_and_datetimes():
    assert values.parse_date("2025-02-28") == dt.date(2025, 2, 28)
    assert values.parse_datetime("2025-02-28T09:05") == dt.datetime(2025, 2, 28, 9, 5)
    assert values.parse_datetime("2025-02-28T09:05:07") == dt.datetime(2025, 2, 28, 9, 5, 7)
    assert values.parse_datetime("2025-02-28 23:59:59") == dt.datetime(2025, 2, 28, 23, 59, 59)
    for bad in ["2025-2-28", "28/02/2025", "2025-02-29", "2025-02-28T10"]:
        with pytest.raises(ValueError):
            values.parse_date(bad)
    for bad in ["2025-02-28", "2025-02-28T24:00", "2025-02-28T10:00Z", "2025-02-28T10:00:00.5",
                "2025-02-28T10:00+01:00", "2025-02-28T9:00"]:  # fmt: skip
        with pytest.raises(ValueError):
            values.parse_datetime(bad)


@pytest.mark.parametrize(
    ("text", "cents"),
    [("1234", 123400), ("1234.5", 123450), ("1234.56", 123456), ("0.07", 7), ("+3", 300),
     ("0", 0), ("-0", 0)],
)  # fmt: skip
def test_money_is_exact_cents(text, cents):
    assert values.parse_money(text) == cents


def test_money_refusals_and_negative_costs():
    assert values.parse_money("-12.3", allow_negative=True) == -1230
    with pytest.raises(ValueError, match="negative"):
        values.parse_money("-12.3")
    with pytest.raises(ValueError, match="more than 2 decimals"):
        values.parse_money("1.005")
    for bad in ["1,50", "1 000", "€12", "12.", ".5", "1e3", ""]:
        with pytest.raises(ValueError, match="not an amount"):
            values.parse_money(bad)


def test_money_and_numbers_written_back():
    assert values.format_money(123450) == "1234.50"
    assert values.format_money(7) == "0.07"
    assert values.format_money(-5000) == "-50.00"
    assert values.format_money(None) == ""
    assert values.format_number(5.0) == "5"
    assert values.format_number(2.5) == "2.5"
    assert values.format_number(0.1) == "0.1"
    for cents in (-100001, -1, 0, 1, 99, 100, 12345678901):
        assert values.parse_money(values.format_money(cents), allow_negative=True) == cents
    assert values.format_datetime(dt.datetime(2025, 1, 2, 3, 4)) == "2025-01-02T03:04:00"
    assert values.format_datetime("2025-01-02 03:04:05") == "2025-01-02T03:04:05"
    assert values.format_bool(1) == "true" and values.format_bool(0) == "false"


def test_integers_and_numbers():
    assert values.parse_int("42") == 42
    assert values.parse_int("-3") == -3
    with pytest.raises(ValueError, match="too small"):
        values.parse_int("-3", minimum=0)
    for bad in ["4.0", "1e3", "dix", "4 000"]:
        with pytest.raises(ValueError, match="whole number"):
            values.parse_int(bad)
    assert values.parse_positive_number("2.5") == 2.5
    for bad in ["0", "-1", "inf", "nan", "2,5"]:
        with pytest.raises(ValueError):
            values.parse_positive_number(bad)


def test_choices_ignore_case():
    assert values.parse_choice("Decision_Maker", ("decision_maker", "other"), "role") == (
        "decision_maker"
    )
    with pytest.raises(ValueError, match="unknown role 'boss' \\(expected one of: a, b\\)"):
        values.parse_choice("boss", ("a", "b"), "role")


def test_reader_lines_follow_quoted_line_breaks(tmp_path):
    path = tmp_path / "interactions.csv"
    path.write_text(
        "account,type,notes,occurred_at\n"
        'A,call,"one\ntwo\nthree",2025-01-01T10:00\n'
        "\n"
        "B,call,,2025-01-02T10:00\n",
        encoding="utf-8",
    )
    with native.CsvFile(path, native.SPECS["interactions.csv"]) as f:
        got = [(r.src.line, r["account"], r.src.line_of("occurred_at")) for r in f.rows()]
    assert got == [(2, "A", 4), (6, "B", 6)]


def test_reader_keeps_notes_as_written_and_strips_the_rest(tmp_path):
    path = tmp_path / "costs.csv"
    path.write_text(
        "\ufeffDate , Amount,Description,Whatever\n 2025-01-01 , 10 ,  deux espaces ,x\n",
        encoding="utf-8",
    )
    columns, rows = native.read_rows(path, "costs.csv")
    assert columns == ("date", "amount", "description")
    assert rows[0].values == {
        "date": dt.date(2025, 1, 1),
        "amount": 1000,
        "description": "  deux espaces ",
    }
    assert not rows[0].has("program") and rows[0]["program"] is None


def test_an_empty_file_has_no_rows(tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_bytes(b"")
    assert native.read_rows(path, "accounts.csv") == ((), [])


def test_data_error_names_the_place():
    err = DataError("bad", file="deals.csv", line=7, column="amount")
    assert str(err) == "deals.csv, line 7, column 'amount': bad"


def test_find_cycle():
    chart = {"ann": None, "bob": "ann", "cid": "bob", "dan": None}
    assert org.find_cycle(chart, "ann", "cid") == ["ann", "cid", "bob"]
    assert org.find_cycle(chart, "ann", "ann") == ["ann"]
    assert org.find_cycle(chart, "ann", "dan") is None
    assert org.find_cycle(chart, "dan", "cid") is None
    assert org.find_cycle(chart, "ann", None) is None
    looped = {"x": "y", "y": "x", "z": None}
    assert org.find_cycle(looped, "z", "x") == ["x", "y"]  # already there, reported


def test_first_cycle_and_managers_first():
    assert org.first_cycle({"a": None, "b": "a", "c": "b"}) is None
    cycle = org.first_cycle({"a": "c", "b": "a", "c": "b", "d": None})
    assert sorted(cycle) == ["a", "b", "c"]
    assert org.first_cycle({"a": "b", "b": "a", "c": None}, starts=["c"]) is None
    chart = {"ann": "bob", "bob": "cid", "cid": None, "eve": "ann"}
    order = org.managers_first(chart, ["eve", "ann", "bob", "cid"])
    assert order == ["cid", "bob", "ann", "eve"]
    assert org.managers_first(chart, ["ann", "eve"]) == ["ann", "eve"]
