"""Outlook contacts CSV (English and French headers), and Thunderbird's address book CSV
(``Display Name``, ``Primary Email``), which the same reader takes."""

from __future__ import annotations

from abmdesk.interop.formats._common import TabularSpec, keys, register_spec

CONTACTS = {
    "full_name": ("Display Name", "Nom à afficher", "Full Name", "Nom complet"),
    "first_name": ("First Name", "Prénom"),
    "middle_name": ("Middle Name", "Deuxième prénom"),
    "last_name": ("Last Name", "Nom", "Nom de famille"),
    "email": (
        "E-mail Address",
        "Email Address",
        "Primary Email",
        "Adresse de messagerie",
        "Adresse électronique principale",
        "Adresse e-mail",
    ),
    "email2": (
        "E-mail 2 Address",
        "Secondary Email",
        "Adresse de messagerie 2",
        "Adresse électronique secondaire",
    ),
    "email3": ("E-mail 3 Address", "Adresse de messagerie 3"),
    "title": ("Job Title", "Fonction", "Titre (fonction)", "Profession"),
    "phone": (
        "Business Phone",
        "Mobile Phone",
        "Work Phone",
        "Mobile Number",
        "Téléphone (bureau)",
        "Tél. bureau",
        "Tél. mobile",
        "Téléphone mobile",
        "Téléphone professionnel",
    ),
    "company": ("Company", "Organization", "Société", "Entreprise"),
    "notes": ("Notes",),
}

SPEC = TabularSpec(
    name="outlook",
    what="Outlook contacts export",
    kinds={"contacts": CONTACTS},
    signature=keys(
        "E-mail Address",
        "E-mail 2 Address",
        "E-mail Display Name",
        "Business Phone",
        "Home Phone",
        "Mobile Phone",
        "Job Title",
        "Company",
        "Adresse de messagerie",
        "Nom complet de l'adresse de messagerie",
        "Société",
        "Téléphone (bureau)",
        "Tél. mobile",
        "Fonction",
    ),
    min_signature=2,
)
THUNDERBIRD = TabularSpec(
    name="thunderbird",
    what="Thunderbird address book export",
    kinds={"contacts": CONTACTS},
    signature=keys(
        "Display Name",
        "Primary Email",
        "Secondary Email",
        "Screen Name",
        "Nom à afficher",
        "Adresse électronique principale",
    ),
    min_signature=2,
)
register_spec(SPEC)
register_spec(THUNDERBIRD)
