"""The business-plan exercise (shared/curriculum.md §5): its sixteen steps, in the order of
the SYB business plan, and how what a tablet sends is checked. The figures are worked out by
courses/business_plan/ and written out for the page and the PDF by plan_figures.py.

The data kept is the JSON ``parse_plan`` reads (currency, startup, monthly, sales, funding),
plus the steps' texts under "texts". Numbers are kept as the trainee typed them ("1 250 000",
"0,8"), so the form shows them back unchanged, but only once ``parse_plan`` accepts them all;
anything else is refused with a message on the field's path and nothing is kept.
"""

import unicodedata

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from courses.business_plan import CURRENCIES, PlanError, currency_for_country, parse_plan
from courses.business_plan.plan import MONTHS
from courses.exercises.base import Exercise, ExerciseError, Section, clean_text
from courses.exercises.plan_figures import autosave_figures, plan_figures

# Steps 1–8, 15 and 16 are texts; 9–14 are the tables and the figures worked out from them.
SECTIONS = (
    Section(
        "summary",
        _l("Résumé"),
        _l("Dites votre projet en quelques phrases : ce que vous vendez, à qui, où."),
        "📝",
    ),
    Section(
        "promoter",
        _l("Qui porte le projet"),
        _l(
            "Ce que vous savez faire et ce que vous avez déjà fait. Vous pouvez utiliser un "
            "autre nom que le vôtre, un pseudonyme."
        ),
        "🙋",
    ),
    Section(
        "idea",
        _l("L'idée"),
        _l("Quoi, pour qui, où, et pourquoi les gens vont acheter."),
        "💡",
    ),
    Section(
        "market",
        _l("Le marché"),
        _l(
            "Qui sont vos clients ? Qui vend déjà la même chose ? "
            "Combien de clients attendez-vous ?"
        ),
        "🧺",
    ),
    Section(
        "marketing",
        _l("Vendre"),
        _l(
            "Votre produit, votre prix, l'endroit où vous vendez, "
            "et comment les clients vont vous connaître."
        ),
        "📣",
    ),
    Section(
        "operations",
        _l("Le travail de tous les jours"),
        _l("Où vous travaillez, avec quel matériel, et qui vous fournit."),
        "🛠️",
    ),
    Section(
        "staff",
        _l("Les personnes"),
        _l("Qui travaille avec vous, et ce que chacun fait."),
        "👥",
    ),
    Section(
        "legal",
        _l("Les papiers"),
        _l("La forme de votre entreprise et les démarches pour l'enregistrer."),
        "📄",
    ),
    Section(
        "startup",
        _l("Les dépenses de démarrage"),
        _l(
            "Ce qu'il faut acheter avant d'ouvrir : le matériel, le premier stock, les frais "
            "comme l'enregistrement ou la caution. Écrivez une ligne par dépense."
        ),
        "🧰",
    ),
    Section(
        "monthly",
        _l("Les dépenses de chaque mois"),
        _l(
            "Ce que vous payez tous les mois, que vous vendiez ou non : "
            "loyer, salaires, électricité…"
        ),
        "🗓️",
    ),
    Section(
        "sales",
        _l("Les ventes prévues"),
        _l(
            "Ce que vous vendez, à quel prix, ce que coûte une unité, et combien vous pensez en "
            "vendre par mois. Un mois où vous vendez moitié moins : 0,5 ; deux fois plus : 2."
        ),
        "🛒",
    ),
    Section(
        "profit",
        _l("Le bénéfice"),
        _l("Ce qui reste chaque mois une fois tout payé. La tablette le calcule pour vous."),
        "📈",
    ),
    Section(
        "cashflow",
        _l("L'argent en caisse"),
        _l(
            "L'argent qu'il reste en caisse à la fin de chaque mois. S'il manque de l'argent un "
            "mois, prévoyez plus au départ ou moins de dépenses."
        ),
        "💰",
    ),
    Section(
        "funding",
        _l("Le financement"),
        _l("Qui paie le démarrage : l'aide de l'OIM en matériel, votre apport, un prêt."),
        "🤝",
    ),
    Section(
        "risks",
        _l("Les risques"),
        _l("Ce qui pourrait mal se passer, et ce que vous ferez alors."),
        "⚠️",
    ),
    Section(
        "actions",
        _l("Le plan d'action"),
        _l("Les premières choses à faire au retour, et quand."),
        "✅",
    ),
)

TEXT_KEYS = (
    "summary",
    "promoter",
    "idea",
    "market",
    "marketing",
    "operations",
    "staff",
    "legal",
    "risks",
    "actions",
)
MONTHLY_KEYS = ("rent", "wages", "drawings", "utilities", "phone_transport", "loan_instalment")
FUNDING_KEYS = ("iom_in_kind", "own", "loan")
# The rows of each table and the fields of a row.
TABLES = {
    ("startup", "equipment"): ("label", "amount", "life_months"),
    ("startup", "stock"): ("label", "amount"),
    ("startup", "pre_opening"): ("label", "amount"),
    ("monthly", "other"): ("label", "amount"),
}


def empty() -> dict:
    return {
        "currency": "",
        "texts": dict.fromkeys(TEXT_KEYS, ""),
        "startup": {"equipment": [], "stock": [], "pre_opening": [], "reserve_months": ""},
        "monthly": {**dict.fromkeys(MONTHLY_KEYS, ""), "other": []},
        "sales": {
            "product": "",
            "price": "",
            "variable_cost": "",
            "units_per_month": "",
            "seasonal": [""] * MONTHS,
        },
        "funding": dict.fromkeys(FUNDING_KEYS, ""),
    }


def initial(country: str) -> dict:
    """A new plan, in the currency of the trainee's country (they may change it)."""
    return {**empty(), "currency": currency_for_country(country)}


def clean(data: object) -> dict:
    if not isinstance(data, dict):
        raise ExerciseError({"": _("Le plan envoyé est illisible.")})
    errors: dict[str, str] = {}
    texts = data.get("texts")
    if texts is not None and not isinstance(texts, dict):
        errors["texts"] = _("Cette partie du plan n'a pas la forme attendue.")
        texts = {}
    texts = texts or {}
    cleaned_texts = {key: _clean_text(texts.get(key), f"texts.{key}", errors) for key in TEXT_KEYS}

    numbers = _as_typed(data)
    try:
        plan = parse_plan(numbers)
    except PlanError as refused:
        errors.update({path: str(message) for path, message in refused.errors.items()})
    else:
        numbers["currency"] = plan.currency
    if errors:
        raise ExerciseError(errors)
    return {**numbers, "texts": cleaned_texts}


def _clean_text(value: object, path: str, errors: dict) -> str:
    text = clean_text(value, path, errors)
    # Any script and emoji are welcome; control characters (but line breaks and tabs) and
    # lone surrogates cannot be printed, and PostgreSQL's JSON refuses a NUL.
    if any(unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\r\t" for char in text):
        errors[path] = _("Ce texte contient un caractère qui ne peut pas être écrit.")
        return ""
    return text


def _as_typed(data: dict) -> dict:
    """The plan's numbers and labels as typed, reduced to the keys the plan has: whatever else
    a tablet sent is dropped, and a value of the wrong shape is left for ``parse_plan`` to
    name on its path."""
    currency = data.get("currency")
    kept = {
        "currency": currency.strip().upper() if isinstance(currency, str) else currency,
        "startup": _section(data, "startup", ("reserve_months",)),
        "monthly": _section(data, "monthly", MONTHLY_KEYS),
        "sales": _section(data, "sales", ("product", "price", "variable_cost", "units_per_month")),
        "funding": _section(data, "funding", FUNDING_KEYS),
    }
    if currency is None or currency == "":
        kept["currency"] = ""
    for (section, table), fields in TABLES.items():
        if isinstance(kept[section], dict):
            kept[section][table] = _rows((data.get(section) or {}).get(table), fields)
    if isinstance(kept["sales"], dict):
        kept["sales"]["seasonal"] = _seasonal((data.get("sales") or {}).get("seasonal"))
    return kept


def _section(data: dict, key: str, fields: tuple[str, ...]):
    section = data.get(key)
    if section is None:
        return {field: "" for field in fields}
    if not isinstance(section, dict):
        return section
    return {field: _typed(section.get(field)) for field in fields}


def _typed(value):
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else value


def _rows(rows, fields: tuple[str, ...]):
    if rows is None:
        return []
    if not isinstance(rows, list):
        return rows
    return [
        {field: _typed(row.get(field)) for field in fields} if isinstance(row, dict) else row
        for row in rows
    ]


def _seasonal(factors):
    """The twelve factors. The page's form sends them as {"0": …, "11": …} (one field a
    month, named by its index), the stored plan as a list: both are read as the list."""
    if factors is None:
        return [""] * MONTHS
    # A dict naming a 13th month is left as it is, refused by parse_plan for its shape.
    if isinstance(factors, dict) and all(_is_index(key) and int(key) < MONTHS for key in factors):
        factors = [factors.get(str(index)) for index in range(MONTHS)]
    if not isinstance(factors, list):
        return factors
    typed = [_typed(factor) for factor in factors]
    return typed + [""] * (MONTHS - len(typed))


def _is_index(key: str) -> bool:
    return key.isascii() and key.isdigit() and len(key) <= 2


def currencies() -> list[tuple[str, str]]:
    """The currencies a plan may be written in, for the first step's choice."""
    return [(code, f"{currency.symbol} ({code})") for code, currency in CURRENCIES.items()]


PLAN = Exercise(
    kind="plan",
    title=_l("Mon plan d'affaires"),
    sections=SECTIONS,
    clean=clean,
    empty=empty,
    initial=initial,
    per_enrolment=True,
    figures=plan_figures,
    autosave_figures=autosave_figures,
    template="learning/exercises/plan.html",
    preview_template="learning/exercises/plan_preview.html",
    pdf_template="learning/exercises/plan_pdf.html",
)
