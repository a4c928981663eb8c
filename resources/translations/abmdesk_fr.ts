<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AccountsTab</name>
    <message>
        <source>Search by name, domain, sector or owner…</source>
        <translation>Rechercher par nom, domaine, secteur ou responsable…</translation>
    </message>
    <message>
        <source>Target accounts only</source>
        <translation>Comptes cibles uniquement</translation>
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
    <name>Columns</name>
    <message>
        <source>Name</source>
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
    <name>InteractionsTab</name>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Only the account above</source>
        <translation>Seulement le compte ci-dessus</translation>
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
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>Depuis le 1er janvier</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
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
        <source>Lifetime value</source>
        <translation>Valeur vie client</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
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
        <source>Computed in %1 s.</source>
        <translation>Calculé en %1&#xa0;s.</translation>
    </message>
    <message>
        <source>The KPI engine is not available in this version.</source>
        <translation>Le calcul des indicateurs n’est pas disponible dans cette version.</translation>
    </message>
    <message>
        <source>The KPIs could not be computed: %1</source>
        <translation>Les indicateurs n’ont pas pu être calculés : %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account(s) with engagement in the window</source>
        <translation>
            <numerusform>%Ln compte engagé sur la fenêtre</numerusform>
            <numerusform>%Ln comptes engagés sur la fenêtre</numerusform>
        </translation>
    </message>
    <message>
        <source>engaged coverage below the threshold</source>
        <translation>couverture engagée sous le seuil</translation>
    </message>
    <message>
        <source>non-ABM: %1 · cycle reduction: %2</source>
        <translation>hors ABM&#xa0;: %1 · réduction du cycle&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
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
        <source>non-ABM: %1</source>
        <translation>hors ABM&#xa0;: %1</translation>
    </message>
    <message>
        <source>revenue %1 · cost %2</source>
        <translation>chiffre d’affaires %1 · coût %2</translation>
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
        <source>size %1</source>
        <translation>taille %1</translation>
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
</context>
<context>
    <name>PipelineTab</name>
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
</context>
<context>
    <name>QuickLogForm</name>
    <message>
        <source>Quick log (Ctrl+L)</source>
        <translation>Saisie rapide (Ctrl+L)</translation>
    </message>
    <message>
        <source>Type an account name…</source>
        <translation>Tapez le nom d’un compte…</translation>
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
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %1 with %2 (%Ln pt(s)).</source>
        <translation>
            <numerusform>Enregistré&#xa0;: %1 avec %2 (%Ln pt).</numerusform>
            <numerusform>Enregistré&#xa0;: %1 avec %2 (%Ln pts).</numerusform>
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
</TS>
