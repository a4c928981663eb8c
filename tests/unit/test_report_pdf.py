"""The board report PDF: the figures of compute_kpis, every section, French typography,
English variant, page numbers, fonts embedded, and no half-written file on failure."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from abmdesk.reports import board
from abmdesk.reports.texts import TEXTS
from abmdesk.reports.typography import NBSP, NNBSP, Typography
from abmdesk.services.database import open_db
from abmdesk.services.demo import generate_demo
from abmdesk.services.kpis import compute_kpis

T = dt.date.today() - dt.timedelta(days=1)
F = T.replace(year=T.year - 1) + dt.timedelta(days=1)
ISSUED = dt.date(2026, 12, 4)

SECTIONS = [key for key in TEXTS if key.startswith("sec_")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "demo.db"
    engine = open_db(path)
    generate_demo(engine, size="small", seed=1)
    engine.dispose()
    return path


@pytest.fixture(scope="module")
def engine(demo):
    eng = open_db(demo)
    yield eng
    eng.dispose()


def _text(pdf: Path) -> list[str]:
    """Each page's text, tabs (pypdf's word gaps) read as spaces."""
    return [page.extract_text().replace("\t", " ") for page in PdfReader(str(pdf)).pages]


@pytest.fixture(scope="module")
def french(qapp, engine, tmp_path_factory) -> tuple[Path, board.ReportSummary, list[str]]:
    out = tmp_path_factory.mktemp("fr") / "rapport.pdf"
    summary = board.build_report(engine, F, T, out, "fr", issued=ISSUED)
    return out, summary, _text(out)


@pytest.fixture(scope="module")
def english(qapp, engine, tmp_path_factory) -> tuple[Path, board.ReportSummary, list[str]]:
    out = tmp_path_factory.mktemp("en") / "report.pdf"
    summary = board.build_report(engine, F, T, out, "en", issued=ISSUED)
    return out, summary, _text(out)


def test_written_with_sane_page_count(french):
    out, summary, pages = french
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")
    assert summary.pages == len(pages)
    assert 12 <= summary.pages <= 40
    assert summary.path == out.absolute()
    assert not list(out.parent.glob("*.part")), "the temporary file is gone"


def test_page_numbers(french):
    _, summary, pages = french
    total = summary.pages
    for number, text in enumerate(pages, start=1):
        if number > 1:  # the cover has none
            assert f"Page {number} / {total}" in text


def test_every_section_in_french(french):
    _, summary, pages = french
    text = "\n".join(pages)
    for key in SECTIONS:
        title = TEXTS[key][0].replace(" :", "\u00a0:")
        assert title in text, title
    # The contents on the cover list each section with its page.
    cover = pages[0]
    for title, page in summary.sections:
        assert title in cover
        assert title in pages[page - 1]
    assert "Rapport au conseil" in cover
    assert "Nexalis Conseil" in cover  # company_name setting of the demo
    assert "4 décembre 2026" in cover  # date of issue


def test_english_variant_has_english_titles(english):
    _, _, pages = english
    text = "\n".join(pages)
    for key in SECTIONS:
        assert TEXTS[key][1] in text, TEXTS[key][1]
    for french_only in ("Synthèse", "Annexe méthodologique", "Risques", "Rapport au conseil"):
        assert french_only not in text


def test_figures_are_those_of_compute_kpis(french, engine):
    _, _, pages = french
    text = "\n".join(pages)
    kpis = compute_kpis(engine, F, T)
    ty = Typography("fr", kpis["currency"])
    roi = kpis["roi"]
    expected = [
        ty.percent(roi["roi"]),  # ROI in %
        ty.money(roi["revenue"]),  # summary (to the euro)
        ty.money(roi["revenue"], 2),  # ROI table (to the cent)
        ty.money(roi["cost"], 2),
        ty.percent(kpis["engagement"]["engaged_target_accounts_rate"]),
        ty.money_per_day(kpis["velocity"]["abm"]["velocity_per_day"]),
        ty.percent(kpis["velocity"]["cycle_reduction"]),
        ty.money(kpis["contract_value"]["abm"]["average"], 2),
        ty.money(kpis["clv"]["average"]["abm"], 2),
        ty.days(kpis["velocity"]["abm"]["avg_cycle_days"]),
    ]
    for _stage, figures in kpis["conversion"]["all"].items():
        expected.append(ty.percent(figures["rate"]))
        expected.append(ty.integer(figures["entered"]))
    for figure in expected:
        assert figure in text, figure
    at_risk = sum(1 for a in kpis["coverage"]["accounts"] if a["at_risk"])
    assert f"Couverture insuffisante\u00a0: {at_risk} comptes cibles" in text


def test_french_typography(french):
    _, _, pages = french
    text = "\n".join(pages)
    # thousands with a narrow no-break space, decimal comma, no-break space before €
    assert re.search(rf"\d{{1,3}}{NNBSP}\d{{3}},\d\d{NBSP}€", text)
    # narrow no-break space before %
    assert re.search(rf"\d,\d{NNBSP}%", text)
    assert not re.search(r"\d\.\d+ ?%", text), "no English decimals in French"
    assert f"Période{NBSP}:" in text


def test_english_typography(english, engine):
    _, _, pages = english
    text = "\n".join(pages)
    kpis = compute_kpis(engine, F, T)
    ty = Typography("en", kpis["currency"])
    assert ty.percent(kpis["roi"]["roi"]) in text
    assert ty.money(kpis["roi"]["revenue"], 2) in text
    assert re.search(r"€\d{1,3},\d{3}\.\d\d", text)


def test_fonts_embedded(french):
    out, _, _ = french
    reader = PdfReader(str(out))
    fonts = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts") or []:
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]))
    assert any("DejaVuSans" in f for f in fonts), fonts


def test_missing_folder_is_refused_and_writes_nothing(qapp, engine, tmp_path):
    out = tmp_path / "missing" / "rapport.pdf"
    with pytest.raises(board.ReportError, match="does not exist"):
        board.build_report(engine, F, T, out)
    assert not (tmp_path / "missing").exists()


def test_failure_while_painting_leaves_no_file(qapp, engine, tmp_path, monkeypatch):
    out = tmp_path / "rapport.pdf"
    out.write_bytes(b"the previous report")

    def broken(self):  # noqa: ANN001
        raise RuntimeError("disk full")

    monkeypatch.setattr(board.BoardReport, "appendix", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        board.build_report(engine, F, T, out)
    assert out.read_bytes() == b"the previous report", "the old file is untouched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pdf"]


def test_cancel_leaves_no_file(qapp, engine, tmp_path):
    out = tmp_path / "rapport.pdf"
    seen = []

    def progress(fraction: float) -> None:
        seen.append(fraction)
        if fraction > 0.9:
            raise board.ReportCancelled("cancelled")

    with pytest.raises(board.ReportCancelled):
        board.build_report(engine, F, T, out, progress=progress)
    assert not list(tmp_path.iterdir())
    assert seen == sorted(seen)


def test_bad_arguments(qapp, engine, tmp_path):
    from abmdesk.errors import ValidationError

    with pytest.raises(ValidationError):
        board.build_report(engine, T, F, tmp_path / "x.pdf")
    with pytest.raises(ValidationError):
        board.build_report(engine, F, T, tmp_path / "x.pdf", lang="de")
    with pytest.raises(board.ReportError, match="folder"):
        board.build_report(engine, F, T, tmp_path)
    assert not list(tmp_path.iterdir())


def test_empty_database(qapp, tmp_path):
    engine = open_db(tmp_path / "empty.db")
    try:
        summary = board.build_report(engine, F, T, tmp_path / "empty.pdf", "fr")
    finally:
        engine.dispose()
    text = "\n".join(_text(summary.path))
    assert "Votre entreprise" in text  # no company name yet
    assert "Aucun compte cible" in text
    assert summary.pages >= 8
