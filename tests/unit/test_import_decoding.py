"""Decoding other tools' files: encodings, separators, French numbers and dates."""

from __future__ import annotations

import codecs
import datetime as dt
from decimal import Decimal

import pytest

from abmdesk.errors import DataError
from abmdesk.interop import decoding, matching, tabular

TEXT = "Nom;Prénom;Société\nMénard;François;Boulangerie Dupont\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_are_found(data, encoding):
    text, found = decoding.decode_bytes(data, "f.csv")
    assert (text, found) == (TEXT, encoding)


def test_cp1252_quotes_and_euro():
    text, found = decoding.decode_bytes("Coût : 12 € – « ok »".encode("cp1252"), "f.csv")
    assert found == "cp1252" and text == "Coût : 12 € – « ok »"


def test_head_cut_in_a_character_is_fine():
    data = ("é" * 10).encode("utf-8")[:-1]
    text, found = decoding.decode_head(data, "f.csv")
    assert found == "utf-8" and text == "é" * 9


def test_binary_is_refused_in_one_line():
    with pytest.raises(DataError, match="binary data") as err:
        decoding.decode_bytes(bytes(range(256)) * 4, "photo.jpg")
    assert "\n" not in str(err.value) and str(err.value).startswith("photo.jpg")


@pytest.mark.parametrize(
    ("text", "sep"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n4;5,5;6\n", ";"),
        ("a\tb\tc\n1\t2, 3\t4\n", "\t"),
        ('Notes:\n"one long note, with commas, here"\n\nA;B;C\n1;2;3\n4;5;6\n', ";"),
        ("sep=;\na,b;c\n", ";"),
    ],
)
def test_separator_sniffing(text, sep):
    assert decoding.sniff_separator(text) == sep


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56", "1234.56"),
        ("1\u202f234,56 €", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1.234.567,8", "1234567.8"),
        ("12,5", "12.5"),
        ("-3,20", "-3.20"),
        ("EUR 1200", "1200"),
        ("$10,000", "10000"),
        ("0,125", "0.125"),
    ],
)
def test_numbers(text, value):
    assert decoding.parse_decimal(text) == Decimal(value)


def test_comma_with_three_decimals_follows_the_file():
    assert decoding.parse_decimal("1,234") == Decimal("1234")
    assert decoding.parse_decimal("1,234", decimal_comma=True) == Decimal("1.234")


@pytest.mark.parametrize("text", ["abc", "12,34,5", "1.2.3", "--1", ""])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        decoding.parse_decimal(text)


def test_cents_and_counts():
    assert decoding.parse_cents("24 000,50") == 2400050
    assert decoding.parse_cents("8,000.00") == 800000
    assert decoding.parse_count("1 250") == 1250
    with pytest.raises(ValueError):
        decoding.parse_count("12,5")


@pytest.mark.parametrize(
    ("text", "dayfirst", "expected"),
    [
        ("07/03/2025", None, dt.datetime(2025, 3, 7)),
        ("07/03/2025", False, dt.datetime(2025, 7, 3)),
        ("5/7/24 10:26", False, dt.datetime(2024, 5, 7, 10, 26)),
        ("1/24/25 0:00", False, dt.datetime(2025, 1, 24, 0, 0)),
        ("3/31/2025 10:12 PM", False, dt.datetime(2025, 3, 31, 22, 12)),
        ("13/12/2024 14h30", None, dt.datetime(2024, 12, 13, 14, 30)),
        ("12 mars 2023", None, dt.datetime(2023, 3, 12)),
        ("1er février 2024", None, dt.datetime(2024, 2, 1)),
        ("3 janv. 2025", None, dt.datetime(2025, 1, 3)),
        ("mardi 7 août 2025", None, dt.datetime(2025, 8, 7)),
        ("05 Jan 2020", None, dt.datetime(2020, 1, 5)),
        ("2025-03-07", None, dt.datetime(2025, 3, 7)),
        ("2025-03-07 09:30", None, dt.datetime(2025, 3, 7, 9, 30)),
        # UTC and offsets become Paris time (UTC+1 in winter, +2 in summer).
        ("2006-04-15T03:23:15.000Z", None, dt.datetime(2006, 4, 15, 5, 23, 15)),
        ("2025-01-10T08:00:00Z", None, dt.datetime(2025, 1, 10, 9, 0)),
        ("2025-01-10T08:00:00-05:00", None, dt.datetime(2025, 1, 10, 14, 0)),
    ],
)
def test_dates(text, dayfirst, expected):
    assert decoding.DateParser("Europe/Paris").parse(text, dayfirst=dayfirst) == expected


@pytest.mark.parametrize("text", ["hier", "32/01/2025", "2025-02-30", "2/30/25"])
def test_not_dates(text):
    with pytest.raises(ValueError):
        decoding.DateParser().parse(text, dayfirst=False)


def test_a_column_tells_which_comes_first():
    assert decoding.infer_dayfirst(["01/02/2025", "25/02/2025"]) is True
    assert decoding.infer_dayfirst(["1/2/25", "2/25/25 10:00"]) is False
    assert decoding.infer_dayfirst(["01/02/2025"]) is None


def test_header_keys_and_empty_words():
    assert tabular.header_key("Nom de l’entreprise ") == tabular.header_key("NOM DE L'ENTREPRISE")
    assert tabular.header_key("\ufeffE-mail 1 - Value") == "e mail 1 value"
    for empty in ("", "  ", "null", "NULL", "None", "[not provided]"):
        assert tabular.clean(empty) is None
    assert tabular.clean("  Dupont ") == "Dupont"


def test_matching_rules():
    assert matching.company_key("Dupont & Fils SARL") == matching.company_key("DUPONT ET FILS")
    assert matching.company_key("S.A.R.L. Lefèvre") == "lefevre"
    for form in ("SA", "SAS", "SASU", "EURL", "SCI", "GmbH", "AG", "Ltd", "LLC", "Inc.", "Corp."):
        assert matching.company_key(f"Acmé {form}") == "acme", form
    assert matching.normalize_domain("https://www.Acme.fr/contact?x=1") == "acme.fr"
    assert matching.normalize_domain("jean@Acme.FR") == "acme.fr"
    assert matching.normalize_domain("not a domain") is None
    for free in (
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.fr",
        "hotmail.it",
        "live.be",
        "yahoo.co.uk",
        "orange.fr",
        "wanadoo.fr",
        "free.fr",
        "sfr.fr",
        "laposte.net",
        "icloud.com",
        "me.com",
        "gmx.de",
        "proton.me",
        "protonmail.com",
    ):
        assert matching.is_free_mail(free), free
        assert matching.company_domain(f"x@{free}") is None
    assert not matching.is_free_mail("dupont-pain.fr")
    assert matching.normalize_email(" <Jean.Dupont@Acme.fr> ") == "jean.dupont@acme.fr"
    assert matching.normalize_email("[not provided]") is None
