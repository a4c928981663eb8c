<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Modifier le compte</translation>
    </message>
    <message>
        <source>Company name (required)</source>
        <translation>Raison sociale (obligatoire)</translation>
    </message>
    <message>
        <source>example: acme.fr</source>
        <translation>exemple&#xa0;: acme.fr</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>ABM &amp;target account</source>
        <translation>Compte &amp;cible ABM</translation>
    </message>
    <message>
        <source>since</source>
        <translation>depuis le</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Par défaut (%1)</translation>
    </message>
    <message>
        <source>Default (%1 years)</source>
        <translation>Par défaut (%1 ans)</translation>
    </message>
    <message>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Web domain:</source>
        <translation>Domaine &amp;web&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Sector:</source>
        <translation>&amp;Secteur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Employees:</source>
        <translation>&amp;Effectif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Pays&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>N&amp;iveau&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Responsable&#xa0;:</translation>
    </message>
    <message>
        <source>ABM:</source>
        <translation>ABM&#xa0;:</translation>
    </message>
    <message>
        <source>Buying &amp;committee:</source>
        <translation>&amp;Comité d’achat&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Retention:</source>
        <translation>Durée de &amp;fidélisation&#xa0;:</translation>
    </message>
</context>
<context>
    <name>AccountDialogs</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>Delete the account “%1”?</source>
        <translation>Supprimer le compte «&#xa0;%1&#xa0;»&#x202f;?</translation>
    </message>
    <message>
        <source>This also deletes its %1. You can undo it with Ctrl+Z.</source>
        <translation>Sont aussi supprimés&#xa0;: %1. Vous pourrez annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Nothing else is attached to it. You can undo it with Ctrl+Z.</source>
        <translation>Rien d’autre n’y est rattaché. Vous pourrez annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete an account</source>
        <translation>Supprimer un compte</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>Points per week, last 12 weeks</source>
        <translation>Points par semaine, 12 dernières semaines</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>Score&#xa0;:</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>Tendance&#xa0;:</translation>
    </message>
    <message>
        <source>Buying committee</source>
        <translation>Comité d’achat</translation>
    </message>
    <message>
        <source>Identified:</source>
        <translation>Identifiés&#xa0;:</translation>
    </message>
    <message>
        <source>Engaged:</source>
        <translation>Engagés&#xa0;:</translation>
    </message>
    <message>
        <source>Role coverage:</source>
        <translation>Rôles couverts&#xa0;:</translation>
    </message>
    <message>
        <source>Risk:</source>
        <translation>Risque&#xa0;:</translation>
    </message>
    <message>
        <source>Pipeline and value</source>
        <translation>Pipeline et valeur</translation>
    </message>
    <message>
        <source>Open deals:</source>
        <translation>Affaires en cours&#xa0;:</translation>
    </message>
    <message>
        <source>Annual revenue:</source>
        <translation>Revenu annuel&#xa0;:</translation>
    </message>
    <message>
        <source>Lifetime value:</source>
        <translation>Valeur vie client&#xa0;:</translation>
    </message>
    <message>
        <source>Select an account to see its figures.</source>
        <translation>Sélectionnez un compte pour voir ses indicateurs.</translation>
    </message>
    <message>
        <source>The figures could not be computed.</source>
        <translation>Les indicateurs n’ont pas pu être calculés.</translation>
    </message>
    <message>
        <source>ABM target account</source>
        <translation>Compte cible ABM</translation>
    </message>
    <message>
        <source>Not an ABM target</source>
        <translation>Hors cible ABM</translation>
    </message>
    <message>
        <source>%1 points (last %2 days)</source>
        <translation>%1 points (%2 derniers jours)</translation>
    </message>
    <message>
        <source>%1 %2 — %3 points in the last 4 weeks, %4 in the 4 before</source>
        <translation>%1 %2 — %3 points sur les 4 dernières semaines, %4 sur les 4 précédentes</translation>
    </message>
    <message>
        <source>Week %1: %2 points</source>
        <translation>Semaine %1&#xa0;: %2 points</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 people</source>
        <translation>%1 — %2 personnes sur %3</translation>
    </message>
    <message>
        <source>%1 — %2 of 4 key roles engaged</source>
        <translation>%1 — %2 rôles clés sur 4 engagés</translation>
    </message>
    <message>
        <source>At risk: too few people engaged</source>
        <translation>À risque&#xa0;: trop peu de personnes engagées</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Bien couvert</translation>
    </message>
    <message>
        <source>Not assessed (not a target)</source>
        <translation>Non évalué (hors cible)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) — %1</source>
        <translation>
            <numerusform>%Ln affaire — %1</numerusform>
            <numerusform>%Ln affaires — %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 a year, upsell %2</source>
        <translation>%1 par an, ventes additionnelles %2</translation>
    </message>
    <message>
        <source>No active contract</source>
        <translation>Aucun contrat en cours</translation>
    </message>
    <message>
        <source>%1 (over %2 years)</source>
        <translation>%1 (sur %2 ans)</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>Search by name, domain, sector or owner…</source>
        <translation>Rechercher par nom, domaine, secteur ou responsable…</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>Target accounts</source>
        <translation>Comptes cibles</translation>
    </message>
    <message>
        <source>Not targets</source>
        <translation>Hors cibles</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>Toutes les tailles</translation>
    </message>
    <message>
        <source>%1 employees</source>
        <translation>%1 salariés</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Tous les responsables</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Nouveau compte…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Open the &amp;map</source>
        <translation>Ouvrir la &amp;cartographie</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>Filtres&#xa0;:</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>Nouveau compte…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Open the map</source>
        <translation>Ouvrir la cartographie</translation>
    </message>
    <message>
        <source>New account %1</source>
        <translation>Nouveau compte %1</translation>
    </message>
    <message>
        <source>Edit account %1</source>
        <translation>Modification du compte %1</translation>
    </message>
    <message>
        <source>Delete account %1</source>
        <translation>Suppression du compte %1</translation>
    </message>
    <message>
        <source>Delete an account</source>
        <translation>Supprimer un compte</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln compte</numerusform>
            <numerusform>%Ln comptes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>This database cannot be opened:
%1</source>
        <translation>Impossible d’ouvrir cette base de données :
%1</translation>
    </message>
</context>
<context>
    <name>BoardReportAction</name>
    <message>
        <source>Writing the board report…</source>
        <translation>Rédaction du rapport au conseil…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Board report (PDF)</source>
        <translation>Rapport au conseil (PDF)</translation>
    </message>
    <message>
        <source>Board report cancelled.</source>
        <translation>Rapport au conseil annulé.</translation>
    </message>
    <message>
        <source>Board report written: %1 (%2 pages).</source>
        <translation>Rapport au conseil enregistré&#xa0;: %1 (%2&#xa0;pages).</translation>
    </message>
    <message>
        <source>The board report could not be written:
%1</source>
        <translation>Le rapport au conseil n’a pas pu être enregistré&#xa0;:
%1</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Board report (PDF)…</source>
        <translation>Rapport au &amp;conseil (PDF)…</translation>
    </message>
    <message>
        <source>Write the board-meeting report of the KPI tab&apos;s period as a PDF</source>
        <translation>Enregistrer en PDF le rapport au conseil sur la période de l’onglet Indicateurs</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Save the chart</source>
        <extracomment>Accounts shown in one bar chart at most (the rest are in the tables).</extracomment>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Copy the chart</source>
        <translation>Copier le graphique</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Enregistrer en PNG…</translation>
    </message>
</context>
<context>
    <name>CloseDealDialog</name>
    <message>
        <source>Deal won</source>
        <translation>Affaire gagnée</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Affaire perdue</translation>
    </message>
    <message>
        <source>“%1” with %2 is won.</source>
        <translation>«&#xa0;%1&#xa0;» avec %2 est gagnée.</translation>
    </message>
    <message>
        <source>“%1” with %2 is lost.</source>
        <translation>«&#xa0;%1&#xa0;» avec %2 est perdue.</translation>
    </message>
    <message>
        <source>&amp;Closed on:</source>
        <translation>&amp;Gagnée le&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Lost on:</source>
        <translation>&amp;Perdue le&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Final amount:</source>
        <translation>Montant &amp;final&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Montant&#xa0;:</translation>
    </message>
    <message>
        <source>Create the contract</source>
        <translation>Créer le contrat</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Se termine le</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>Annual &amp;value:</source>
        <translation>&amp;Valeur annuelle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Starts on:</source>
        <translation>&amp;Débute le&#xa0;:</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Fin&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ClvPanel</name>
    <message>
        <source>Customer lifetime value</source>
        <translation>Valeur vie client</translation>
    </message>
    <message>
        <source>average ABM %1, non-ABM %2</source>
        <translation>moyenne ABM %1, hors ABM %2</translation>
    </message>
    <message>
        <source>top %1 accounts</source>
        <translation>les %1 premiers comptes</translation>
    </message>
    <message>
        <source>%1: %2 (ARR %3 × %4 years, upsell %5)</source>
        <translation>%1&#xa0;: %2 (revenu annuel %3 × %4 ans, montée en gamme %5)</translation>
    </message>
    <message>
        <source>ABM average</source>
        <translation>moyenne ABM</translation>
    </message>
    <message>
        <source>non-ABM average</source>
        <translation>moyenne hors ABM</translation>
    </message>
    <message>
        <source>ABM account</source>
        <translation>compte ABM</translation>
    </message>
    <message>
        <source>non-ABM account</source>
        <translation>compte hors ABM</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <extracomment>What deleting an account changes: the account and everything that cascades.
----------
How many of a person&apos;s interactions the side panel lists.</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Size band</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Target since</source>
        <translation>Cible depuis</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Account</source>
        <extracomment>``compute(engine, date_from, date_to, filters)`` -&gt; the dashboard dict. Typed dates wait this long for the next key before the dashboard recomputes. The change as plain text (``+4,2 pts``), its direction (good/bad/neutral).</extracomment>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Stakeholder</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation>Saisi par</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Active weeks</source>
        <translation>Semaines actives</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>Comité</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Identifiés</translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation>Engagés</translation>
    </message>
    <message>
        <source>Identified coverage</source>
        <translation>Couverture identifiée</translation>
    </message>
    <message>
        <source>Engaged coverage</source>
        <translation>Couverture engagée</translation>
    </message>
    <message>
        <source>Engagement ratio</source>
        <translation>Taux d’engagement</translation>
    </message>
    <message>
        <source>Role coverage</source>
        <translation>Couverture des rôles</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>À risque</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Affaires</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>Affaires en cours</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Taux de réussite</translation>
    </message>
    <message>
        <source>Average won amount</source>
        <translation>Montant moyen gagné</translation>
    </message>
    <message>
        <source>Average cycle</source>
        <translation>Cycle moyen</translation>
    </message>
    <message>
        <source>Velocity</source>
        <translation>Vélocité</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancées</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Base ARR</source>
        <translation>Revenu annuel de base</translation>
    </message>
    <message>
        <source>Upsell rate</source>
        <translation>Taux de vente additionnelle</translation>
    </message>
    <message>
        <source>Retention (years)</source>
        <translation>Fidélité (années)</translation>
    </message>
    <message>
        <source>CLV</source>
        <translation>Valeur vie client</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Chiffre d’affaires</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Rattaché à</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Siège</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Affaire</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée le</translation>
    </message>
    <message>
        <source>Current stage</source>
        <translation>Étape actuelle</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
</context>
<context>
    <name>ContractValuePanel</name>
    <message>
        <source>Average contract value</source>
        <translation>Valeur moyenne des contrats</translation>
    </message>
    <message>
        <source>ABM uplift: %1</source>
        <translation>écart ABM&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2 on average over %3 won deal(s)</source>
        <translation>%1&#xa0;: %2 en moyenne sur %3 affaire(s) gagnée(s)</translation>
    </message>
    <message>
        <source>%1 (%2 won)</source>
        <translation>%1 (%2 gagnées)</translation>
    </message>
</context>
<context>
    <name>ConversionPanel</name>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>By sector</source>
        <translation>Par secteur</translation>
    </message>
    <message>
        <source>By size band</source>
        <translation>Par taille d’entreprise</translation>
    </message>
    <message>
        <source>%1 stage entries in the period, %2 advanced</source>
        <translation>%1 entrées en étape sur la période, %2 ont avancé</translation>
    </message>
    <message>
        <source>Conversion per stage</source>
        <translation>Conversion par étape</translation>
    </message>
    <message>
        <source>%1: %2 advanced of %3 entered (%4)</source>
        <translation>%1&#xa0;: %2 ont avancé sur %3 entrées (%4)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>%1 employees</source>
        <translation>%1 salariés</translation>
    </message>
</context>
<context>
    <name>CostDialog</name>
    <message>
        <source>New cost</source>
        <translation>Nouveau coût</translation>
    </message>
    <message>
        <source>Edit cost</source>
        <translation>Modifier le coût</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>No account (shared by all targets)</source>
        <translation>Aucun compte (réparti sur toutes les cibles)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>&amp;Montant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Programme:</source>
        <translation>&amp;Programme&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Catégorie&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>C&amp;ompte&#xa0;:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription&#xa0;:</translation>
    </message>
    <message>
        <source>Choose an account from the list, or none.</source>
        <translation>Choisissez un compte de la liste, ou aucun.</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <source>%1 of %2 target accounts at risk (engaged coverage under %3)</source>
        <translation>%1 comptes cibles à risque sur %2 (couverture engagée sous %3)</translation>
    </message>
    <message>
        <source>the %1 least covered shown</source>
        <translation>les %1 moins couverts sont affichés</translation>
    </message>
    <message>
        <source>Buying-committee coverage per target account</source>
        <translation>Couverture du comité d’achat par compte cible</translation>
    </message>
    <message>
        <source>%1: %2 identified of %3 (%4), %5 engaged (%6)</source>
        <translation>%1&#xa0;: %2 identifiés sur %3 (%4), %5 engagés (%6)</translation>
    </message>
    <message>
        <source>Identified coverage</source>
        <translation>Couverture identifiée</translation>
    </message>
    <message>
        <source>Engaged coverage</source>
        <translation>Couverture engagée</translation>
    </message>
    <message>
        <source>risk threshold %1</source>
        <translation>seuil de risque %1</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <source>New deal</source>
        <translation>Nouvelle affaire</translation>
    </message>
    <message>
        <source>Edit deal</source>
        <translation>Modifier l’affaire</translation>
    </message>
    <message>
        <source>What is being sold (required)</source>
        <translation>Ce qui est vendu (obligatoire)</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Compte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Opened on:</source>
        <translation>&amp;Ouverte le&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>&amp;Montant&#xa0;:</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>&amp;Responsable&#xa0;:</translation>
    </message>
    <message>
        <source>This deal is %1 (closed on %2).</source>
        <translation>Cette affaire est %1 (clôturée le %2).</translation>
    </message>
    <message>
        <source>Choose an account from the list.</source>
        <translation>Choisissez un compte de la liste.</translation>
    </message>
    <message>
        <source>Choose an account.</source>
        <translation>Choisissez un compte.</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Decision maker</source>
        <translation>Décideur</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>Sponsor</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>Influenceur</translation>
    </message>
    <message>
        <source>End user</source>
        <translation>Utilisateur final</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Découverte</translation>
    </message>
    <message>
        <source>First meeting</source>
        <translation>Premier rendez-vous</translation>
    </message>
    <message>
        <source>Qualified opportunity</source>
        <translation>Opportunité qualifiée</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposition</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Négociation</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>Champion</translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation>Favorable</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutre</translation>
    </message>
    <message>
        <source>Skeptic</source>
        <translation>Sceptique</translation>
    </message>
    <message>
        <source>Blocker</source>
        <translation>Opposant</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gagnée</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdue</translation>
    </message>
    <message>
        <source>Web visit</source>
        <translation>Visite du site</translation>
    </message>
    <message>
        <source>Email open</source>
        <translation>Ouverture d’e-mail</translation>
    </message>
    <message>
        <source>Social engagement</source>
        <translation>Interaction sur les réseaux</translation>
    </message>
    <message>
        <source>Email reply</source>
        <translation>Réponse à un e-mail</translation>
    </message>
    <message>
        <source>Content download</source>
        <translation>Téléchargement de contenu</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Demo request</source>
        <translation>Demande de démo</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Email sent</source>
        <translation>E-mail envoyé</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>ABM</source>
        <translation>ABM</translation>
    </message>
    <message>
        <source>Non-ABM</source>
        <translation>Hors ABM</translation>
    </message>
    <message>
        <source>All deals</source>
        <translation>Toutes les affaires</translation>
    </message>
    <message>
        <source>Rising</source>
        <translation>En hausse</translation>
    </message>
    <message>
        <source>Falling</source>
        <translation>En baisse</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Stable</translation>
    </message>
</context>
<context>
    <name>EngagementPanel</name>
    <message>
        <source>Account followed:</source>
        <translation>Compte suivi&#xa0;:</translation>
    </message>
    <message>
        <source>%1 of %2 target accounts with engagement in the window</source>
        <translation>%1 comptes cibles engagés sur %2 dans la fenêtre d’engagement</translation>
    </message>
    <message>
        <source>Engaged target accounts: %1</source>
        <translation>Comptes cibles engagés&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 — week of %2: %3 points</source>
        <translation>%1 — semaine du %2&#xa0;: %3 points</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <extracomment>The last choices of this session (table, format, folder): the next export starts there.</extracomment>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Stakeholders (contacts)</source>
        <translation>Interlocuteurs (contacts)</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Affaires</translation>
    </message>
    <message>
        <source>CSV for Excel in French (separator ;)</source>
        <translation>CSV pour Excel en français (séparateur ;)</translation>
    </message>
    <message>
        <source>CSV, separator , (other tools)</source>
        <translation>CSV, séparateur virgule (autres logiciels)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>vCard address book (.vcf), stakeholders only</source>
        <translation>Carnet d’adresses vCard (.vcf), interlocuteurs uniquement</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Technical column names and values (to import into another tool)</source>
        <translation>Noms de colonnes et valeurs techniques (pour importer dans un autre logiciel)</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>&amp;Données :</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>comptes</translation>
    </message>
    <message>
        <source>stakeholders</source>
        <translation>interlocuteurs</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>interactions</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>affaires</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>Fichiers vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Target account</source>
        <translation>Compte cible</translation>
    </message>
    <message>
        <source>Target since</source>
        <translation>Cible depuis</translation>
    </message>
    <message>
        <source>Committee size</source>
        <translation>Taille du comité</translation>
    </message>
    <message>
        <source>Retention (years)</source>
        <translation>Fidélité (années)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Rattaché à</translation>
    </message>
    <message>
        <source>Empty seat</source>
        <translation>Poste à pourvoir</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Stakeholder</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <source>Stakeholder e-mail</source>
        <translation>E-mail de l’interlocuteur</translation>
    </message>
    <message>
        <source>Duration (min)</source>
        <translation>Durée (min)</translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation>Saisi par</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Clôturée le</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Choisissez le fichier à écrire.</translation>
    </message>
    <message>
        <source>This is a folder: give the name of the file to write.</source>
        <translation>C’est un dossier : indiquez le nom du fichier à écrire.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>%1 cards written to %2</source>
        <translation>%1 fiches écrites dans %2</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 lignes écrites dans %2</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L’export a échoué : %1</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Export annulé : aucun fichier n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>FieldError</name>
    <message>
        <source>A name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <source>The name “%1” is already taken. Choose another name.</source>
        <translation>Le nom «&#xa0;%1&#xa0;» est déjà pris. Choisissez-en un autre.</translation>
    </message>
    <message>
        <source>This is not a web domain (example: acme.fr).</source>
        <translation>Ce n’est pas un domaine web (exemple&#xa0;: acme.fr).</translation>
    </message>
    <message>
        <source>The number of employees cannot be negative.</source>
        <translation>L’effectif ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>The committee size must be at least 1.</source>
        <translation>Le comité d’achat compte au moins 1 personne.</translation>
    </message>
    <message>
        <source>The retention must be more than 0 years.</source>
        <translation>La durée de fidélisation doit dépasser 0 an.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Le montant ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Le montant est trop élevé.</translation>
    </message>
    <message>
        <source>An amount is required.</source>
        <translation>Le montant est obligatoire.</translation>
    </message>
    <message>
        <source>The annual value cannot be negative.</source>
        <translation>La valeur annuelle ne peut pas être négative.</translation>
    </message>
    <message>
        <source>An annual value is required.</source>
        <translation>La valeur annuelle est obligatoire.</translation>
    </message>
    <message>
        <source>The annual value is too large.</source>
        <translation>La valeur annuelle est trop élevée.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin précède la date de début.</translation>
    </message>
    <message>
        <source>The closing date is before the deal was opened.</source>
        <translation>La date de clôture précède l’ouverture de l’affaire.</translation>
    </message>
    <message>
        <source>A deal cannot be opened after it was closed.</source>
        <translation>Une affaire ne peut pas être ouverte après sa clôture.</translation>
    </message>
    <message>
        <source>Choose an account.</source>
        <translation>Choisissez un compte.</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>Ce compte n’existe plus.</translation>
    </message>
    <message>
        <source>This deal is already closed.</source>
        <translation>Cette affaire est déjà clôturée.</translation>
    </message>
    <message>
        <source>The deal is already at this stage.</source>
        <translation>L’affaire est déjà à cette étape.</translation>
    </message>
    <message>
        <source>This is before the deal&apos;s latest stage change.</source>
        <translation>C’est avant le dernier changement d’étape de l’affaire.</translation>
    </message>
    <message>
        <source>This record no longer exists (deleted meanwhile?).</source>
        <translation>Cet élément n’existe plus (supprimé entre-temps&#x202f;?).</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1/day</source>
        <translation>%1/jour</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1&#xa0;j</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1&#xa0;h</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>HeatModel</name>
    <message>
        <source>Discovery</source>
        <translation>Découverte</translation>
    </message>
    <message>
        <source>1st meeting</source>
        <translation>1er RDV</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Qualifiée</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposition</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Négociation</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>%1, %2: %3 advanced of %4 entered (%5)</source>
        <translation>%1, %2&#xa0;: %3 ont avancé sur %4 entrées (%5)</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <source>Undo this import</source>
        <translation>Annuler cet import</translation>
    </message>
    <message>
        <source>Undo the import of %1?

What it created is deleted and the values it changed are put back. People or accounts that gained interactions or other data since are kept.</source>
        <translation>Annuler l’import de %1&#x202f;?

Ce qu’il a créé est supprimé et les valeurs qu’il a modifiées sont rétablies. Les personnes et les comptes qui ont reçu depuis des interactions ou d’autres données sont conservés.</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>Annuler l’import</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Le conserver</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> et %1 autres</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>interactions</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Import undone. Deleted: %1. Put back: %2.</source>
        <translation>Import annulé. Supprimés&#xa0;: %1. Rétablis&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Kept, as they changed or gained data since: %1.</source>
        <translation>Conservés, car modifiés ou complétés depuis&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>Historique des imports</translation>
    </message>
    <message>
        <source>Every import, newest first. Undoing one deletes what it created and puts back the values it changed.</source>
        <translation>Tous les imports, du plus récent au plus ancien. Annuler un import supprime ce qu’il a créé et rétablit les valeurs qu’il a modifiées.</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>&amp;Annuler cet import</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>What it did</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Undone on %1</source>
        <translation>Annulé le %1</translation>
    </message>
    <message>
        <source>In place</source>
        <translation>En place</translation>
    </message>
    <message>
        <source>Batch %1</source>
        <translation>Lot %1</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 updated</source>
        <translation>%1&#xa0;: %2 nouveaux, %3 mis à jour</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>Annulation de l’import…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
    <message>
        <source>Pipedrive</source>
        <translation>Pipedrive</translation>
    </message>
    <message>
        <source>LinkedIn (connections)</source>
        <translation>LinkedIn (relations)</translation>
    </message>
    <message>
        <source>Google Contacts</source>
        <translation>Google Contacts</translation>
    </message>
    <message>
        <source>Outlook contacts</source>
        <translation>Contacts Outlook</translation>
    </message>
    <message>
        <source>Thunderbird address book</source>
        <translation>Carnet d’adresses Thunderbird</translation>
    </message>
    <message>
        <source>vCard address book</source>
        <translation>Carnet d’adresses vCard</translation>
    </message>
    <message>
        <source>iCalendar calendar</source>
        <translation>Agenda iCalendar</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Stakeholders</source>
        <translation>Interlocuteurs</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Affaires</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Company left out</source>
        <translation>Entreprise écartée</translation>
    </message>
    <message>
        <source>Contact left out</source>
        <translation>Contact écarté</translation>
    </message>
    <message>
        <source>Deal left out</source>
        <translation>Affaire écartée</translation>
    </message>
    <message>
        <source>Meeting left out</source>
        <translation>Rendez-vous écarté</translation>
    </message>
    <message>
        <source>Row left out</source>
        <translation>Ligne écartée</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Nom de l’entreprise</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Id in the other tool</source>
        <translation>Identifiant dans l’autre outil</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Deuxième prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Title (Mr, Ms…)</source>
        <translation>Civilité (M., Mme…)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>E-mail label</source>
        <translation>Libellé de l’e-mail</translation>
    </message>
    <message>
        <source>Other e-mail</source>
        <translation>Autre e-mail</translation>
    </message>
    <message>
        <source>Other e-mail label</source>
        <translation>Libellé de l’autre e-mail</translation>
    </message>
    <message>
        <source>Third e-mail</source>
        <translation>Troisième e-mail</translation>
    </message>
    <message>
        <source>Third e-mail label</source>
        <translation>Libellé du troisième e-mail</translation>
    </message>
    <message>
        <source>Fourth e-mail</source>
        <translation>Quatrième e-mail</translation>
    </message>
    <message>
        <source>Fourth e-mail label</source>
        <translation>Libellé du quatrième e-mail</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Company id in the other tool</source>
        <translation>Identifiant de l’entreprise dans l’autre outil</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Deal name</source>
        <translation>Nom de l’affaire</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gagnée</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Date de clôture</translation>
    </message>
    <message>
        <source>Won on</source>
        <translation>Gagnée le</translation>
    </message>
    <message>
        <source>Lost on</source>
        <translation>Perdue le</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Affaire</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 n’est pas un nombre</translation>
    </message>
    <message>
        <source>%1 is not a whole number of 0 or more</source>
        <translation>%1 n’est pas un nombre entier positif ou nul</translation>
    </message>
    <message>
        <source>%1 is not a valid date</source>
        <translation>%1 n’est pas une date valide</translation>
    </message>
    <message>
        <source>no company, and a personal e-mail address (choose an account for them)</source>
        <translation>sans entreprise, avec une adresse e-mail personnelle (choisissez un compte de rattachement)</translation>
    </message>
    <message>
        <source>no company and no e-mail (choose an account for them)</source>
        <translation>sans entreprise ni e-mail (choisissez un compte de rattachement)</translation>
    </message>
    <message>
        <source>no company, and no account has their e-mail domain (choose an account for them)</source>
        <translation>sans entreprise, et aucun compte n’a le domaine de son e-mail (choisissez un compte de rattachement)</translation>
    </message>
    <message>
        <source>a deal without a company (choose an account for it)</source>
        <translation>affaire sans entreprise (choisissez un compte de rattachement)</translation>
    </message>
    <message>
        <source>no name nor e-mail</source>
        <translation>ni nom ni e-mail</translation>
    </message>
    <message>
        <source>a deal closed before it was created</source>
        <translation>affaire clôturée avant sa création</translation>
    </message>
    <message>
        <source>a report&apos;s totals or footer line</source>
        <translation>ligne de totaux ou de pied de rapport</translation>
    </message>
    <message>
        <source>cancelled event</source>
        <translation>événement annulé</translation>
    </message>
    <message>
        <source>no attendee nor organizer is a known stakeholder or from a known account&apos;s domain</source>
        <translation>aucun participant ni organisateur n’est un interlocuteur connu ni du domaine d’un compte connu</translation>
    </message>
    <message>
        <source>not a text file (binary data): nothing ABM Desk can import</source>
        <translation>pas un fichier texte (données binaires)&#xa0;: rien qu’ABM Desk puisse importer</translation>
    </message>
    <message>
        <source>not a file ABM Desk can import: not a HubSpot, Salesforce, Pipedrive, LinkedIn, Google or Outlook export, a vCard nor an iCalendar file</source>
        <translation>fichier qu’ABM Desk ne sait pas importer&#xa0;: ni un export HubSpot, Salesforce, Pipedrive, LinkedIn, Google ou Outlook, ni un fichier vCard ou iCalendar</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>this column appears twice</source>
        <translation>cette colonne apparaît deux fois</translation>
    </message>
    <message>
        <source>the name was lost to an encoding error in the source file (only &apos;?&apos; left)</source>
        <translation>le nom a été perdu par une erreur d’encodage dans le fichier d’origine (il n’en reste que des «&#xa0;?&#xa0;»)</translation>
    </message>
    <message>
        <source>no company name nor domain</source>
        <translation>ni nom d’entreprise ni domaine</translation>
    </message>
    <message>
        <source>deleted in the source tool</source>
        <translation>supprimé dans l’outil d’origine</translation>
    </message>
    <message>
        <source>a deal without a name</source>
        <translation>affaire sans nom</translation>
    </message>
    <message>
        <source>no start (DTSTART)</source>
        <translation>sans date de début (DTSTART)</translation>
    </message>
    <message>
        <source>no attendee or organizer e-mail: nothing links it to an account</source>
        <translation>aucun e-mail de participant ni d’organisateur&#xa0;: rien ne le relie à un compte</translation>
    </message>
    <message>
        <source>a company card without a name</source>
        <translation>fiche d’entreprise sans nom</translation>
    </message>
    <message>
        <source>a contact group, not a person</source>
        <translation>groupe de contacts, pas une personne</translation>
    </message>
    <message>
        <source>no name, e-mail, phone nor company</source>
        <translation>ni nom, ni e-mail, ni téléphone, ni entreprise</translation>
    </message>
    <message>
        <source>recurring event with no occurrence in the import period</source>
        <translation>événement récurrent sans occurrence dans la période importée</translation>
    </message>
    <message>
        <source>recurring event: only its first %1 occurrences kept</source>
        <translation>événement récurrent&#xa0;: seules ses %1 premières occurrences sont gardées</translation>
    </message>
    <message>
        <source>the file has no column &apos;%1&apos; any more (its columns: %2)</source>
        <translation>le fichier n’a plus de colonne «&#xa0;%1&#xa0;» (ses colonnes&#xa0;: %2)</translation>
    </message>
    <message>
        <source>nothing to import: %1</source>
        <translation>rien à importer&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2 created, %3 updated, %4 unchanged</source>
        <translation>%1&#xa0;: %2 créés, %3 mis à jour, %4 inchangés</translation>
    </message>
    <message>
        <source>%1: %2 to create, %3 to update, %4 unchanged</source>
        <translation>%1&#xa0;: %2 à créer, %3 à mettre à jour, %4 inchangés</translation>
    </message>
    <message>
        <source>, %1 left out</source>
        <translation>, %1 écartés</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <extracomment>Columns chosen per file, as ``import_files`` takes them.</extracomment>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Choose the files exported from your other tools: HubSpot, Salesforce, Pipedrive, LinkedIn, Google Contacts, Outlook, a vCard address book or an iCalendar calendar. You can also drop them on the main window. ABM Desk recognises each file from its content.</source>
        <translation>Choisissez les fichiers exportés de vos autres outils&#xa0;: HubSpot, Salesforce, Pipedrive, LinkedIn, Google Contacts, Outlook, un carnet d’adresses vCard ou un agenda iCalendar. Vous pouvez aussi les déposer sur la fenêtre principale. ABM Desk reconnaît chaque fichier d’après son contenu.</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Recognised from each file&apos;s content</source>
        <translation>Reconnu d’après le contenu de chaque fichier</translation>
    </message>
    <message>
        <source>&amp;Read the files as:</source>
        <translation>&amp;Lire les fichiers comme&#xa0;:</translation>
    </message>
    <message>
        <source>For each piece of information ABM Desk keeps, the column of the file it is read from. Change a column when the guess is wrong: your choice is remembered for the next files of this format.</source>
        <translation>Pour chaque information qu’ABM Desk conserve, la colonne du fichier d’où elle est lue. Changez une colonne si elle est mal devinée&#xa0;: votre choix sera retenu pour les prochains fichiers de ce format.</translation>
    </message>
    <message>
        <source>First rows of the file:</source>
        <translation>Premières lignes du fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Columns read:</source>
        <translation>Colonnes lues&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>What the import would do, checked without writing anything. Rows that would be refused or left out are listed below with their file and line.</source>
        <translation>Ce que ferait l’import, vérifié sans rien enregistrer. Les lignes qui seraient refusées ou écartées sont listées ci-dessous avec leur fichier et leur numéro.</translation>
    </message>
    <message>
        <source>None: such contacts are left out</source>
        <translation>Aucun&#xa0;: ces contacts sont écartés</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Contacts without a &amp;company go to account:</source>
        <translation>Rattacher les contacts sans &amp;entreprise au compte&#xa0;:</translation>
    </message>
    <message>
        <source>Rows refused or left out:</source>
        <translation>Lignes refusées ou écartées&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>&amp;Annuler cet import</translation>
    </message>
    <message>
        <source>1. Files to import</source>
        <translation>1. Fichiers à importer</translation>
    </message>
    <message>
        <source>2. Columns</source>
        <translation>2. Colonnes</translation>
    </message>
    <message>
        <source>3. Check before importing</source>
        <translation>3. Vérification avant import</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Fichiers à importer</translation>
    </message>
    <message>
        <source>Exports and address books (*.csv *.txt *.xlsx *.vcf *.vcard *.ics);;All files (*)</source>
        <translation>Exports et carnets d’adresses (*.csv *.txt *.xlsx *.vcf *.vcard *.ics);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>is a folder: choose the files inside it (an ABM Desk bundle is opened with the command line, import --format native)</source>
        <translation>est un dossier&#xa0;: choisissez les fichiers qu’il contient (un lot ABM Desk s’importe en ligne de commande, import --format native)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Encodage</translation>
    </message>
    <message>
        <source>Values that cannot be read: %1. The import would be refused and nothing written. Correct the file (or its columns) and check again.</source>
        <translation>Valeurs illisibles&#xa0;: %1. L’import serait refusé et rien ne serait enregistré. Corrigez le fichier (ou ses colonnes) puis vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>Rows left out: %1 (listed on the check page).</source>
        <translation>Lignes écartées&#xa0;: %1 (listées sur la page de vérification).</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;</source>
        <translation>colonne «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1&#xa0;: </translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>L’import a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>%1 columns</source>
        <translation>%1 colonnes</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Classeur Excel</translation>
    </message>
    <message>
        <source>— not read —</source>
        <translation>— non lue —</translation>
    </message>
    <message>
        <source>:</source>
        <translation>&#xa0;:</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Vérification des fichiers…</translation>
    </message>
    <message>
        <source>The database already holds all of it: importing would change nothing.</source>
        <translation>La base contient déjà tout cela&#xa0;: l’import ne changerait rien.</translation>
    </message>
    <message>
        <source>Ready to import. Nothing has been written yet.</source>
        <translation>Prêt à importer. Rien n’a encore été enregistré.</translation>
    </message>
    <message>
        <source>The files cannot be imported.</source>
        <translation>Ces fichiers ne peuvent pas être importés.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>To create</source>
        <translation>À créer</translation>
    </message>
    <message>
        <source>To update</source>
        <translation>À mettre à jour</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créés</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangés</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Écartés</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Rows refused or left out (%1):</source>
        <translation>Lignes refusées ou écartées (%1)&#xa0;:</translation>
    </message>
    <message>
        <source>No row refused or left out.</source>
        <translation>Aucune ligne refusée ni écartée.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Matching the companies…</source>
        <translation>Rapprochement des entreprises…</translation>
    </message>
    <message>
        <source>Matching the contacts…</source>
        <translation>Rapprochement des contacts…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 fiches</translation>
    </message>
    <message>
        <source>The import is saved as batch %1. You can undo it here or later from File ▸ Import history.</source>
        <translation>L’import est enregistré sous le lot %1. Vous pouvez l’annuler ici ou plus tard depuis Fichier ▸ Historique des imports.</translation>
    </message>
    <message>
        <source>The database already held all of it: nothing changed.</source>
        <translation>La base contenait déjà tout cela&#xa0;: rien n’a changé.</translation>
    </message>
    <message>
        <source>Done in %1 s.</source>
        <translation>Terminé en %1&#xa0;s.</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import annulé&#xa0;: rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>Annulation de l’import…</translation>
    </message>
</context>
<context>
    <name>InfluenceDialog</name>
    <message>
        <source>Influence of %1</source>
        <translation>Influence de %1</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Tapez un nom…</translation>
    </message>
    <message>
        <source>e.g. former colleague, trusted adviser</source>
        <translation>ex.&#xa0;: ancien collègue, conseiller de confiance</translation>
    </message>
    <message>
        <source>&amp;Influences:</source>
        <translation>&amp;Influence sur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Comment&#xa0;:</translation>
    </message>
    <message>
        <source>Pick a person from the list.</source>
        <translation>Choisissez une personne dans la liste.</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Edit the interaction</source>
        <translation>Modifier l’interaction</translation>
    </message>
    <message>
        <source>(whole account)</source>
        <translation>(tout le compte)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln pt(s)</source>
        <translation>
            <numerusform>%1 — %Ln pt</numerusform>
            <numerusform>%1 — %Ln pts</numerusform>
        </translation>
    </message>
    <message>
        <source> min</source>
        <translation>&#xa0;min</translation>
    </message>
    <message>
        <source>none</source>
        <translation>non renseignée</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Compte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Stakeholder:</source>
        <translation>&amp;Interlocuteur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>D&amp;urée&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes&#xa0;:</translation>
    </message>
</context>
<context>
    <name>InteractionsTab</name>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>Words in the notes…</source>
        <translation>Dans les notes…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Compte&#xa0;:</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Interlocuteur&#xa0;:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>Saisi par&#xa0;:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Du&#xa0;:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>au&#xa0;:</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Empty (—): no limit</source>
        <translation>Vide (—)&#xa0;: sans limite</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin précède la date de début.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message numerus="yes">
        <source>Searching… %Ln found so far</source>
        <translation>
            <numerusform>Recherche… %Ln trouvée pour l’instant</numerusform>
            <numerusform>Recherche… %Ln trouvées pour l’instant</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit an interaction</source>
        <translation>Modifier une interaction</translation>
    </message>
    <message>
        <source>Edit the interaction</source>
        <translation>Modifier l’interaction</translation>
    </message>
    <message>
        <source>Delete this interaction (%1, %2, %3)?</source>
        <translation>Supprimer cette interaction (%1, %2, %3)&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n interactions?</source>
        <translation>
            <numerusform>Supprimer cette interaction&#xa0;?</numerusform>
            <numerusform>Supprimer ces %n interactions&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Edit ▸ Undo (Ctrl+Z) brings them back.</source>
        <translation>Édition ▸ Annuler (Ctrl+Z) les fait revenir.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n interaction(s)</source>
        <translation>
            <numerusform>Supprimer %n interaction</numerusform>
            <numerusform>Supprimer %n interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KpiTab</name>
    <message>
        <source>This quarter</source>
        <translation>Ce trimestre</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Trimestre précédent</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>Depuis le 1er janvier</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the database again and recompute</source>
        <translation>Relire la base de données et recalculer</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>ABM (target accounts)</source>
        <translation>ABM (comptes cibles)</translation>
    </message>
    <message>
        <source>Non-ABM</source>
        <translation>Hors ABM</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <source>&amp;Segment:</source>
        <translation>&amp;Segment&#xa0;:</translation>
    </message>
    <message>
        <source>Se&amp;ctor:</source>
        <translation>Se&amp;cteur&#xa0;:</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>&amp;Taille&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>N&amp;iveau&#xa0;:</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>&amp;Responsable&#xa0;:</translation>
    </message>
    <message>
        <source>Engaged target accounts</source>
        <translation>Comptes cibles engagés</translation>
    </message>
    <message>
        <source>Target accounts at risk</source>
        <translation>Comptes cibles à risque</translation>
    </message>
    <message>
        <source>Pipeline velocity (ABM)</source>
        <translation>Vélocité du pipeline (ABM)</translation>
    </message>
    <message>
        <source>Stage conversion</source>
        <translation>Conversion par étape</translation>
    </message>
    <message>
        <source>Average contract value (ABM)</source>
        <translation>Valeur moyenne des contrats (ABM)</translation>
    </message>
    <message>
        <source>Customer lifetime value (ABM)</source>
        <translation>Valeur vie client (ABM)</translation>
    </message>
    <message>
        <source>ABM return on investment</source>
        <translation>Retour sur investissement ABM</translation>
    </message>
    <message>
        <source>Logged effort, shown apart: activity is not a result and is not one of the KPIs.</source>
        <translation>Effort consigné, affiché à part&#xa0;: l’activité n’est pas un résultat et ne fait pas partie des indicateurs.</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <source>Velocity</source>
        <translation>Vélocité</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <source>Contract value</source>
        <translation>Valeur des contrats</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Valeur vie client</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>The chart appears once the figures are computed.</source>
        <translation>Le graphique s’affiche une fois les chiffres calculés.</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tableaux détaillés</translation>
    </message>
    <message>
        <source>compared with %1 – %2</source>
        <translation>comparé à la période du %1 au %2</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <source>%1 employees</source>
        <translation>%1 salariés</translation>
    </message>
    <message>
        <source>The start of the period is after its end.</source>
        <translation>Le début de la période est après sa fin.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Comparing with the previous period…</source>
        <translation>Comparaison avec la période précédente…</translation>
    </message>
    <message>
        <source>Up to date (%1 s).</source>
        <translation>À jour (%1 s).</translation>
    </message>
    <message>
        <source>%1 of %2 target accounts engaged in the window</source>
        <translation>%1 comptes cibles engagés sur %2</translation>
    </message>
    <message>
        <source>engaged coverage below the threshold · mean engaged coverage %1</source>
        <translation>couverture engagée sous le seuil · couverture engagée moyenne %1</translation>
    </message>
    <message>
        <source>Pipeline velocity (non-ABM)</source>
        <translation>Vélocité du pipeline (hors ABM)</translation>
    </message>
    <message>
        <source>Average contract value (non-ABM)</source>
        <translation>Valeur moyenne des contrats (hors ABM)</translation>
    </message>
    <message>
        <source>Customer lifetime value (non-ABM)</source>
        <translation>Valeur vie client (hors ABM)</translation>
    </message>
    <message>
        <source>ABM: %1 · cycle reduction: %2</source>
        <translation>ABM&#xa0;: %1 · réduction du cycle&#xa0;: %2</translation>
    </message>
    <message>
        <source>weakest stage: %1 (%2)</source>
        <translation>étape la plus faible&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>The KPI engine is not available in this version.</source>
        <translation>Le calcul des indicateurs n’est pas disponible dans cette version.</translation>
    </message>
    <message>
        <source>The KPIs could not be computed: %1</source>
        <translation>Les indicateurs n’ont pas pu être calculés : %1</translation>
    </message>
    <message>
        <source>non-ABM: %1 · cycle reduction: %2</source>
        <translation>hors ABM&#xa0;: %1 · réduction du cycle&#xa0;: %2</translation>
    </message>
    <message>
        <source>no deal entered a stage in the period</source>
        <translation>aucune affaire n’est entrée dans une étape sur la période</translation>
    </message>
    <message>
        <source>non-ABM: %1 · uplift: %2</source>
        <translation>hors ABM&#xa0;: %1 · écart&#xa0;: %2</translation>
    </message>
    <message>
        <source>ABM: %1 · uplift: %2</source>
        <translation>ABM&#xa0;: %1 · écart&#xa0;: %2</translation>
    </message>
    <message>
        <source>non-ABM: %1</source>
        <translation>hors ABM&#xa0;: %1</translation>
    </message>
    <message>
        <source>ABM: %1</source>
        <translation>ABM&#xa0;: %1</translation>
    </message>
    <message>
        <source>revenue %1 · cost %2</source>
        <translation>chiffre d’affaires %1 · coût %2</translation>
    </message>
    <message>
        <source>Activity (logged effort, not a KPI)</source>
        <translation>Activité (effort consigné, hors indicateurs)</translation>
    </message>
    <message>
        <source>%1 interactions logged · %2 emails sent · %3 h of logged time</source>
        <translation>%1 interactions consignées · %2 e-mails envoyés · %3 h de temps consigné</translation>
    </message>
    <message>
        <source>Previous period (%1): %2</source>
        <translation>Période précédente (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>pas de comparaison</translation>
    </message>
    <message>
        <source>ABM cycle: %1</source>
        <translation>cycle ABM&#xa0;: %1</translation>
    </message>
    <message>
        <source>non-ABM cycle: %1</source>
        <translation>cycle hors ABM&#xa0;: %1</translation>
    </message>
    <message>
        <source>cycle reduction: %1</source>
        <translation>réduction du cycle&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1&#x202f;pts</translation>
    </message>
    <message>
        <source>All deals</source>
        <translation>Toutes les affaires</translation>
    </message>
    <message>
        <source>Unknown sector</source>
        <translation>Secteur inconnu</translation>
    </message>
    <message>
        <source>Sector: %1</source>
        <translation>Secteur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Taille&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Account map</source>
        <translation>Cartographie</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>&amp;Open a database…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <source>Open another ABM Desk database file</source>
        <translation>Ouvrir un autre fichier de base ABM Desk</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Export accounts, stakeholders, interactions or deals to CSV, Excel or vCard</source>
        <translation>Exporter les comptes, interlocuteurs, interactions ou affaires en CSV, Excel ou vCard</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import companies, contacts, deals or meetings from HubSpot, Salesforce, Pipedrive, LinkedIn, Google, Outlook, vCard or iCalendar files</source>
        <translation>Importer des entreprises, contacts, affaires ou rendez-vous depuis des fichiers HubSpot, Salesforce, Pipedrive, LinkedIn, Google, Outlook, vCard ou iCalendar</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>&amp;Historique des imports…</translation>
    </message>
    <message>
        <source>The imports made so far, and undoing one of them</source>
        <translation>Les imports déjà faits, et l’annulation de l’un d’eux</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Log an interaction</source>
        <translation>&amp;Saisir une interaction</translation>
    </message>
    <message>
        <source>Go to the quick-log form (Ctrl+L)</source>
        <translation>Aller à la saisie rapide (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read everything again from the database</source>
        <translation>Relire toutes les données de la base</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Points per interaction type, KPI parameters, your name, the language</source>
        <translation>Points par type d’interaction, paramètres des indicateurs, votre nom, la langue</translation>
    </message>
    <message>
        <source>&amp;About ABM Desk</source>
        <translation>À &amp;propos d’ABM Desk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <source>ABM Desk databases (*.db *.sqlite *.abmdesk);;All files (*)</source>
        <translation>Bases ABM Desk (*.db *.sqlite *.abmdesk);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>This database cannot be opened:
%1</source>
        <translation>Impossible d’ouvrir cette base de données :
%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouverte</translation>
    </message>
    <message>
        <source>Creating the demo data…</source>
        <translation>Création des données de démonstration…</translation>
    </message>
    <message>
        <source>Demo data ready.</source>
        <translation>Données de démonstration prêtes.</translation>
    </message>
    <message>
        <source>The demo data could not be created:
%1</source>
        <translation>Les données de démonstration n’ont pas pu être créées :
%1</translation>
    </message>
    <message>
        <source>About ABM Desk</source>
        <translation>À propos d’ABM Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ABM Desk %1&lt;/h3&gt;&lt;p&gt;Account-based marketing for small and medium businesses: target accounts, buying committees, interactions, pipeline and KPIs.&lt;/p&gt;&lt;p&gt;Your data stays in one file on this computer:&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ABM Desk %1&lt;/h3&gt;&lt;p&gt;Le marketing des comptes stratégiques pour les PME&#xa0;: comptes cibles, comités d’achat, interactions, pipeline et indicateurs.&lt;/p&gt;&lt;p&gt;Vos données restent dans un seul fichier sur cet ordinateur&#xa0;:&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MapTab</name>
    <message>
        <source>Find an account…</source>
        <translation>Trouver un compte…</translation>
    </message>
    <message>
        <source>Add a &amp;report</source>
        <translation>Ajouter un &amp;subordonné</translation>
    </message>
    <message>
        <source>Add someone who reports to the selected person (Insert)</source>
        <translation>Ajouter une personne rattachée à la personne sélectionnée (Inser)</translation>
    </message>
    <message>
        <source>Add a &amp;peer</source>
        <translation>Ajouter un &amp;pair</translation>
    </message>
    <message>
        <source>Add someone with the same manager (Shift+Insert)</source>
        <translation>Ajouter une personne ayant le même responsable (Maj+Inser)</translation>
    </message>
    <message>
        <source>&amp;Add a person</source>
        <translation>&amp;Ajouter une personne</translation>
    </message>
    <message>
        <source>Add someone who reports to no one on this map</source>
        <translation>Ajouter une personne rattachée à personne sur cette carte</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>Edit the selected person (F2), or fill the selected seat</source>
        <translation>Modifier la personne sélectionnée (F2) ou pourvoir le poste sélectionné</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected person; their reports move up (Delete)</source>
        <translation>Supprimer la personne sélectionnée&#xa0;; ses subordonnés remontent d’un niveau (Suppr)</translation>
    </message>
    <message>
        <source>&amp;Influence on…</source>
        <translation>&amp;Influence sur…</translation>
    </message>
    <message>
        <source>Draw a dashed line: the selected person has sway over someone</source>
        <translation>Tracer une ligne pointillée&#xa0;: la personne sélectionnée a de l’influence sur quelqu’un</translation>
    </message>
    <message>
        <source>Report to &amp;no one</source>
        <translation>Rattacher à &amp;personne</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>A&amp;juster</translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation>Exporter en &amp;PNG…</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>Exporter en P&amp;DF…</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>Zoom avant (+, Ctrl+molette)</translation>
    </message>
    <message>
        <source>Zoom out (−, Ctrl+wheel)</source>
        <translation>Zoom arrière (−, Ctrl+molette)</translation>
    </message>
    <message>
        <source>Show the whole map (Ctrl+0)</source>
        <translation>Afficher toute la carte (Ctrl+0)</translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation>Organigramme</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation>Aucun compte sélectionné</translation>
    </message>
    <message>
        <source>Pick an account on the left to see its buying committee.</source>
        <translation>Choisissez un compte à gauche pour voir son comité d’achat.</translation>
    </message>
    <message>
        <source>%1 employees</source>
        <translation>%1 salariés</translation>
    </message>
    <message>
        <source>target account since %1</source>
        <translation>compte cible depuis le %1</translation>
    </message>
    <message>
        <source>target account</source>
        <translation>compte cible</translation>
    </message>
    <message numerus="yes">
        <source>%Ln stakeholder(s)</source>
        <translation>
            <numerusform>%Ln interlocuteur</numerusform>
            <numerusform>%Ln interlocuteurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln empty seat(s)</source>
        <translation>
            <numerusform>%Ln siège à pourvoir</numerusform>
            <numerusform>%Ln sièges à pourvoir</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3 (%4)</source>
        <translation>%1&#xa0;: %2 sur %3 (%4)</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Identifiés</translation>
    </message>
    <message>
        <source>Identified people ÷ committee size</source>
        <translation>Personnes identifiées ÷ taille du comité d’achat</translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation>Engagés</translation>
    </message>
    <message numerus="yes">
        <source>People with an interaction worth points in the last %n day(s)</source>
        <translation>
            <numerusform>Personnes ayant eu une interaction qui rapporte des points au cours du dernier jour</numerusform>
            <numerusform>Personnes ayant eu une interaction qui rapporte des points au cours des %n derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Roles covered</source>
        <translation>Rôles couverts</translation>
    </message>
    <message>
        <source>Decision maker, sponsor, influencer, end user: held by an engaged person</source>
        <translation>Décideur, sponsor, influenceur, utilisateur final&#xa0;: tenu par une personne engagée</translation>
    </message>
    <message>
        <source>⚠ At risk (threshold %1)</source>
        <translation>⚠ Compte à risque (seuil&#xa0;: %1)</translation>
    </message>
    <message>
        <source>Coverage sufficient (threshold %1)</source>
        <translation>Couverture suffisante (seuil&#xa0;: %1)</translation>
    </message>
    <message>
        <source>empty seat</source>
        <translation>poste à pourvoir</translation>
    </message>
    <message>
        <source>Not a target account</source>
        <translation>Pas un compte cible</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>taille inconnue</translation>
    </message>
    <message>
        <source>The risk applies to target accounts only</source>
        <translation>Le risque ne concerne que les comptes cibles</translation>
    </message>
    <message>
        <source>influence</source>
        <translation>influence</translation>
    </message>
    <message>
        <source>Nobody on this map holds this required role. Double-click the card (or press Enter) to name the person.</source>
        <translation>Personne sur cette carte ne tient ce rôle requis. Double-cliquez sur la carte (ou appuyez sur Entrée) pour nommer la personne.</translation>
    </message>
    <message>
        <source>Select a card to edit the person and see their interactions.</source>
        <translation>Sélectionnez une carte pour modifier la personne et voir ses interactions.</translation>
    </message>
    <message>
        <source>Account map</source>
        <translation>Carte du compte</translation>
    </message>
    <message>
        <source>%1 cannot report to themselves.</source>
        <translation>%1 ne peut pas être son propre responsable.</translation>
    </message>
    <message>
        <source>%1 already reports to %2: %3. The change would make a loop.</source>
        <translation>%1 est déjà rattaché(e) à %2&#xa0;: %3. Ce changement créerait une boucle.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>%1 reports to %2</source>
        <translation>%1 rattaché(e) à %2</translation>
    </message>
    <message>
        <source>%1 reports to no one</source>
        <translation>%1 rattaché(e) à personne</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Delete %1 from this map?</source>
        <translation>Supprimer %1 de cette carte&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Their %n report(s) will then report to %1.</source>
        <translation>
            <numerusform>Son subordonné sera alors rattaché à %1.</numerusform>
            <numerusform>Ses %n subordonnés seront alors rattachés à %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n report(s) will move to the top level.</source>
        <translation>
            <numerusform>Son subordonné passera au premier niveau.</numerusform>
            <numerusform>Ses %n subordonnés passeront au premier niveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their interactions stay on the account.</source>
        <translation>Ses interactions restent sur le compte.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Fill the seat with %1</source>
        <translation>Pourvoir le poste avec %1</translation>
    </message>
    <message>
        <source>%1 influences %2</source>
        <translation>%1 influence %2</translation>
    </message>
    <message>
        <source>Remove an influence line</source>
        <translation>Supprimer une ligne d’influence</translation>
    </message>
    <message>
        <source>New report to %1</source>
        <translation>Nouveau subordonné de %1</translation>
    </message>
    <message>
        <source>New peer of %1</source>
        <translation>Nouveau pair de %1</translation>
    </message>
    <message>
        <source>New person on the map</source>
        <translation>Nouvelle personne sur la carte</translation>
    </message>
    <message>
        <source>Who is the %1?</source>
        <translation>Qui est le %1&#xa0;?</translation>
    </message>
    <message>
        <source>Fill the seat “%1”</source>
        <translation>Pourvoir le poste «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Name this person…</source>
        <translation>&amp;Nommer cette personne…</translation>
    </message>
    <message>
        <source>&amp;Fill this seat…</source>
        <translation>&amp;Pourvoir ce poste…</translation>
    </message>
    <message>
        <source>Remove the influence on %1</source>
        <translation>Supprimer l’influence sur %1</translation>
    </message>
    <message>
        <source>Remove this influence line</source>
        <translation>Supprimer cette ligne d’influence</translation>
    </message>
    <message>
        <source>%1 — buying committee</source>
        <translation>%1 — comité d’achat</translation>
    </message>
    <message>
        <source>As of %1 · identified %2 · engaged %3 · roles covered %4</source>
        <translation>Au %1 · identifiés %2 · engagés %3 · rôles couverts %4</translation>
    </message>
    <message>
        <source>%1 - account map</source>
        <translation>%1 - carte du compte</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the map</source>
        <translation>Exporter la carte</translation>
    </message>
    <message>
        <source>The map could not be exported:
%1</source>
        <translation>La carte n’a pas pu être exportée&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Map exported to %1</source>
        <translation>Carte exportée vers %1</translation>
    </message>
</context>
<context>
    <name>OrgChart</name>
    <message>
        <source>No role</source>
        <translation>Sans rôle</translation>
    </message>
    <message>
        <source>Attitude unknown</source>
        <translation>Attitude inconnue</translation>
    </message>
    <message>
        <source>A name is required (for an empty seat, the post: “CFO”).</source>
        <translation>Un nom est obligatoire (pour un poste à pourvoir, l’intitulé&#xa0;: «&#xa0;DAF&#xa0;»).</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>%1 — to be identified</source>
        <extracomment>Four or more reports who manage no one are laid out as a grid, not a long row.</extracomment>
        <translation>%1 — à identifier</translation>
    </message>
    <message>
        <source>Required role that nobody holds</source>
        <translation>Rôle requis sans titulaire</translation>
    </message>
    <message>
        <source>Double-click to fill this seat</source>
        <translation>Double-clic pour renseigner</translation>
    </message>
    <message>
        <source>Empty seat · double-click to fill it</source>
        <translation>Poste à pourvoir (double-clic)</translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation>Engagé</translation>
    </message>
    <message>
        <source>Not engaged</source>
        <translation>Non engagé</translation>
    </message>
    <message>
        <source>no contact yet</source>
        <translation>aucun contact</translation>
    </message>
    <message>
        <source>%1 influences %2</source>
        <translation>%1 influence %2</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Fonction&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Empty seat (the person is not known yet)</source>
        <translation>Poste à pourvoir (la personne n’est pas encore connue)</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Attitude:</source>
        <translation>&amp;Attitude&#xa0;:</translation>
    </message>
    <message>
        <source>Who holds this seat? The role, manager and reports stay.</source>
        <translation>Qui occupe ce poste&#xa0;? Le rôle, le responsable et les subordonnés sont conservés.</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>Name:</source>
        <extracomment>(stakeholder id, field changes, new manager id or the string &quot;same&quot;)</extracomment>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Fonction&#xa0;:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>Attitude:</source>
        <translation>Attitude&#xa0;:</translation>
    </message>
    <message>
        <source>Reports to:</source>
        <translation>Rattaché(e) à&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Fill this seat…</source>
        <translation>&amp;Pourvoir ce poste…</translation>
    </message>
    <message>
        <source>Select a card to edit the person and see their interactions.</source>
        <translation>Sélectionnez une carte pour modifier la personne et voir ses interactions.</translation>
    </message>
    <message>
        <source>No one selected</source>
        <translation>Aucune sélection</translation>
    </message>
    <message>
        <source>Empty seat: %1</source>
        <translation>Poste à pourvoir&#xa0;: %1</translation>
    </message>
    <message>
        <source>No one (top level)</source>
        <translation>Personne (premier niveau)</translation>
    </message>
    <message>
        <source>No interactions with an empty seat</source>
        <translation>Pas d’interaction avec un poste à pourvoir</translation>
    </message>
    <message>
        <source>Interactions (latest %1 of %2)</source>
        <translation>Interactions (les %1 dernières sur %2)</translation>
    </message>
    <message>
        <source>Interactions (%1)</source>
        <translation>Interactions (%1)</translation>
    </message>
</context>
<context>
    <name>Pipeline</name>
    <message>
        <source>ABM programme</source>
        <translation>Programme ABM</translation>
    </message>
    <message>
        <source>Other programme</source>
        <translation>Autre programme</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenus</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>Nouveau contrat</translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation>Vente additionnelle</translation>
    </message>
</context>
<context>
    <name>PipelineTab</name>
    <message>
        <source>Deals</source>
        <translation>Affaires</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Coûts</translation>
    </message>
    <message>
        <source>Search by deal or account…</source>
        <translation>Rechercher par affaire ou compte…</translation>
    </message>
    <message>
        <source>All deals</source>
        <translation>Toutes les affaires</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Statut :</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Tableau</translation>
    </message>
    <message>
        <source>&amp;New deal…</source>
        <translation>&amp;Nouvelle affaire…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Won…</source>
        <translation>&amp;Gagnée…</translation>
    </message>
    <message>
        <source>&amp;Lost…</source>
        <translation>&amp;Perdue…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>New deal…</source>
        <translation>Nouvelle affaire…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Drag a card to another column to record a stage change (Ctrl+Z undoes it).</source>
        <translation>Faites glisser une carte vers une autre colonne pour changer d’étape (Ctrl+Z pour annuler).</translation>
    </message>
    <message>
        <source>Search by description or account…</source>
        <translation>Rechercher par description ou compte…</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>Tous les programmes</translation>
    </message>
    <message>
        <source>&amp;New cost…</source>
        <translation>&amp;Nouveau coût…</translation>
    </message>
    <message>
        <source>New cost…</source>
        <translation>Nouveau coût…</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open deal(s) on the board</source>
        <translation>
            <numerusform>%Ln affaire en cours sur le tableau</numerusform>
            <numerusform>%Ln affaires en cours sur le tableau</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln affaire</numerusform>
            <numerusform>%Ln affaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>open pipeline: %1 (%Ln deal(s))</source>
        <translation>
            <numerusform>pipeline ouvert&#xa0;: %1 (%Ln affaire)</numerusform>
            <numerusform>pipeline ouvert&#xa0;: %1 (%Ln affaires)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cost(s) shown</source>
        <translation>
            <numerusform>%Ln coût affiché</numerusform>
            <numerusform>%Ln coûts affichés</numerusform>
        </translation>
    </message>
    <message>
        <source>all costs: %1, of which ABM programme: %2</source>
        <translation>total des coûts&#xa0;: %1, dont programme ABM&#xa0;: %2</translation>
    </message>
    <message>
        <source>Won…</source>
        <translation>Gagnée…</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>Perdue…</translation>
    </message>
    <message>
        <source>Move to stage</source>
        <translation>Passer à l’étape</translation>
    </message>
    <message>
        <source>New deal %1</source>
        <translation>Nouvelle affaire %1</translation>
    </message>
    <message>
        <source>Edit deal %1</source>
        <translation>Modification de l’affaire %1</translation>
    </message>
    <message>
        <source>Delete deal %1</source>
        <translation>Suppression de l’affaire %1</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 passe à l’étape %2</translation>
    </message>
    <message>
        <source>Move a deal</source>
        <translation>Changer d’étape</translation>
    </message>
    <message>
        <source>Won: %1</source>
        <translation>Gagnée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>Perdue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Delete a deal</source>
        <translation>Supprimer une affaire</translation>
    </message>
    <message>
        <source>Delete the deal “%1” with %2 and its stage history?</source>
        <translation>Supprimer l’affaire «&#xa0;%1&#xa0;» avec %2 et l’historique de ses étapes&#x202f;?</translation>
    </message>
    <message>
        <source>New cost</source>
        <translation>Nouveau coût</translation>
    </message>
    <message>
        <source>Edit cost</source>
        <translation>Modification d’un coût</translation>
    </message>
    <message>
        <source>Delete cost</source>
        <translation>Suppression d’un coût</translation>
    </message>
</context>
<context>
    <name>QuickLogForm</name>
    <message>
        <source>Quick log (Ctrl+L)</source>
        <translation>Saisie rapide (Ctrl+L)</translation>
    </message>
    <message>
        <source>Type a few letters of the account…</source>
        <translation>Tapez quelques lettres du compte…</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+9 choose the first nine types from any field</source>
        <translation>Alt+1 … Alt+9 choisissent les neuf premiers types depuis n’importe quel champ</translation>
    </message>
    <message>
        <source> min</source>
        <translation>&#xa0;min</translation>
    </message>
    <message>
        <source>none</source>
        <translation>non renseignée</translation>
    </message>
    <message>
        <source>Time spent, in minutes (0: not recorded)</source>
        <translation>Temps passé, en minutes (0&#xa0;: non renseigné)</translation>
    </message>
    <message>
        <source>What happened, what comes next…</source>
        <translation>Ce qui s’est passé, la suite à donner…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the interaction (Enter)</source>
        <translation>Enregistrer l’interaction (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Stakeholder:</source>
        <translation>&amp;Interlocuteur :</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Compte :</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Quand :</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>D&amp;urée :</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln pt(s)</source>
        <translation>
            <numerusform>%1 — %Ln pt</numerusform>
            <numerusform>%1 — %Ln pts</numerusform>
        </translation>
    </message>
    <message>
        <source>(whole account)</source>
        <translation>(tout le compte)</translation>
    </message>
    <message>
        <source>No account matches “%1”.</source>
        <translation>Aucun compte ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>No account is named “%1”.</source>
        <translation>Aucun compte ne s’appelle «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Choose an account first.</source>
        <translation>Choisissez d’abord un compte.</translation>
    </message>
    <message>
        <source>Choose a type of interaction.</source>
        <translation>Choisissez un type d’interaction.</translation>
    </message>
    <message>
        <source>Log %1</source>
        <translation>Saisir %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %1 with %2 (%Ln pt(s)). Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>Enregistré&#xa0;: %1 avec %2 (%Ln pt). Ctrl+Z l’annule.</numerusform>
            <numerusform>Enregistré&#xa0;: %1 avec %2 (%Ln pts). Ctrl+Z l’annule.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoiPanel</name>
    <message>
        <source>revenue %1, cost %2</source>
        <translation>chiffre d’affaires %1, coût %2</translation>
    </message>
    <message>
        <source>the %1 best and %1 worst of %2 target accounts</source>
        <translation>les %1 meilleurs et les %1 moins bons des %2 comptes cibles</translation>
    </message>
    <message>
        <source>ABM return on investment: %1</source>
        <translation>Retour sur investissement ABM&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: ROI %2 (revenue %3, cost %4)</source>
        <translation>%1&#xa0;: ROI %2 (chiffre d’affaires %3, coût %4)</translation>
    </message>
    <message>
        <source>overall %1</source>
        <translation>global %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>key, e.g. trade_show</source>
        <translation>clé, p. ex. salon_pro</translation>
    </message>
    <message>
        <source>label, e.g. Trade show</source>
        <translation>libellé, p. ex. Salon professionnel</translation>
    </message>
    <message>
        <source> pts</source>
        <translation>&#xa0;pts</translation>
    </message>
    <message>
        <source>&amp;Add the type</source>
        <translation>&amp;Ajouter le type</translation>
    </message>
    <message>
        <source>New type:</source>
        <translation>Nouveau type&#xa0;:</translation>
    </message>
    <message>
        <source>Points per interaction type</source>
        <translation>Points par type d’interaction</translation>
    </message>
    <message>
        <source>Points count retroactively: every score is computed again with the new values. A type with 0 points is activity, not engagement.</source>
        <translation>Les points s’appliquent rétroactivement&#xa0;: tous les scores sont recalculés avec les nouvelles valeurs. Un type à 0&#xa0;point est de l’activité, pas de l’engagement.</translation>
    </message>
    <message>
        <source> people</source>
        <translation>&#xa0;personnes</translation>
    </message>
    <message>
        <source> days</source>
        <translation>&#xa0;jours</translation>
    </message>
    <message>
        <source> years</source>
        <translation>&#xa0;ans</translation>
    </message>
    <message>
        <source> %1/h</source>
        <translation>&#xa0;%1/h</translation>
    </message>
    <message>
        <source> %</source>
        <translation>&#xa0;%</translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>Prénom et nom</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s)</source>
        <translation>Automatique (celle du système)</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>La langue change au prochain démarrage.</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Default buying committee size:</source>
        <translation>Taille du comité d’achat par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Engagement window:</source>
        <translation>Fenêtre d’engagement&#xa0;:</translation>
    </message>
    <message>
        <source>Default customer retention:</source>
        <translation>Durée de fidélisation par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Staff hourly cost:</source>
        <translation>Coût horaire du personnel&#xa0;:</translation>
    </message>
    <message>
        <source>Coverage risk threshold:</source>
        <translation>Seuil de risque de couverture&#xa0;:</translation>
    </message>
    <message>
        <source>Currency (ISO code):</source>
        <translation>Devise (code ISO)&#xa0;:</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>Your name (logged with each interaction):</source>
        <translation>Votre nom (enregistré avec chaque interaction)&#xa0;:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>A type key is lower-case letters, digits and “_”, like trade_show.</source>
        <translation>Une clé de type s’écrit en minuscules, chiffres et «&#xa0;_&#xa0;», comme salon_pro.</translation>
    </message>
    <message>
        <source>The type “%1” exists already.</source>
        <translation>Le type «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message numerus="yes">
        <source>%Ln deal(s) · %1</source>
        <translation>
            <numerusform>%Ln affaire · %1</numerusform>
            <numerusform>%Ln affaires · %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageColumnModel</name>
    <message>
        <source>Opened on %1</source>
        <translation>Ouverte le %1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Responsable&#xa0;: %1</translation>
    </message>
    <message>
        <source>No stage recorded yet</source>
        <translation>Aucune étape enregistrée</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) open, no stage yet</source>
        <translation>
            <numerusform>ouverte depuis %n jour, sans étape</numerusform>
            <numerusform>ouverte depuis %n jours, sans étape</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in this stage</source>
        <translation>
            <numerusform>%n jour dans cette étape</numerusform>
            <numerusform>%n jours dans cette étape</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StakeholdersModel</name>
    <message>
        <source>Empty seat</source>
        <translation>Siège à pourvoir</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Identifié</translation>
    </message>
</context>
<context>
    <name>VelocityPanel</name>
    <message>
        <source>ABM %1, non-ABM %2</source>
        <translation>ABM %1, hors ABM %2</translation>
    </message>
    <message>
        <source>cycle: ABM %1, non-ABM %2, reduction %3</source>
        <translation>cycle&#xa0;: ABM %1, hors ABM %2, réduction %3</translation>
    </message>
    <message>
        <source>Pipeline velocity</source>
        <translation>Vélocité du pipeline</translation>
    </message>
    <message>
        <source>%1, %2: %3 on average in the stage</source>
        <translation>%1, %2&#xa0;: %3 en moyenne dans l’étape</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to ABM Desk</source>
        <translation>Bienvenue dans ABM Desk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to ABM Desk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Bienvenue dans ABM Desk&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Your accounts, buying committees, interactions and deals will live in one file on this computer:&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;How do you want to start?</source>
        <translation>Vos comptes, comités d’achat, interactions et affaires seront enregistrés dans un seul fichier sur cet ordinateur&#xa0;:&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;Comment voulez-vous commencer&#xa0;?</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>Commencer avec une base vide</translation>
    </message>
    <message>
        <source>Create your target accounts and their committees yourself.</source>
        <translation>Créez vous-même vos comptes cibles et leurs comités d’achat.</translation>
    </message>
    <message>
        <source>Explore the demo</source>
        <translation>Découvrir la démo</translation>
    </message>
    <message>
        <source>A French B2B firm&apos;s 18 months of ABM: 80 accounts, their committees, 10 000 interactions, deals and costs. Ready in a few seconds.</source>
        <translation>18&#xa0;mois d’ABM d’une entreprise B2B française&#xa0;: 80&#xa0;comptes, leurs comités, 10&#x202f;000&#xa0;interactions, des affaires et des coûts. Prête en quelques secondes.</translation>
    </message>
    <message>
        <source>Import a bundle folder…</source>
        <translation>Importer un dossier d’export…</translation>
    </message>
    <message>
        <source>A folder of ABM Desk CSV files (accounts.csv, stakeholders.csv, interactions.csv…), exported from another computer or prepared by hand.</source>
        <translation>Un dossier de fichiers CSV ABM Desk (accounts.csv, stakeholders.csv, interactions.csv…), exporté d’un autre ordinateur ou préparé à la main.</translation>
    </message>
    <message>
        <source>First and last name (optional)</source>
        <translation>Prénom et nom (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Your name, logged with each interaction:</source>
        <translation>&amp;Votre nom, enregistré avec chaque interaction&#xa0;:</translation>
    </message>
    <message>
        <source>This database cannot be opened: %1</source>
        <translation>Impossible d’ouvrir cette base&#xa0;: %1</translation>
    </message>
    <message>
        <source>Creating the demo data…</source>
        <translation>Création des données de démonstration…</translation>
    </message>
    <message>
        <source>Choose the folder of the bundle</source>
        <translation>Choisir le dossier à importer</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1: %2 rows read</source>
        <translation>%1&#xa0;: %2&#xa0;lignes lues</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written, the database is empty.</source>
        <translation>Import annulé&#xa0;: rien n’a été écrit, la base est vide.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Non importé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The demo data could not be created: %1</source>
        <translation>Les données de démonstration n’ont pas pu être créées&#xa0;: %1</translation>
    </message>
</context>
</TS>
