"""Salesforce: Data Loader extracts (API names in capitals) and report exports (labels).

Report exports end with blank lines, ``Grand Totals (n records)``, and confidentiality
and copyright lines: those are skipped. Data Loader rows marked ``ISDELETED`` are too.
"""

from __future__ import annotations

from abmdesk.interop.formats._common import TabularSpec, keys, register_spec

COMPANIES = {
    "name": ("NAME", "Account Name", "Nom du compte"),
    "website": ("WEBSITE", "Website", "Site Web"),
    "sector": ("INDUSTRY", "Industry", "Secteur d'activité"),
    "employees": ("NUMBEROFEMPLOYEES", "Employees", "Employés"),
    "country": ("BILLINGCOUNTRY", "Billing Country", "Pays de facturation", "SHIPPINGCOUNTRY"),
    "owner": ("Account Owner", "Propriétaire du compte", "OWNER.NAME"),
    "phone": ("PHONE", "Phone", "Téléphone"),
    "external_id": ("ID", "Account ID", "ID du compte"),
    "deleted": ("ISDELETED",),
}
CONTACTS = {
    "first_name": ("FIRSTNAME", "First Name", "Prénom"),
    "last_name": ("LASTNAME", "Last Name", "Nom"),
    "full_name": ("Contact Name", "Full Name", "Nom du contact"),
    "email": ("EMAIL", "Email", "E-mail"),
    "title": ("TITLE", "Title", "Titre", "Fonction"),
    "phone": ("PHONE", "Phone", "MOBILEPHONE", "Mobile", "Téléphone"),
    "company": ("ACCOUNT.NAME", "Account Name", "Nom du compte"),
    "company_external_id": ("ACCOUNTID", "Account ID", "ID du compte"),
    "owner": ("Contact Owner", "Propriétaire du contact"),
    "external_id": ("ID", "Contact ID", "ID du contact"),
    "deleted": ("ISDELETED",),
}
DEALS = {
    "deal_name": ("Opportunity Name", "Nom de l'opportunité", "NAME"),
    "stage": ("STAGENAME", "Stage", "Étape"),
    "amount": ("AMOUNT", "Amount", "Montant"),
    "closed_at": ("CLOSEDATE", "Close Date", "Date de clôture"),
    "created_at": ("CREATEDDATE", "Created Date", "Date de création"),
    "won": ("ISWON", "Won", "Gagnée"),
    "closed": ("ISCLOSED", "Closed", "Fermée"),
    "owner": ("Opportunity Owner", "Propriétaire de l'opportunité"),
    "company": ("ACCOUNT.NAME", "Account Name", "Nom du compte"),
    "company_external_id": ("ACCOUNTID", "Account ID", "ID du compte"),
    "external_id": ("ID", "Opportunity ID", "ID de l'opportunité"),
    "deleted": ("ISDELETED",),
}

SPEC = TabularSpec(
    name="salesforce",
    what="Salesforce export",
    kinds={"deals": DEALS, "contacts": CONTACTS, "companies": COMPANIES},
    signature=keys(
        "ACCOUNTID",
        "STAGENAME",
        "CLOSEDATE",
        "ISDELETED",
        "ISWON",
        "ISCLOSED",
        "NUMBEROFEMPLOYEES",
        "BILLINGCOUNTRY",
        "BILLINGCITY",
        "FIRSTNAME",
        "LASTNAME",
        "OWNERID",
        "CREATEDBYID",
        "MASTERRECORDID",
        "SYSTEMMODSTAMP",
        "Account Name",
        "Account Owner",
        "Opportunity Name",
        "Opportunity Owner",
        "Billing Country",
        "Nom du compte",
        "Propriétaire du compte",
        "Nom de l'opportunité",
        "Propriétaire de l'opportunité",
    ),
    month_first=True,
)
register_spec(SPEC)
