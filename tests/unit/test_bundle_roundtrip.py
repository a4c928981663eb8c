"""Export of the native bundle, lossless round trips, idempotent re-imports, merge rules."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from abmdesk.db.migrate import open_database
from abmdesk.errors import AbmError
from abmdesk.interop import native
from abmdesk.services.bundle import export_bundle, import_bundle
from tests.unit.test_bundle_import import RICH, bundle_copy, dump, rows, scalar


@pytest.fixture
def other_engine(tmp_path):
    eng = open_database(tmp_path / "other.db")
    yield eng
    eng.dispose()


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def read(folder: Path, name: str) -> list[list[str]]:
    with open(folder / name, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_export_of_an_empty_database_writes_every_file_with_its_header(engine, tmp_path):
    folder = tmp_path / "new" / "bundle"  # created with its parents
    report = export_bundle(engine, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(native.FILE_NAMES)
    for name in native.FILE_NAMES:
        header = ",".join(native.SPECS[name].column_names)
        expected = header + "\n"
        if name == "interaction_types.csv":
            assert (folder / name).read_text(encoding="utf-8").startswith(expected)
        else:
            assert (folder / name).read_text(encoding="utf-8") == expected
    assert report.files["accounts.csv"] == 0
    assert report.files["interaction_types.csv"] == 10  # the default types
    assert "accounts.csv 0 rows" in report.describe()


def test_lossless_round_trip_of_the_rich_bundle(engine, other_engine, tmp_path):
    import_bundle(engine, RICH)
    first, second = tmp_path / "first", tmp_path / "second"
    export_bundle(engine, first)
    import_bundle(other_engine, first)
    export_bundle(other_engine, second)
    assert files(first) == files(second)
    # Same content in both databases, ids and row timestamps aside.
    assert dump_content(engine) == dump_content(other_engine)


def dump_content(engine) -> list[tuple]:
    return rows(
        engine,
        "SELECT a.name, s.full_name, s.email, s.title, s.placeholder, m.full_name "
        "FROM stakeholders s JOIN accounts a ON a.id = s.account_id "
        "LEFT JOIN stakeholders m ON m.id = s.reports_to_id ORDER BY 1, 2, 3, 4",
    ) + rows(
        engine,
        "SELECT a.name, i.type_key, i.occurred_at, i.day, s.full_name, i.notes FROM interactions i "
        "JOIN accounts a ON a.id = i.account_id LEFT JOIN stakeholders s "
        "ON s.id = i.stakeholder_id ORDER BY 1, 2, 3, 4, 5, 6",
    )


def test_export_format(engine, tmp_path):
    import_bundle(engine, RICH)
    folder = tmp_path / "out"
    export_bundle(engine, folder)
    accounts = read(folder, "accounts.csv")
    assert accounts[0] == list(native.SPECS["accounts.csv"].column_names)  # no crm_id
    assert [r[0] for r in accounts[1:]] == sorted(r[0] for r in accounts[1:])
    assert accounts[1] == [
        "Boulangerie Dupré & Fils",
        "dupre.fr",
        "Agroalimentaire",
        "12",
        "FR",
        "2",
        "true",
        "2025-01-15",
        "4",
        "2.5",
        "Élodie Martin",
    ]
    assert accounts[4][6] == "false"
    deals = {r[1]: r for r in read(folder, "deals.csv")[1:]}
    assert deals["Four à sole"][2:6] == [
        "2025-02-01T09:00:00",
        "18500.50",
        "won",
        "2025-04-15T17:30:00",
    ]
    assert deals["Maintenance, contrat 2026"][3:6] == ["2400.00", "open", ""]
    assert deals["Extension"][3] == ""
    costs = read(folder, "costs.csv")
    assert ["2025-03-01", "-50.00", "abm", "tools", "", "Avoir fournisseur"] in costs
    people = {r[1]: r for r in read(folder, "stakeholders.csv")[1:]}
    assert people["Marc Øster"][7] == "chloe@dupre.fr"  # a manager with an email: by email
    assert people["DAF — inconnu"][8] == "true"
    assert people["Inès Roux"][7] == "Paul.Girard@SGE.fr"
    raw = (folder / "interactions.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert '"Appel de suivi\ndeuxième ligne, avec virgule\ntroisième ligne"'.encode() in raw


def test_reimport_changes_nothing(engine, tmp_path):
    first = import_bundle(engine, RICH)
    assert first.changed
    before = dump(engine)
    again = import_bundle(engine, RICH)
    assert not again.changed
    assert all(c.created == c.updated == 0 for c in again.files.values())
    assert again.files["interactions.csv"].unchanged == 12
    assert "nothing changed" in again.describe()
    assert dump(engine) == before
    # Its own export too.
    export_bundle(engine, tmp_path / "out")
    assert not import_bundle(engine, tmp_path / "out").changed
    assert dump(engine) == before


def test_identical_lines_are_counted(engine, tmp_path):
    import_bundle(engine, RICH)  # two identical web visits
    folder = tmp_path / "b"
    folder.mkdir()
    line = "Boulangerie Dupré & Fils,web_visit,2025-03-06T23:59:59,,,,\n"
    (folder / "interactions.csv").write_text(
        "account,type,occurred_at,stakeholder,duration_minutes,logged_by,notes\n" + line * 3,
        encoding="utf-8",
    )
    report = import_bundle(engine, folder)
    assert report.files["interactions.csv"].created == 1
    assert report.files["interactions.csv"].unchanged == 2
    assert scalar(engine, "SELECT count(*) FROM interactions WHERE type_key = 'web_visit'") == 3


def test_new_interactions_merge_into_stored_ones(engine, tmp_path):
    import_bundle(engine, RICH)
    folder = bundle_copy(tmp_path)
    with open(folder / "interactions.csv", "a", encoding="utf-8") as fh:
        fh.write('Zeta Industries,meeting,2025-06-02T12:00,,,,"Nouveau, ""vrai"""\n')
    report = import_bundle(engine, folder)
    assert report.files["interactions.csv"].created == 1
    assert report.files["interactions.csv"].unchanged == 12
    assert report.changed_files == ("interactions.csv",)
    assert (
        scalar(
            engine,
            "SELECT notes FROM interactions WHERE type_key = 'meeting' AND "
            "occurred_at = '2025-06-02T12:00:00'",
        )
        == 'Nouveau, "vrai"'
    )


def test_bundle_is_authoritative_for_the_columns_it_has(engine, tmp_path):
    import_bundle(engine, RICH)
    folder = tmp_path / "b"
    folder.mkdir()
    # No domain column: domains are kept. Empty sector and owner: cleared. is_target empty: false.
    (folder / "accounts.csv").write_text(
        "name,sector,employees,is_target,owner\n"
        "Boulangerie Dupré & Fils,,15,,\n"
        "Zeta Industries,Chimie,,,\n",
        encoding="utf-8",
    )
    report = import_bundle(engine, folder)
    assert (report.files["accounts.csv"].updated, report.files["accounts.csv"].unchanged) == (2, 0)
    got = rows(
        engine,
        "SELECT name, domain, sector, employees, is_target, target_since, owner FROM accounts "
        "WHERE name IN ('Boulangerie Dupré & Fils', 'Zeta Industries') ORDER BY name",
    )
    assert got == [
        ("Boulangerie Dupré & Fils", "dupre.fr", None, 15, 0, "2025-01-15", None),
        ("Zeta Industries", None, "Chimie", None, 0, None, None),
    ]
    assert not import_bundle(engine, folder).changed


def test_stakeholder_matching_and_updates(engine, tmp_path):
    import_bundle(engine, RICH)
    ids = dict(rows(engine, "SELECT full_name, id FROM stakeholders"))
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "stakeholders.csv").write_text(
        "account,full_name,title,email,phone,reports_to\n"
        # found by email (other case), renamed; phone column present and empty: cleared
        "Boulangerie Dupré & Fils,Jean-Pierre Dupré,Gérant,JEAN@dupre.fr,,\n"
        # found by name; an empty email never erases a known one
        'Boulangerie Dupré & Fils,Chloé Dupré,"Responsable achats, logistique",,,jean@dupre.fr\n'
        # found by name, gets an email
        "Boulangerie Dupré & Fils,Marc Øster,Chef boulanger,marc@dupre.fr,,Chloé Dupré\n"
        # a new person
        "Boulangerie Dupré & Fils,Nina Petit,Apprentie,,,marc@dupre.fr\n",
        encoding="utf-8",
    )
    report = import_bundle(engine, folder)
    counts = report.files["stakeholders.csv"]
    assert (counts.created, counts.updated, counts.unchanged) == (1, 2, 1)
    after = {
        r[0]: r[1:]
        for r in rows(engine, "SELECT full_name, id, email, phone, title, role FROM stakeholders")
    }
    assert after["Jean-Pierre Dupré"][:3] == (ids["Jean Dupré"], "JEAN@dupre.fr", None)
    assert after["Jean-Pierre Dupré"][4] == "decision_maker"  # no role column: kept
    assert after["Chloé Dupré"][:2] == (ids["Chloé Dupré"], "chloe@dupre.fr")
    assert after["Marc Øster"][:2] == (ids["Marc Øster"], "marc@dupre.fr")
    assert after["Marc Øster"][3] == "Chef boulanger"
    assert "Jean Dupré" not in after and "Nina Petit" in after
    assert not import_bundle(engine, folder).changed


def test_people_sharing_a_name_keep_their_identity(engine, tmp_path):
    import_bundle(engine, RICH)
    seats = dict(
        rows(
            engine,
            "SELECT coalesce(title, ''), id FROM stakeholders WHERE full_name = 'Siège à pourvoir'",
        )
    )
    folder = tmp_path / "b"
    folder.mkdir()
    # The same two seats, listed the other way round: matched by their other values.
    (folder / "stakeholders.csv").write_text(
        "account,full_name,title,placeholder\n"
        '"Café ""Le Zinc"", Lyon",Siège à pourvoir,Serveur,true\n'
        '"Café ""Le Zinc"", Lyon",Siège à pourvoir,,true\n',
        encoding="utf-8",
    )
    report = import_bundle(engine, folder)
    assert report.files["stakeholders.csv"].unchanged == 2
    assert (
        dict(
            rows(
                engine,
                "SELECT coalesce(title, ''), id FROM stakeholders "
                "WHERE full_name = 'Siège à pourvoir'",
            )
        )
        == seats
    )


def test_deals_matched_by_account_and_name(engine, tmp_path):
    import_bundle(engine, RICH)
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "deals.csv").write_text(
        "account,name,created_at,status,closed_at\n"
        "Société Générale d'Électronique,Extension,2025-04-01T09:00,won,2025-06-30T12:00\n"
        "Zeta Industries,Extension,2025-04-01T09:00,,\n",
        encoding="utf-8",
    )
    (folder / "stage_changes.csv").write_text(
        "account,deal,stage,entered_at\n"
        "Société Générale d'Électronique,Extension,discovery,2025-04-01T09:00:00\n"
        "Société Générale d'Électronique,Extension,proposal,2025-05-01T09:00\n"
        "Zeta Industries,Extension,discovery,2025-04-01T09:00\n",
        encoding="utf-8",
    )
    report = import_bundle(engine, folder)
    assert report.files["deals.csv"].created == 1 and report.files["deals.csv"].updated == 1
    assert report.files["stage_changes.csv"].created == 2
    assert report.files["stage_changes.csv"].unchanged == 1
    got = rows(
        engine,
        "SELECT d.amount_cents, d.status, d.closed_at, d.owner FROM deals d "
        "JOIN accounts a ON a.id = d.account_id "
        "WHERE a.name LIKE 'Soci%' AND d.name = 'Extension'",
    )
    assert got == [(None, "won", "2025-06-30T12:00:00", "Jérôme Leroy")]
    assert not import_bundle(engine, folder).changed


def test_a_failed_export_leaves_the_folder_as_it_was(engine, tmp_path, monkeypatch):
    import_bundle(engine, RICH)
    folder = tmp_path / "out"
    export_bundle(engine, folder)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    before = files(folder)
    real = native._write_csv
    calls = []

    def failing(path, spec, rows):
        calls.append(spec.name)
        if spec.name == "deals.csv":
            raise OSError(28, "No space left on device")
        return real(path, spec, rows)

    monkeypatch.setattr(native, "_write_csv", failing)
    with pytest.raises(AbmError, match="No space left on device"):
        export_bundle(engine, folder)
    assert calls[-1] == "deals.csv"
    assert files(folder) == before  # no half-written file, no temporary file left


def test_export_refuses_a_folder_it_cannot_create(engine, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(AbmError, match="cannot create the folder"):
        export_bundle(engine, blocker / "bundle")


def test_large_round_trip_stays_lossless(engine, other_engine, tmp_path):
    """A few thousand generated rows through the fast paths (bulk insert, index rebuild)."""
    folder = tmp_path / "gen"
    folder.mkdir()
    accounts = [f"Compte {i:03d}, « test »" for i in range(60)]
    with open(folder / "accounts.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "is_target", "employees"])
        w.writerows([a, "true" if i % 2 else "false", i] for i, a in enumerate(accounts))
    with open(folder / "stakeholders.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["account", "full_name", "email", "reports_to", "placeholder"])
        for a_i, a in enumerate(accounts):
            for j in range(5):
                email = f"p{j}@c{a_i}.fr" if j % 2 == 0 else ""
                boss = f"p0@c{a_i}.fr" if j else ""
                w.writerow([a, f"Personne {j}", email, boss, "true" if j == 4 else ""])
    with open(folder / "interactions.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["account", "type", "occurred_at", "stakeholder", "duration_minutes", "notes"])
        for k in range(6000):
            a_i = k % 60
            who = ["", f"p0@c{a_i}.fr", "Personne 1", f"p2@c{a_i}.fr"][k % 4]
            w.writerow(
                [
                    accounts[a_i],
                    ["call", "meeting", "web_visit"][k % 3],
                    f"2025-{1 + k % 12:02d}-{1 + k % 28:02d}T{k % 24:02d}:{k % 60:02d}",
                    who,
                    k % 90 or "",
                    f"note {k}\nligne 2" if k % 7 == 0 else "",
                ]
            )
    first = import_bundle(engine, folder)
    assert first.files["interactions.csv"].created == 6000
    out1, out2 = tmp_path / "out1", tmp_path / "out2"
    export_bundle(engine, out1)
    import_bundle(other_engine, out1)
    export_bundle(other_engine, out2)
    assert files(out1) == files(out2)
    again = import_bundle(engine, out1)
    assert not again.changed and again.files["interactions.csv"].unchanged == 6000
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        names = {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions'"
            )
        }
        assert {"ix_interactions_kpi", "ix_interactions_occurred"} <= names


class Cancelled(Exception):
    pass


def test_progress_and_cancel(engine, tmp_path):
    seen: list[tuple[str, int]] = []
    import_bundle(engine, RICH, progress=lambda name, done: seen.append((name, done)))
    assert ("accounts.csv", 4) in seen and ("interactions.csv", 12) in seen
    before = dump(engine)

    def cancel_at_interactions(name, done):
        if name == "interactions.csv":
            raise Cancelled

    folder = bundle_copy(tmp_path)
    with open(folder / "accounts.csv", "a", encoding="utf-8") as fh:
        fh.write("Nouvelle SARL,,,,,,,,,,,\n")
    with pytest.raises(Cancelled):
        import_bundle(engine, folder, progress=cancel_at_interactions)
    assert dump(engine) == before

    out = tmp_path / "out"
    export_bundle(engine, out)
    exported = files(out)
    with pytest.raises(Cancelled):
        export_bundle(engine, out, progress=cancel_at_interactions)
    assert files(out) == exported


def test_a_file_that_cannot_be_replaced_leaves_every_file_as_it_was(engine, tmp_path, monkeypatch):
    import os

    folder = tmp_path / "out"
    export_bundle(engine, folder)
    before = files(folder)
    import_bundle(engine, RICH)
    real = os.replace

    def locked(src, dst):  # as when a spreadsheet holds interactions.csv open
        if Path(src).name == "interactions.csv":
            raise PermissionError(13, "Permission denied", str(src))
        return real(src, dst)

    monkeypatch.setattr(native.os, "replace", locked)
    with pytest.raises(AbmError, match=r"Permission denied \(interactions.csv\)"):
        export_bundle(engine, folder)
    assert files(folder) == before
