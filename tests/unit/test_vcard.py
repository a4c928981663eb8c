"""vCard reader: 2.1 / 3.0 / 4.0, quoted-printable, folding, groups, escapes, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from abmdesk.errors import DataError
from abmdesk.interop.formats import vcard
from tests.conftest import FIXTURES

IMPORT = FIXTURES / "import"


def by_name(path: Path) -> dict[str | None, object]:
    return {c.full_name: c for c in vcard.read(path).contacts}


def test_21_quoted_printable_soft_breaks_charset_and_lower_case():
    parsed = vcard.read(IMPORT / "vcard_21_quoted_printable.vcf")
    assert parsed.format == "vcard" and parsed.encoding == "utf-8"
    amelie, bruno = parsed.contacts
    assert amelie.full_name == "Amélie Lévesque"
    assert amelie.company == "Boulangeries Réunies SAS"  # first ORG component
    assert amelie.title == "Directrice générale"  # CHARSET=ISO-8859-1 quoted-printable
    # the preferred e-mail first, the others kept
    assert amelie.email == "a.levesque@boulangeries-reunies.fr"
    assert amelie.other_emails == ["amelie.perso@gmail.com"]
    assert amelie.phone == "+33 1 40 00 00 02"  # work before home, never the fax
    assert amelie.notes == "Rencontrée au salon de Lyon\nRappeler en mars — budget voté"
    assert amelie.source.line == 1
    # lower-case begin:vcard, VERSION last, bare quoted-printable parameter
    assert bruno.full_name == "Bruno Petit"
    assert bruno.notes == "Très intéressé par l’offre"
    assert bruno.source.line == 15


def test_30_escapes_folding_groups_and_several_cards():
    parsed = vcard.read(IMPORT / "vcard_30_several_cards.vcf")
    people = {c.full_name: c for c in parsed.contacts}
    assert list(people) == ["Dupont, Jean-Marc", "Sophie Martin", "Sans nom"]
    jm = people["Dupont, Jean-Marc"]
    assert jm.company == "Cabinet Dupont; Associés"
    assert jm.email == "jm.dupont@cabinet-dupont.fr"  # item1. group
    assert jm.other_emails == ["jmd@free.fr"]
    assert jm.notes == (
        "Première ligne\nDeuxième ligne avec une note très longue qui est pliée "
        "sur plusieurs lignes par l'espace et par la tabulation"
    )
    assert people["Sophie Martin"].email == "sophie.martin@acme-industrie.fr"  # from N
    assert [(s.line, why) for s, why in parsed.skipped] == [
        (24, "no name, e-mail, phone nor company")
    ]


def test_40_pref_uid_tel_uri_and_company_and_group_cards():
    parsed = vcard.read(IMPORT / "vcard_40.vcf")
    (claire,) = parsed.contacts
    assert claire.email == "c.moreau@transports-moreau.fr"  # PREF=1 wins
    assert claire.other_emails == ["claire@moreau.name"]
    assert claire.phone == "+33-4-72-00-00-00"
    assert claire.external_id == "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
    assert [c.name for c in parsed.companies] == ["Transports Moreau"]
    assert [why for _, why in parsed.skipped] == ["a contact group, not a person"]


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("vcard_utf16le_no_bom.vcf", "utf-16-le"),
        ("vcard_utf16_bom.vcf", "utf-16"),
        ("vcard_utf8_bom.vcf", "utf-8-sig"),
        ("vcard_windows1252.vcf", "windows-1252"),
    ],
)
def test_encodings(name: str, encoding: str):
    parsed = vcard.read(IMPORT / name)
    assert parsed.encoding == encoding
    (helene,) = parsed.contacts
    assert (helene.full_name, helene.company, helene.email) == (
        "Hélène Garçon",
        "Crèmerie Française",
        "helene@cremerie.fr",
    )
    assert vcard.sniff((IMPORT / name).read_bytes())


def test_truncated_and_wrong_files_are_refused_in_one_line(tmp_path: Path):
    with pytest.raises(DataError) as err:
        vcard.read(IMPORT / "vcard_truncated.vcf")
    assert str(err.value) == (
        "vcard_truncated.vcf, line 5: this card has no END:VCARD: the file looks truncated"
    )
    with pytest.raises(DataError, match="not a vCard file"):
        vcard.read(IMPORT / "vcard_not_a_card.vcf")
    empty = tmp_path / "empty.vcf"
    empty.write_bytes(b"\r\n")
    with pytest.raises(DataError, match="the file is empty"):
        vcard.read(empty)
    with pytest.raises(DataError, match="cannot read the file"):
        vcard.read(tmp_path / "missing.vcf")
    assert not vcard.sniff((IMPORT / "vcard_not_a_card.vcf").read_bytes())
    assert not vcard.sniff(b"BEGIN:VCALENDAR\r\n")
    assert not vcard.sniff(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_card_inside_a_card_and_garbage_email_left_out(tmp_path: Path):
    path = tmp_path / "agent.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Chef\r\nEMAIL:pas une adresse\r\n"
        b"AGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:Assistant\r\nEND:VCARD\r\n"
        b"TEL;WORK:0102030405\r\nEND:VCARD\r\n"
    )
    (chef,) = vcard.read(path).contacts
    assert (chef.full_name, chef.email, chef.phone) == ("Chef", None, "0102030405")


def test_real_files(samples: Path):
    """Every real vCard file of ../shared/samples reads into sensible contacts."""
    folder = samples / "vcard"
    expected = {
        "ezvcard_John_Doe_ANDROID.vcf": 6,
        "ezvcard_John_Doe_GMAIL.vcf": 1,
        "ezvcard_John_Doe_IPHONE.vcf": 1,
        "ezvcard_John_Doe_MS_OUTLOOK.vcf": 1,
        "thunderbird_export.vcf": 2,
    }
    for path in sorted(folder.glob("*.vcf")):
        assert vcard.sniff(path.read_bytes()), path.name
        parsed = vcard.read(path)
        assert len(parsed.contacts) == expected[path.name], path.name
        for contact in parsed.contacts:
            assert contact.full_name or contact.email
    gmail = vcard.read(folder / "ezvcard_John_Doe_GMAIL.vcf").contacts[0]
    assert gmail.full_name == "Mr. John Richter, James Doe Sr."
    assert (gmail.company, gmail.title, gmail.email) == ("IBM", "Money Counter", "john.doe@ibm.com")
    assert gmail.notes.endswith("SUCH DAMAGE.\nFavotire Color: Blue")
    outlook = vcard.read(folder / "ezvcard_John_Doe_MS_OUTLOOK.vcf").contacts[0]
    assert (outlook.email, outlook.phone) == ("john.doe@ibm.cm", "(905) 555-1234")
    android = vcard.read(folder / "ezvcard_John_Doe_ANDROID.vcf").contacts
    assert android[2].full_name == "Ñ Ñ Ñ Ñ Ñ"
    assert android[4].email == "bob@company.com"  # the quoted-printable 'ÑÑÑ' is no address
    assert android[4].company == "Ñ" * 12
    thunderbird = vcard.read(folder / "thunderbird_export.vcf").contacts
    assert thunderbird[1].notes == "here's some unicode text…"
    assert [c.source.line for c in thunderbird] == [1, 8]


def test_dry_run_reads_the_complete_cards_of_a_truncated_file():
    errors: list = []
    parsed = vcard.read(IMPORT / "vcard_truncated.vcf", errors=errors)
    assert [c.full_name for c in parsed.contacts] == ["Complet"]
    assert [(e.line, e.message) for e in errors] == [
        (5, "this card has no END:VCARD: the file looks truncated")
    ]


def test_registered_for_detection(samples: Path):
    from abmdesk.interop.formats import detect

    for path in (samples / "vcard").glob("*.vcf"):
        assert detect.detect_format(path)[0] == "vcard", path.name
    assert detect.detect_format(IMPORT / "vcard_utf16le_no_bom.vcf")[0] == "vcard"


def test_charset_label_of_raw_bytes(tmp_path: Path):
    latin = tmp_path / "latin.vcf"
    latin.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1:Ren\xe9e Fran\xe7ois\r\n"
        b"ORG;CHARSET=ISO-8859-15:Caf\xe9 \xa4uro\r\nEND:VCARD\r\n"
    )
    (renee,) = vcard.read(latin).contacts
    assert (renee.full_name, renee.company) == ("Renée François", "Café €uro")
    mislabelled = tmp_path / "utf8.vcf"
    mislabelled.write_bytes(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1:Renée\r\nEND:VCARD\r\n".encode()
    )
    assert vcard.read(mislabelled).contacts[0].full_name == "Renée"
