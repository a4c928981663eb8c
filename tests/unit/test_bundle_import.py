"""Import of the native bundle (SPEC 2): good files, and every kind of bad input refused
with its file, line and column, the database left exactly as it was."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from abmdesk.cli import main
from abmdesk.errors import DataError
from abmdesk.services.bundle import import_bundle
from tests.conftest import FIXTURES

RICH = FIXTURES / "bundle_rich"


def dump(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table in a stable order, and the schema: the whole database."""
    with engine.connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).scalars()
        content = {
            name: sorted(conn.exec_driver_sql(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in sorted(names)
        }
        schema = conn.exec_driver_sql("SELECT type, name, sql FROM sqlite_master ORDER BY 2")
        return content | {"(schema)": schema.fetchall()}


def scalar(engine: Engine, sql: str, **params: object) -> object:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def rows(engine: Engine, sql: str, **params: object) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def bundle_copy(tmp_path: Path, source: Path = RICH, name: str = "bundle") -> Path:
    folder = tmp_path / name
    shutil.copytree(source, folder)
    return folder


# ------------------------------------------------------------------ good bundles


def test_rich_bundle_imports_every_file(engine):
    report = import_bundle(engine, RICH)
    counts = {name: (c.created, c.updated, c.unchanged) for name, c in report.files.items()}
    assert counts == {
        "accounts.csv": (4, 0, 0),
        "stakeholders.csv": (11, 0, 0),
        "interactions.csv": (12, 0, 0),
        "deals.csv": (5, 0, 0),
        "stage_changes.csv": (10, 0, 0),
        "contracts.csv": (4, 0, 0),
        "costs.csv": (6, 0, 0),
        "interaction_types.csv": (2, 1, 0),
    }
    assert report.changed
    summary = report.describe()
    assert "accounts.csv 4 created" in summary and "\n" not in summary


def test_accounts_values_bom_quotes_and_unknown_columns(engine):
    import_bundle(engine, RICH)  # accounts.csv starts with a BOM and has a crm_id column
    got = rows(
        engine,
        "SELECT name, domain, sector, employees, country, tier, is_target, target_since, "
        "committee_size, retention_years, owner FROM accounts ORDER BY name",
    )
    assert got == [
        (
            "Boulangerie Dupré & Fils",
            "dupre.fr",
            "Agroalimentaire",
            12,
            "FR",
            "2",
            1,
            "2025-01-15",
            4,
            2.5,
            "Élodie Martin",
        ),
        (
            'Café "Le Zinc", Lyon',
            "lezinc.fr",
            "Restauration",
            8,
            "FR",
            "3",
            0,
            None,
            None,
            None,
            None,
        ),
        (
            "Société Générale d'Électronique",
            "sge.fr",
            "Électronique",
            5400,
            "FR",
            "1",
            1,
            None,
            8,
            7.0,
            "Jérôme Leroy",
        ),
        ("Zeta Industries", None, None, None, None, None, 0, None, None, None, None),
    ]


def test_stakeholders_reporting_lines_by_email_and_by_name(engine):
    import_bundle(engine, RICH)
    got = dict(
        rows(
            engine,
            "SELECT s.full_name, m.full_name FROM stakeholders s "
            "LEFT JOIN stakeholders m ON m.id = s.reports_to_id "
            "WHERE s.full_name <> 'Siège à pourvoir'",
        )
    )
    assert got == {
        "Jean Dupré": None,
        "Chloé Dupré": "Jean Dupré",  # by email
        "Marc Øster": "Chloé Dupré",  # by full name
        "DAF — inconnu": "Jean Dupré",
        "Zoé Brun": None,
        "Hélène Faure": None,
        "Paul Girard": "Hélène Faure",
        "Inès Roux": "Paul Girard",  # email in another case
        "Luc Bernard": "Paul Girard",  # full name of someone who has an email
    }
    placeholders = rows(
        engine, "SELECT full_name, title FROM stakeholders WHERE placeholder ORDER BY 1, 2"
    )
    assert placeholders == [
        ("DAF — inconnu", "Directeur financier"),
        ("Siège à pourvoir", None),
        ("Siège à pourvoir", "Serveur"),
    ]
    assert scalar(engine, "SELECT email FROM stakeholders WHERE full_name = 'Paul Girard'") == (
        "Paul.Girard@SGE.fr"
    )


def test_interactions_notes_and_types(engine):
    import_bundle(engine, RICH)
    note = scalar(engine, "SELECT notes FROM interactions WHERE type_key = 'call'")
    assert note == "Appel de suivi\ndeuxième ligne, avec virgule\ntroisième ligne"
    assert scalar(engine, "SELECT notes FROM interactions WHERE type_key = 'email_open'") == (
        "  espaces gardés  "
    )
    assert scalar(engine, "SELECT notes FROM interactions WHERE type_key = 'meeting'") == (
        'Rendez-vous, très positif : "on signe" bientôt'
    )
    got = rows(
        engine,
        "SELECT i.occurred_at, i.day, s.full_name, i.duration_minutes, i.logged_by "
        "FROM interactions i LEFT JOIN stakeholders s ON s.id = i.stakeholder_id "
        "WHERE i.type_key = 'call'",
    )
    day = (dt.date(2025, 3, 5) - dt.date(1970, 1, 1)).days
    assert got == [("2025-03-05T09:30:15", day, "Chloé Dupré", 10, "Élodie Martin")]
    assert scalar(engine, "SELECT count(*) FROM interactions WHERE stakeholder_id IS NULL") == 4
    assert scalar(engine, "SELECT count(*) FROM interactions WHERE type_key = 'web_visit'") == 2
    types = dict(
        rows(engine, "SELECT key, points || '/' || coalesce(label, '') FROM interaction_types")
    )
    assert types["trade_show"] == "25/Salon professionnel"
    assert types["meeting"] == "60/Meeting"  # new points, label kept
    assert types["webinar"] == "3/"
    assert types["call"] == "10/Call"


def test_deals_stages_contracts_costs(engine):
    import_bundle(engine, RICH)
    deals = rows(
        engine,
        "SELECT name, opened_at, amount_cents, status, closed_at, owner FROM deals ORDER BY name",
    )
    assert deals[0] == (
        "Banc de test",
        "2024-11-05T14:00:00",
        12500000,
        "won",
        "2025-03-31T18:00:00",
        "Jérôme Leroy",
    )
    assert (
        "Four à sole",
        "2025-02-01T09:00:00",
        1850050,
        "won",
        "2025-04-15T17:30:00",
        "Élodie Martin",
    ) in deals
    assert (
        "Maintenance, contrat 2026",
        "2025-05-01T10:00:00",
        240000,
        "open",
        None,
        "Élodie Martin",
    ) in deals
    assert ("Extension", "2025-04-01T09:00:00", None, "open", None, "Jérôme Leroy") in deals
    stages = rows(
        engine,
        "SELECT c.stage, c.entered_at FROM stage_changes c JOIN deals d ON d.id = c.deal_id "
        "WHERE d.name = 'Four à sole' ORDER BY c.entered_at",
    )
    assert [s for s, _ in stages] == ["discovery", "first_meeting", "proposal", "negotiation"]
    contracts = rows(
        engine, "SELECT kind, annual_value_cents, start_date, end_date FROM contracts ORDER BY 2"
    )
    assert contracts[0] == ("upsell", 120000, "2025-06-01", None)
    assert contracts[1] == ("new", 1850050, "2025-04-15", "2028-04-15")
    assert contracts.count(("new", 12500000, "2025-04-01", None)) == 2
    costs = rows(
        engine,
        "SELECT c.date, c.amount_cents, c.program, c.category, a.name, c.description FROM costs c "
        "LEFT JOIN accounts a ON a.id = c.account_id ORDER BY c.date",
    )
    assert costs == [
        ("2025-01-31", 450000, "abm", "staff", None, "Salaire ABM janvier"),
        ("2025-02-15", 12050, "abm", "tools", None, 'Licence "CRM", février'),
        ("2025-03-01", -5000, "abm", "tools", None, "Avoir fournisseur"),
        ("2025-03-10", 80000, "abm", "events", "Boulangerie Dupré & Fils", "Stand salon\nParis"),
        ("2025-03-11", 30000, "other", "campaign", None, None),
        ("2025-03-12", 7525, "abm", None, "Société Générale d'Électronique", None),
    ]


def test_every_file_is_optional(engine, tmp_path):
    folder = tmp_path / "only_types"
    folder.mkdir()
    (folder / "interaction_types.csv").write_text("type,points\ncall,12\n", encoding="utf-8")
    report = import_bundle(engine, folder)
    assert list(report.files) == ["interaction_types.csv"]
    assert "Not in the folder: accounts.csv" in report.describe()
    assert scalar(engine, "SELECT points FROM interaction_types WHERE key = 'call'") == 12


def test_empty_folder_imports_nothing(engine, tmp_path):
    before = dump(engine)
    report = import_bundle(engine, tmp_path)
    assert report.files == {} and not report.changed
    assert "Nothing imported" in report.describe()
    assert dump(engine) == before


def test_minimal_columns_crlf_and_spreadsheet_habits(engine, tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "Accounts.CSV").write_bytes(
        b"\xef\xbb\xbf Name ,IS_TARGET,notes\r\nAcme,Oui,x\r\n,,\r\n\r\nBeta,,\r\n"
    )
    (folder / "deals.csv").write_text(
        "created_at,name,account,amount,status,closed_at\n"
        "2025-01-02 09:30,Deal 1,Acme,1234.5,WON,2025-02-01 10:00:59\n",
        encoding="utf-8",
    )
    report = import_bundle(engine, folder)
    assert report.files["accounts.csv"].created == 2
    assert rows(engine, "SELECT name, is_target FROM accounts ORDER BY name") == [
        ("Acme", 1),
        ("Beta", 0),
    ]
    assert rows(engine, "SELECT opened_at, amount_cents, status, closed_at FROM deals") == [
        ("2025-01-02T09:30:00", 123450, "won", "2025-02-01T10:00:59")
    ]


def test_references_to_accounts_and_people_already_in_the_database(engine, tmp_path):
    import_bundle(engine, RICH)
    folder = tmp_path / "later"
    folder.mkdir()
    (folder / "interactions.csv").write_text(
        "account,type,occurred_at,stakeholder\n"
        "Zeta Industries,trade_show,2025-07-01T10:00,\n"
        "Boulangerie Dupré & Fils,call,2025-07-02T10:00,Marc Øster\n",
        encoding="utf-8",
    )
    report = import_bundle(engine, folder)
    assert report.files["interactions.csv"].created == 2
    assert scalar(engine, "SELECT count(*) FROM interactions") == 14


# ------------------------------------------------------------------ bad bundles

BAD = [
    # (file, content, "file, line N, column 'x'", words of the message)
    (
        "accounts.csv",
        "name,employees\nNouvelle SARL,3\nNouvelle SARL,4\n",
        "accounts.csv, line 3, column 'name'",
        "already appears on line 2",
    ),
    (
        "accounts.csv",
        "name,employees\nA,douze\n",
        "accounts.csv, line 2, column 'employees'",
        "not a whole number",
    ),
    (
        "accounts.csv",
        "name,employees\nA,-3\n",
        "accounts.csv, line 2, column 'employees'",
        "too small",
    ),
    (
        "accounts.csv",
        "name,is_target\nA,peut-être\n",
        "accounts.csv, line 2, column 'is_target'",
        "yes/no",
    ),
    (
        "accounts.csv",
        "name,target_since\nA,2025-02-30\n",
        "accounts.csv, line 2, column 'target_since'",
        "not a date",
    ),
    (
        "accounts.csv",
        "name,target_since\nA,15/01/2025\n",
        "accounts.csv, line 2, column 'target_since'",
        "YYYY-MM-DD",
    ),
    (
        "accounts.csv",
        "name,retention_years\nA,0\n",
        "accounts.csv, line 2, column 'retention_years'",
        "greater than 0",
    ),
    (
        "accounts.csv",
        "name,committee_size\nA,0\n",
        "accounts.csv, line 2, column 'committee_size'",
        "too small",
    ),
    (
        "accounts.csv",
        "name,domain\n ,x.fr\n",
        "accounts.csv, line 2, column 'name'",
        "value is required",
    ),
    (
        "accounts.csv",
        "domain,sector\nx.fr,Retail\n",
        "accounts.csv, line 1, column 'name'",
        "required column",
    ),
    ("accounts.csv", "name;domain\nA;x.fr\n", "accounts.csv, line 1, column 'name'", "';'"),
    ("accounts.csv", "name,name\nA,B\n", "accounts.csv, line 1, column 'name'", "twice"),
    ("accounts.csv", "name,domain\nA,x.fr,extra\n", "accounts.csv, line 2", "quotes"),
    ("accounts.csv", 'name,domain\nA,x.fr\n"B,y.fr\n', "accounts.csv, line 3", "never closed"),
    ("accounts.csv", 'name,domain\n"A"B,x.fr\n', "accounts.csv, line 2", "closing quote"),
    (
        "stakeholders.csv",
        "account,full_name,role\nZeta Industries,Ann,ceo\n",
        "stakeholders.csv, line 2, column 'role'",
        "unknown role 'ceo'",
    ),
    (
        "stakeholders.csv",
        "account,full_name,attitude\nZeta Industries,Ann,happy\n",
        "stakeholders.csv, line 2, column 'attitude'",
        "unknown attitude",
    ),
    (
        "stakeholders.csv",
        "account,full_name\nZeta Industries,Ann\nNo Such Co,Bob\n",
        "stakeholders.csv, line 3, column 'account'",
        "unknown account 'No Such Co'",
    ),
    (
        "stakeholders.csv",
        "account,full_name\nzeta industries,Bob\n",
        "stakeholders.csv, line 2, column 'account'",
        "did you mean 'Zeta Industries'",
    ),
    (
        "stakeholders.csv",
        "account,full_name,reports_to\nZeta Industries,Ann,jean@dupre.fr\n",
        "stakeholders.csv, line 2, column 'reports_to'",
        "of account 'Boulangerie Dupré & Fils', not of 'Zeta Industries'",
    ),
    (
        "stakeholders.csv",
        "account,full_name,reports_to\nZeta Industries,Ann,Nobody\n",
        "stakeholders.csv, line 2, column 'reports_to'",
        "no stakeholder 'Nobody'",
    ),
    (
        "stakeholders.csv",
        "account,full_name,email,reports_to\n"
        "Zeta Industries,Ann,ann@zeta.io,Bob\n"
        "Zeta Industries,Bob,,Cid\n"
        "Zeta Industries,Cid,,ann@zeta.io\n",
        "stakeholders.csv, line 4, column 'reports_to'",
        "reporting cycle",
    ),
    (
        "stakeholders.csv",
        "account,full_name,reports_to\nZeta Industries,Ann,Ann\n",
        "stakeholders.csv, line 2, column 'reports_to'",
        "cannot report to themselves",
    ),
    (
        "stakeholders.csv",
        "account,full_name,email\nZeta Industries,Ann,a@z.io\nZeta Industries,Bob,A@Z.io\n",
        "stakeholders.csv, line 3, column 'email'",
        "already the email",
    ),
    (
        "interactions.csv",
        'account,type,occurred_at,stakeholder\n"Café ""Le Zinc"", Lyon",call,2025-01-01T10:00,'
        "Siège à pourvoir\n",
        "interactions.csv, line 2, column 'stakeholder'",
        "names 2 stakeholders",
    ),
    (
        "interactions.csv",
        'account,type,occurred_at,notes\nZeta Industries,call,2025-01-01T10:00,"a\nb\nc"\n'
        "Zeta Industries,call,2025-13-01T10:00,x\n",
        "interactions.csv, line 5, column 'occurred_at'",
        "not a date-time",
    ),
    (
        "interactions.csv",
        'account,type,notes,occurred_at\nZeta Industries,call,"a\nb",2025-01-01\n',
        "interactions.csv, line 3, column 'occurred_at'",
        "not a date-time",
    ),
    (
        "interactions.csv",
        "account,type,occurred_at\nZeta Industries,fax,2025-01-01T10:00\n",
        "interactions.csv, line 2, column 'type'",
        "unknown interaction type 'fax'",
    ),
    (
        "interactions.csv",
        "account,type,occurred_at,stakeholder\nZeta Industries,call,2025-01-01T10:00,Ghost\n",
        "interactions.csv, line 2, column 'stakeholder'",
        "no stakeholder 'Ghost' in account 'Zeta Industries'",
    ),
    (
        "interactions.csv",
        "account,type,occurred_at,stakeholder\n"
        "Zeta Industries,call,2025-01-01T10:00,zoe@lezinc.fr\n",
        "interactions.csv, line 2, column 'stakeholder'",
        "not of 'Zeta Industries'",
    ),
    (
        "interactions.csv",
        "account,type,occurred_at,duration_minutes\nZeta Industries,call,2025-01-01T10:00,1.5\n",
        "interactions.csv, line 2, column 'duration_minutes'",
        "whole number",
    ),
    (
        "interactions.csv",
        "account,type,occurred_at\n,call,2025-01-01T10:00\n",
        "interactions.csv, line 2, column 'account'",
        "value is required",
    ),
    (
        "interactions.csv",
        "account,type\nZeta Industries,call\n",
        "interactions.csv, line 1, column 'occurred_at'",
        "required column",
    ),
    (
        "interactions.csv",
        "account,type,occurred_at\nAcme,call,2025-01-01T25:00\n",
        "interactions.csv, line 2, column 'occurred_at'",
        "not a date-time",
    ),
    (
        "deals.csv",
        "account,name,created_at,status\nZeta Industries,D,2025-01-01T10:00,won\n",
        "deals.csv, line 2, column 'status'",
        "needs its closed_at",
    ),
    (
        "deals.csv",
        "account,name,created_at,status,closed_at\nZeta Industries,D,2025-01-01T10:00,lost,\n",
        "deals.csv, line 2, column 'closed_at'",
        "needs its closed_at",
    ),
    (
        "deals.csv",
        "account,name,created_at,status,closed_at\n"
        "Zeta Industries,D,2025-01-01T10:00,won,2024-12-01T10:00\n",
        "deals.csv, line 2, column 'closed_at'",
        "before created_at",
    ),
    (
        "deals.csv",
        "account,name,created_at,status\nZeta Industries,D,2025-01-01T10:00,pending\n",
        "deals.csv, line 2, column 'status'",
        "unknown deal status 'pending'",
    ),
    (
        "deals.csv",
        "account,name,created_at,amount\nZeta Industries,D,2025-01-01T10:00,12.345\n",
        "deals.csv, line 2, column 'amount'",
        "more than 2 decimals",
    ),
    (
        "deals.csv",
        "account,name,created_at,amount\nZeta Industries,D,2025-01-01T10:00,-10\n",
        "deals.csv, line 2, column 'amount'",
        "negative",
    ),
    (
        "deals.csv",
        'account,name,created_at,amount\nZeta Industries,D,2025-01-01T10:00,"1 000,50"\n',
        "deals.csv, line 2, column 'amount'",
        "not an amount",
    ),
    (
        "deals.csv",
        "account,name,created_at\nZeta Industries,D,2025-01-01T10:00\n"
        "Zeta Industries,D,2025-01-02T10:00\n",
        "deals.csv, line 3, column 'name'",
        "already appears on line 2",
    ),
    (
        "stage_changes.csv",
        "account,deal,stage,entered_at\nSociété Générale d'Électronique,Extension,won,"
        "2025-05-01T10:00\n",
        "stage_changes.csv, line 2, column 'stage'",
        "unknown stage 'won'",
    ),
    (
        "stage_changes.csv",
        "account,deal,stage,entered_at\nZeta Industries,Extension,proposal,2025-05-01T10:00\n",
        "stage_changes.csv, line 2, column 'deal'",
        "no deal 'Extension' in account 'Zeta Industries'",
    ),
    (
        "contracts.csv",
        "account,kind,annual_value,start_date\nZeta Industries,renewal,100,2025-01-01\n",
        "contracts.csv, line 2, column 'kind'",
        "unknown contract kind",
    ),
    (
        "contracts.csv",
        "account,kind,annual_value,start_date,end_date\nZeta Industries,new,100,2025-01-01,"
        "2024-01-01\n",
        "contracts.csv, line 2, column 'end_date'",
        "before start_date",
    ),
    (
        "contracts.csv",
        "account,kind,annual_value,start_date\nZeta Industries,new,-100,2025-01-01\n",
        "contracts.csv, line 2, column 'annual_value'",
        "negative",
    ),
    (
        "costs.csv",
        "date,amount,program\n2025-01-01,100,marketing\n",
        "costs.csv, line 2, column 'program'",
        "unknown program",
    ),
    (
        "costs.csv",
        "date,amount,category\n2025-01-01,100,travel\n",
        "costs.csv, line 2, column 'category'",
        "unknown cost category",
    ),
    (
        "costs.csv",
        "date,amount,account\n2025-01-01,100,Ghost Ltd\n",
        "costs.csv, line 2, column 'account'",
        "unknown account 'Ghost Ltd'",
    ),
    (
        "costs.csv",
        "date,amount\n2025-01-01,cent euros\n",
        "costs.csv, line 2, column 'amount'",
        "not an amount",
    ),
    (
        "interaction_types.csv",
        "type,points\nwebinar,beaucoup\n",
        "interaction_types.csv, line 2, column 'points'",
        "whole number",
    ),
    (
        "interaction_types.csv",
        "type,points\nTrade Show,3\n",
        "interaction_types.csv, line 2, column 'type'",
        "lower-case letters",
    ),
    (
        "interaction_types.csv",
        "type,points\nwebinar,3\nWEBINAR,4\n",
        "interaction_types.csv, line 3, column 'type'",
        "already appears on line 2",
    ),
]


@pytest.fixture
def loaded(engine):
    """A database that already holds the rich bundle."""
    import_bundle(engine, RICH)
    return engine


@pytest.mark.parametrize(("name", "content", "where", "words"), BAD)
def test_bad_input_is_refused_with_its_place_and_nothing_is_written(
    loaded, tmp_path, name, content, where, words
):
    folder = bundle_copy(tmp_path)
    # Lines every other file would add or change, had the import not been all or nothing.
    with open(folder / "accounts.csv", "a", encoding="utf-8") as fh:
        fh.write("Nouvelle SARL,new.fr,,,,,,,,,,\n")
    (folder / "costs.csv").write_text("date,amount\n2030-01-01,1\n", encoding="utf-8")
    (folder / name).write_text(content, encoding="utf-8")
    before = dump(loaded)
    with pytest.raises(DataError) as info:
        import_bundle(loaded, folder)
    message = str(info.value)
    assert message.startswith(where + ":"), message
    assert words in message
    assert info.value.file == name
    assert dump(loaded) == before


def test_bad_input_into_an_empty_database_writes_nothing(engine, tmp_path):
    folder = bundle_copy(tmp_path)
    with open(folder / "interactions.csv", "a", encoding="utf-8") as fh:
        fh.write("Zeta Industries,call,demain,,,,\n")
    before = dump(engine)
    with pytest.raises(DataError, match=r"interactions.csv, line 16, column 'occurred_at'"):
        import_bundle(engine, folder)
    assert dump(engine) == before


def test_a_file_that_is_not_utf8_is_refused_with_its_line(loaded, tmp_path):
    folder = bundle_copy(tmp_path)
    (folder / "accounts.csv").write_bytes(
        "name,sector\nA,Industrie\nB,Électricité\n".encode("cp1252")
    )
    before = dump(loaded)
    with pytest.raises(DataError) as info:
        import_bundle(loaded, folder)
    assert str(info.value).startswith("accounts.csv, line 3: ")
    assert "UTF-8" in str(info.value)
    assert dump(loaded) == before


def test_late_non_utf8_bytes_in_a_big_file_are_found(engine, tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    lines = ["account,type,occurred_at"] + [
        f"A,call,2025-01-01T10:{i % 60:02d}" for i in range(5000)
    ]
    data = ("\n".join(lines) + "\n").encode() + "A,call,2025-01-02T10:00,caf\xe9\n".encode(
        "latin-1"
    )
    (folder / "interactions.csv").write_bytes(data)
    (folder / "accounts.csv").write_text("name\nA\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^interactions.csv, line 5002: .*UTF-8"):
        import_bundle(engine, folder)
    assert scalar(engine, "SELECT count(*) FROM accounts") == 0


def test_cycle_through_a_stored_reporting_line_is_refused(loaded, tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    # Stored: Marc reports to Chloé, who reports to Jean. Jean now to Marc: a loop.
    (folder / "stakeholders.csv").write_text(
        "account,full_name,email,reports_to\n"
        "Boulangerie Dupré & Fils,Jean Dupré,jean@dupre.fr,Marc Øster\n",
        encoding="utf-8",
    )
    before = dump(loaded)
    with pytest.raises(DataError) as info:
        import_bundle(loaded, folder)
    assert str(info.value).startswith("stakeholders.csv, line 2, column 'reports_to': ")
    assert "Jean Dupré → Marc Øster → Chloé Dupré → Jean Dupré" in str(info.value)
    assert dump(loaded) == before


def test_reporting_lines_may_be_rearranged_in_one_import(loaded, tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    # Stored: Chloé reports to Jean. Now Jean reports to Chloé, who reports to no one.
    (folder / "stakeholders.csv").write_text(
        "account,full_name,email,reports_to\n"
        "Boulangerie Dupré & Fils,Jean Dupré,jean@dupre.fr,chloe@dupre.fr\n"
        "Boulangerie Dupré & Fils,Chloé Dupré,chloe@dupre.fr,\n",
        encoding="utf-8",
    )
    report = import_bundle(loaded, folder)
    assert report.files["stakeholders.csv"].updated == 2
    got = dict(
        rows(
            loaded,
            "SELECT s.full_name, m.full_name FROM stakeholders s "
            "JOIN stakeholders m ON m.id = s.reports_to_id WHERE s.account_id = "
            "(SELECT id FROM accounts WHERE name = 'Boulangerie Dupré & Fils')",
        )
    )
    assert got == {
        "Jean Dupré": "Chloé Dupré",
        "Marc Øster": "Chloé Dupré",
        "DAF — inconnu": "Jean Dupré",
    }


def test_new_people_may_report_to_people_further_down_the_file(engine, tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "accounts.csv").write_text("name\nAcme\n", encoding="utf-8")
    (folder / "stakeholders.csv").write_text(
        "account,full_name,reports_to\nAcme,Ann,Bob\nAcme,Bob,Cid\nAcme,Cid,\n", encoding="utf-8"
    )
    assert import_bundle(engine, folder).files["stakeholders.csv"].created == 3
    chain = dict(
        rows(
            engine,
            "SELECT s.full_name, m.full_name FROM stakeholders s "
            "LEFT JOIN stakeholders m ON m.id = s.reports_to_id",
        )
    )
    assert chain == {"Ann": "Bob", "Bob": "Cid", "Cid": None}


# ------------------------------------------------------------------ command line


def test_cli_good_bundle_exit_0(db_path, capsys):
    assert main(["import", "--db", str(db_path), "--format", "native", str(RICH)]) == 0
    captured = capsys.readouterr()
    assert "accounts.csv 4 created" in captured.out
    assert captured.err == ""


def test_cli_bad_bundle_exit_1_one_line(db_path, tmp_path, capsys):
    folder = bundle_copy(tmp_path)
    (folder / "deals.csv").write_text(
        "account,name,created_at,status\nZeta Industries,D,2025-01-01T10:00,won\n",
        encoding="utf-8",
    )
    assert main(["import", "--db", str(db_path), "--format", "native", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "deals.csv, line 2, column 'status'" in err
    assert "Traceback" not in err
    assert main(["export", "--db", str(db_path), "--format", "native", str(tmp_path / "x")]) == 0
    assert (tmp_path / "x" / "accounts.csv").read_text(encoding="utf-8").count("\n") == 1


def test_cli_missing_folder_exit_2(db_path, tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert main(["import", "--db", str(db_path), "--format", "native", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere" in err


def test_a_name_shared_by_people_with_emails_is_ambiguous(loaded, tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "stakeholders.csv").write_text(
        "account,full_name,email\n"
        "Zeta Industries,Alex Martin,alex1@zeta.io\n"
        "Zeta Industries,Alex Martin,alex2@zeta.io\n",
        encoding="utf-8",
    )
    (folder / "interactions.csv").write_text(
        "account,type,occurred_at,stakeholder\n"
        "Zeta Industries,call,2025-01-01T10:00,alex2@zeta.io\n"
        "Zeta Industries,call,2025-01-01T11:00,Alex Martin\n",
        encoding="utf-8",
    )
    before = dump(loaded)
    with pytest.raises(DataError) as info:
        import_bundle(loaded, folder)
    assert str(info.value).startswith("interactions.csv, line 3, column 'stakeholder': ")
    assert "names 2 stakeholders" in str(info.value) and "by email" in str(info.value)
    assert dump(loaded) == before


def test_cli_error_stays_on_one_line_for_a_multi_line_value(db_path, tmp_path, capsys):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "accounts.csv").write_text(
        'name,target_since\nA,"2025-01-01\n' + "x" * 500 + '"\n', encoding="utf-8"
    )
    assert main(["import", "--db", str(db_path), "--format", "native", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and len(err) < 300
    assert "accounts.csv, line 2, column 'target_since': '2025-01-01\\nxxx" in err
