"""Importing other tools' files: matching, merging, safety, dry runs, undo, real files."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import text

from abmdesk.errors import DataError, ValidationError
from abmdesk.interop.formats import detect
from abmdesk.interop.records import ContactRecord, EventRecord, ParsedFile, Source
from abmdesk.services import bundle
from abmdesk.services.imports import import_files, list_batches, undo_import
from tests.conftest import FIXTURES, ROOT

HERE = FIXTURES / "import"


def rows(engine, sql):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def snapshot(engine):
    tables = ("accounts", "stakeholders", "deals", "stage_changes", "interactions")
    return {t: sorted(map(repr, rows(engine, f"SELECT * FROM {t}"))) for t in tables}


def people(engine):
    return rows(
        engine,
        "SELECT a.name, s.full_name, s.email, s.title FROM stakeholders s "
        "JOIN accounts a ON a.id = s.account_id ORDER BY 1, 2",
    )


def test_companies_then_contacts_match_by_id_name_and_domain(engine):
    first = import_files(engine, [HERE / "hubspot_companies_fr.csv"])
    assert first.counts["accounts"].created == 3
    result = import_files(engine, [HERE / "hubspot_contacts_en.csv"])
    assert result.counts["stakeholders"].created == 3
    assert people(engine) == [
        # Company by record id, by name in normal form, by e-mail domain.
        (
            "Ateliers Mécaniques de l'Ouest SAS",
            "Paul Renaud",
            "paul.renaud@amo.fr",
            "Responsable achats",
        ),
        (
            "Boulangeries Dupont SARL",
            "Hélène Géraud",
            "helene.geraud@dupont-pain.fr",
            "Directrice financière",
        ),
        ("Cabinet Lefèvre & Associés", "Marc Lefèvre", "marc@cabinet-lefevre.fr", "Associé"),
    ]
    reasons = sorted({s.reason for s in result.skipped})
    assert reasons == [
        "no company, and a personal e-mail address (give --account NAME)",
        "no company, and no account has their e-mail domain (give --account NAME)",
        "no name nor e-mail",
    ]
    assert "not provided" not in repr(rows(engine, "SELECT full_name FROM stakeholders"))


def test_contacts_and_companies_in_one_import_link_by_the_tools_ids(engine):
    result = import_files(
        engine, [HERE / "salesforce_contacts.csv", HERE / "salesforce_accounts.csv"]
    )
    assert people(engine) == [
        ("Transports Girard", "Luc Bernard", None, "Chef de quai"),
        ("Transports Girard", "Sophie Girard", "s.girard@transports-girard.fr", "PDG"),
    ]
    assert result.counts["accounts"].created == 1


def test_account_option_takes_the_contacts_with_no_company(engine):
    result = import_files(engine, [HERE / "hubspot_contacts_en.csv"], account="Réseau perso")
    names = [p[1] for p in people(engine) if p[0] == "Réseau perso"]
    assert "Julie Perrin" in names and "contact@inconnu-sa.fr" in names
    assert result.counts["accounts"].created >= 1
    # Marc names his company: it is his account, not the --account one.
    assert ("Cabinet Lefevre et Associes", "Marc Lefèvre") in [p[:2] for p in people(engine)]


def test_free_mail_domains_never_make_an_account(engine):
    import_files(engine, [HERE / "hubspot_companies_fr.csv"])
    import_files(engine, [HERE / "google_contacts.csv"])
    # Camille names her company: made with the domain of her work e-mail, not gmail.com.
    # Yann has no company: he goes to the account of his e-mail's domain.
    assert [p[:2] for p in people(engine)] == [
        ("Atelier Roux", "Camille Roux"),
        ("Ateliers Mécaniques de l'Ouest SAS", "Yann Le Goff"),
    ]
    domains = {d for (d,) in rows(engine, "SELECT domain FROM accounts")}
    assert "atelier-roux.fr" in domains and "gmail.com" not in domains


def test_a_file_with_nothing_importable_is_refused_in_one_line(engine, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text(
        "First Name,Last Name,E-mail Address,Company,Business Phone\n"
        "Julie,Perrin,julie.perrin@gmail.com,,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        import_files(engine, [path])
    assert str(err.value) == (
        "contacts.csv: nothing to import: 1 rows left out, 1 because no company, and a "
        "personal e-mail address (give --account NAME)"
    )


def test_empty_values_never_overwrite_and_names_stay(engine, tmp_path):
    import_files(engine, [HERE / "hubspot_companies_fr.csv"])
    later = tmp_path / "companies.csv"
    later.write_text(
        "Record ID,Company name,Company Domain Name,Industry,Number of Employees,Company owner\n"
        "9,DUPONT BOULANGERIES,dupont-pain.fr,,,null\n"
        "10,Cabinet Lefevre et Associes,,Expertise comptable,14,[not provided]\n",
        encoding="utf-8",
    )
    result = import_files(engine, [later])
    assert (result.counts["accounts"].created, result.counts["accounts"].updated) == (0, 1)
    got = rows(engine, "SELECT name, sector, employees, owner FROM accounts ORDER BY name")
    assert got == [
        ("Ateliers Mécaniques de l'Ouest SAS", "Industrie", None, None),
        ("Boulangeries Dupont SARL", "Agroalimentaire", 1250, "Claire Martin"),
        ("Cabinet Lefèvre & Associés", "Expertise comptable", 14, None),
    ]


def test_people_match_by_email_then_by_name_in_the_account(engine):
    import_files(engine, [HERE / "salesforce_accounts.csv", HERE / "salesforce_contacts.csv"])
    # Sophie again (by name, no e-mail in LinkedIn), Luc gets his e-mail from Outlook.
    import_files(engine, [HERE / "linkedin_connections.csv"])
    sophie = [p for p in people(engine) if p[1] == "Sophie Girard"]
    assert sophie == [
        ("Transports Girard", "Sophie Girard", "s.girard@transports-girard.fr", "Présidente")
    ]


def test_reimport_changes_nothing(engine):
    files = [
        HERE / "hubspot_companies_fr.csv",
        HERE / "hubspot_contacts_en.csv",
        HERE / "salesforce_report_opportunities.csv",
        HERE / "pipedrive_deals.csv",
        HERE / "linkedin_connections.csv",
        HERE / "google_contacts.csv",
        HERE / "outlook_fr.csv",
        HERE / "outlook_en_utf16.csv",
    ]
    first = import_files(engine, files, account="Divers")
    assert first.batch_id is not None
    before = snapshot(engine)
    again = import_files(engine, files, account="Divers")
    assert again.batch_id is None and not again.changed
    assert all(c.created == 0 and c.updated == 0 for c in again.counts.values())
    assert snapshot(engine) == before
    assert "nothing changed" in again.describe()


def test_deals_stages_and_statuses(engine):
    import_files(
        engine, [HERE / "pipedrive_deals.csv", HERE / "salesforce_report_opportunities.csv"]
    )
    deals = rows(
        engine,
        "SELECT a.name, d.name, d.amount_cents, d.status, d.opened_at, d.closed_at FROM deals d "
        "JOIN accounts a ON a.id = d.account_id ORDER BY 2",
    )
    assert deals == [
        (
            "Cabinet Lefèvre",
            "Audit annuel",
            800000,
            "won",
            "2025-01-05T00:00:00",
            "2025-02-28T00:00:00",
        ),
        ("Imprimerie Vasseur", "Contrat cadre", 2400050, "open", "2025-02-01T09:00:00", None),
        (
            "Nouvelle Entreprise SA",
            "Maintenance",
            300000,
            "lost",
            "2025-01-20T00:00:00",
            "2025-02-14T00:00:00",
        ),
        (
            "Imprimerie Vasseur",
            "Pilote",
            450000,
            "won",
            "2025-01-10T14:00:00",
            "2025-02-20T16:30:00",
        ),
        ("Boulangeries Dupont", "Refonte du site", 1250000, "open", "2025-01-15T00:00:00", None),
    ]
    stages = rows(
        engine,
        "SELECT d.name, c.stage, c.entered_at FROM stage_changes c JOIN deals d "
        "ON d.id = c.deal_id ORDER BY 1",
    )
    assert stages == [
        ("Contrat cadre", "negotiation", "2025-02-01T09:00:00"),
        ("Pilote", "proposal", "2025-01-10T14:00:00"),
        ("Refonte du site", "proposal", "2025-01-15T00:00:00"),
    ]


def test_a_new_stage_adds_a_stage_change(engine, tmp_path):
    import_files(engine, [HERE / "salesforce_report_opportunities.csv"])
    later = tmp_path / "report.csv"
    later.write_text(
        '"Opportunity Name","Account Name","Stage","Amount"\n'
        '"Refonte du site","Boulangeries Dupont","Negotiation/Review","13,000.00"\n',
        encoding="utf-8",
    )
    result = import_files(engine, [later])
    assert result.counts["deals"].updated == 1
    assert [s for (s,) in rows(engine, "SELECT stage FROM stage_changes ORDER BY entered_at")] == [
        "proposal",
        "negotiation",
    ]
    assert import_files(engine, [later]).counts["deals"].updated == 0


def test_refusal_names_file_line_column_and_writes_nothing(engine):
    import_files(engine, [HERE / "hubspot_companies_fr.csv"])
    before = snapshot(engine)
    with pytest.raises(DataError) as err:
        import_files(engine, [HERE / "hubspot_contacts_en.csv", HERE / "bad_employees.csv"])
    assert (err.value.file, err.value.line, err.value.column) == (
        "bad_employees.csv",
        3,
        "Number of Employees",
    )
    assert snapshot(engine) == before
    assert len(list_batches(engine)) == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("garbage.bin", "binary data"),
        ("truncated.csv", "cut short"),
        ("not_an_export.txt", "not a file ABM Desk can import"),
    ],
)
def test_broken_files_one_line_nothing_written(engine, name, message):
    before = snapshot(engine)
    with pytest.raises(DataError, match=message) as err:
        import_files(engine, [HERE / "hubspot_companies_fr.csv", HERE / name])
    assert "\n" not in str(err.value)
    assert snapshot(engine) == before


def test_wrong_forced_format(engine):
    with pytest.raises(DataError, match="LinkedIn"):
        import_files(engine, [HERE / "salesforce_accounts.csv"], "linkedin")
    with pytest.raises(ValidationError, match="unknown format"):
        import_files(engine, [HERE / "salesforce_accounts.csv"], "excel")


def test_dry_run_reports_everything_and_writes_nothing(engine):
    before = snapshot(engine)
    result = import_files(
        engine, [HERE / "hubspot_companies_fr.csv", HERE / "bad_employees.csv"], dry_run=True
    )
    assert result.dry_run and result.batch_id is None
    assert result.counts["accounts"].created == 4  # 3 + Acme; Globex is refused
    assert result.refused == (
        "bad_employees.csv, line 3, column 'Number of Employees': 'beaucoup' is not a number",
    )
    assert "Would import" in result.describe() and "Refused:" in result.describe()
    (refusal,) = result.refusals
    assert (refusal.file, refusal.line, refusal.column) == (
        "bad_employees.csv",
        3,
        "Number of Employees",
    )
    assert snapshot(engine) == before
    assert list_batches(engine) == []


def test_undo_takes_back_creations_and_restores_values(engine, tmp_path):
    base = import_files(engine, [HERE / "hubspot_companies_fr.csv"])
    before = snapshot(engine)
    later = tmp_path / "more.csv"
    later.write_text(
        "Record ID,Company name,Company Domain Name,Industry\n"
        "9,Boulangeries Dupont,dupont-pain.fr,Boulangerie industrielle\n"
        "10,Nouvelle Société,nouvelle.fr,Services\n",
        encoding="utf-8",
    )
    second = import_files(engine, [later, HERE / "hubspot_contacts_en.csv"])
    assert second.counts["accounts"].updated == 1
    undone = undo_import(engine, second.batch_id)
    assert undone.deleted["accounts"] == 1 and undone.restored["accounts"] == 1
    assert snapshot(engine) == before
    with pytest.raises(ValidationError, match="already undone"):
        undo_import(engine, second.batch_id)
    batches = list_batches(engine)
    assert [b.id for b in batches] == [second.batch_id, base.batch_id]
    assert batches[0].undone_at is not None and batches[1].undone_at is None


def test_undo_keeps_what_gained_data_since(engine):
    from abmdesk.services.interactions import log_interaction

    result = import_files(
        engine, [HERE / "salesforce_accounts.csv", HERE / "salesforce_contacts.csv"]
    )
    (account_id,) = [r[0] for r in rows(engine, "SELECT id FROM accounts")]
    import uuid

    log_interaction(engine, uuid.UUID(bytes=account_id), "call", dt.datetime(2025, 3, 1, 10, 0))
    undone = undo_import(engine, str(result.batch_id))
    assert undone.deleted["stakeholders"] == 2 and undone.kept["accounts"] == 1
    assert rows(engine, "SELECT name FROM accounts") == [("Transports Girard",)]
    assert "Kept" in undone.describe()


def _fake_calendar(events):
    def sniff(sample):
        return 100.0 if sample.text and sample.text.startswith("FAKECAL") else 0.0

    def read(path, options):
        return ParsedFile(str(path), "fakecal", "utf-8", events=list(events))

    return sniff, read


def test_events_become_meetings_once(engine, tmp_path, monkeypatch):
    import_files(engine, [HERE / "hubspot_companies_fr.csv", HERE / "hubspot_contacts_en.csv"])
    src = Source("cal.ics", 3)
    events = [
        EventRecord(
            src,
            "uid-1",
            dt.datetime(2025, 3, 10, 9, 0),
            60,
            "Revue du contrat",
            ["moi@mon-agence.fr", "helene.geraud@dupont-pain.fr"],
            "moi@mon-agence.fr",
        ),
        EventRecord(
            src, "uid-2", dt.datetime(2025, 3, 11, 14, 0), 30, "Appel", ["inconnu@amo.fr"], None
        ),
        EventRecord(
            src,
            "uid-2",
            dt.datetime(2025, 3, 18, 14, 0),
            30,
            "Appel (suite)",
            ["inconnu@amo.fr"],
            None,
        ),
        EventRecord(
            src, "uid-3", dt.datetime(2025, 3, 12, 14, 0), None, "Perso", ["ami@gmail.com"], None
        ),
    ]
    sniff, read = _fake_calendar(events)
    monkeypatch.setitem(detect._REGISTRY, "fakecal", detect.Format("fakecal", sniff, read))
    cal = tmp_path / "cal.ics"
    cal.write_text("FAKECAL\n", encoding="utf-8")
    first = import_files(engine, [cal])
    assert first.counts["meetings"] == type(first.counts["meetings"])(3, 0, 0, 1)
    got = rows(
        engine,
        "SELECT a.name, s.full_name, i.type_key, i.occurred_at, i.duration_minutes, i.notes "
        "FROM interactions i JOIN accounts a ON a.id = i.account_id "
        "LEFT JOIN stakeholders s ON s.id = i.stakeholder_id ORDER BY i.occurred_at",
    )
    assert got == [
        (
            "Boulangeries Dupont SARL",
            "Hélène Géraud",
            "meeting",
            "2025-03-10T09:00:00",
            60,
            "Revue du contrat",
        ),
        ("Ateliers Mécaniques de l'Ouest SAS", None, "meeting", "2025-03-11T14:00:00", 30, "Appel"),
        (
            "Ateliers Mécaniques de l'Ouest SAS",
            None,
            "meeting",
            "2025-03-18T14:00:00",
            30,
            "Appel (suite)",
        ),
    ]
    again = import_files(engine, [cal])
    assert again.counts["meetings"].created == 0 and again.counts["meetings"].unchanged == 3
    assert len(rows(engine, "SELECT id FROM interactions")) == 3
    undo_import(engine, first.batch_id)
    assert rows(engine, "SELECT id FROM interactions") == []
    assert import_files(engine, [cal]).counts["meetings"].created == 3


def test_a_contact_with_only_an_email_is_named_by_it_then_renamed(engine, tmp_path, monkeypatch):
    src = Source("x.csv", 2)
    first = [ContactRecord(src, "jo@acme.fr", email="jo@acme.fr", company="Acme")]
    second = [ContactRecord(src, "Jo Martin", email="JO@acme.fr", company="Acme", title="CEO")]
    files = iter([first, second])

    def read(path, options):
        return ParsedFile(str(path), "fake", "utf-8", contacts=next(files))

    monkeypatch.setitem(detect._REGISTRY, "fake", detect.Format("fake", lambda s: 0.0, read))
    path = tmp_path / "x.csv"
    path.write_text("x", encoding="utf-8")
    monkeypatch.setattr("abmdesk.services.imports.FORMATS", ("fake",))
    import_files(engine, [path], "fake")
    import_files(engine, [path], "fake")
    assert people(engine) == [("Acme", "Jo Martin", "jo@acme.fr", "CEO")]


# --------------------------------------------------------------------------- real files

#: Real file -> (accounts, stakeholders) created on a fresh database, or None if refused.
REAL = {
    "hubspot/hubspot_companies_export_REDACTED.csv": (8, 0),
    "salesforce/accountData.csv": (418, 0),
    "linkedin/six-hops_Connections.csv": (3, 3),
    "linkedin/sourcer_Connections.csv": (2, 2),
    "google_outlook_csv/roundcube_gmail_legacy_google.csv": (1, 1),
    "google_outlook_csv/thunderbird_csv_semicolon.csv": None,
    "salesforce/csvtext_BOM_UTF8.csv": None,
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_files_import_or_are_refused_and_reimport_changes_nothing(engine, samples, name):
    path = samples / name
    expected = REAL[name]
    if expected is None:
        with pytest.raises(DataError) as err:
            import_files(engine, [path])
        assert "\n" not in str(err.value) and str(err.value).startswith(path.name)
        return
    result = import_files(engine, [path])
    assert (result.counts["accounts"].created, result.counts["stakeholders"].created) == expected
    before = snapshot(engine)
    again = import_files(engine, [path])
    assert not again.changed and snapshot(engine) == before


def test_real_contacts_without_company_go_to_the_account_option(engine, samples):
    path = samples / "google_outlook_csv/thunderbird_csv_semicolon.csv"
    result = import_files(engine, [path], account="Doe")
    assert result.counts["stakeholders"].created == 2
    assert people(engine) == [
        ("Doe", "Jane Doe", "jane@doe.invalid", None),
        ("Doe", "John Doe", "john@doe.invalid", None),
    ]
    assert not import_files(engine, [path], account="Doe").changed


def test_all_real_files_at_once(engine, samples):
    paths = [samples / n for n, e in sorted(REAL.items()) if e is not None]
    first = import_files(engine, paths)
    assert first.counts["accounts"].created == 8 + 418 + 3 + 2 + 1
    assert not import_files(engine, paths).changed


# --------------------------------------------------------------------------- command line


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "abmdesk", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_cli_import_dry_run_undo_and_errors(tmp_path):
    db = tmp_path / "cli.db"
    done = cli("import", "--db", db, "--dry-run", HERE / "hubspot_companies_fr.csv")
    assert done.returncode == 0 and done.stdout.startswith("Would import")
    done = cli("import", "--db", db, HERE / "hubspot_companies_fr.csv", HERE / "outlook_fr.csv")
    assert done.returncode == 0, done.stderr
    batch = done.stdout.split("Batch ", 1)[1].split(" ", 1)[0]
    done = cli("import", "--db", db, "--undo", batch)
    assert done.returncode == 0 and done.stdout.startswith("Undid import batch")
    for args, code in [
        (("--format", "hubspot", HERE / "garbage.bin"), 1),
        ((HERE / "truncated.csv",), 1),
        ((HERE / "bad_employees.csv",), 1),
        ((tmp_path / "missing.csv",), 2),
        ((), 2),
        (("--undo", "not-a-batch"), 1),
        (("--format", "native", HERE / "outlook_fr.csv"), 2),
    ]:
        done = cli("import", "--db", db, *args)
        assert done.returncode == code, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "Traceback" not in done.stderr


def test_cli_native_bundle_still_works(tmp_path):
    db = tmp_path / "native.db"
    done = cli("import", "--db", db, "--format", "native", FIXTURES / "bundle_rich")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Imported")


def test_bundle_import_untouched_by_batches(engine):
    report = bundle.import_bundle(engine, FIXTURES / "bundle_rich")
    assert report.changed and list_batches(engine) == []


def test_a_cancel_from_progress_writes_nothing(engine):
    class Cancelled(Exception):
        pass

    def progress(step, done):
        if step == "stakeholders":
            raise Cancelled

    with pytest.raises(Cancelled):
        import_files(
            engine,
            [HERE / "hubspot_companies_fr.csv", HERE / "hubspot_contacts_en.csv"],
            progress=progress,
        )
    assert rows(engine, "SELECT count(*) FROM accounts") == [(0,)]
    assert list_batches(engine) == []


def test_excel_sep_line(engine, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text(
        "sep=;\nPrénom;Nom;Société;Adresse de messagerie;Fonction\n"
        "Jean;Dupont;Dupont, Fils & Cie;jean@dupont-fils.fr;Gérant\n",
        encoding="cp1252",
    )
    import_files(engine, [path])
    assert people(engine) == [
        ("Dupont, Fils & Cie", "Jean Dupont", "jean@dupont-fils.fr", "Gérant")
    ]


def test_preview_and_a_column_chosen_by_the_user(engine, tmp_path):
    from abmdesk.services.imports import preview_file

    path = tmp_path / "contacts.csv"
    path.write_text(
        "First Name,Last Name,E-mail Address,Company,Courriel pro,Business Phone\n"
        "Jean,Dupont,jean@gmail.com,Dupont Fils,jean.dupont@dupont-fils.fr,01 02\n",
        encoding="utf-8",
    )
    preview = preview_file(path)
    assert (preview.format, preview.encoding) == ("outlook", "utf-8")
    assert preview.headers[4] == "Courriel pro"
    assert preview.mapping["contacts.email"] == "E-mail Address"
    assert preview.mapping["contacts.notes"] is None
    assert preview.rows == (
        ("Jean", "Dupont", "jean@gmail.com", "Dupont Fils", "jean.dupont@dupont-fils.fr", "01 02"),
    )
    chosen = {str(path): {"contacts.email": "Courriel pro", "contacts.phone": None}}
    import_files(engine, [path], mappings=chosen)
    assert rows(engine, "SELECT email, phone FROM stakeholders") == [
        ("jean.dupont@dupont-fils.fr", None)
    ]
    with pytest.raises(DataError, match="no column 'Fax'"):
        import_files(engine, [path], mappings={path.name: {"contacts.phone": "Fax"}})


def test_preview_of_a_calendar_has_no_columns(samples):
    from abmdesk.interop.formats import detect as d
    from abmdesk.services.imports import preview_file

    if "ics" not in d.formats():
        pytest.skip("no iCalendar reader registered")
    preview = preview_file(samples / "ics/icalendar_example.ics")
    assert preview.format == "ics" and preview.headers == ()


def test_the_tools_ids_link_contacts_to_companies_of_an_earlier_import(engine, tmp_path):
    import_files(engine, [HERE / "salesforce_accounts.csv"])
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        '"ID","ACCOUNTID","FIRSTNAME","LASTNAME","EMAIL"\n'
        '"003A1","001A000001aaaaaAAA","Luc","Bernard",""\n',
        encoding="utf-8",
    )
    import_files(engine, [contacts])  # no company name, no e-mail: only the account id
    assert people(engine) == [("Transports Girard", "Luc Bernard", None, None)]


def test_a_contact_without_a_name_is_named_by_its_email_or_skipped(engine, tmp_path, monkeypatch):
    src = Source("cards.vcf", 1)
    contacts = [
        ContactRecord(src, None, email="anne@acme.fr", company="Acme"),
        ContactRecord(Source("cards.vcf", 9), "  ", company="Acme"),
    ]

    def read(path, options):
        return ParsedFile(str(path), "fake", "utf-8", contacts=list(contacts))

    monkeypatch.setitem(detect._REGISTRY, "fake", detect.Format("fake", lambda s: 0.0, read))
    monkeypatch.setattr("abmdesk.services.imports.FORMATS", ("fake",))
    path = tmp_path / "cards.vcf"
    path.write_text("x", encoding="utf-8")
    result = import_files(engine, [path], "fake")
    assert people(engine) == [("Acme", "anne@acme.fr", "anne@acme.fr", None)]
    assert [(s.source.line, s.reason) for s in result.skipped] == [(9, "no name nor e-mail")]


def test_salesforce_data_loader_opportunities(engine):
    import_files(engine, [HERE / "salesforce_accounts.csv", HERE / "salesforce_opportunities.csv"])
    deals = rows(
        engine,
        "SELECT a.name, d.name, d.amount_cents, d.status, d.opened_at, d.closed_at FROM deals d "
        "JOIN accounts a ON a.id = d.account_id ORDER BY 2",
    )
    # CLOSEDATE of an open deal is only expected: not a closing date. UTC → Paris time.
    assert deals == [
        (
            "Transports Girard",
            "Audit sécurité",
            950000,
            "won",
            "2024-12-01T15:30:00",
            "2025-02-28T00:00:00",
        ),
        ("Transports Girard", "Flotte 2025", 4800000, "open", "2025-01-10T10:00:00", None),
    ]
    assert rows(engine, "SELECT stage FROM stage_changes") == [("negotiation",)]


def test_contacts_with_only_an_email_find_the_account_made_in_the_same_import(engine, tmp_path):
    # The e-mail-only card comes first: its account is made by the second card.
    vcf = tmp_path / "cards.vcf"
    vcf.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Léa Roux\r\nEMAIL:lea.roux@acme-sas.fr\r\n"
        "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marc Petit\r\nORG:Acme SAS\r\n"
        "EMAIL:marc.petit@acme-sas.fr\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    first = import_files(engine, [vcf])
    assert first.counts["stakeholders"].created == 2
    second = import_files(engine, [vcf])
    assert not second.changed
    with engine.connect() as conn:
        people = conn.execute(text("SELECT count(*) FROM stakeholders")).scalar()
    assert people == 2
