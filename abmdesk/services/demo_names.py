"""Word lists for the demo data: French companies, people, job titles, notes.

Everything here is invented; any resemblance to a real company is a coincidence of
common French surnames and words.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The company that uses ABM Desk in the demo: a B2B software and services firm in Lyon.
COMPANY_NAME = "Nexalis Conseil"
#: Its sales reps (account owners, deal owners, who logs interactions).
REPS: tuple[str, ...] = ("Camille Martin", "Julien Bernard", "Sophie Lefèvre", "Thomas Girard")
#: How many accounts each rep holds, relatively.
REP_WEIGHTS: tuple[float, ...] = (1.2, 1.0, 1.0, 0.8)
#: The person using this laptop in the demo.
USER_NAME = "Camille Martin"
STAFF_HOURLY_COST = 45

# fmt: off

FIRST_NAMES_F: tuple[str, ...] = (
    "Hélène", "Zoé", "Cécile", "Gaëlle", "Amélie", "Aurélie", "Élodie", "Émilie", "Mélanie",
    "Noémie", "Anaïs", "Léa", "Chloé", "Maëlle", "Agnès", "Valérie", "Séverine", "Inès",
    "Béatrice", "Geneviève", "Océane", "Laëtitia", "Françoise", "Thérèse", "Clémence",
    "Héloïse", "Marie", "Julie", "Camille", "Sophie", "Isabelle", "Nathalie", "Sandrine",
    "Céline", "Caroline", "Claire", "Anne", "Laure", "Sarah", "Pauline", "Manon", "Justine",
    "Margaux", "Charlotte", "Juliette", "Lucie", "Audrey", "Virginie", "Stéphanie", "Delphine",
    "Karine", "Florence", "Sylvie", "Christelle", "Marion", "Alice", "Émeline", "Solène",
    "Anne-Sophie", "Marie-Hélène", "Élise", "Coralie", "Estelle", "Myriam", "Nadia", "Leïla",
)
FIRST_NAMES_M: tuple[str, ...] = (
    "François", "Loïc", "Benoît", "Jérôme", "Frédéric", "Stéphane", "Clément", "Jérémy",
    "Sébastien", "Raphaël", "Gaël", "Joël", "Noël", "Hervé", "André", "René", "Théo",
    "Léo", "Grégoire", "Rémi", "Cédric", "Aurélien", "Maël", "Mathéo", "Anthony", "Nicolas",
    "Pierre", "Thomas", "Laurent", "Philippe", "Olivier", "Christophe", "David", "Julien",
    "Vincent", "Guillaume", "Antoine", "Alexandre", "Maxime", "Romain", "Mathieu", "Arnaud",
    "Fabien", "Xavier", "Yann", "Bruno", "Éric", "Pascal", "Didier", "Thierry", "Patrick",
    "Emmanuel", "Damien", "Florian", "Kévin", "Hugo", "Lucas", "Bastien", "Jean-François",
    "Jean-Luc", "Pierre-Yves", "Marc-Antoine", "Karim", "Mehdi", "Yannick", "Tanguy",
)
SURNAMES: tuple[str, ...] = (
    "Lefèvre", "Dupré", "Géraud", "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard",
    "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Leroy", "Roux", "David",
    "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
    "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc",
    "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
    "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Masson",
    "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
    "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier",
    "Arnaud", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal",
    "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix",
    "Olivier", "Bourgeois", "Benoît", "Rey", "Leclerc", "Rolland", "Guillaume", "Lecomte",
    "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Dupuis", "Moulin", "Deschamps",
    "Huet", "Vasseur", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Poirier",
    "Marty", "Aubry", "Guyot", "Carré", "Charpentier", "Ménard", "Maillard", "Baron",
    "Bertin", "Bailly", "Hervé", "Schneider", "Le Gall", "Collet", "Léger", "Bouvier",
    "Prévost", "Millet", "Perrot", "Cousin", "Germain", "Breton", "Besson", "Langlois",
    "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun",
    "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Monnier", "Michaud", "Guichard",
    "Gillet", "Étienne", "Poulain", "Tessier", "Chauvin", "Da Silva", "Bouchet", "Lemaître",
    "Bénard", "Maréchal", "Humbert", "Reynaud", "Perret", "Barthélemy", "Cordier", "Pichon",
    "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Laporte", "Delorme", "Bérenger",
    "Thévenin", "Sénéchal", "Frémont", "Pépin", "Crémieux", "Lépine", "Chénier", "Desmoulins",
    "Favre", "Jourdan", "Ferrand", "Bouchard", "Gonnet", "Chapuis", "Bonnefoy", "Vial",
    "Rochette", "Chabert", "Dufresne", "Thibault", "Brémond", "Grégoire", "Orsini", "N'Diaye",
    "Benali", "Haddad", "Nguyen", "Ferreira", "Dos Santos", "Kowalski", "D'Almeida",
)

#: Invented brand-like words for group names ("Groupe Hélios Santé").
CONCEPTS: tuple[str, ...] = (
    "Hélios", "Alpinéa", "Nova", "Aurore", "Orion", "Vega", "Atlas", "Azur", "Éolia", "Axéa",
    "Cétia", "Lumina", "Sequana", "Rhodanie", "Arvéa", "Ondine", "Vectis", "Oréade", "Altéa",
    "Sylvéa", "Kerys", "Néréis", "Opale", "Émeraude", "Boréal", "Équinoxe", "Zénith", "Cobalt",
    "Ambre", "Iris", "Odyssée", "Synergie", "Arpège", "Citéa", "Valoria", "Terralis", "Verdéa",
    "Lysandre", "Périclès", "Solenne", "Hermine", "Calypso", "Mistral", "Alizé", "Tramontane",
    "Sirius", "Pléiade", "Argos", "Néotis", "Quartz",
)

#: (with its article, slug for domains).
REGIONS: tuple[tuple[str, str], ...] = (
    ("du Beaujolais", "beaujolais"), ("des Alpes", "alpes"), ("de la Loire", "loire"),
    ("du Dauphiné", "dauphine"), ("de Savoie", "savoie"), ("du Forez", "forez"),
    ("du Jura", "jura"), ("du Vercors", "vercors"), ("des Dombes", "dombes"),
    ("de Bourgogne", "bourgogne"), ("du Lyonnais", "lyonnais"), ("du Rhône", "rhone"),
    ("de l'Isère", "isere"), ("de l'Ain", "ain"), ("du Val de Saône", "val-de-saone"),
    ("des Monts d'Or", "monts-dor"), ("de Provence", "provence"), ("d'Auvergne", "auvergne"),
    ("du Pilat", "pilat"), ("de Bresse", "bresse"), ("du Bugey", "bugey"),
    ("du Léman", "leman"), ("de Chartreuse", "chartreuse"), ("du Mont-Blanc", "mont-blanc"),
    ("de Bretagne", "bretagne"), ("d'Alsace", "alsace"), ("du Languedoc", "languedoc"),
    ("de Normandie", "normandie"), ("des Vosges", "vosges"), ("du Périgord", "perigord"),
    ("de Gascogne", "gascogne"), ("des Cévennes", "cevennes"), ("du Morvan", "morvan"),
    ("de Touraine", "touraine"), ("du Vivarais", "vivarais"), ("de Champagne", "champagne"),
)

TOWNS: tuple[str, ...] = (
    "Lyon", "Villeurbanne", "Grenoble", "Saint-Étienne", "Annecy", "Chambéry", "Valence",
    "Bourg-en-Bresse", "Mâcon", "Clermont-Ferrand", "Roanne", "Vienne",
    "Villefranche-sur-Saône", "Oyonnax", "Montélimar", "Aix-les-Bains", "Thonon-les-Bains",
    "Dijon", "Besançon", "Marseille", "Nice", "Toulouse", "Bordeaux", "Nantes", "Rennes",
    "Lille", "Strasbourg", "Metz", "Nancy", "Reims", "Rouen", "Caen", "Tours", "Orléans",
    "Limoges", "Poitiers", "Angers", "Le Mans", "Brest", "Quimper", "Vannes", "Lorient", "Pau",
    "Bayonne", "Perpignan", "Montpellier", "Nîmes", "Avignon", "Toulon", "Aix-en-Provence",
    "Amiens", "Troyes", "Colmar", "Mulhouse", "Belfort", "Chalon-sur-Saône", "Auxerre",
    "Nevers", "Bourges", "Châteauroux", "Niort", "La Rochelle", "Angoulême", "Périgueux",
    "Agen", "Albi", "Rodez", "Aurillac", "Le Puy-en-Velay", "Vichy", "Moulins", "Montluçon",
    "Annemasse", "Albertville", "Romans-sur-Isère", "Saint-Chamond", "Givors", "Vénissieux",
    "Écully", "Tarare", "Belley", "Ambérieu-en-Bugey", "Voiron", "Bourgoin-Jallieu",
    "Villefontaine", "Saint-Priest", "Meyzieu", "Rillieux-la-Pape", "Oullins", "Bron",
    "Caluire-et-Cuire", "Sallanches", "Cluses", "Cognac", "Laval", "Cholet", "Saint-Malo",
    "Lannion", "Épinal", "Châlons-en-Champagne", "Évreux", "Le Havre", "Dunkerque", "Arras",
    "Valenciennes", "Béziers", "Sète", "Arles", "Fréjus", "Gap", "Digne-les-Bains",
)

SAINTS: tuple[str, ...] = (
    "Saint-Joseph", "Sainte-Marie", "Saint-Vincent", "Saint-Luc", "Sainte-Anne",
    "Saint-Roch", "Saint-Martin", "Sainte-Claire", "Saint-Benoît", "Sainte-Élisabeth",
    "du Parc", "des Cèdres", "des Tilleuls", "du Val d'Ouest", "des Lilas", "de la Sauvegarde",
    "du Tonkin", "des Portes du Sud", "de l'Espérance", "Belledonne", "Mont-Riant",
)


@dataclass(frozen=True)
class Sector:
    """A sector label, its share of accounts and how its companies are called.

    ``patterns`` holds (name format, domain format, size hint, weight); the formats use
    ``{surname}``, ``{concept}``, ``{region}``, ``{town}``, ``{de_town}``, ``{saint}`` and
    ``{form}`` (the legal form). Size hints: ``s`` small, ``m`` medium, ``l`` large.
    """

    label: str
    weight: float
    patterns: tuple[tuple[str, str, str, float], ...]


SECTORS: tuple[Sector, ...] = (
    Sector("Industrie", 15, (
        ("Fonderie {surname} {form}", "fonderie-{surname}", "m", 1),
        ("Mécanique de précision {surname} {form}", "{surname}-meca", "s", 1),
        ("Usinage {surname} & Fils", "usinage-{surname}", "s", 1),
        ("Plasturgie {region} {form}", "plasturgie-{region}", "m", 1),
        ("Forges {region}", "forges-{region}", "m", 0.7),
        ("Chaudronnerie {surname} {form}", "chaudronnerie-{surname}", "s", 1),
        ("Cartonnages {surname} {form}", "cartonnages-{surname}", "m", 0.8),
        ("{concept} Industries {form}", "{concept}-industries", "l", 1.5),
        ("Groupe {concept} Composites", "{concept}-composites", "l", 0.8),
        ("Établissements {surname}", "ets-{surname}", "s", 1),
        ("{surname} Robinetterie {form}", "{surname}-robinetterie", "m", 0.6),
        ("Ateliers {surname} {form}", "ateliers-{surname}", "s", 1),
    )),
    Sector("Agroalimentaire", 11, (
        ("Fromagerie {surname} {form}", "{surname}-fromages", "m", 1.5),
        ("Biscuiterie {surname} {form}", "biscuiterie-{surname}", "m", 1),
        ("Laiterie {region}", "laiterie-{region}", "m", 1),
        ("Conserverie {surname} {form}", "conserverie-{surname}", "s", 0.8),
        ("Salaisons {region}", "salaisons-{region}", "m", 0.8),
        ("Chocolaterie {surname} {form}", "chocolat-{surname}", "s", 0.8),
        ("Minoterie {surname} & Fils", "minoterie-{surname}", "s", 0.7),
        ("Brasserie {region}", "brasserie-{region}", "s", 0.8),
        ("Groupe {concept} Alimentaire", "{concept}-alimentaire", "l", 1),
        ("Vergers {region}", "vergers-{region}", "m", 0.7),
    )),
    Sector("Santé", 9, (
        ("Groupe {concept} Santé", "{concept}-sante", "l", 1.2),
        ("Clinique {saint} {de_town}", "clinique-{saint}-{town}", "m", 1.2),
        ("Laboratoires {surname} {form}", "labo-{surname}", "m", 1),
        ("Orthopédie {surname} {form}", "{surname}-orthopedie", "s", 0.7),
        ("Centre hospitalier {de_town}", "ch-{town}", "l", 0.5),
        ("{concept} Biologie médicale", "{concept}-biologie", "m", 0.8),
        ("Polyclinique {region}", "polyclinique-{region}", "m", 0.6),
    )),
    Sector("BTP", 11, (
        ("Constructions {surname} {form}", "constructions-{surname}", "m", 1.2),
        ("Charpentes {surname} & Fils", "charpentes-{surname}", "s", 1),
        ("Menuiserie {surname} {form}", "menuiserie-{surname}", "s", 1),
        ("Terrassements {region}", "terrassements-{region}", "m", 0.8),
        ("Bâtiment {region} {form}", "batiment-{region}", "m", 0.7),
        ("{surname} Travaux publics {form}", "{surname}-tp", "m", 1),
        ("Groupe {concept} Construction", "{concept}-construction", "l", 0.9),
        ("Couverture {surname} {form}", "couverture-{surname}", "s", 0.6),
    )),
    Sector("Transport et logistique", 10, (
        ("Transports {surname} & Fils", "transports-{surname}", "m", 1.5),
        ("{surname} Logistique {form}", "{surname}-logistique", "m", 1.2),
        ("Messageries {region}", "messageries-{region}", "m", 0.8),
        ("Déménagements {surname} {form}", "demenagements-{surname}", "s", 0.7),
        ("{concept} Fret {form}", "{concept}-fret", "m", 0.8),
        ("Groupe {concept} Transport", "{concept}-transport", "l", 0.8),
        ("Entrepôts {region}", "entrepots-{region}", "m", 0.6),
    )),
    Sector("Distribution", 10, (
        ("Comptoir {region}", "comptoir-{region}", "m", 1),
        ("{surname} Distribution {form}", "{surname}-distribution", "m", 1.2),
        ("Maison {surname} {form}", "maison-{surname}", "s", 1),
        ("Négoce {surname} {form}", "negoce-{surname}", "s", 0.8),
        ("{concept} Retail {form}", "{concept}-retail", "l", 0.8),
        ("Groupe {concept} Distribution", "groupe-{concept}", "l", 0.8),
        ("Quincaillerie {surname} & Fils", "quincaillerie-{surname}", "s", 0.6),
    )),
    Sector("Banque et assurance", 7, (
        ("Mutuelle {region}", "mutuelle-{region}", "l", 1),
        ("{concept} Assurances {form}", "{concept}-assurances", "m", 1),
        ("Cabinet {surname} Courtage", "{surname}-courtage", "s", 1),
        ("{concept} Patrimoine {form}", "{concept}-patrimoine", "s", 0.8),
        ("Banque {surname} & Cie", "banque-{surname}", "m", 0.5),
        ("{concept} Finance {form}", "{concept}-finance", "m", 0.8),
    )),
    Sector("Services numériques", 10, (
        ("{concept} Informatique {form}", "{concept}-informatique", "m", 1.2),
        ("{concept} Digital {form}", "{concept}-digital", "s", 1),
        ("{surname} Systèmes {form}", "{surname}-systemes", "m", 0.8),
        ("{concept} Data {form}", "{concept}-data", "s", 0.8),
        ("Groupe {concept} Numérique", "{concept}-numerique", "l", 0.7),
        ("{concept} Cloud {form}", "{concept}-cloud", "m", 0.7),
    )),
    Sector("Énergie", 6, (
        ("{concept} Énergies {form}", "{concept}-energies", "m", 1.2),
        ("Solaire {region} {form}", "solaire-{region}", "s", 0.8),
        ("{surname} Thermique {form}", "{surname}-thermique", "s", 0.8),
        ("Hydroélectricité {region}", "hydro-{region}", "m", 0.6),
        ("Groupe {concept} Énergie", "{concept}-energie", "l", 0.7),
        ("Biogaz {region} {form}", "biogaz-{region}", "s", 0.6),
    )),
    Sector("Collectivités", 3, (
        ("Ville {de_town}", "ville-{town}", "l", 1),
        ("Communauté d'agglomération {de_town}", "agglo-{town}", "l", 0.8),
        ("CCAS {de_town}", "ccas-{town}", "m", 0.6),
        ("Syndicat des eaux {region}", "eaux-{region}", "s", 0.6),
        ("Office de tourisme {de_town}", "tourisme-{town}", "s", 0.5),
    )),
    Sector("Chimie et pharmacie", 4, (
        ("Laboratoires {concept} {form}", "{concept}-labs", "m", 1),
        ("{concept} Chimie {form}", "{concept}-chimie", "m", 1),
        ("Groupe {concept} Pharma", "{concept}-pharma", "l", 0.8),
        ("Peintures {surname} {form}", "peintures-{surname}", "s", 0.7),
    )),
    Sector("Hôtellerie et restauration", 4, (
        ("Hôtels {concept} {form}", "hotels-{concept}", "m", 1),
        ("Brasseries {surname} {form}", "brasseries-{surname}", "s", 1),
        ("Groupe {concept} Hospitality", "{concept}-hospitality", "l", 0.6),
        ("Traiteur {surname} {form}", "traiteur-{surname}", "s", 0.8),
    )),
)

#: Legal forms and top-level domain by country (collectivités are French and have none).
LEGAL_FORMS: dict[str, tuple[tuple[str, ...], str]] = {
    "FR": (("SAS", "SAS", "SAS", "SARL", "SARL", "SA"), ".fr"),
    "BE": (("SA", "SRL", "SRL"), ".be"),
    "CH": (("SA", "Sàrl", "AG"), ".ch"),
    "LU": (("SA", "Sàrl"), ".lu"),
}
COUNTRIES: tuple[tuple[str, float], ...] = (("FR", 88), ("BE", 6), ("CH", 4), ("LU", 2))


@dataclass(frozen=True)
class Title:
    """A job title in the buying committee.

    ``roles`` are (role, weight) pairs (role None = not yet qualified); ``parent`` is the
    key of the manager's seat; ``most`` is how many such people an account may have;
    ``short`` names an empty seat ("DAF — à identifier"); ``engage`` scales how often the
    person interacts with us.
    """

    key: str
    masculine: str
    feminine: str
    roles: tuple[tuple[str | None, float], ...]
    parent: str | None
    most: int
    weight: float
    short: str
    engage: float


TITLES: tuple[Title, ...] = (
    Title("dg", "Directeur général (DG)", "Directrice générale (DG)",
          (("decision_maker", 1),), None, 1, 0, "DG", 0.6),
    Title("daf", "Directeur administratif et financier (DAF)",
          "Directrice administrative et financière (DAF)",
          (("sponsor", 0.55), ("decision_maker", 0.4), (None, 0.05)), "dg", 1, 6, "DAF", 1.0),
    Title("dsi", "Directeur des systèmes d'information (DSI)",
          "Directrice des systèmes d'information (DSI)",
          (("influencer", 0.7), ("sponsor", 0.25), (None, 0.05)), "dg", 1, 5, "DSI", 1.1),
    Title("dop", "Directeur des opérations", "Directrice des opérations",
          (("sponsor", 0.5), ("influencer", 0.4), ("decision_maker", 0.1)), "dg", 1, 3,
          "Direction des opérations", 0.9),
    Title("achats", "Responsable achats", "Responsable achats",
          (("influencer", 0.6), ("other", 0.35), (None, 0.05)), "daf", 1, 3,
          "Responsable achats", 0.8),
    Title("dcom", "Directeur commercial", "Directrice commerciale",
          (("other", 0.5), ("sponsor", 0.4), ("influencer", 0.1)), "dg", 1, 1.5,
          "Direction commerciale", 0.6),
    Title("rh", "Responsable RH", "Responsable RH",
          (("other", 0.55), ("influencer", 0.35), (None, 0.1)), "dg", 1, 1.5,
          "Responsable RH", 0.6),
    Title("cdg", "Contrôleur de gestion", "Contrôleuse de gestion",
          (("end_user", 0.9), ("influencer", 0.1)), "daf", 2, 3, "Contrôle de gestion", 1.2),
    Title("compta", "Responsable comptable", "Responsable comptable",
          (("end_user", 0.9), (None, 0.1)), "daf", 1, 2, "Comptabilité", 1.0),
    Title("comptable", "Comptable", "Comptable",
          (("end_user", 0.9), ("other", 0.1)), "compta", 2, 1, "Comptabilité", 0.9),
    Title("cdp", "Chef de projet", "Cheffe de projet",
          (("end_user", 0.65), ("influencer", 0.3), (None, 0.05)), "dsi", 4, 3,
          "Chef de projet", 1.4),
    Title("sys", "Administrateur systèmes et réseaux", "Administratrice systèmes et réseaux",
          (("end_user", 0.85), ("other", 0.15)), "dsi", 2, 1.5, "Administration systèmes", 0.8),
    Title("rssi", "Responsable de la sécurité des SI (RSSI)",
          "Responsable de la sécurité des SI (RSSI)",
          (("influencer", 0.8), ("other", 0.2)), "dsi", 1, 1, "RSSI", 0.7),
    Title("prod", "Responsable de production", "Responsable de production",
          (("end_user", 0.8), ("influencer", 0.2)), "dop", 2, 1.5, "Production", 0.9),
    Title("logi", "Responsable logistique", "Responsable logistique",
          (("end_user", 0.8), ("other", 0.2)), "dop", 1, 1, "Logistique", 0.8),
    Title("qual", "Responsable qualité", "Responsable qualité",
          (("end_user", 0.6), ("influencer", 0.4)), "dop", 1, 1, "Qualité", 0.8),
    Title("mkt", "Responsable marketing", "Responsable marketing",
          (("end_user", 0.5), ("other", 0.5)), "dcom", 1, 1, "Marketing", 1.0),
    Title("adv", "Responsable ADV", "Responsable ADV",
          (("end_user", 0.9), ("other", 0.1)), "dcom", 1, 1, "ADV", 0.9),
    Title("juriste", "Juriste d'entreprise", "Juriste d'entreprise",
          (("other", 0.8), ("influencer", 0.2)), "daf", 1, 0.8, "Juridique", 0.5),
    Title("assist", "Assistant de direction", "Assistante de direction",
          (("other", 0.9), (None, 0.1)), "dg", 1, 1, "Assistanat de direction", 0.7),
    Title("analyst", "Analyste financier", "Analyste financière",
          (("end_user", 1),), "cdg", 2, 1, "Analyse financière", 1.0),
    Title("dev", "Développeur", "Développeuse",
          (("end_user", 0.9), ("other", 0.1)), "cdp", 3, 1, "Développement", 0.7),
)

#: Seats filled first, with the chance each is present in a committee.
FIRST_SEATS: tuple[tuple[str, float], ...] = (
    ("daf", 0.92), ("dsi", 0.8), ("dop", 0.55), ("achats", 0.5),
)
#: Seats that may be left empty ("DAF — à identifier").
PLACEHOLDER_SEATS: tuple[str, ...] = ("daf", "dsi", "dop", "achats", "dcom", "rh", "rssi")

#: What Nexalis Conseil sells (deal names).
FIRST_DEALS: tuple[str, ...] = (
    "Déploiement Nexalis Pilot", "Projet pilotage de la performance", "Audit et cadrage data",
    "Mise en place Nexalis Flow", "Tableaux de bord financiers", "Refonte du reporting",
    "Automatisation des processus achats", "Plateforme de pilotage RH",
    "Projet de dématérialisation des factures", "Déploiement Nexalis Data",
)
NEXT_DEALS: tuple[str, ...] = (
    "Extension Nexalis Pilot", "Module Nexalis Flow", "Formation des équipes",
    "Extension à de nouveaux sites", "Renouvellement et extension", "Module prévisionnel",
    "Connecteur ERP", "Accompagnement à la conduite du changement", "Licences supplémentaires",
    "Tierce maintenance applicative",
)

#: Notes for calls, meetings and events; ``{year}`` is the next budget year.
CALL_NOTES: tuple[str, ...] = (
    "Point d'avancement sur le budget {year}",
    "Appel de découverte : enjeux de pilotage et calendrier",
    "Relance suite à l'envoi de la proposition",
    "Questions sur l'hébergement des données et le RGPD",
    "Laissé un message vocal, à rappeler la semaine prochaine",
    "Qualification du besoin : volumétrie et nombre d'utilisateurs",
    "Échange sur les retours de la démo",
    "Confirmation du rendez-vous avec la direction",
    "Point sur les délais de validation interne",
    "Demande de références clients dans le même secteur",
    "Discussion sur le calendrier de déploiement",
    "Arbitrages budgétaires en cours, décision attendue en fin de trimestre",
    "Intérêt confirmé, souhaite associer la DSI",
    "Pas de projet avant {year}, à recontacter",
)
MEETING_NOTES: tuple[str, ...] = (
    "Point d'avancement sur le budget {year}",
    "Présentation de la solution au comité de direction",
    "Atelier de cadrage avec les équipes finance",
    "Démo de la plateforme : retours positifs sur les tableaux de bord",
    "Revue de la proposition commerciale et des options",
    "Négociation des conditions tarifaires",
    "Rendez-vous de découverte sur site",
    "Comité de pilotage du projet pilote",
    "Présentation de l'étude de cas d'un client du secteur",
    "Atelier sécurité avec le RSSI et la DSI",
    "Bilan du pilote et prochaines étapes",
    "Déjeuner de travail avec le DG",
)
EVENT_NOTES: tuple[str, ...] = (
    "Webinaire « Piloter la performance en {year} »",
    "Petit-déjeuner dirigeants à Lyon",
    "Salon Solutions Finance à Paris",
    "Table ronde DAF et transformation numérique",
    "Club utilisateurs Nexalis à Lyon",
    "Webinaire « Automatiser ses processus achats »",
    "Conférence Data & IA à Lyon",
)

#: Costs of the ABM program and of the rest of marketing:
#: (description, category, program, months between two, low €, high €).
RECURRING_COSTS: tuple[tuple[str, str, str, int, int, int], ...] = (
    ("Licence plateforme ABM (données d'intention)", "tools", "abm", 1, 790, 790),
    ("Outil d'enrichissement de données", "tools", "abm", 1, 190, 190),
    ("Campagne LinkedIn Ads — comptes cibles", "campaign", "abm", 1, 700, 1500),
    ("Agence ABM — accompagnement", "staff", "abm", 2, 1200, 1800),
    ("Livre blanc et contenus personnalisés", "content", "abm", 3, 1200, 2800),
    ("Vidéo témoignage client", "content", "abm", 6, 2500, 4000),
    ("Petit-déjeuner dirigeants comptes cibles", "events", "abm", 3, 1200, 2400),
    ("Salon professionnel — stand comptes cibles", "events", "abm", 6, 3500, 6000),
    ("Routage et impression des envois personnalisés", "campaign", "abm", 3, 400, 900),
    ("Google Ads — campagnes génériques", "campaign", "other", 1, 900, 1700),
    ("Abonnement CRM", "tools", "other", 1, 620, 620),
    ("Salon généraliste", "events", "other", 6, 5000, 8000),
    ("Newsletter et emailing de masse", "campaign", "other", 1, 250, 450),
    ("Maintenance du site web", "other", "other", 3, 900, 1600),
)
#: One-to-one costs tied to a target account: (description, category, low €, high €).
ACCOUNT_COSTS: tuple[tuple[str, str, int, int], ...] = (
    ("Coffret personnalisé pour le comité de direction", "campaign", 150, 420),
    ("Atelier de cadrage sur site", "events", 800, 2500),
    ("Étude de cas sur mesure", "content", 1200, 3200),
    ("Campagne LinkedIn one-to-one", "campaign", 450, 1500),
    ("Invitation VIP au club utilisateurs", "events", 300, 900),
)
# fmt: on
