"""HubSpot exports of companies, contacts and deals (CSV or XLSX, English or French)."""

from __future__ import annotations

from abmdesk.interop.formats._common import TabularSpec, keys, register_spec

COMPANIES = {
    "name": ("Company name", "Name", "Nom de l'entreprise", "Nom de l’entreprise", "Nom"),
    "domain": ("Company Domain Name", "Nom de domaine de l'entreprise", "Domaine"),
    "website": ("Website URL", "URL du site web", "Site web"),
    "sector": ("Industry", "Secteur d'activité", "Secteur"),
    "employees": ("Number of Employees", "Nombre d'employés", "Nombre de salariés"),
    "country": ("Country/Region", "Country", "Pays/région", "Pays/Région", "Pays"),
    "owner": ("Company owner", "Propriétaire de l'entreprise"),
    "phone": ("Phone Number", "Numéro de téléphone"),
    "external_id": ("Record ID", "Company ID", "ID de fiche d'informations", "ID de la fiche"),
}
CONTACTS = {
    "first_name": ("First Name", "Prénom"),
    "last_name": ("Last Name", "Nom", "Nom de famille"),
    "email": ("Email", "E-mail", "Adresse e-mail"),
    "email2": ("Additional email addresses", "Adresses e-mail supplémentaires"),
    "title": ("Job Title", "Intitulé du poste", "Poste", "Fonction"),
    "phone": ("Phone Number", "Mobile Phone Number", "Numéro de téléphone", "Numéro de portable"),
    "company": (
        "Company Name",
        "Associated Company",
        "Primary Associated Company",
        "Nom de l'entreprise",
        "Entreprise associée",
        "Entreprise",
    ),
    "company_external_id": (
        "Associated Company IDs",
        "Associated Company ID",
        "Associated Company IDs (Primary)",
        "Primary Associated Company ID",
        "ID d'entreprise associée",
        "ID de l'entreprise associée",
    ),
    "owner": ("Contact owner", "Propriétaire du contact"),
    "external_id": ("Record ID", "Contact ID", "ID de fiche d'informations", "ID de la fiche"),
}
DEALS = {
    "deal_name": ("Deal Name", "Nom de la transaction", "Nom de l'affaire"),
    "stage": ("Deal Stage", "Phase de la transaction", "Étape de la transaction"),
    "amount": ("Amount", "Montant", "Amount in company currency"),
    "closed_at": ("Close Date", "Date de fermeture", "Date de clôture"),
    "created_at": ("Create Date", "Date de création"),
    "owner": ("Deal owner", "Propriétaire de la transaction"),
    "company": ("Associated Company", "Company name", "Entreprise associée", "Nom de l'entreprise"),
    "company_external_id": (
        "Associated Company IDs",
        "Associated Company ID",
        "Associated Company IDs (Primary)",
        "ID d'entreprise associée",
    ),
    "external_id": ("Record ID", "Deal ID", "ID de fiche d'informations"),
}

SPEC = TabularSpec(
    name="hubspot",
    what="HubSpot export",
    kinds={"deals": DEALS, "contacts": CONTACTS, "companies": COMPANIES},
    signature=keys(
        "Record ID",
        "Company Domain Name",
        "Company owner",
        "Contact owner",
        "Deal owner",
        "Deal Stage",
        "Lifecycle Stage",
        "Associated Company IDs",
        "Associated Company",
        "Last Activity Date",
        "Country/Region",
        "ID de fiche d'informations",
        "Nom de domaine de l'entreprise",
        "Propriétaire de l'entreprise",
        "Propriétaire du contact",
        "Propriétaire de la transaction",
        "Phase de la transaction",
        "Phase du cycle de vie",
        "Entreprise associée",
        "Pays/région",
    ),
    month_first=True,
)
register_spec(SPEC)
