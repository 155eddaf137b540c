"""A cohort's assessment results: the per-trainee table, the cohort figures, the survey.

Reads a fixed number of queries whatever the size of the cohort (enrolments, attempts, the
survey and its responses); the formulas are those of courses/gains.py. Survey responses
are anonymous: nothing here links one to a trainee, and free-text answers and CSV rows are
sorted by content, never by submission.
"""

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from courses import gains
from courses.models import Assessment
from courses.questions import OpenQuestionBlock, ScaleBlock
from learning.models import Attempt, Phase, SurveyResponse
from lms import charts
from lms.exports import decimal

SCALE = (1, 2, 3, 4, 5)
# The questions a survey's results and export report on.
SURVEY_ITEMS = (ScaleBlock, OpenQuestionBlock)


@dataclass(frozen=True)
class TraineeResult:
    name: str
    withdrawn: bool
    pre: float | None
    post: float | None
    absolute_gain: float | None
    normalised_gain: float | None
    band: str | None
    mastery: bool | None


@dataclass(frozen=True)
class CohortResults:
    rows: list[TraineeResult]
    figures: gains.CohortGains
    active_count: int
    withdrawn_count: int
    threshold: float


@dataclass(frozen=True)
class ScaleItem:
    text: str
    overall: bool
    counts: tuple[int, ...]  # answers 1, 2, 3, 4, 5

    @property
    def answered(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class OpenItem:
    text: str
    answers: list[str]


@dataclass(frozen=True)
class SurveyResults:
    survey: Assessment
    responses: int
    active_count: int
    percent_satisfied: float | None
    scale_items: list[ScaleItem]
    open_items: list[OpenItem]

    @property
    def suppressed(self) -> bool:
        return self.responses < min_survey_responses()


def min_survey_responses() -> int:
    """With fewer answers a trainer could tell whose answers are whose: only the count shows
    (the curriculum's rule: suppress any cell smaller than 5)."""
    return settings.SURVEY_MIN_RESPONSES


def band_label(band: str | None) -> str:
    return {gains.LOW: _("faible"), gains.MEDIUM: _("moyen"), gains.HIGH: _("élevé")}.get(band, "")


def cohort_results(cohort) -> CohortResults:
    """One row per enrolment (withdrawn ones included and marked); figures without them."""
    threshold = settings.ASSESSMENT_MASTERY_PERCENT
    enrolments = list(
        cohort.enrolments.select_related("trainee").order_by("trainee__display_name", "pk")
    )
    scores: dict[tuple[int, str], float | None] = {}
    attempts = Attempt.objects.submitted().filter(enrolment__cohort=cohort)
    for enrolment_id, phase, score, points, max_points in attempts.values_list(
        "enrolment_id", "phase", "score", "points", "max_points"
    ):
        # The exact score where the points are known: the stored one is rounded.
        if points is not None and max_points is not None:
            score = gains.exact_percent(points, max_points)
        scores[(enrolment_id, phase)] = score
    rows = []
    for enrolment in enrolments:
        pre = scores.get((enrolment.pk, Phase.PRE))
        post = scores.get((enrolment.pk, Phase.POST))
        g = gains.normalised_gain(pre, post)
        rows.append(
            TraineeResult(
                name=enrolment.trainee.display_name,
                withdrawn=enrolment.status == "withdrawn",
                pre=pre,
                post=post,
                absolute_gain=gains.absolute_gain(pre, post),
                normalised_gain=g,
                band=gains.gain_band(g),
                mastery=gains.has_mastery(post, threshold),
            )
        )
    counted = [row for row in rows if not row.withdrawn]
    return CohortResults(
        rows=rows,
        figures=gains.cohort_gains(((row.pre, row.post) for row in counted), threshold),
        active_count=len(counted),
        withdrawn_count=len(rows) - len(counted),
        threshold=threshold,
    )


def cohort_survey(cohort) -> Assessment | None:
    """The module's survey, in the active language when translated."""
    if cohort.module.survey_id is None:
        return None
    return Assessment.objects.get(pk=cohort.module.survey_id).localized


def _survey_answers(cohort, survey: Assessment) -> list[dict]:
    # Responses may be to any translation of the survey: block ids are shared.
    return list(
        SurveyResponse.objects.filter(
            cohort=cohort, assessment__translation_key=survey.translation_key
        ).values_list("answers", flat=True)
    )


def _scale_value(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number in SCALE else None


def _open_value(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""


def survey_results(cohort, active_count: int) -> SurveyResults | None:
    survey = cohort_survey(cohort)
    if survey is None:
        return None
    answers = _survey_answers(cohort, survey)
    if len(answers) < min_survey_responses():
        return SurveyResults(survey, len(answers), active_count, None, [], [])
    scale_items, open_items, overall = [], [], []
    for question in survey.questions:
        if isinstance(question.block, ScaleBlock):
            values = [_scale_value(a.get(question.id)) for a in answers]
            counts = Counter(v for v in values if v is not None)
            scale_items.append(
                ScaleItem(
                    text=question.value["text"],
                    overall=bool(question.value.get("overall")),
                    counts=tuple(counts[n] for n in SCALE),
                )
            )
            if question.value.get("overall"):
                overall = values
        elif isinstance(question.block, OpenQuestionBlock):
            texts = [_open_value(a.get(question.id)) for a in answers]
            open_items.append(
                OpenItem(
                    text=question.value["text"],
                    answers=sorted((t for t in texts if t), key=str.casefold),
                )
            )
    return SurveyResults(
        survey=survey,
        responses=len(answers),
        active_count=active_count,
        percent_satisfied=gains.percent_satisfied(overall),
        scale_items=scale_items,
        open_items=open_items,
    )


# CSV exports: UTF-8 with a BOM (so Excel reads the accents), ";"-separated, like the roster,
# with decimal commas in French: a French spreadsheet opens them as numbers.


def _csv(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def _cell(value, places: int = 1) -> str:
    """A figure as a French spreadsheet reads it (decimal comma in French), rounded once."""
    if value is None:
        return ""
    return decimal(round(value, places)) if isinstance(value, float) else str(value)


def results_csv(results: CohortResults) -> bytes:
    header = [
        _("Apprenant"),
        _("Statut"),
        _("Début (%)"),
        _("Fin (%)"),
        _("Gain absolu (points)"),
        _("Gain normalisé g"),
        _("Niveau de gain"),
        _("Maîtrise"),
    ]
    rows = [
        [
            row.name,
            _("abandon") if row.withdrawn else _("inscrit"),
            _cell(row.pre),
            _cell(row.post),
            _cell(row.absolute_gain),
            _cell(row.normalised_gain, 3),
            band_label(row.band),
            {True: _("oui"), False: _("non"), None: ""}[row.mastery],
        ]
        for row in results.rows
    ]
    return _csv(header, rows)


def survey_csv(cohort) -> bytes:
    """One row per response, one column per question; no person, no date; rows sorted by
    content so their order says nothing about who answered first."""
    survey = cohort_survey(cohort)
    if survey is None:
        return _csv([], [])
    questions = [q for q in survey.questions if isinstance(q.block, SURVEY_ITEMS)]
    responses = _survey_answers(cohort, survey)
    if len(responses) < min_survey_responses():
        return _csv([q.value["text"] for q in questions], [])
    rows = []
    for answers in responses:
        rows.append(
            [
                _cell(_scale_value(answers.get(q.id)))
                if isinstance(q.block, ScaleBlock)
                else _open_value(answers.get(q.id))
                for q in questions
            ]
        )
    rows.sort()
    return _csv([q.value["text"] for q in questions], rows)


# Charts (lms/charts.py): each bar's text is the one the text alternative reads out.

SCALE_COLORS = (charts.RED, charts.RED, charts.AMBER, charts.GREEN, charts.GREEN)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{decimal(round(value, 1))} %"


def pre_post_chart(results: CohortResults) -> charts.Chart:
    """Each trainee's pre-test and post-test score, side by side, with the mastery line."""
    pre_texts, post_texts = [], []
    for row in results.rows:
        pre_texts.append(
            _("%(name)s — début : %(score)s") % {"name": row.name, "score": _percent(row.pre)}
        )
        post_texts.append(
            _("%(name)s — fin : %(score)s") % {"name": row.name, "score": _percent(row.post)}
        )
    return charts.grouped_bar_chart(
        _("Début et fin, par apprenant"),
        [row.name[:10] for row in results.rows],
        [
            charts.Series(
                _("Début"), [row.pre for row in results.rows], charts.LIGHT_BLUE, pre_texts
            ),
            charts.Series(_("Fin"), [row.post for row in results.rows], charts.BLUE, post_texts),
        ],
        value_format=_percent,
        y_range=(0, 100),
        y_labels=(0, 50, 100),
        threshold=results.threshold,
        rotate_labels=True,
    )


def scale_chart(item: ScaleItem) -> charts.Chart:
    """How many answered 1, 2, 3, 4 and 5 to one question."""
    highest = max(item.counts, default=0)
    texts = [
        _("%(answer)s : %(count)s réponse(s)") % {"answer": answer, "count": count}
        for answer, count in zip(SCALE, item.counts, strict=True)
    ]
    return charts.grouped_bar_chart(
        item.text,
        [str(answer) for answer in SCALE],
        [charts.Series(_("Réponses"), item.counts, texts=texts, colors=SCALE_COLORS)],
        print_values=True,
        y_range=(0, highest or 1),
        y_labels=(0, highest) if highest else (0,),
        width=240,
        height=180,
    )
