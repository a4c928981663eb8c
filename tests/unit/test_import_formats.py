"""Each tool's CSV/XLSX export is recognised from its content and read into records."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from abmdesk.errors import DataError
from abmdesk.interop.formats.detect import ReadOptions, detect_format, get_format
from tests.conftest import FIXTURES

HERE = FIXTURES / "import"


def read(path, **kw):
    fmt, encoding = detect_format(path)
    return get_format(fmt).read(path, ReadOptions(encoding=encoding, **kw))


@pytest.mark.parametrize(
    ("name", "fmt", "encoding"),
    [
        ("hubspot_companies_fr.csv", "hubspot", "utf-8-sig"),
        ("hubspot_contacts_en.csv", "hubspot", "utf-8"),
        ("salesforce_report_opportunities.csv", "salesforce", "utf-8"),
        ("salesforce_accounts.csv", "salesforce", "utf-8"),
        ("salesforce_contacts.csv", "salesforce", "utf-8"),
        ("pipedrive_deals.csv", "pipedrive", "utf-8"),
        ("linkedin_connections.csv", "linkedin", "utf-8"),
        ("google_contacts.csv", "google", "utf-8"),
        ("outlook_fr.csv", "outlook", "cp1252"),
        ("outlook_en_utf16.csv", "outlook", "utf-16-le"),
    ],
)
def test_detected_from_content_not_name(name, fmt, encoding, tmp_path):
    renamed = tmp_path / "export.dat"
    shutil.copy(HERE / name, renamed)
    assert detect_format(renamed) == (fmt, encoding)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("garbage.bin", "binary data"),
        ("not_an_export.txt", "not a file ABM Desk can import"),
    ],
)
def test_unknown_files_get_one_line(name, message):
    with pytest.raises(DataError, match=message) as err:
        detect_format(HERE / name)
    assert "\n" not in str(err.value)


def test_empty_file(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(DataError, match="empty"):
        detect_format(tmp_path / "empty.csv")


def test_hubspot_companies_in_french():
    parsed = read(HERE / "hubspot_companies_fr.csv")
    dupont, lefevre, amo = parsed.companies
    assert (dupont.name, dupont.domain, dupont.employees) == (
        "Boulangeries Dupont SARL",
        "dupont-pain.fr",
        1250,
    )
    # Duplicate header "Secteur d'activité": the first non-empty value.
    assert dupont.sector == "Agroalimentaire" and lefevre.sector == "Conseil"
    assert lefevre.domain == "cabinet-lefevre.fr" and lefevre.owner is None  # 'null'
    assert amo.employees is None and amo.owner is None  # 'None', '[not provided]'
    assert dupont.source.line == 4  # header below a preamble and a blank line
    assert [reason for _, reason in parsed.skipped] == ["no company name nor domain"]


def test_hubspot_contacts_never_name_anyone_not_provided():
    parsed = read(HERE / "hubspot_contacts_en.csv")
    names = [c.full_name for c in parsed.contacts]
    assert names == [
        "Hélène Géraud",
        "Marc Lefèvre",
        "Julie Perrin",
        "Paul Renaud",
        "contact@inconnu-sa.fr",
    ]
    assert parsed.contacts[0].company_external_id == "1001"
    assert parsed.skipped[0][0].line == 4


def test_hubspot_deals_xlsx_with_french_headers_and_us_dates(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        [
            "ID de fiche d'informations",
            "Nom de la transaction",
            "Phase de la transaction",
            "Montant",
            "Date de fermeture",
            "Date de création",
            "Entreprise associée",
        ]
    )
    sheet.append(
        [
            3001,
            "Refonte",
            "Contrat envoyé",
            12500.5,
            dt.datetime(2025, 3, 31),
            dt.datetime(2025, 1, 15, 9, 30),
            "Boulangeries Dupont",
        ]
    )
    sheet.append(
        [3002, "Audit", "Conclue gagnée", "8 000,00", "28/02/2025", "05/01/2025", "Cabinet Lefèvre"]
    )
    path = tmp_path / "deals.xlsx"
    book.save(path)
    assert detect_format(path) == ("hubspot", "xlsx")
    refonte, audit = read(path).deals
    assert (refonte.stage, refonte.status, refonte.amount_cents) == ("negotiation", "open", 1250050)
    assert refonte.created_at == dt.datetime(2025, 1, 15, 9, 30) and refonte.closed_at is None
    assert (audit.status, audit.amount_cents) == ("won", 800000)
    assert audit.closed_at == dt.datetime(2025, 2, 28)
    assert audit.source.line == 3


def test_hubspot_m_d_yy_dates():
    text = (
        "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Associated Company\n"
        "1,A,closedwon,100,5/7/24 10:26,4/1/24 8:00,Acme\n"
        "2,B,appointmentscheduled,,,11/18/24 17:56,Acme\n"
    )
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "deals.csv"
        path.write_text(text, encoding="utf-8")
        a, b = read(path).deals
    assert a.closed_at == dt.datetime(2024, 5, 7, 10, 26) and a.status == "won"
    assert b.created_at == dt.datetime(2024, 11, 18, 17, 56) and b.stage == "first_meeting"


def test_salesforce_report_stops_at_its_footer():
    parsed = read(HERE / "salesforce_report_opportunities.csv")
    assert [d.name for d in parsed.deals] == ["Refonte du site", "Audit annuel", "Maintenance"]
    refonte, audit, lost = parsed.deals
    assert refonte.amount_cents == 1250000 and refonte.stage == "proposal"
    assert refonte.created_at == dt.datetime(2025, 1, 15)
    assert audit.status == "won" and audit.closed_at == dt.datetime(2025, 2, 28)
    assert lost.status == "lost"
    assert parsed.skipped == [(parsed.skipped[0][0], "a report's totals or footer line")]
    assert parsed.skipped[0][0].line == 7  # "Grand Totals (3 records)"; the rest is footer


def test_salesforce_data_loader():
    accounts = read(HERE / "salesforce_accounts.csv")
    (girard,) = accounts.companies
    assert (girard.name, girard.domain, girard.employees, girard.external_id) == (
        "Transports Girard",
        "transports-girard.fr",
        85,
        "001A000001aaaaaAAA",
    )
    assert accounts.skipped[0][1] == "deleted in the source tool"
    contacts = read(HERE / "salesforce_contacts.csv").contacts
    assert [c.company_external_id for c in contacts] == ["001A000001aaaaaAAA"] * 2
    assert contacts[1].email is None


def test_pipedrive_rows_hold_deal_organisation_and_person():
    parsed = read(HERE / "pipedrive_deals.csv")
    assert {c.name for c in parsed.companies} == {"Imprimerie Vasseur"}
    assert [c.full_name for c in parsed.contacts] == ["Nadia Vasseur"]
    cadre, pilote = parsed.deals
    assert (cadre.amount_cents, cadre.stage, cadre.status) == (2400050, "negotiation", "open")
    assert (pilote.status, pilote.closed_at) == ("won", dt.datetime(2025, 2, 20, 16, 30))


def test_linkedin_preamble_and_any_column_order():
    parsed = read(HERE / "linkedin_connections.csv")
    thomas = parsed.contacts[0]
    assert (thomas.full_name, thomas.company, thomas.title, thomas.email) == (
        "Thomas Vasseur",
        "Vasseur, Imprimerie",
        "Commercial",
        None,
    )
    assert thomas.source.line == 5
    assert parsed.skipped[0][0].line == 8


def test_google_multi_values():
    camille, yann = read(HERE / "google_contacts.csv").contacts
    assert camille.email == "camille@atelier-roux.fr"
    assert camille.other_emails == ["c.roux@atelier-roux.fr", "camille.roux@gmail.com"]
    assert camille.phone == "06 11 22 33 44" and camille.company == "Atelier Roux"
    assert yann.full_name == "Yann Le Goff" and yann.company is None


def test_outlook_french_windows_1252():
    francois, zoe = read(HERE / "outlook_fr.csv").contacts
    assert (francois.full_name, francois.company, francois.title) == (
        "François Ménard",
        "Boulangeries Dupont",
        "Acheteur",
    )
    assert zoe.full_name == "Zoé Lambert" and zoe.email == "zoe@cabinet-lefevre.fr"


def test_outlook_utf16_tabs():
    (anne,) = read(HERE / "outlook_en_utf16.csv").contacts
    assert (anne.full_name, anne.company, anne.phone) == (
        "Anne Morel",
        "Transports Girard",
        "02 40 00 00 01",
    )


def test_bad_value_names_file_line_and_column():
    with pytest.raises(DataError) as err:
        read(HERE / "bad_employees.csv")
    assert str(err.value) == (
        "bad_employees.csv, line 3, column 'Number of Employees': 'beaucoup' is not a number"
    )


def test_bad_values_are_all_collected_when_asked():
    errors: list = []
    parsed = read(HERE / "bad_employees.csv", errors=errors)
    assert [c.name for c in parsed.companies] == ["Acme"] and len(errors) == 1


def test_truncated_file():
    with pytest.raises(DataError, match="cut short") as err:
        read(HERE / "truncated.csv")
    assert err.value.line == 2


def test_truncated_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["Company name", "Company Domain Name", "Record ID"])
    book.active.append(["Acme", "acme.fr", 1])
    full = tmp_path / "full.xlsx"
    book.save(full)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(full.read_bytes()[:1500])
    with pytest.raises(DataError, match="Excel workbook") as err:
        read(cut)
    assert "\n" not in str(err.value)


def test_a_forced_format_that_does_not_fit():
    with pytest.raises(DataError, match="no header row of a LinkedIn") as err:
        get_format("linkedin").read(HERE / "salesforce_accounts.csv", ReadOptions())
    assert "\n" not in str(err.value)


# --------------------------------------------------------------------------- real files


REAL = {
    "hubspot/hubspot_companies_export_REDACTED.csv": "hubspot",
    "salesforce/accountData.csv": "salesforce",
    "linkedin/six-hops_Connections.csv": "linkedin",
    "linkedin/sourcer_Connections.csv": "linkedin",
    "google_outlook_csv/roundcube_gmail_legacy_google.csv": "google",
    "google_outlook_csv/thunderbird_csv_semicolon.csv": "thunderbird",
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_files_are_recognised(samples, name):
    fmt, _ = detect_format(samples / name)
    assert fmt == REAL[name]


def test_real_hubspot_companies(samples):
    parsed = read(samples / "hubspot/hubspot_companies_export_REDACTED.csv")
    assert len(parsed.companies) == 8
    by_name = {c.name: c for c in parsed.companies}
    assert by_name["Avatar Vision Fund"].domain == "avatarvisionfund.com"
    assert by_name["Bogin, Munns & Munns"].domain == "boginmunns.com"
    assert by_name["Corportate Settlement Services"].domain is None
    assert by_name["BLUEBIRD VALUATION LLC"].phone == "+1 954-000-0000"


def test_real_salesforce_accounts(samples):
    parsed = read(samples / "salesforce/accountData.csv")
    assert len(parsed.companies) == 418
    assert all("?" not in c.name for c in parsed.companies)
    assert len(parsed.skipped) == 5


def test_real_legacy_google(samples):
    (person,) = read(samples / "google_outlook_csv/roundcube_gmail_legacy_google.csv").contacts
    assert person.full_name == "Prefix Firstname Middle Lastname Suffix"
    assert person.email == "work@email.pl"  # the one labelled Work comes first
    assert person.other_emails == ["home@aaa.pl", "unknown@email.com", "other@email.com"]
    assert person.company == "company" and person.title == "jobtitle"


def test_real_bom_file_without_known_columns_is_refused(samples):
    with pytest.raises(DataError, match="not a file ABM Desk can import"):
        detect_format(samples / "salesforce/csvtext_BOM_UTF8.csv")
