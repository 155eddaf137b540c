"""Demo assessments and results: a 15-question test per 10-day module, the satisfaction survey,
and scored attempts and anonymous survey answers for the demo cohorts.

Questions follow the day-by-day outlines of shared/curriculum.md §4; the survey follows §7.
Everything is idempotent: assessments are found by a fixed translation key, block ids are
fixed too (so the English translation is scored like the French one), and existing attempts
and survey completions are left as they are.
"""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from cohorts.models import Cohort
from courses.gains import score_percent
from courses.models import (
    Assessment,
    AssessmentKind,
    Attempt,
    ModulePage,
    Phase,
    SurveyCompletion,
    SurveyResponse,
)
from courses.scoring import score_answers

NAMESPACE = uuid.UUID("5b1f3c2e-7d64-4c55-9a43-0f2a1d6e8b90")

# Question kinds: ("single", fr, en, [(fr, en), ×3], correct index),
# ("truefalse", fr, en, answer), ("multiple", fr, en, [(fr, en), …], {correct indexes}).
KNOWLEDGE_TESTS = {
    "dp": (
        (
            "Développement personnel — test de connaissances",
            "Personal development — knowledge test",
        ),
        [
            (
                "single",
                "Dans le groupe, ce qu'un participant raconte de son histoire…",
                "In the group, what a participant says about their story…",
                [
                    ("reste dans le groupe", "stays within the group"),
                    ("peut être raconté à tout le monde", "may be told to anyone"),
                    ("est publié sur Internet", "is posted online"),
                ],
                0,
            ),
            (
                "truefalse",
                "Partager son histoire avec le groupe est obligatoire.",
                "Sharing your story with the group is compulsory.",
                False,
            ),
            (
                "single",
                "Qu'est-ce qu'une force personnelle ?",
                "What is a personal strength?",
                [
                    ("Une chose que je sais bien faire", "Something I am good at"),
                    ("Un diplôme obligatoire", "A compulsory diploma"),
                    ("Une dette remboursée", "A repaid debt"),
                ],
                0,
            ),
            (
                "multiple",
                "Quelles techniques aident à gérer le stress ?",
                "Which techniques help to manage stress?",
                [
                    ("Respirer lentement", "Breathing slowly"),
                    ("Parler à une personne de confiance", "Talking to someone I trust"),
                    ("Rester seul sans dormir", "Staying alone without sleeping"),
                ],
                {0, 1},
            ),
            (
                "truefalse",
                "Demander de l'aide quand le stress dure est un signe de faiblesse.",
                "Asking for help when stress lasts is a sign of weakness.",
                False,
            ),
            (
                "single",
                "Au retour, la famille attend souvent…",
                "On return, the family often expects…",
                [
                    ("de l'argent ou des cadeaux", "money or gifts"),
                    ("rien du tout", "nothing at all"),
                    ("un départ immédiat", "an immediate departure"),
                ],
                0,
            ),
            (
                "single",
                "Écouter activement, c'est…",
                "Active listening means…",
                [
                    (
                        "reformuler ce que l'autre a dit",
                        "restating what the other person said",
                    ),
                    ("couper la parole pour aller vite", "interrupting to save time"),
                    ("regarder son téléphone", "looking at your phone"),
                ],
                0,
            ),
            (
                "single",
                "Être assertif, c'est…",
                "Being assertive means…",
                [
                    (
                        "dire ce que je pense en respectant l'autre",
                        "saying what I think while respecting others",
                    ),
                    ("toujours accepter", "always saying yes"),
                    ("crier pour être entendu", "shouting to be heard"),
                ],
                0,
            ),
            (
                "multiple",
                "Un objectif SMART est…",
                "A SMART goal is…",
                [
                    ("Spécifique", "Specific"),
                    ("Mesurable", "Measurable"),
                    ("Sans date limite", "Without a deadline"),
                    ("Réaliste", "Realistic"),
                ],
                {0, 1, 3},
            ),
            (
                "truefalse",
                "Une compétence acquise à l'étranger sans diplôme peut figurer dans un CV.",
                "A skill gained abroad without a diploma can go in a CV.",
                True,
            ),
            (
                "single",
                "Que met-on en haut d'un CV ?",
                "What goes at the top of a CV?",
                [
                    ("Nom et contact", "Name and contact details"),
                    ("Les loisirs", "Hobbies"),
                    ("Le salaire souhaité", "The expected salary"),
                ],
                0,
            ),
            (
                "multiple",
                "Où chercher un emploi dans le pays d'origine ?",
                "Where can you look for a job in the country of origin?",
                [
                    ("Agence nationale pour l'emploi", "The national employment agency"),
                    ("Réseau de proches et d'anciens collègues", "Relatives and former colleagues"),
                    ("Nulle part : il faut attendre", "Nowhere: just wait"),
                ],
                {0, 1},
            ),
            (
                "single",
                "Pendant un entretien d'embauche, il vaut mieux…",
                "During a job interview, it is best to…",
                [
                    (
                        "donner un exemple concret de ce que j'ai fait",
                        "give a concrete example of what I did",
                    ),
                    ("parler seulement du salaire", "talk only about pay"),
                    ("arriver en retard", "arrive late"),
                ],
                0,
            ),
            (
                "truefalse",
                "Un travail décent respecte la sécurité et les droits du travailleur.",
                "Decent work respects the worker's safety and rights.",
                True,
            ),
            (
                "single",
                "Pour éviter une mauvaise dette, il faut d'abord…",
                "To avoid bad debt, you should first…",
                [
                    ("faire un budget du mois", "make a monthly budget"),
                    ("emprunter à plusieurs personnes", "borrow from several people"),
                    ("dépenser avant de gagner", "spend before you earn"),
                ],
                0,
            ),
        ],
    ),
    "ec": (
        (
            "Entrepreneuriat et commercialisation — test de connaissances",
            "Entrepreneurship and marketing — knowledge test",
        ),
        [
            (
                "truefalse",
                "Créer son entreprise comporte des risques qu'un emploi salarié n'a pas.",
                "Starting a business carries risks that a salaried job does not.",
                True,
            ),
            (
                "single",
                "Dans une analyse SWOT, le « O » veut dire…",
                'In a SWOT analysis, the "O" stands for…',
                [
                    ("Opportunités", "Opportunities"),
                    ("Obligations", "Obligations"),
                    ("Outils", "Tools"),
                ],
                0,
            ),
            (
                "multiple",
                "Une étude de marché cherche à connaître…",
                "A market study tries to find out about…",
                [
                    ("les clients", "customers"),
                    ("les concurrents", "competitors"),
                    ("la couleur de mon téléphone", "the colour of my phone"),
                ],
                {0, 1},
            ),
            (
                "truefalse",
                "La demande pour un produit peut changer selon la saison.",
                "Demand for a product can change with the season.",
                True,
            ),
            (
                "multiple",
                "Les 4P du marketing sont : produit, prix, …",
                "The 4Ps of marketing are: product, price, …",
                [
                    ("place (distribution)", "place"),
                    ("promotion", "promotion"),
                    ("patience", "patience"),
                ],
                {0, 1},
            ),
            (
                "single",
                "Pour fidéliser un client, le mieux est de…",
                "To keep a customer coming back, it is best to…",
                [
                    ("bien l'accueillir et tenir ses promesses", "welcome them and keep promises"),
                    ("augmenter les prix sans prévenir", "raise prices without warning"),
                    ("ne jamais répondre", "never answer"),
                ],
                0,
            ),
            (
                "single",
                "Une coopérative est…",
                "A cooperative is…",
                [
                    (
                        "une entreprise détenue par ses membres",
                        "a business owned by its members",
                    ),
                    ("une banque publique", "a public bank"),
                    ("un impôt", "a tax"),
                ],
                0,
            ),
            (
                "single",
                "Acheter une machine à coudre pour démarrer, c'est…",
                "Buying a sewing machine to start up is…",
                [
                    ("un investissement", "an investment"),
                    ("une charge mensuelle", "a monthly cost"),
                    ("une recette", "an income"),
                ],
                0,
            ),
            (
                "single",
                "Lequel est une charge mensuelle ?",
                "Which one is a monthly cost?",
                [
                    ("Le loyer du local", "The rent of the premises"),
                    ("L'achat du local", "Buying the premises"),
                    ("L'aide en nature reçue", "The in-kind grant received"),
                ],
                0,
            ),
            (
                "truefalse",
                "L'amortissement répartit le coût d'un équipement sur sa durée d'utilisation.",
                "Depreciation spreads the cost of equipment over its useful life.",
                True,
            ),
            (
                "single",
                "Le seuil de rentabilité est atteint quand…",
                "The break-even point is reached when…",
                [
                    ("les ventes couvrent toutes les charges", "sales cover all costs"),
                    ("le premier client arrive", "the first customer arrives"),
                    ("le stock est vide", "the stock is empty"),
                ],
                0,
            ),
            (
                "single",
                "Dans le cahier de caisse, on note…",
                "In the cash book, you write down…",
                [
                    (
                        "chaque entrée et chaque sortie d'argent",
                        "every amount of money in and out",
                    ),
                    ("seulement les grosses ventes", "only the big sales"),
                    ("les dépenses de la famille", "the family's spending"),
                ],
                0,
            ),
            (
                "truefalse",
                "On peut mélanger l'argent de la maison et celui de l'activité.",
                "Household money and business money can be mixed.",
                False,
            ),
            (
                "multiple",
                "Quelles sont des sources de financement possibles ?",
                "Which are possible sources of funding?",
                [
                    ("Microfinance", "Microfinance"),
                    ("Tontine", "Rotating savings group (tontine)"),
                    ("Apport personnel", "Own contribution"),
                    ("Loterie", "Lottery"),
                ],
                {0, 1, 2},
            ),
            (
                "single",
                "Un registre des risques sert à…",
                "A risk register is used to…",
                [
                    (
                        "prévoir ce qui peut mal tourner et comment réagir",
                        "plan what could go wrong and how to react",
                    ),
                    ("compter les clients", "count customers"),
                    ("calculer les impôts", "calculate taxes"),
                ],
                0,
            ),
        ],
    ),
}

SURVEY_TITLE = ("Questionnaire de satisfaction", "Satisfaction survey")
SURVEY_INSTRUCTIONS = (
    "Ce questionnaire est anonyme : votre nom n'est pas enregistré avec vos réponses.",
    "This survey is anonymous: your name is not stored with your answers.",
)
# (French, English, overall item?) — shared/curriculum.md §7
SURVEY_SCALE = [
    ("Dans l'ensemble, je suis satisfait(e) de la formation.", "Overall, I am satisfied.", True),
    (
        "La formation est utile pour mon projet de réintégration.",
        "The training is useful for my reintegration plan.",
        False,
    ),
    ("Le formateur explique clairement.", "The trainer explains clearly.", False),
    ("Le rythme et la durée me conviennent.", "The pace and length suit me.", False),
    ("Les supports sont utiles.", "The materials are useful.", False),
    ("La langue utilisée est facile à comprendre.", "The language is easy to follow.", False),
    ("Les exercices pratiques m'aident.", "The practical exercises help me.", False),
    (
        "La salle (ou la connexion) est de bonne qualité.",
        "The room (or the connection) is good.",
        False,
    ),
    ("Les horaires et l'organisation me conviennent.", "Timing and logistics suit me.", False),
    (
        "Je me sens capable d'appliquer ce que j'ai appris.",
        "I feel able to apply what I learned.",
        False,
    ),
    ("Je recommanderais cette formation.", "I would recommend this training.", False),
]
SURVEY_OPEN = [
    ("Qu'est-ce qui vous a été le plus utile ?", "What was most useful to you?"),
    ("Que faudrait-il améliorer ?", "What should be improved?"),
]
SCALE_LABELS = (("Pas du tout", "Not at all"), ("Tout à fait", "Completely"))

# Demo survey answers: the overall item first, then a spread over the other ten items.
DEMO_SURVEY_ANSWERS = [
    (5, [5, 4, 5, 4, 4, 5, 5, 3, 4, 5], "Le CV et l'entretien", "Plus de temps pour le budget"),
    (4, [4, 4, 3, 4, 3, 4, 5, 4, 4, 4], "Les jeux de rôle", "Des supports avec plus d'images"),
    (5, [5, 5, 4, 5, 4, 5, 4, 3, 5, 5], "Le plan à 3, 6 et 12 mois", ""),
    (3, [3, 4, 2, 3, 3, 3, 3, 2, 3, 3], "Le calcul des coûts", "Commencer plus tôt le matin"),
    (4, [4, 5, 4, 4, 4, 4, 4, 4, 4, 4], "Parler devant le groupe", "Une salle plus grande"),
    (5, [5, 5, 5, 4, 5, 5, 4, 4, 5, 5], "Tout", "Rien"),
    (2, [3, 3, 3, 2, 3, 2, 3, 2, 2, 2], "", "Les explications étaient trop rapides"),
]


def _id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _question(block_type: str, block_id: str, text: str, points: int, **fields) -> dict:
    value = {"text": text, "read_aloud": "", "image": None, "points": points, **fields}
    return {"type": block_type, "id": block_id, "value": value}


def _choices(options, correct, lang: int) -> list[dict]:
    return [
        {"text": option[lang], "image": None, "correct": index in correct}
        for index, option in enumerate(options)
    ]


def knowledge_questions(code: str, lang: int) -> list[dict]:
    """The stream data of a module's test; lang 0 = French, 1 = English (same block ids)."""
    _titles, items = KNOWLEDGE_TESTS[code]
    stream = []
    for number, (kind, *spec) in enumerate(items, start=1):
        block_id = _id(code, "test", str(number))
        text = spec[lang]
        if kind == "single":
            options, correct = spec[2], {spec[3]}
            stream.append(
                _question(
                    "single_choice", block_id, text, 1, choices=_choices(options, correct, lang)
                )
            )
        elif kind == "multiple":
            options, correct = spec[2], spec[3]
            stream.append(
                _question(
                    "multiple_choice", block_id, text, 1, choices=_choices(options, correct, lang)
                )
            )
        else:
            stream.append(_question("true_false", block_id, text, 1, answer=spec[2]))
    return stream


def survey_questions(lang: int) -> list[dict]:
    stream = [
        _question(
            "scale",
            _id("survey", "scale", str(number)),
            item[lang],
            0,
            low_label=SCALE_LABELS[0][lang],
            high_label=SCALE_LABELS[1][lang],
            overall=overall,
        )
        for number, (*item, overall) in enumerate(SURVEY_SCALE, start=1)
    ]
    stream += [
        _question("open", _id("survey", "open", str(number)), item[lang], 0)
        for number, item in enumerate(SURVEY_OPEN, start=1)
    ]
    return stream


def _assessment(key: str, kind: str, titles, instructions, questions) -> Assessment:
    """The French assessment and its English translation, created once."""
    french = Locale.objects.get_or_create(language_code="fr")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation_key = uuid.uuid5(NAMESPACE, key)
    assessment = Assessment.objects.filter(translation_key=translation_key, locale=french).first()
    if assessment is None:
        assessment = Assessment.objects.create(
            translation_key=translation_key,
            locale=french,
            title=titles[0],
            kind=kind,
            instructions=instructions[0],
            questions=questions(0),
        )
    if assessment.get_translation_or_none(english) is None:
        translation = assessment.copy_for_translation(english)
        translation.title = titles[1]
        translation.instructions = instructions[1]
        translation.questions = questions(1)  # the same block ids, English texts
        translation.save()
    return assessment


def _link(code: str, test: Assessment, survey: Assessment) -> None:
    """Points the module pages (each translation) at the assessments, unless already set."""
    for page in ModulePage.objects.filter(code=code):
        if page.pre_test_id or page.post_test_id or page.survey_id:
            continue
        page_test = test.get_translation_or_none(page.locale) or test
        page.pre_test = page.post_test = page_test
        page.survey = survey.get_translation_or_none(page.locale) or survey
        revision = page.save_revision()
        if page.live:
            revision.publish()


@transaction.atomic
def seed_assessments() -> dict[str, tuple[Assessment, Assessment]]:
    """The demo tests and surveys (FR + EN), linked to modules dp and ec when they exist."""
    seeded = {}
    for code, (titles, _items) in KNOWLEDGE_TESTS.items():
        test = _assessment(
            f"{code}-knowledge-test",
            AssessmentKind.KNOWLEDGE,
            titles,
            ("Une seule réponse sauf indication contraire.", "One answer unless stated."),
            lambda lang, code=code: knowledge_questions(code, lang),
        )
        survey = _assessment(
            f"{code}-survey",
            AssessmentKind.SURVEY,
            tuple(f"{SURVEY_TITLE[n]} — {titles[n].split(' — ')[0]}" for n in (0, 1)),
            SURVEY_INSTRUCTIONS,
            survey_questions,
        )
        _link(code, test, survey)
        seeded[code] = (test, survey)
    return seeded


# Number of right answers out of 15 (pre, post) for the trainees of a demo cohort, in order of
# name; None: no post-test yet. One trainee gets 100 % at the start (no g for them).
DEMO_SCORES = [
    (6, 12),
    (4, 10),
    (9, 14),
    (15, 14),
    (7, 11),
    (5, 5),
    (8, 13),
    (3, 9),
    (10, 15),
    (6, 8),
    (7, None),
    (11, None),
]


def _answers_with(questions, right: int, shift: int) -> dict:
    """Answers to a test getting exactly ``right`` questions right (which ones rotate)."""
    questions = list(questions)
    count = len(questions)
    chosen = {(shift + step) % count for step in range(right)}
    answers = {}
    for index, question in enumerate(questions):
        value, good = question.value, index in chosen
        if question.block_type == "true_false":
            answers[question.id] = bool(value["answer"]) == good
        elif question.block_type == "multiple_choice":
            correct = [i for i, choice in enumerate(value["choices"]) if choice["correct"]]
            wrong = [i for i in range(len(value["choices"])) if i not in correct]
            answers[question.id] = correct if good else (wrong or correct[:-1])
        elif question.block_type in ("single_choice", "picture_choice"):
            flags = [choice["correct"] for choice in value["choices"]]
            answers[question.id] = flags.index(good) if good in flags else 0
    return answers


def _attempt(enrolment, assessment, phase, right, shift, when) -> None:
    if Attempt.objects.filter(enrolment=enrolment, phase=phase).exists():
        return
    answers = _answers_with(assessment.questions, right, shift)
    points, max_points = score_answers(assessment.questions, answers)
    Attempt.objects.create(
        enrolment=enrolment,
        assessment=assessment,
        phase=phase,
        answers=answers,
        version=1,
        submitted_at=when,
        points=points,
        max_points=max_points,
        score=score_percent(points, max_points),
    )


def _survey_answers(survey: Assessment, row) -> dict:
    overall, others, useful, improve = row
    scale = [q for q in survey.questions if q.block_type == "scale"]
    opened = [q for q in survey.questions if q.block_type == "open"]
    answers = {q.id: v for q, v in zip(scale, [overall, *others], strict=False)}
    for question, text in zip(opened, (useful, improve), strict=False):
        if text:
            answers[question.id] = text
    return answers


@transaction.atomic
def seed_attempts() -> None:
    """Scored pre/post attempts and a few anonymous survey answers for the demo cohorts."""
    now = timezone.now()
    cohorts = Cohort.objects.filter(module__code__in=KNOWLEDGE_TESTS).select_related("module")
    for cohort in cohorts:
        module = cohort.module
        if module.pre_test is None:
            continue
        enrolments = list(
            cohort.enrolments.active().select_related("trainee").order_by("trainee__display_name")
        )
        for index, enrolment in enumerate(enrolments):
            pre, post = DEMO_SCORES[index % len(DEMO_SCORES)]
            _attempt(enrolment, module.pre_test, Phase.PRE, pre, index, now)
            if post is not None and module.post_test is not None:
                _attempt(enrolment, module.post_test, Phase.POST, post, index + 3, now)
        if module.survey is None:
            continue
        answered = SurveyCompletion.objects.filter(
            enrolment__cohort=cohort, assessment=module.survey
        ).count()
        for enrolment, row in zip(
            enrolments[answered:], DEMO_SURVEY_ANSWERS[answered:], strict=False
        ):
            if SurveyCompletion.objects.filter(
                enrolment=enrolment, assessment=module.survey
            ).exists():
                continue
            SurveyResponse.objects.create(
                assessment=module.survey,
                cohort=cohort,
                answers=_survey_answers(module.survey, row),
                submitted_on=datetime.date.today(),
            )
            SurveyCompletion.objects.create(enrolment=enrolment, assessment=module.survey)
