"""LinkedIn ``Connections.csv``: a ``Notes:`` preamble, then the header (any order)."""

from __future__ import annotations

from abmdesk.interop.formats._common import TabularSpec, keys, register_spec

CONTACTS = {
    "first_name": ("First Name", "Prénom"),
    "last_name": ("Last Name", "Nom"),
    "email": ("Email Address", "Adresse e-mail", "E-mail"),
    "company": ("Company", "Entreprise"),
    "title": ("Position", "Poste"),
}

SPEC = TabularSpec(
    name="linkedin",
    what="LinkedIn connections export",
    kinds={"contacts": CONTACTS},
    signature=keys("Connected On", "URL", "Position", "Connecté le", "Date de connexion", "Poste"),
    min_signature=2,
)
register_spec(SPEC)
