"""The report's words, French and English side by side: ``KEY: (french, english)``.

A document is written for its reader, not for the GUI's language, so its strings are
kept here (``--lang fr|en``) rather than in the GUI's Qt translation files. In the
French templates, the ordinary space before ``:`` ``;`` ``?`` ``!`` is turned into a
no-break space, as French typography wants.
"""

from __future__ import annotations

import re

from abmdesk import domain

TEXTS: dict[str, tuple[str, str]] = {
    # cover and running heads
    "title": ("Rapport au conseil", "Board report"),
    "subtitle": (
        "Marketing par comptes stratégiques (ABM) : indicateurs clés",
        "Account-based marketing (ABM): key indicators",
    ),
    "company_unknown": ("Votre entreprise", "Your company"),
    "period": ("Période", "Period"),
    "compared_with": ("Comparée à", "Compared with"),
    "issued": ("Émis le", "Issued on"),
    "as_of": ("Situation au {date}", "Position as of {date}"),
    "contents": ("Sommaire", "Contents"),
    "page_of": ("Page {n} / {total}", "Page {n} / {total}"),
    "footer": ("ABM Desk — émis le {date}", "ABM Desk — issued on {date}"),
    "cover_note": (
        "Chiffres calculés par ABM Desk selon les définitions de l'annexe méthodologique ; "
        "ils sont arrondis pour la lecture et identiques à ceux de « abmdesk kpis --json » "
        "pour la même période.",
        "Figures computed by ABM Desk with the definitions of the method appendix; they are "
        "rounded for reading and are those of “abmdesk kpis --json” for the same period.",
    ),
    # section titles
    "sec_summary": ("Synthèse", "Executive summary"),
    "sec_engagement": ("1. Engagement des comptes cibles", "1. Engagement of target accounts"),
    "sec_coverage": ("2. Couverture du comité d'achat", "2. Buying committee coverage"),
    "sec_velocity": ("3. Vélocité du pipeline", "3. Pipeline velocity"),
    "sec_conversion": ("4. Conversion par étape", "4. Conversion per stage"),
    "sec_contract_value": ("5. Valeur moyenne des contrats", "5. Average contract value"),
    "sec_clv": ("6. Valeur vie client", "6. Customer lifetime value"),
    "sec_roi": ("7. Retour sur investissement", "7. Return on investment"),
    "sec_risks": ("Risques", "Risks"),
    "sec_top": ("Comptes cibles prioritaires", "Top target accounts"),
    "sec_org": ("Organigrammes des comptes prioritaires", "Org charts of the top accounts"),
    "sec_method": ("Annexe méthodologique", "Method appendix"),
    # headline names
    "kpi_engagement": ("Comptes cibles engagés", "Engaged target accounts"),
    "kpi_coverage": ("Comptes cibles à risque", "Target accounts at risk"),
    "kpi_velocity": ("Vélocité du pipeline ABM", "ABM pipeline velocity"),
    "kpi_conversion": ("Conversion d'étape", "Stage conversion"),
    "kpi_contract_value": ("Valeur moyenne d'un contrat ABM", "Average ABM contract value"),
    "kpi_clv": ("Valeur vie client ABM", "ABM customer lifetime value"),
    "kpi_roi": ("ROI du programme ABM", "ABM programme ROI"),
    "vs_previous": ("vs période précédente", "vs previous period"),
    "previous_value": ("précédente : {value}", "previous: {value}"),
    "detail_engagement": (
        "{engaged} comptes cibles engagés sur {targets}",
        "{engaged} of {targets} target accounts engaged",
    ),
    "detail_coverage": (
        "sur {targets} comptes cibles ; couverture engagée sous {threshold}",
        "of {targets} target accounts; engaged coverage below {threshold}",
    ),
    "detail_velocity": (
        "hors ABM : {other} ; cycle ABM réduit de {reduction}",
        "non-ABM: {other}; ABM cycle shorter by {reduction}",
    ),
    "detail_conversion": (
        "{advanced} passages sur {entered} entrées d'étape",
        "{advanced} advances out of {entered} stage entries",
    ),
    "detail_contract_value": (
        "hors ABM : {other} ; écart : {uplift}",
        "non-ABM: {other}; uplift: {uplift}",
    ),
    "detail_clv": ("hors ABM : {other}", "non-ABM: {other}"),
    "detail_roi": ("chiffre d'affaires {revenue} ; coût {cost}", "revenue {revenue}; cost {cost}"),
    "summary_table": ("Indicateur", "Indicator"),
    "this_period": ("Période", "This period"),
    "previous_period": ("Période précédente", "Previous period"),
    "change": ("Évolution", "Change"),
    "key_points": ("Points clés", "Key points"),
    "kp_roi": (
        "Le programme ABM a rapporté {revenue} de chiffre d'affaires pour {cost} de coûts, "
        "soit un ROI de {roi}.",
        "The ABM programme brought {revenue} of revenue for {cost} of cost: an ROI of {roi}.",
    ),
    "kp_roi_none": (
        "Aucun coût ABM sur la période : le ROI n'est pas calculable.",
        "No ABM cost in the period: the ROI cannot be computed.",
    ),
    "kp_cycle_shorter": (
        "Le cycle de vente ABM est plus court de {reduction} que hors ABM ({abm} contre {other}).",
        "The ABM sales cycle is {reduction} shorter than the non-ABM one ({abm} against {other}).",
    ),
    "kp_cycle_longer": (
        "Le cycle de vente ABM est plus long de {reduction} que hors ABM ({abm} contre {other}).",
        "The ABM sales cycle is {reduction} longer than the non-ABM one ({abm} against {other}).",
    ),
    "kp_uplift": (
        "Un contrat ABM gagné vaut en moyenne {abm}, contre {other} hors ABM ({uplift}).",
        "An ABM deal won is worth {abm} on average, against {other} for non-ABM ({uplift}).",
    ),
    "kp_risks": (
        "À surveiller : {risk} comptes cibles à risque de couverture, {dormant} dormants, "
        "{falling} en baisse d'engagement ; {stalled} affaires ouvertes depuis plus de "
        "{days} jours dans la même étape.",
        "To watch: {risk} target accounts at risk on coverage, {dormant} dormant, {falling} "
        "with falling engagement; {stalled} open deals in the same stage for more than "
        "{days} days.",
    ),
    "good_is_up": ("hausse favorable", "up is good"),
    # engagement
    "intro_engagement": (
        "Le score d'engagement d'un compte est la somme des points de ses interactions sur "
        "les {window} derniers jours de la période (barème en annexe). Un compte cible est "
        "engagé quand son score est positif.",
        "An account's engagement score is the sum of the points of its interactions over "
        "the last {window} days of the period (weights in the appendix). A target account "
        "is engaged when its score is above zero.",
    ),
    "chart_weekly": (
        "Points hebdomadaires des {n} comptes cibles les plus engagés (même échelle)",
        "Weekly points of the {n} most engaged target accounts (same scale)",
    ),
    "weekly_peak": ("pic {points} pts", "peak {points} pts"),
    "fig_targets": ("Comptes cibles", "Target accounts"),
    "fig_engaged": ("Comptes cibles engagés", "Engaged target accounts"),
    "fig_rate": ("Taux de comptes cibles engagés", "Engaged target accounts rate"),
    "fig_dormant": ("Comptes cibles dormants (30 jours)", "Dormant target accounts (30 days)"),
    "fig_trends": (
        "Tendance (4 semaines) : hausse / stable / baisse",
        "Trend (4 weeks): rising / flat / falling",
    ),
    "figure": ("Indicateur", "Figure"),
    "value": ("Valeur", "Value"),
    "table_top_engagement": (
        "Les {n} comptes cibles les plus engagés",
        "The {n} most engaged target accounts",
    ),
    "col_account": ("Compte", "Account"),
    "col_score": ("Score", "Score"),
    "col_last4": ("4 dernières sem.", "Last 4 wk"),
    "col_prev4": ("4 sem. précédentes", "Previous 4 wk"),
    "col_trend": ("Tendance", "Trend"),
    "col_dormant": ("Dormant", "Dormant"),
    "col_weeks": ("Semaines actives", "Active weeks"),
    "yes": ("oui", "yes"),
    "no": ("non", "no"),
    "trend_rising": ("hausse", "rising"),
    "trend_flat": ("stable", "flat"),
    "trend_falling": ("baisse", "falling"),
    "no_target": (
        "Aucun compte cible à la fin de la période.",
        "No target account at the end of the period.",
    ),
    "week_label": ("S{week}", "W{week}"),
    # coverage
    "intro_coverage": (
        "La couverture compare les interlocuteurs connus (identifiés) et ceux qui ont "
        "interagi sur les {window} derniers jours (engagés) à la taille du comité d'achat. "
        "Un compte cible est à risque quand sa couverture engagée est inférieure à "
        "{threshold}.",
        "Coverage compares the people we know (identified) and those who interacted in the "
        "last {window} days (engaged) with the size of the buying committee. A target "
        "account is at risk when its engaged coverage is below {threshold}.",
    ),
    "chart_coverage_all": (
        "Couverture identifiée et engagée des comptes cibles (seuil de risque en pointillés)",
        "Identified and engaged coverage of the target accounts (risk threshold dashed)",
    ),
    "chart_coverage_some": (
        "Les {n} comptes cibles à la couverture engagée la plus faible, sur {total}",
        "The {n} target accounts with the lowest engaged coverage, out of {total}",
    ),
    "identified_coverage": ("Couverture identifiée", "Identified coverage"),
    "engaged_coverage": ("Couverture engagée", "Engaged coverage"),
    "threshold": ("seuil {value}", "threshold {value}"),
    "fig_at_risk": ("Comptes cibles à risque", "Target accounts at risk"),
    "fig_threshold": ("Seuil de risque (couverture engagée)", "Risk threshold (engaged coverage)"),
    "col_committee": ("Comité", "Committee"),
    "col_identified": ("Identifiés", "Identified"),
    "col_engaged": ("Engagés", "Engaged"),
    "col_id_cov": ("Couv. identifiée", "Identified cov."),
    "col_en_cov": ("Couv. engagée", "Engaged cov."),
    "col_ratio": ("Taux d'engagement", "Engagement ratio"),
    "col_roles": ("Rôles couverts", "Role coverage"),
    "col_at_risk": ("À risque", "At risk"),
    # velocity
    "intro_velocity": (
        "Vélocité = affaires ouvertes × taux de gain × montant moyen gagné ÷ durée moyenne "
        "du cycle, en euros par jour. Une affaire est ABM quand son compte était cible à sa "
        "clôture (ou à la fin de la période si elle est ouverte).",
        "Velocity = open deals × win rate × average won amount ÷ average cycle length, in "
        "money per day. A deal is ABM when its account was a target when it closed (or at "
        "the end of the period when it is open).",
    ),
    "chart_stage_days": (
        "Durée moyenne dans chaque étape (jours), ABM et hors ABM",
        "Average days in each stage, ABM and non-ABM",
    ),
    "abm": ("ABM", "ABM"),
    "non_abm": ("Hors ABM", "Non-ABM"),
    "all": ("Ensemble", "All deals"),
    "col_program": ("Affaires", "Deals"),
    "col_open": ("Ouvertes", "Open"),
    "col_won": ("Gagnées", "Won"),
    "col_lost": ("Perdues", "Lost"),
    "col_win_rate": ("Taux de gain", "Win rate"),
    "col_avg_won": ("Montant moyen gagné", "Average won amount"),
    "col_cycle": ("Cycle moyen", "Average cycle"),
    "col_velocity": ("Vélocité", "Velocity"),
    "col_stage": ("Étape", "Stage"),
    "cycle_reduction": (
        "Réduction du cycle de vente ABM par rapport au hors ABM : {value}.",
        "Sales cycle reduction, ABM against non-ABM: {value}.",
    ),
    "table_stage_days": ("Durée moyenne par étape (jours)", "Average days per stage"),
    # conversion
    "intro_conversion": (
        "Pour chaque étape : les affaires entrées pour la première fois dans l'étape sur la "
        "période, et celles qui ont ensuite atteint une étape plus avancée ou ont été "
        "gagnées (au plus tard à la fin de la période).",
        "For each stage: the deals that first entered the stage in the period, and those "
        "that then reached a later stage or were won (by the end of the period).",
    ),
    "chart_funnel": ("Entonnoir de conversion (toutes affaires)", "Conversion funnel (all deals)"),
    "funnel_caption": ("{entered} entrées → {advanced}", "{entered} entered → {advanced}"),
    "col_entered": ("Entrées", "Entered"),
    "col_advanced": ("Avancées", "Advanced"),
    "col_rate": ("Taux", "Rate"),
    "by_sector": (
        "Taux de conversion par secteur (entrées)",
        "Conversion rate by sector (entered)",
    ),
    "by_size": (
        "Taux de conversion par taille d'entreprise (entrées)",
        "Conversion rate by company size (entered)",
    ),
    "col_sector": ("Secteur", "Sector"),
    "col_size": ("Effectif", "Employees"),
    "unknown_sector": ("Secteur inconnu", "Unknown sector"),
    "unknown_size": ("Effectif inconnu", "Unknown size"),
    "size_band": ("{band} salariés", "{band} employees"),
    "no_conversion": (
        "Aucune affaire n'est entrée dans une étape sur la période.",
        "No deal entered a stage in the period.",
    ),
    # contract value
    "intro_contract_value": (
        "Montant moyen des affaires gagnées et clôturées sur la période, ABM et hors ABM ; "
        "l'écart est le rapport des deux moyennes moins un.",
        "Mean amount of the deals won and closed in the period, ABM and non-ABM; the uplift "
        "is the ratio of the two means minus one.",
    ),
    "chart_contract_value": ("Valeur moyenne d'un contrat gagné", "Average value of a won deal"),
    "col_won_deals": ("Affaires gagnées", "Won deals"),
    "col_average": ("Valeur moyenne", "Average value"),
    "uplift": ("Écart ABM / hors ABM : {value}.", "ABM uplift over non-ABM: {value}."),
    "table_won": (
        "Les plus grosses affaires gagnées sur la période ({n} sur {total})",
        "The largest deals won in the period ({n} of {total})",
    ),
    "col_closed": ("Gagnée le", "Won on"),
    # clv
    "intro_clv": (
        "Valeur vie = revenu annuel récurrent des contrats « new » actifs × années de "
        "rétention × (1 + taux d'upsell). Les moyennes portent sur les comptes ayant un "
        "revenu récurrent.",
        "Lifetime value = annual recurring revenue of the active “new” contracts × retention "
        "years × (1 + upsell rate). The averages are over the accounts with recurring "
        "revenue.",
    ),
    "chart_clv": (
        "Les {n} comptes à la plus forte valeur vie",
        "The {n} accounts with the highest lifetime value",
    ),
    "target_account": ("Compte cible", "Target account"),
    "other_account": ("Autre compte", "Other account"),
    "col_target": ("Cible", "Target"),
    "col_base_arr": ("Revenu annuel (new)", "Annual revenue (new)"),
    "col_upsell": ("Taux d'upsell", "Upsell rate"),
    "col_retention": ("Rétention (ans)", "Retention (years)"),
    "col_clv": ("Valeur vie", "Lifetime value"),
    "avg_clv_abm": ("Moyenne des comptes cibles", "Average, target accounts"),
    "avg_clv_other": ("Moyenne des autres comptes", "Average, other accounts"),
    "no_clv": (
        "Aucun contrat actif à la fin de la période.",
        "No active contract at the end of the period.",
    ),
    # roi
    "intro_roi": (
        "ROI = (chiffre d'affaires ABM − coûts ABM) ÷ coûts ABM. Le chiffre d'affaires est "
        "celui des affaires ABM gagnées sur la période ; les coûts sont les dépenses du "
        "programme ABM et le temps passé sur les comptes cibles ({rate} de l'heure).",
        "ROI = (ABM revenue − ABM cost) ÷ ABM cost. Revenue is that of the ABM deals won in "
        "the period; cost is the ABM programme's spending plus the time spent on target "
        "accounts ({rate} an hour).",
    ),
    "chart_roi_accounts": ("ROI par compte cible", "ROI per target account"),
    "chart_roi_some": (
        "ROI par compte cible : les {best} meilleurs et les {worst} moins bons, sur {total}",
        "ROI per target account: the {best} best and the {worst} worst, out of {total}",
    ),
    "col_revenue": ("Chiffre d'affaires", "Revenue"),
    "col_cost": ("Coût", "Cost"),
    "col_roi": ("ROI", "ROI"),
    "roi_revenue": ("Chiffre d'affaires ABM", "ABM revenue"),
    "roi_programme": ("Dépenses du programme ABM", "ABM programme spending"),
    "roi_staff": ("Temps passé sur les comptes cibles", "Time spent on target accounts"),
    "roi_cost": ("Coût total", "Total cost"),
    "roi_roi": ("ROI", "ROI"),
    "no_roi_accounts": ("Aucun compte cible.", "No target account."),
    # risks
    "intro_risks": (
        "Les comptes cibles et les affaires qui demandent une action. Chaque liste est "
        "limitée aux {n} premiers cas ; l'application donne la liste complète.",
        "The target accounts and deals that need action. Each list shows the first {n} "
        "cases; the application has the full list.",
    ),
    "risk_coverage": (
        "Couverture insuffisante : {n} comptes cibles",
        "Coverage too low: {n} target accounts",
    ),
    "risk_dormant": (
        "Comptes cibles dormants (aucune interaction à points depuis 30 jours) : {n}",
        "Dormant target accounts (no interaction with points in 30 days): {n}",
    ),
    "risk_falling": (
        "Engagement en baisse (4 dernières semaines contre les 4 précédentes) : {n}",
        "Falling engagement (last 4 weeks against the 4 before): {n}",
    ),
    "risk_stalled": (
        "Affaires bloquées : les plus longues dans leur étape actuelle, sur {n} ouvertes",
        "Stalled deals: longest in their current stage, out of {n} open",
    ),
    "col_deal": ("Affaire", "Deal"),
    "col_since": ("Depuis le", "Since"),
    "col_days_stage": ("Jours dans l'étape", "Days in stage"),
    "col_amount": ("Montant", "Amount"),
    "col_abm": ("ABM", "ABM"),
    "col_change": ("Évolution", "Change"),
    "more": ("… et {n} autres", "… and {n} more"),
    "none": ("Aucun.", "None."),
    "no_stage": ("sans étape", "no stage"),
    # top accounts
    "intro_top": (
        "Les {n} comptes cibles au plus fort score d'engagement, avec leur couverture, leur "
        "pipeline ouvert et la prochaine étape conseillée (règle en annexe).",
        "The {n} target accounts with the highest engagement score, with their coverage, "
        "their open pipeline and the suggested next step (rule in the appendix).",
    ),
    "col_pipeline": ("Pipeline ouvert", "Open pipeline"),
    "col_next": ("Prochaine étape", "Next step"),
    "step_close_negotiation": (
        "Conclure la négociation ({detail})",
        "Close the negotiation ({detail})",
    ),
    "step_identify_role": ("Identifier {detail}", "Identify the {detail}"),
    "step_plan_meeting": ("Planifier un rendez-vous", "Plan a meeting"),
    "step_widen_committee": ("Engager d'autres membres du comité", "Engage more of the committee"),
    "step_follow_up_proposal": (
        "Relancer la proposition ({detail})",
        "Follow up the proposal ({detail})",
    ),
    "step_keep_warm": ("Entretenir la relation", "Keep the relationship going"),
    "role_article_decision_maker": ("le décideur", "decision maker"),
    "role_article_sponsor": ("le sponsor", "sponsor"),
    "role_article_influencer": ("l'influenceur", "influencer"),
    "role_article_end_user": ("l'utilisateur final", "end user"),
    "col_owner": ("Responsable", "Owner"),
    "col_last_meeting": ("Dernier rendez-vous", "Last meeting"),
    # org charts
    "intro_org": (
        "Comités d'achat des {n} premiers comptes cibles. Les cartes sont d'autant plus "
        "foncées que la personne a cumulé de points sur les {window} derniers jours ; les "
        "postes à pourvoir sont en pointillés gris, les rôles requis que personne n'occupe "
        "en pointillés rouges.",
        "Buying committees of the top {n} target accounts. The more points a person earned "
        "in the last {window} days, the darker the card; empty seats are dashed grey, "
        "required roles nobody holds dashed red.",
    ),
    "org_header": (
        "couverture engagée {coverage} ; rôles couverts {roles}",
        "engaged coverage {coverage}; roles covered {roles}",
    ),
    "org_at_risk": ("à risque", "at risk"),
    "org_points": ("{points} pts", "{points} pts"),
    "org_no_points": ("aucun point", "no points"),
    "org_empty_seat": ("Poste à pourvoir", "Empty seat"),
    "org_missing": ("Rôle manquant", "Missing role"),
    "org_nobody": ("Personne n'occupe ce rôle", "Nobody holds this role"),
    "org_no_role": ("rôle non renseigné", "no role set"),
    "org_empty": ("Aucun interlocuteur enregistré.", "No stakeholder recorded."),
    "legend_none": ("sans point", "no points"),
    "legend_some": ("quelques points", "a few points"),
    "legend_most": ("les plus engagés", "most engaged"),
    # method appendix
    "method_intro": (
        "Les définitions ci-dessous sont celles du cahier des charges d'ABM Desk "
        "(section 3). La période va du {start} au {end} inclus ; la fin de la période est "
        "aussi la date de situation des chiffres « à date ». Un rapport sans dénominateur "
        "(division par zéro) est indiqué « — ».",
        "The definitions below are those of the ABM Desk specification (section 3). The "
        "period runs from {start} to {end} inclusive; its end is also the date of the "
        "point-in-time figures. A ratio without denominator (division by zero) is shown "
        "as “—”.",
    ),
    "m_target_t": ("Comptes cibles et affaires ABM", "Target accounts and ABM deals"),
    "m_target": (
        "Un compte est cible à une date s'il est marqué comme cible et que sa date d'entrée "
        "dans le programme est vide ou antérieure. Une affaire est ABM si son compte était "
        "cible à la date de clôture (ou à la fin de la période pour une affaire ouverte).",
        "An account is a target at a date when it is marked as a target and its date of "
        "entry into the programme is empty or earlier. A deal is ABM when its account was "
        "a target on its closing date (or at the end of the period for an open deal).",
    ),
    "m_engagement": (
        "Score = somme des points des interactions du compte sur les {window} jours qui "
        "finissent à la fin de la période. Points hebdomadaires : par semaine ISO (lundi) "
        "de la période. Tendance : points des 28 derniers jours contre les 28 précédents, "
        "en hausse au-delà de +10 %, en baisse en deçà de −10 %. Dormant : aucune "
        "interaction à points sur les 30 derniers jours. Taux de comptes cibles engagés = "
        "comptes cibles au score positif ÷ comptes cibles.",
        "Score = sum of the points of the account's interactions over the {window} days "
        "ending at the end of the period. Weekly points: per ISO week (Monday) of the "
        "period. Trend: points of the last 28 days against the 28 before, rising above "
        "+10 %, falling below −10 %. Dormant: no interaction with points in the last 30 "
        "days. Engaged target accounts rate = target accounts with a score above zero ÷ "
        "target accounts.",
    ),
    "m_coverage": (
        "Identifiés = interlocuteurs enregistrés (hors postes à pourvoir). Engagés = "
        "identifiés ayant au moins une interaction à points sur les {window} derniers jours. "
        "Taille du comité = la plus grande valeur entre celle du compte (à défaut {size}) et "
        "le nombre d'identifiés. Couverture identifiée = identifiés ÷ comité ; couverture "
        "engagée = engagés ÷ comité ; taux d'engagement = engagés ÷ identifiés. Rôles "
        "couverts = rôles requis (décideur, sponsor, influenceur, utilisateur final) tenus "
        "par au moins un engagé ÷ 4. À risque : compte cible dont la couverture engagée est "
        "inférieure à {threshold}.",
        "Identified = recorded stakeholders (empty seats excluded). Engaged = identified "
        "people with at least one interaction with points in the last {window} days. "
        "Committee size = the larger of the account's own (else {size}) and the number "
        "identified. Identified coverage = identified ÷ committee; engaged coverage = "
        "engaged ÷ committee; engagement ratio = engaged ÷ identified. Role coverage = "
        "required roles (decision maker, sponsor, influencer, end user) held by at least "
        "one engaged person ÷ 4. At risk: a target account whose engaged coverage is below "
        "{threshold}.",
    ),
    "m_velocity": (
        "Affaires clôturées = gagnées ou perdues avec une clôture dans la période. Taux de "
        "gain = gagnées ÷ (gagnées + perdues). Montant moyen gagné et cycle moyen (de la "
        "création à la clôture, en jours) sur les affaires gagnées. Affaires ouvertes = "
        "créées au plus tard à la fin de la période et non clôturées à cette date. Vélocité "
        "= ouvertes × taux de gain × montant moyen ÷ cycle moyen. Durée par étape : d'un "
        "changement d'étape au suivant (ou à la clôture), pour les séjours qui se terminent "
        "dans la période. Réduction du cycle = 1 − cycle ABM ÷ cycle hors ABM.",
        "Closed deals = won or lost with a closing date in the period. Win rate = won ÷ "
        "(won + lost). Average won amount and average cycle (from creation to closing, in "
        "days) over the won deals. Open deals = created by the end of the period and not "
        "closed by then. Velocity = open × win rate × average amount ÷ average cycle. Days "
        "in stage: from one stage change to the next (or to closing), for the stays that "
        "end in the period. Cycle reduction = 1 − ABM cycle ÷ non-ABM cycle.",
    ),
    "m_conversion": (
        "Pour chaque étape : entrées = affaires entrées pour la première fois dans l'étape "
        "pendant la période ; avancées = celles qui ont ensuite atteint une étape plus "
        "avancée ou ont été gagnées au plus tard à la fin de la période ; taux = avancées ÷ "
        "entrées. Le chiffre de synthèse additionne les avancées et les entrées de toutes "
        "les étapes.",
        "For each stage: entered = deals that first entered the stage in the period; "
        "advanced = those that then reached a later stage or were won by the end of the "
        "period; rate = advanced ÷ entered. The headline figure adds up the advances and "
        "the entries of every stage.",
    ),
    "m_contract_value": (
        "Moyenne des montants des affaires gagnées clôturées dans la période, ABM et hors "
        "ABM ; écart = moyenne ABM ÷ moyenne hors ABM − 1.",
        "Mean amount of the won deals closed in the period, ABM and non-ABM; uplift = ABM "
        "mean ÷ non-ABM mean − 1.",
    ),
    "m_clv": (
        "Un contrat est actif s'il a commencé au plus tard à la fin de la période et n'est "
        "pas terminé. Revenu de base = somme des contrats « new » actifs ; taux d'upsell = "
        "contrats « upsell » actifs ÷ revenu de base ; valeur vie = revenu de base × années "
        "de rétention (celles du compte, à défaut {years}) × (1 + taux d'upsell). Exemple : "
        "50 000 € par an, 5 ans, 20 % d'upsell donnent 300 000 €.",
        "A contract is active when it started by the end of the period and has not ended. "
        "Base revenue = sum of the active “new” contracts; upsell rate = active “upsell” "
        "contracts ÷ base revenue; lifetime value = base revenue × retention years (the "
        "account's, else {years}) × (1 + upsell rate). Example: 50,000 a year, 5 years, "
        "20 % upsell make 300,000.",
    ),
    "m_roi": (
        "Chiffre d'affaires = affaires ABM gagnées dans la période. Coût = dépenses du "
        "programme ABM datées de la période + temps passé sur les comptes cibles (durée des "
        "interactions × {rate} de l'heure). ROI = (chiffre d'affaires − coût) ÷ coût ; "
        "exemple : 200 000 € pour 50 000 € de coût donnent 300 %. Par compte cible : son "
        "chiffre d'affaires, ses dépenses propres, une part égale des dépenses non affectées "
        "et son temps passé.",
        "Revenue = ABM deals won in the period. Cost = ABM programme spending dated in the "
        "period + time spent on target accounts (interaction durations × {rate} an hour). "
        "ROI = (revenue − cost) ÷ cost; example: 200,000 for a cost of 50,000 make 300 %. "
        "Per target account: its revenue, its own spending, an equal share of the spending "
        "assigned to no account, and its time spent.",
    ),
    "m_next_t": ("Prochaine étape conseillée", "Suggested next step"),
    "m_next": (
        "Première règle qui s'applique : 1. une affaire ouverte en négociation → conclure la "
        "négociation ; 2. un rôle requis qu'aucun interlocuteur identifié ne tient → "
        "identifier ce rôle ; 3. aucun rendez-vous depuis {days} jours → planifier un "
        "rendez-vous ; 4. compte à risque de couverture → engager d'autres membres du "
        "comité ; 5. une affaire ouverte au stade de la proposition → relancer la "
        "proposition ; 6. sinon → entretenir la relation.",
        "The first rule that applies: 1. an open deal in negotiation → close the "
        "negotiation; 2. a required role no identified stakeholder holds → identify that "
        "role; 3. no meeting in {days} days → plan a meeting; 4. account at risk on "
        "coverage → engage more of the committee; 5. an open deal at the proposal stage → "
        "follow up the proposal; 6. otherwise → keep the relationship going.",
    ),
    "m_stalled": (
        "Affaires bloquées : affaires ouvertes à la fin de la période, classées par le "
        "temps passé depuis leur dernier changement d'étape.",
        "Stalled deals: deals open at the end of the period, ranked by the time since "
        "their last stage change.",
    ),
    "m_weights_t": ("Barème des points en vigueur", "Scoring weights in force"),
    "m_params_t": ("Paramètres en vigueur", "Settings in force"),
    "col_type": ("Type d'interaction", "Interaction type"),
    "col_key": ("Code", "Key"),
    "col_points": ("Points", "Points"),
    "p_window": ("Fenêtre d'engagement", "Engagement window"),
    "p_committee": ("Taille de comité par défaut", "Default committee size"),
    "p_retention": ("Rétention par défaut", "Default retention"),
    "p_threshold": ("Seuil de risque de couverture", "Coverage risk threshold"),
    "p_hourly": ("Coût horaire du temps commercial", "Staff hourly cost"),
    "p_currency": ("Devise", "Currency"),
    "days_n": ("{n} jours", "{n} days"),
    "people_n": ("{n} personnes", "{n} people"),
    "years_n": ("{n} ans", "{n} years"),
    "m_rounding": (
        "Arrondis : pourcentages à un chiffre après la virgule, montants à l'euro dans les "
        "textes et graphiques et au centime dans les tableaux, durées au dixième de jour. "
        "Les valeurs exactes sont celles de « abmdesk kpis --json » pour la même période.",
        "Rounding: percentages to one decimal, amounts to the unit in texts and charts and "
        "to the cent in tables, durations to a tenth of a day. The exact values are those "
        "of “abmdesk kpis --json” for the same period.",
    ),
}

#: Labels of the default interaction types (others show their stored label).
TYPE_LABELS: dict[str, tuple[str, str]] = {
    "web_visit": ("Visite du site", "Web visit"),
    "email_open": ("Ouverture d'e-mail", "Email open"),
    "social_engagement": ("Interaction sur les réseaux sociaux", "Social engagement"),
    "email_reply": ("Réponse à un e-mail", "Email reply"),
    "content_download": ("Téléchargement de contenu", "Content download"),
    "call": ("Appel", "Call"),
    "event": ("Événement", "Event"),
    "demo_request": ("Demande de démonstration", "Demo request"),
    "meeting": ("Rendez-vous", "Meeting"),
    "email_sent": ("E-mail envoyé", "Email sent"),
}

_FRENCH_SPACES = (
    (" :", "\u00a0:"),
    (" ;", "\u00a0;"),
    (" ?", "\u00a0?"),
    (" !", "\u00a0!"),
    ("« ", "«\u00a0"),
    (" »", "\u00a0»"),
    (" €", "\u00a0€"),
)
_DIGIT_GROUPS = re.compile(r"(?<=\d) (?=\d{3}\b)")


def text(lang: str, key: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``{name}`` placeholders filled in."""
    fr, en = TEXTS[key]
    template = fr if lang == "fr" else en
    if lang == "fr":
        for plain, fixed in _FRENCH_SPACES:
            template = template.replace(plain, fixed)
        template = template.replace(" %", "\u202f%")
        template = _DIGIT_GROUPS.sub("\u202f", template)
    return template.format(**values) if values else template


def stage_label(lang: str, stage: str | None) -> str:
    if stage is None:
        return text(lang, "no_stage")
    fr, en = domain.STAGE_LABELS.get(stage, (stage, stage))
    return fr if lang == "fr" else en


def role_label(lang: str, role: str | None) -> str:
    if not role:
        return ""
    fr, en = domain.ROLE_LABELS.get(role, (role, role))
    return fr if lang == "fr" else en


def type_label(lang: str, key: str, stored: str | None = None) -> str:
    if key in TYPE_LABELS:
        fr, en = TYPE_LABELS[key]
        return fr if lang == "fr" else en
    return stored or key
