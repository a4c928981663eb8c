"""Google Contacts CSV: the current header (``First Name``, ``Organization Name``,
``E-mail 1 - Value``) and the legacy one (``Given Name``, ``Organization 1 - Name``);
several values in a cell are joined by `` ::: ``."""

from __future__ import annotations

from abmdesk.interop.formats._common import TabularSpec, keys, register_spec

CONTACTS = {
    "full_name": ("Name",),
    "prefix": ("Name Prefix",),
    "first_name": ("First Name", "Given Name", "Prénom"),
    "middle_name": ("Middle Name", "Additional Name", "Deuxième prénom"),
    "last_name": ("Last Name", "Family Name", "Nom de famille", "Nom"),
    "email": ("E-mail 1 - Value", "Adresse e-mail 1 - Valeur", "E-mail 1 - Valeur"),
    "email2": ("E-mail 2 - Value", "Adresse e-mail 2 - Valeur", "E-mail 2 - Valeur"),
    "email3": ("E-mail 3 - Value", "Adresse e-mail 3 - Valeur"),
    "email4": ("E-mail 4 - Value",),
    "email_label": ("E-mail 1 - Label", "E-mail 1 - Type", "Adresse e-mail 1 - Libellé"),
    "email2_label": ("E-mail 2 - Label", "E-mail 2 - Type", "Adresse e-mail 2 - Libellé"),
    "email3_label": ("E-mail 3 - Label", "E-mail 3 - Type"),
    "email4_label": ("E-mail 4 - Label", "E-mail 4 - Type"),
    "phone": ("Phone 1 - Value", "Téléphone 1 - Valeur"),
    "company": (
        "Organization Name",
        "Organization 1 - Name",
        "Nom de l'organisation",
        "Organisation 1 - Nom",
    ),
    "title": (
        "Organization Title",
        "Organization 1 - Title",
        "Titre dans l'organisation",
        "Organisation 1 - Titre",
    ),
    "notes": ("Notes",),
}

SPEC = TabularSpec(
    name="google",
    what="Google Contacts export",
    kinds={"contacts": CONTACTS},
    signature=keys(
        "E-mail 1 - Value",
        "E-mail 1 - Type",
        "E-mail 1 - Label",
        "Organization 1 - Name",
        "Organization Name",
        "Organization Title",
        "Group Membership",
        "Given Name",
        "Family Name",
        "Additional Name",
        "Labels",
        "File As",
        "Phone 1 - Value",
        "Adresse e-mail 1 - Valeur",
        "Libellés",
    ),
    min_signature=2,
)
register_spec(SPEC)
