"""Pipedrive exports: ``Organization - Name``, ``Person - Email - Work``, ``Deal - Stage``…

One row of a deals export holds the deal, its organisation and its contact person:
each becomes its own record.
"""

from __future__ import annotations

from abmdesk.interop.formats._common import TabularSpec, keys, register_spec

COMPANIES = {
    "name": (
        "Organization - Name",
        "Organisation - Nom",
        "Deal - Organization",
        "Person - Organization",
    ),
    "website": ("Organization - Website", "Organisation - Site web", "Organization - Domain"),
    "sector": ("Organization - Industry", "Organisation - Secteur"),
    "employees": ("Organization - Number of employees", "Organisation - Nombre d'employés"),
    "country": ("Organization - Address - Country", "Organisation - Adresse - Pays"),
    "owner": ("Organization - Owner", "Organisation - Propriétaire"),
    "external_id": ("Organization - ID", "Organisation - ID"),
}
CONTACTS = {
    "full_name": ("Person - Name", "Personne - Nom", "Deal - Contact person"),
    "first_name": ("Person - First name", "Personne - Prénom"),
    "last_name": ("Person - Last name", "Personne - Nom de famille"),
    "email": (
        "Person - Email - Work",
        "Person - Email",
        "Personne - E-mail - Travail",
        "Personne - E-mail",
    ),
    "email2": ("Person - Email - Home", "Person - Email - Other", "Personne - E-mail - Domicile"),
    "title": ("Person - Job title", "Personne - Poste", "Personne - Fonction"),
    "phone": (
        "Person - Phone - Work",
        "Person - Phone",
        "Person - Phone - Mobile",
        "Personne - Téléphone - Travail",
        "Personne - Téléphone",
    ),
    "company": (
        "Person - Organization",
        "Personne - Organisation",
        "Organization - Name",
        "Deal - Organization",
    ),
    "owner": ("Person - Owner", "Personne - Propriétaire"),
    "external_id": ("Person - ID", "Personne - ID"),
}
DEALS = {
    "deal_name": ("Deal - Title", "Affaire - Titre", "Transaction - Titre"),
    "stage": ("Deal - Stage", "Affaire - Étape", "Transaction - Étape"),
    "status": ("Deal - Status", "Affaire - Statut", "Transaction - Statut"),
    "amount": ("Deal - Value", "Affaire - Valeur", "Transaction - Valeur"),
    "created_at": (
        "Deal - Deal created",
        "Deal - Created",
        "Affaire - Affaire créée",
        "Affaire - Date de création",
    ),
    "won_at": ("Deal - Won time", "Affaire - Date de gain"),
    "lost_at": ("Deal - Lost time", "Affaire - Date de perte"),
    "closed_at": (
        "Deal - Deal closed on",
        "Deal - Close date",
        "Deal - Expected close date",
        "Affaire - Date de clôture",
    ),
    "owner": ("Deal - Owner", "Affaire - Propriétaire"),
    "company": (
        "Deal - Organization",
        "Organization - Name",
        "Affaire - Organisation",
        "Organisation - Nom",
    ),
    "external_id": ("Deal - ID", "Affaire - ID"),
}

SPEC = TabularSpec(
    name="pipedrive",
    what="Pipedrive export",
    kinds={"deals": DEALS, "contacts": CONTACTS, "companies": COMPANIES},
    signature=keys(
        *(n for kind in (COMPANIES, CONTACTS, DEALS) for names in kind.values() for n in names)
    ),
    month_first=False,
    combined=True,
)
register_spec(SPEC)
