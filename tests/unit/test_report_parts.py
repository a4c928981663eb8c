"""Pieces of the board report: French/English number formats, the org-chart layout,
the next-step rule, the previous period."""

from __future__ import annotations

import datetime as dt

import pytest

from abmdesk.reports.orgchart import CARD_H, CARD_W, Card, build_forest, layout
from abmdesk.reports.texts import TEXTS, text
from abmdesk.reports.typography import NBSP, NNBSP, Typography
from abmdesk.services.report import next_step, previous_period

FR, EN = Typography("fr"), Typography("en")


def test_french_numbers():
    assert FR.money(1234.5, 2) == f"1{NNBSP}234,50{NBSP}€"
    assert FR.money(300000) == f"300{NNBSP}000{NBSP}€"
    assert FR.percent(3.0, 0) == f"300{NNBSP}%"
    assert FR.percent(0.125) == f"12,5{NNBSP}%"
    assert FR.percent(-0.5) == f"\u221250,0{NNBSP}%"
    assert FR.number(1234567.891, 1) == f"1{NNBSP}234{NNBSP}567,9"
    assert FR.number(-0.04, 1) == "0,0"  # no "−0,0"
    assert FR.money(None) == FR.percent(None) == "—"
    assert FR.percent(float("nan")) == "—"
    assert FR.points(0.032) == f"+3,2{NBSP}pts"
    assert FR.change(110, 100) == f"+10,0{NNBSP}%"
    assert FR.change(1, 0) == "—"
    assert FR.delta(3, 5) == "\u22122"
    assert FR.long_date(dt.date(2026, 3, 1)) == "1er mars 2026"
    assert FR.date(dt.date(2026, 3, 7)) == "07/03/2026"


def test_english_numbers():
    assert EN.money(1234.5, 2) == "€1,234.50"
    assert EN.money(-12.0) == "\u2212€12"
    assert EN.percent(3.0, 0) == "300%"
    assert EN.long_date(dt.date(2026, 3, 1)) == "1 March 2026"
    assert Typography("en", "GBP").money(5) == "£5"


def test_unknown_language():
    with pytest.raises(ValueError):
        Typography("de")


def test_every_text_in_both_languages_and_french_spaces():
    for key, (fr, en) in TEXTS.items():
        assert fr.strip() and en.strip(), key
    assert text("fr", "period") == "Période"
    assert "\u00a0:" in text("fr", "subtitle")
    assert text("fr", "m_clv", years="5").count("\u202f000") == 2  # 50 000, 300 000
    assert "«\u00a0" in text("fr", "cover_note")


def _card(key, points=0):
    return Card(key, str(key), "", "", points)


def test_parents_are_centred_over_their_reports():
    rows = [
        ("ceo", None, _card("ceo")),
        ("cfo", "ceo", _card("cfo")),
        ("cto", "ceo", _card("cto")),
        ("dev", "cto", _card("dev")),
        ("ops", "cfo", _card("ops")),
    ]
    roots = build_forest(rows)
    assert [r.key for r in roots] == ["ceo"]
    layout(roots)
    ceo = roots[0]
    cfo, cto = ceo.children
    assert ceo.x + CARD_W / 2 == pytest.approx((cfo.x + cto.x) / 2 + CARD_W / 2)
    assert cfo.y > ceo.y and cfo.y == cto.y


def test_no_cards_overlap_and_leaves_stack():
    rows = [("boss", None, _card("boss"))]
    rows += [(f"m{i}", "boss", _card(f"m{i}")) for i in range(3)]
    rows += [(f"p{i}{j}", f"m{i}", _card(f"p{i}{j}")) for i in range(3) for j in range(i + 1)]
    rows += [("alone", None, _card("alone"))]
    roots = build_forest(rows)
    width, height = layout(roots)
    cards = []

    def walk(cs):
        for c in cs:
            cards.append(c)
            walk(c.children)

    walk(roots)
    assert len(cards) == len(rows)
    for i, a in enumerate(cards):
        assert a.x >= 0 and a.x + CARD_W <= width + 1e-6
        assert a.y >= 0 and a.y + CARD_H <= height + 1e-6
        for b in cards[i + 1 :]:
            apart = (
                a.x + CARD_W <= b.x
                or b.x + CARD_W <= a.x
                or a.y + CARD_H <= b.y
                or b.y + CARD_H <= a.y
            )
            assert apart, (a.key, b.key)


def test_reporting_loops_and_unknown_managers_make_roots():
    rows = [
        ("a", "b", _card("a")),
        ("b", "a", _card("b")),
        ("c", "a", _card("c")),
        ("d", "nobody", _card("d")),
    ]
    roots = build_forest(rows)
    assert {r.key for r in roots} == {"a", "b", "d"}
    assert [c.key for c in roots[0].children] == ["c"]


def test_next_step_rule():
    today = dt.date(2026, 12, 3)
    recent = today - dt.timedelta(days=5)
    base = dict(
        negotiation_deal=None,
        missing_role=None,
        last_meeting=recent,
        as_of=today,
        at_risk=False,
        proposal_deal=None,
    )
    assert next_step(**base) == ("keep_warm", None)
    assert next_step(**{**base, "proposal_deal": "P"}) == ("follow_up_proposal", "P")
    assert next_step(**{**base, "at_risk": True, "proposal_deal": "P"})[0] == "widen_committee"
    assert next_step(**{**base, "last_meeting": None, "at_risk": True})[0] == "plan_meeting"
    old = today - dt.timedelta(days=30)
    assert next_step(**{**base, "last_meeting": old})[0] == "plan_meeting"
    assert next_step(**{**base, "last_meeting": None, "missing_role": "sponsor"}) == (
        "identify_role",
        "sponsor",
    )
    assert next_step(**{**base, "missing_role": "sponsor", "negotiation_deal": "N"}) == (
        "close_negotiation",
        "N",
    )


def test_previous_period_has_the_same_length():
    assert previous_period(dt.date(2026, 1, 1), dt.date(2026, 3, 31)) == (
        dt.date(2025, 10, 3),
        dt.date(2025, 12, 31),
    )
    assert previous_period(dt.date(2026, 5, 5), dt.date(2026, 5, 5)) == (
        dt.date(2026, 5, 4),
        dt.date(2026, 5, 4),
    )
