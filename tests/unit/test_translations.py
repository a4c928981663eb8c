"""The French catalogue is complete and in step with the code."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from abmdesk import domain
from abmdesk.tools import translations
from abmdesk.ui import labels

TS = translations.ts_path("fr")


def _catalogue() -> dict[tuple[str, str], list[str]]:
    return {(c, s): texts for c, s, texts, _ in translations.messages(TS)}


def test_ts_is_well_formed_and_french():
    root = ET.parse(TS).getroot()
    assert root.tag == "TS" and root.get("language") == "fr_FR"
    assert len(list(root.iter("message"))) > 100


def test_no_unfinished_or_empty_message():
    assert translations.unfinished(TS) == []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished")
        if message.get("numerus") == "yes":
            forms = [f.text for f in translation.iter("numerusform")]
            assert len(forms) == 2 and all(f and f.strip() for f in forms), forms
        else:
            assert (translation.text or "").strip(), message.findtext("source")


def test_every_string_of_the_code_is_in_the_ts(tmp_path):
    """lupdate over the sources into a fresh file finds nothing the committed .ts lacks."""
    fresh = tmp_path / "fresh.ts"
    try:
        translations.run_lupdate(fresh)
    except FileNotFoundError as exc:  # pragma: no cover - no lupdate on this machine
        pytest.skip(f"pyside6-lupdate unavailable: {exc}")
    in_code = {(c, s) for c, s, _, _ in translations.messages(fresh)}
    committed = set(_catalogue())
    assert in_code - committed == set(), "run: python -m abmdesk.tools.translations update"
    assert committed - in_code == set(), "the .ts keeps strings the code no longer has"


def test_domain_labels_are_marked_and_translated_as_the_spec_says():
    catalogue = _catalogue()
    for key, (french, english) in domain.ROLE_LABELS.items():
        assert labels.ROLE_SOURCES[key] == english
        assert catalogue[("Domain", english)] == [french]
    for key, (french, english) in domain.STAGE_LABELS.items():
        assert labels.STAGE_SOURCES[key] == english
        assert catalogue[("Domain", english)] == [french]
    for key, (_points, english) in domain.DEFAULT_INTERACTION_TYPES.items():
        assert labels.TYPE_SOURCES[key] == english
        assert ("Domain", english) in catalogue
    assert set(labels.ATTITUDE_SOURCES) == set(domain.ATTITUDES)
    assert set(labels.STATUS_SOURCES) == set(domain.DEAL_STATUSES)


def test_main_vocabulary():
    catalogue = _catalogue()
    expected = {
        "Accounts": "Comptes",
        "Account map": "Cartographie",
        "Interactions": "Interactions",
        "Pipeline": "Pipeline",
        "KPIs": "Indicateurs",
        "&File": "&Fichier",
        "&Open a database…": "&Ouvrir une base…",
        "&Quit": "&Quitter",
        "&Help": "Aid&e",
    }
    for source, french in expected.items():
        assert catalogue[("MainWindow", source)] == [french]


def test_compile(tmp_path):
    qm = tmp_path / "abmdesk_fr.qm"
    try:
        translations.compile_ts(TS, qm)
    except FileNotFoundError as exc:  # pragma: no cover
        pytest.skip(f"pyside6-lrelease unavailable: {exc}")
    assert qm.stat().st_size > 1000
