"""Exports for other tools: CSV (French Excel and plain), XLSX, vCard; safety; CLI."""

# ruff: noqa: E501 - the bundle files below are data, one row a line

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine

from abmdesk.cli import main
from abmdesk.errors import AbmError
from abmdesk.interop import exports as writers
from abmdesk.interop.formats import vcard
from abmdesk.services.bundle import import_bundle
from abmdesk.services.exports import columns, export_table

ACCOUNTS = """name,domain,sector,employees,country,tier,is_target,target_since,committee_size,retention_years,owner
Boulangerie Dupré & Fils,dupre.fr,Agroalimentaire,12,FR,2,oui,2025-01-15,4,2.5,Élodie Martin
"Café ""Le Zinc"", Lyon",lezinc.fr,Restauration,8,FR,3,non,,,,
"@SOMME(A1:A9)",evil.fr,,,,,,,,,
"""
STAKEHOLDERS = """account,full_name,title,email,phone,role,attitude,reports_to,placeholder
Boulangerie Dupré & Fils,Jean Dupré,Gérant,jean@dupre.fr,+33 1 23 45 67 89,decision_maker,champion,,false
Boulangerie Dupré & Fils,Chloé Dupré,"Responsable achats, logistique; qualité",chloe@dupre.fr,,sponsor,,jean@dupre.fr,
Boulangerie Dupré & Fils,Directeur financier — à trouver,,,,,,,true
"Café ""Le Zinc"", Lyon",Marie-Hélène de La Fontaine-Saint-Exupéry,"-Directrice, très longue fonction qui dépasse largement soixante-quinze octets",mh@lezinc.fr,,end_user,,,
"""
INTERACTIONS = """account,type,occurred_at,stakeholder,duration_minutes,logged_by,notes
Boulangerie Dupré & Fils,meeting,2025-03-04T10:00,jean@dupre.fr,45,Élodie Martin,"Rendez-vous : ""on signe""
bientôt"
Boulangerie Dupré & Fils,call,2025-03-05T09:30:15,,,,"+33 rappeler"
"Café ""Le Zinc"", Lyon",web_visit,2025-03-06T08:00,,,,"	tab"
"""
DEALS = """account,name,created_at,amount,status,closed_at,owner
Boulangerie Dupré & Fils,Four à sole,2025-02-01T09:00,18500.5,won,2025-04-15T17:30,Élodie Martin
Boulangerie Dupré & Fils,"=1+1",2025-05-01T10:00:00,2400,,,
"""
STAGES = """account,deal,stage,entered_at
Boulangerie Dupré & Fils,Four à sole,discovery,2025-02-01T09:00
Boulangerie Dupré & Fils,Four à sole,proposal,2025-03-01T09:00
"""


@pytest.fixture
def filled(engine: Engine, tmp_path: Path) -> Engine:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for name, text in (
        ("accounts.csv", ACCOUNTS),
        ("stakeholders.csv", STAKEHOLDERS),
        ("interactions.csv", INTERACTIONS),
        ("deals.csv", DEALS),
        ("stage_changes.csv", STAGES),
    ):
        (bundle / name).write_text(text, encoding="utf-8")
    import_bundle(engine, bundle)
    return engine


def read_csv(path: Path, sep: str) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read accents
    assert b"\r\n" in raw
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=sep))


def test_neutralise():
    for text in ("=1+1", "+33 1 23", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert writers.neutralise(text) == "'" + text
    for text in ("Dupré", "", "1=1", " =x", "'déjà"):
        assert writers.neutralise(text) == text


def test_csv_for_french_excel(filled: Engine, tmp_path: Path):
    out = tmp_path / "deals.csv"
    result = export_table(filled, "deals", out, "csv")
    assert result.rows == 2
    rows = read_csv(out, ";")
    assert rows[0] == list(columns("deals"))
    by_name = {r[1]: r for r in rows[1:]}
    four = by_name["Four à sole"]
    assert four == [
        "Boulangerie Dupré & Fils",
        "Four à sole",
        "2025-02-01 09:00:00",
        "18500,50",  # decimal comma with ';'
        "won",
        "proposal",  # the current stage
        "2025-04-15 17:30:00",
        "Élodie Martin",
    ]
    assert "'=1+1" in by_name  # a deal named like a formula stays text
    assert by_name["'=1+1"][3] == "2400,00"


def test_csv_with_commas_and_neutralised_cells(filled: Engine, tmp_path: Path):
    out = tmp_path / "interactions.csv"
    export_table(filled, "interactions", out, "csv", sep=",")
    rows = read_csv(out, ",")
    assert rows[0] == list(columns("interactions"))
    notes = [r[-1] for r in rows[1:]]
    assert notes == ['Rendez-vous : "on signe"\nbientôt', "'+33 rappeler", "'\ttab"]
    assert rows[1][2:6] == ["2025-03-04 10:00:00", "Jean Dupré", "jean@dupre.fr", "45"]
    out = tmp_path / "accounts.csv"
    export_table(filled, "accounts", out, "csv", sep=",")
    rows = read_csv(out, ",")
    names = [r[0] for r in rows[1:]]
    assert "'@SOMME(A1:A9)" in names
    dupre = next(r for r in rows if r[0] == "Boulangerie Dupré & Fils")
    assert dupre[6:10] == ["true", "2025-01-15", "4", "2.5"]  # decimal point with ','


def test_headers_and_value_labels(filled: Engine, tmp_path: Path):
    out = tmp_path / "stakeholders.csv"
    export_table(
        filled,
        "stakeholders",
        out,
        "csv",
        headers={"account": "Compte", "full_name": "Nom", "role": "Rôle"},
        value_labels={
            "role": {"decision_maker": "Décideur"},
            "placeholder": {"true": "oui", "false": "non"},
        },
    )
    rows = read_csv(out, ";")
    assert rows[0][:3] == ["Compte", "Nom", "title"]
    jean = next(r for r in rows if r[1] == "Jean Dupré")
    assert jean[3:] == ["jean@dupre.fr", "'+33 1 23 45 67 89", "Décideur", "champion", "", "non"]
    chloe = next(r for r in rows if r[1] == "Chloé Dupré")
    assert chloe[7] == "Jean Dupré"  # the manager by name


def test_xlsx(filled: Engine, tmp_path: Path):
    from openpyxl import load_workbook

    out = tmp_path / "deals.xlsx"
    assert export_table(filled, "deals", out, "xlsx").rows == 2
    ws = load_workbook(out).active
    assert ws.title == "deals"
    values = list(ws.values)
    assert list(values[0]) == list(columns("deals"))
    four = next(v for v in values if v[1] == "Four à sole")
    assert four[2] == dt.datetime(2025, 2, 1, 9, 0)
    assert four[3] == 18500.5
    assert ws.freeze_panes == "A2"
    formula = next(row for row in ws.iter_rows(min_row=2) if row[1].value == "'=1+1")
    assert formula[1].data_type == "s"  # text, never a formula
    out = tmp_path / "accounts.xlsx"
    export_table(filled, "accounts", out, "xlsx")
    rows = list(load_workbook(out).active.values)
    dupre = next(r for r in rows if r[0] == "Boulangerie Dupré & Fils")
    assert dupre[6] is True and dupre[7] == dt.datetime(2025, 1, 15)
    assert any(r[0] == "'@SOMME(A1:A9)" for r in rows)


def test_vcard_reads_back(filled: Engine, tmp_path: Path):
    out = tmp_path / "contacts.vcf"
    result = export_table(filled, "stakeholders", out, "vcard")
    assert result.rows == 3  # the empty seat is not a person
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    raw.decode("utf-8")  # folding never cuts a character in two
    people = {c.full_name: c for c in vcard.read(out).contacts}
    assert set(people) == {
        "Jean Dupré",
        "Chloé Dupré",
        "Marie-Hélène de La Fontaine-Saint-Exupéry",
    }
    chloe = people["Chloé Dupré"]
    assert (chloe.email, chloe.company, chloe.title) == (
        "chloe@dupre.fr",
        "Boulangerie Dupré & Fils",
        "Responsable achats, logistique; qualité",
    )
    assert people["Jean Dupré"].phone == "+33 1 23 45 67 89"  # no spreadsheet here
    long = people["Marie-Hélène de La Fontaine-Saint-Exupéry"]
    assert long.title.startswith("-Directrice, très longue")
    assert long.company == 'Café "Le Zinc", Lyon'
    assert chloe.external_id.startswith("urn:uuid:")
    assert b"N:Dupr\xc3\xa9;Chlo\xc3\xa9;;;" in raw
    with pytest.raises(AbmError, match="holds people"):
        export_table(filled, "deals", tmp_path / "x.vcf", "vcard")


def test_written_through_a_temp_file(filled: Engine, tmp_path: Path):
    out = tmp_path / "interactions.csv"
    out.write_text("old", encoding="utf-8")

    def cancel(rows: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_table(filled, "interactions", out, "csv", progress=cancel)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    seen: list[int] = []
    export_table(filled, "interactions", out, "xlsx", progress=seen.append)
    assert seen[-1] == 3
    with pytest.raises(AbmError, match="no such folder"):
        export_table(filled, "accounts", tmp_path / "nowhere" / "a.csv", "csv")
    with pytest.raises(AbmError, match="is a folder"):
        export_table(filled, "accounts", tmp_path, "csv")
    with pytest.raises(AbmError, match="unknown table"):
        export_table(filled, "costs", tmp_path / "c.csv", "csv")
    with pytest.raises(AbmError, match="separator"):
        export_table(filled, "accounts", tmp_path / "c.csv", "csv", sep="|")


def test_xlsx_refused_at_once_when_too_big(
    filled: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(writers, "XLSX_MAX_ROWS", 3)
    with pytest.raises(AbmError, match="3 interactions: too many for one Excel sheet"):
        export_table(filled, "interactions", tmp_path / "i.xlsx", "xlsx")
    assert list(tmp_path.glob("*.xlsx")) == []


def test_xlsx_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(writers, "XLSX_MAX_ROWS", 3)
    with pytest.raises(AbmError, match="too many for one Excel sheet"):
        writers.write_xlsx(tmp_path / "x.xlsx", ["a"], [[1], [2], [3]])
    assert not (tmp_path / "x.xlsx").exists()
    assert writers.write_xlsx(tmp_path / "x.xlsx", ["a"], [["x\x01y"], [2]]) == 2


def test_cli(filled: Engine, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "comptes.csv"
    assert (
        main(["export", "--db", str(db_path), "--format", "csv", "--what", "accounts", str(out)])
        == 0
    )
    assert "3 rows (accounts, csv)" in capsys.readouterr().out
    assert read_csv(out, ";")[0][0] == "name"
    out = tmp_path / "contacts.vcf"
    assert main(["export", "--db", str(db_path), "--format", "vcard", str(out)]) == 0
    assert len(vcard.read(out).contacts) == 3
    out = tmp_path / "deals.xlsx"
    args = ["export", "--db", str(db_path), "--format", "xlsx", "--what", "deals", str(out)]
    assert main(args) == 0 and out.exists()
    folder = tmp_path / "bundle_out"
    assert main(["export", "--db", str(db_path), "--format", "native", str(folder)]) == 0
    assert (folder / "accounts.csv").exists()
    assert main(["export", "--db", str(db_path), str(tmp_path / "default")]) == 0
    assert (tmp_path / "default" / "deals.csv").exists()
    capsys.readouterr()
    for bad in (
        ["--format", "csv", str(tmp_path / "a.csv")],
        ["--format", "vcard", "--what", "deals", str(tmp_path / "a.vcf")],
        ["--format", "xlsx", "--what", "deals", "--sep", ";", str(tmp_path / "a.xlsx")],
        ["--format", "native", "--what", "deals", str(tmp_path / "d")],
        ["--format", "csv", "--what", "deals", str(tmp_path)],
    ):
        assert main(["export", "--db", str(db_path), *bad]) == 2, bad
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
    missing = str(tmp_path / "no" / "a.csv")
    assert (
        main(["export", "--db", str(db_path), "--format", "csv", "--what", "deals", missing]) == 1
    )
    assert "no such folder" in capsys.readouterr().err
