"""Demo modules and lessons: the two 10-day modules of shared/curriculum.md §4 and the two short
initiations, in French (the source tree) and English.

Day titles, objectives and exercises follow the curriculum's proposed outlines. Anything
invented beyond them (introductions, instructions, tips) is short and marked "(exemple)" /
"(sample)". Idempotent: a page that already exists is left as it is (an editor may have
changed it).
"""

from django.db import transaction
from wagtail.models import Locale, Page

from content.models import HomePage
from courses.models import CourseIndexPage, LessonPage, ModulePage
from lms.demo_pages import publish, translation_of

INDEX = {
    "fr": {
        "title": "Formations",
        "slug": "formations",
        "intro": "Les modules de formation avant le départ.",
    },
    "en": {"title": "Training", "slug": "training", "intro": "The pre-departure training modules."},
}

# code: {language: (title, summary)}, duration in days
MODULES = {
    "dp": (
        10,
        {
            "fr": (
                "Développement personnel",
                "Confiance en soi, soutien de l'entourage, employabilité : CV et entretien "
                "d'embauche.",
            ),
            "en": (
                "Personal development",
                "Self-confidence, support from family and friends, employability: CV and job "
                "interview.",
            ),
        },
    ),
    "ec": (
        10,
        {
            "fr": (
                "Entrepreneuriat et commercialisation",
                "Concevoir et gérer une petite activité : étude de marché, comptabilité de base, "
                "gestion des clients.",
            ),
            "en": (
                "Entrepreneurship and marketing",
                "Design and run a small business: market study, basic bookkeeping, customer care.",
            ),
        },
    ),
    "agri": (
        2,
        {
            "fr": (
                "Initiation à l'agriculture",
                "Deux jours pour découvrir les bases d'un petit projet agricole ou d'élevage.",
            ),
            "en": (
                "Introduction to agriculture",
                "Two days to discover the basics of a small farming or livestock project.",
            ),
        },
    ),
    "arti": (
        2,
        {
            "fr": (
                "Initiation à l'artisanat",
                "Deux jours pour découvrir les bases d'une petite activité artisanale.",
            ),
            "en": (
                "Introduction to crafts",
                "Two days to discover the basics of a small crafts business.",
            ),
        },
    ),
}

# code: [(day, {language: (title, [objectives], exercise, tip)}, [exercise links])]
# Titles, objectives and exercises: curriculum §4. Tips: samples.
LESSONS = {
    "dp": [
        (
            1,
            {
                "fr": (
                    "Bienvenue et mon projet de retour",
                    [
                        "Se mettre d'accord sur les règles du groupe",
                        "Comprendre le consentement et la confidentialité",
                        "Dire ses attentes",
                        "Passer le test de début",
                    ],
                    "« Mon histoire » avec des cartes images (partager est facultatif)",
                    "Vous pouvez toujours dire « je passe » : personne n'est obligé de parler.",
                ),
                "en": (
                    "Welcome and my return project",
                    [
                        "Agree group rules",
                        "Understand consent and confidentiality",
                        "State expectations",
                        "Take the pre-test",
                    ],
                    '"My story" picture cards (sharing is optional)',
                    'You can always say "pass": nobody has to speak.',
                ),
            },
            ["pre_test"],
        ),
        (
            2,
            {
                "fr": (
                    "Se connaître, l'estime de soi",
                    ["Nommer ses forces, ses valeurs et ses réussites passées"],
                    "« L'arbre des réussites »",
                    "Une réussite peut être petite : apprendre une langue, aider un ami.",
                ),
                "en": (
                    "Knowing myself, self-esteem",
                    ["Name strengths, values and past successes"],
                    '"Tree of achievements"',
                    "A success can be small: learning a language, helping a friend.",
                ),
            },
            [],
        ),
        (
            3,
            {
                "fr": (
                    "Confiance en soi, émotions et stress",
                    [
                        "Reconnaître ses réactions au stress",
                        "Utiliser des techniques simples pour y faire face",
                        "Savoir quand et où demander de l'aide",
                    ],
                    "Ma carte pour faire face",
                    "Respirer lentement, compter jusqu'à cinq : un geste simple qui aide.",
                ),
                "en": (
                    "Self-confidence, emotions and stress",
                    [
                        "Recognise stress reactions",
                        "Use simple coping techniques",
                        "Know when and where to seek help",
                    ],
                    "Personal coping card",
                    "Breathe slowly, count to five: a simple gesture that helps.",
                ),
            },
            [],
        ),
        (
            4,
            {
                "fr": (
                    "Famille, amis et communauté",
                    [
                        "Anticiper les attentes de la famille et la stigmatisation",
                        "Faire de ses proches un soutien",
                    ],
                    "Carte de mon réseau de soutien et jeu de rôle de la conversation du retour",
                    "Préparez une phrase simple pour expliquer votre retour.",
                ),
                "en": (
                    "Family, friends and community",
                    ["Anticipate family expectations and stigma", "Turn relatives into support"],
                    "Support-network map and a role-play of the homecoming conversation",
                    "Prepare one simple sentence to explain your return.",
                ),
            },
            [],
        ),
        (
            5,
            {
                "fr": (
                    "Communiquer et parler en public",
                    ["Écoute active", "S'affirmer", "Parler devant un groupe"],
                    "Me présenter en 2 minutes (filmé seulement avec accord)",
                    "Regardez les personnes, parlez lentement, souriez.",
                ),
                "en": (
                    "Communication and speaking in public",
                    ["Active listening", "Assertiveness", "Speaking to a group"],
                    "2-minute self-presentation, filmed only with consent",
                    "Look at people, speak slowly, smile.",
                ),
            },
            [],
        ),
        (
            6,
            {
                "fr": (
                    "Objectifs et projet de vie",
                    ["Fixer des objectifs SMART", "Les relier au plan de réintégration de l'OIM"],
                    "Mon plan à 3, 6 et 12 mois",
                    "Un bon objectif dit quoi, combien et quand.",
                ),
                "en": (
                    "Goals and life plan",
                    ["Set SMART goals", "Link them to the IOM reintegration plan"],
                    "3/6/12-month plan",
                    "A good goal says what, how much and by when.",
                ),
            },
            [],
        ),
        (
            7,
            {
                "fr": (
                    "Mes compétences et mon employabilité",
                    ["Repérer ses compétences formelles, informelles et acquises à l'étranger"],
                    "Cartes de compétences pour mon inventaire",
                    "Ce que vous avez appris en travaillant ici compte aussi.",
                ),
                "en": (
                    "My skills and employability",
                    ["Identify formal, informal and abroad-acquired skills"],
                    "Skill cards feeding a skills inventory",
                    "What you learnt working here counts too.",
                ),
            },
            [],
        ),
        (
            8,
            {
                "fr": (
                    "CV et recherche d'emploi",
                    [
                        "Construire son CV",
                        "Connaître les moyens de chercher un emploi dans le pays d'origine "
                        "(agences pour l'emploi, réseaux)",
                    ],
                    "Construire mon CV",
                    "Un CV court, d'une page, se lit plus facilement.",
                ),
                "en": (
                    "CV and job search",
                    [
                        "Build a CV",
                        "Know the job-search channels in the country of origin "
                        "(employment agencies, networks)",
                    ],
                    "CV builder",
                    "A short, one-page CV is easier to read.",
                ),
            },
            ["cv"],
        ),
        (
            9,
            {
                "fr": (
                    "Entretien d'embauche et travail décent",
                    ["Préparer ses réponses", "Connaître les droits de base des travailleurs"],
                    "Entretiens simulés avec une grille de retour",
                    "Préparez deux exemples de ce que vous savez faire.",
                ),
                "en": (
                    "Job interview and decent work",
                    ["Prepare answers", "Basic workers' rights"],
                    "Mock interviews with a feedback grid",
                    "Prepare two examples of what you can do.",
                ),
            },
            [],
        ),
        (
            10,
            {
                "fr": (
                    "Gérer son argent et clôture",
                    [
                        "Budget du foyer, épargne, éviter les mauvaises dettes",
                        "Passer le test de fin",
                        "Répondre au questionnaire de satisfaction",
                        "Recevoir les attestations",
                    ],
                    "Mon budget personnel du mois",
                    "Notez chaque dépense pendant une semaine : on découvre beaucoup.",
                ),
                "en": (
                    "Money management and closing",
                    [
                        "Household budget, savings, avoiding bad debt",
                        "Take the post-test",
                        "Answer the satisfaction survey",
                        "Receive attestations",
                    ],
                    "Monthly personal budget",
                    "Write down every expense for a week: you learn a lot.",
                ),
            },
            ["post_test", "survey"],
        ),
    ],
    "ec": [
        (
            1,
            {
                "fr": (
                    "Suis-je entrepreneur ?",
                    [
                        "Peser les risques et l'intérêt de travailler à son compte "
                        "plutôt que d'avoir un emploi",
                        "Passer le test de début",
                    ],
                    "Questionnaire d'auto-évaluation (type SYB)",
                    "Il n'y a pas de mauvaise réponse : ce questionnaire sert à vous connaître.",
                ),
                "en": (
                    "Am I an entrepreneur?",
                    [
                        "Weigh the risks and fit of self-employment against a job",
                        "Take the pre-test",
                    ],
                    "Self-assessment questionnaire (SYB-style)",
                    "There is no wrong answer: this questionnaire helps you know yourself.",
                ),
            },
            ["pre_test"],
        ),
        (
            2,
            {
                "fr": (
                    "Trouver et choisir une idée",
                    [
                        "Les sources d'idées",
                        "Les secteurs porteurs du guide pays",
                        "L'analyse SWOT",
                    ],
                    "Grille de tri des idées, notée sur 5 critères",
                    "Partez de ce que vous savez déjà faire.",
                ),
                "en": (
                    "Finding and choosing an idea",
                    ["Sources of ideas", "Sectors with potential from the country guide", "SWOT"],
                    "Idea screening grid, scored on 5 criteria",
                    "Start from what you already know how to do.",
                ),
            },
            [],
        ),
        (
            3,
            {
                "fr": (
                    "L'étude de marché",
                    ["Clients, concurrents, demande, saisonnalité"],
                    "Interview d'un client en 5 questions ; visite facultative d'un marché local",
                    "Écoutez plus que vous ne parlez.",
                ),
                "en": (
                    "Market study",
                    ["Customers, competitors, demand, seasonality"],
                    "5-question customer interview; optional visit to a local market",
                    "Listen more than you talk.",
                ),
            },
            [],
        ),
        (
            4,
            {
                "fr": (
                    "Le marketing",
                    ["Les 4P : produit, prix, place, promotion", "Accueil et fidélité des clients"],
                    "Fiche prix et promotion ; jeu de rôle de vente",
                    "Un client content revient et en parle à ses amis.",
                ),
                "en": (
                    "Marketing",
                    ["4P: product, price, place, promotion", "Customer care and loyalty"],
                    "Price and promotion sheet; selling role-play",
                    "A happy customer comes back and tells friends.",
                ),
            },
            [],
        ),
        (
            5,
            {
                "fr": (
                    "Organisation et bases juridiques",
                    [
                        "Les formes juridiques (informel, entreprise individuelle, coopérative)",
                        "L'enregistrement, les fournisseurs, le personnel",
                    ],
                    "Fiche d'organisation",
                    "Renseignez-vous sur les règles du pays avant de commencer.",
                ),
                "en": (
                    "Organisation and legal basics",
                    [
                        "Legal forms (informal, sole trader, cooperative)",
                        "Registration, suppliers, staff",
                    ],
                    "Operations sheet",
                    "Check the country's rules before you start.",
                ),
            },
            [],
        ),
        (
            6,
            {
                "fr": (
                    "Coûts de démarrage et coûts du mois",
                    ["Distinguer l'investissement des charges courantes", "L'amortissement"],
                    "Tableaux des coûts de démarrage et des coûts mensuels",
                    "N'oubliez pas les petites dépenses : transport, téléphone.",
                ),
                "en": (
                    "Start-up and monthly costs",
                    ["Tell investment apart from running costs", "Depreciation"],
                    "Start-up and monthly cost tables",
                    "Do not forget small costs: transport, phone.",
                ),
            },
            ["business_plan"],
        ),
        (
            7,
            {
                "fr": (
                    "Prévision des ventes et seuil de rentabilité",
                    ["Coût unitaire, marge, seuil de rentabilité"],
                    "Prévision des ventes sur 12 mois et calcul du seuil de rentabilité",
                    "Soyez prudent : prévoyez des mois plus calmes.",
                ),
                "en": (
                    "Sales forecast and break-even",
                    ["Unit costing, margin, break-even"],
                    "12-month sales forecast plus break-even calculation",
                    "Be careful: plan for quieter months.",
                ),
            },
            ["business_plan"],
        ),
        (
            8,
            {
                "fr": (
                    "Comptabilité de base et trésorerie",
                    [
                        "Tenir un cahier de caisse",
                        "Séparer l'argent du foyer et celui de l'activité",
                        "Plan de trésorerie",
                    ],
                    "Remplir une semaine de cahier de caisse à partir d'un cas",
                    "Deux poches, deux boîtes : l'argent du foyer n'est pas celui de l'activité.",
                ),
                "en": (
                    "Basic bookkeeping and cash",
                    [
                        "Keep a cash book",
                        "Keep household and business money apart",
                        "Cash-flow plan",
                    ],
                    "Fill one week of a cash book from a case study",
                    "Two pockets, two boxes: household money is not business money.",
                ),
            },
            [],
        ),
        (
            9,
            {
                "fr": (
                    "Financement, risques et bonnes pratiques",
                    [
                        "Don en nature, apport personnel, microfinance, tontines",
                        "Tableau des risques",
                        "Bonnes pratiques",
                    ],
                    "Plan de financement et registre des risques",
                    "Comparez toujours le coût total d'un crédit.",
                ),
                "en": (
                    "Financing, risk and good practice",
                    [
                        "In-kind grant, own contribution, microfinance, savings groups",
                        "Risk table",
                        "Good practices",
                    ],
                    "Funding plan and risk register",
                    "Always compare the total cost of a loan.",
                ),
            },
            [],
        ),
        (
            10,
            {
                "fr": (
                    "Pitch et clôture",
                    [
                        "Présenter un plan cohérent",
                        "Passer le test de fin",
                        "Répondre au questionnaire de satisfaction",
                        "Recevoir les attestations",
                    ],
                    "Pitch de 5 minutes devant un jury",
                    "Entraînez-vous devant un ami, chronomètre en main.",
                ),
                "en": (
                    "Pitch and closing",
                    [
                        "Present a coherent plan",
                        "Take the post-test",
                        "Answer the satisfaction survey",
                        "Receive attestations",
                    ],
                    "5-minute pitch to a panel",
                    "Practise in front of a friend, with a timer.",
                ),
            },
            ["post_test", "survey"],
        ),
    ],
    "agri": [
        (
            1,
            {
                "fr": (
                    "Mon projet agricole (exemple)",
                    [
                        "Choisir une culture ou un élevage adapté à sa région",
                        "Connaître le calendrier des saisons",
                    ],
                    "Calendrier des saisons de ma région",
                    "Demandez conseil aux producteurs de votre village.",
                ),
                "en": (
                    "My farming project (sample)",
                    [
                        "Choose a crop or livestock suited to the region",
                        "Know the seasonal calendar",
                    ],
                    "Seasonal calendar of my region",
                    "Ask the farmers of your village for advice.",
                ),
            },
            [],
        ),
        (
            2,
            {
                "fr": (
                    "Produire, stocker, vendre (exemple)",
                    ["Estimer les coûts d'une saison", "Éviter les pertes après la récolte"],
                    "Budget d'une saison",
                    "Un bon stockage protège votre revenu.",
                ),
                "en": (
                    "Produce, store, sell (sample)",
                    ["Estimate the costs of a season", "Avoid losses after harvest"],
                    "Budget for one season",
                    "Good storage protects your income.",
                ),
            },
            [],
        ),
    ],
    "arti": [
        (
            1,
            {
                "fr": (
                    "Mon savoir-faire (exemple)",
                    [
                        "Repérer ses savoir-faire artisanaux",
                        "Connaître les outils et les matières de base",
                    ],
                    "Fiche de mon savoir-faire",
                    "Photographiez vos réalisations : elles montrent ce que vous savez faire.",
                ),
                "en": (
                    "My craft skills (sample)",
                    ["Identify one's craft skills", "Know the basic tools and materials"],
                    "My craft skills sheet",
                    "Take photos of your work: they show what you can do.",
                ),
            },
            [],
        ),
        (
            2,
            {
                "fr": (
                    "Fixer son prix et vendre (exemple)",
                    ["Calculer le prix d'un objet", "Trouver ses premiers clients"],
                    "Calcul du prix d'un objet",
                    "Comptez aussi votre temps dans le prix.",
                ),
                "en": (
                    "Setting a price and selling (sample)",
                    ["Calculate the price of an item", "Find the first customers"],
                    "Calculating the price of an item",
                    "Count your time in the price too.",
                ),
            },
            [],
        ),
    ],
}

TEXT = {
    "fr": {
        "day_slug": "jour-{day}",
        "intro": "<p>(exemple) Aujourd'hui : {title}. Le formateur présente le thème, puis "
        "chacun travaille sur l'exercice du jour, seul ou en petit groupe.</p>",
        "instructions": "<p>(exemple) Le formateur explique l'exercice et donne un exemple. "
        "Travaillez à votre rythme ; demandez de l'aide si besoin.</p>",
        "recap": "<p>(exemple) En fin de journée, cinq questions orales pour se rappeler ce "
        "qu'on a appris.</p>",
    },
    "en": {
        "day_slug": "day-{day}",
        "intro": "<p>(sample) Today: {title}. The trainer introduces the topic, then everyone "
        "works on the day's exercise, alone or in a small group.</p>",
        "instructions": "<p>(sample) The trainer explains the exercise and gives an example. "
        "Work at your own pace; ask for help if you need it.</p>",
        "recap": "<p>(sample) At the end of the day, five oral questions to remember what we "
        "learnt.</p>",
    },
}


def objectives_html(objectives: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in objectives) + "</ul>"


def lesson_fields(language: str, day: int, content: dict, links: list[str]) -> dict:
    title, objectives, exercise, tip = content[language]
    text = TEXT[language]
    body = [
        ("text", text["intro"].format(title=title)),
        (
            "activity",
            {"title": exercise, "duration_minutes": 80, "instructions": text["instructions"]},
        ),
        ("tip", {"kind": "tip", "text": f"<p>{tip}</p>"}),
        *(("exercise", {"exercise": link, "text": ""}) for link in links),
        ("text", text["recap"]),
    ]
    return {
        "title": title,
        "slug": text["day_slug"].format(day=day),
        "day_number": day,
        "objectives": objectives_html(objectives),
        "duration_minutes": 360,
        "body": body,
    }


def _create(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    publish(page)
    return page


def _index(french: Locale) -> CourseIndexPage:
    index = CourseIndexPage.objects.filter(locale=french).first()
    if index is None:
        home = HomePage.objects.get(locale=french)
        index = _create(home, CourseIndexPage(locale=french, **INDEX["fr"]))
    return index


def _module(index: CourseIndexPage, code: str, french: Locale) -> ModulePage:
    module = ModulePage.objects.filter(code=code, locale=french).first()
    if module is None:
        days, texts = MODULES[code]
        title, summary = texts["fr"]
        module = _create(
            index,
            ModulePage(title=title, slug=code, code=code, summary=summary, duration_days=days),
        )
    return module


@transaction.atomic
def seed_courses() -> dict[str, ModulePage]:
    """Create what is missing of the course tree; return the French modules by code."""
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get_or_create(language_code="en")[0]
    index = _index(french)
    translation_of(index, english, **INDEX["en"])
    modules = {}
    for code, (_days, texts) in MODULES.items():
        module = modules[code] = _module(index, code, french)
        title, summary = texts["en"]
        translation_of(module, english, title=title, summary=summary)
        for day, content, links in LESSONS[code]:
            lesson = LessonPage.objects.child_of(module).filter(day_number=day).first()
            if lesson is None:
                lesson = _create(module, LessonPage(**lesson_fields("fr", day, content, links)))
            translation_of(lesson, english, **lesson_fields("en", day, content, links))
    return modules
