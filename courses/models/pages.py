from functools import cached_property

from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from content.cache import current_generation
from content.routing import RoutesOnTreeFieldsMixin
from courses.access import LearnerOnlyPageMixin
from courses.blocks import EXERCISE_KINDS, LessonStreamBlock
from courses.days import Day


def route_to_child(parent: Page, child_model: type[Page], request, path_components):
    """Wagtail's ``Page.route`` for a parent whose children are all of one type: the child is
    read in its specific type at once (one query instead of two per level of a lesson's URL)."""
    try:
        child = child_model.objects.child_of(parent).get(slug=path_components[0])
    except child_model.DoesNotExist:
        return Page.route(parent, request, path_components)
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])


class CourseIndexPage(RoutesOnTreeFieldsMixin, Page):
    """Holds the training modules of the programme."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = ["courses.ModulePage"]

    def route(self, request, path_components):
        if len(path_components) >= 2:
            lesson = self._lesson_at(*path_components[:2])
            if lesson is not None:
                return lesson.route(request, path_components[2:])
        if path_components:
            return route_to_child(self, ModulePage, request, path_components)
        return super().route(request, path_components)

    def _lesson_at(self, module_slug: str, lesson_slug: str) -> "LessonPage | None":
        """The lesson ``<module_slug>/<lesson_slug>/`` below this index, its module cached as
        its parent: both read by one query (Wagtail's routing reads each level, then its
        specific type). None if the path is not a lesson's: routing then goes level by
        level."""
        module_url = f"{self.url_path}{module_slug}/"
        rows = Page.objects.filter(
            path__startswith=self.path,
            depth__in=(self.depth + 1, self.depth + 2),
            url_path__in=(module_url, f"{module_url}{lesson_slug}/"),
        ).select_related("lessonpage")
        by_depth = {row.depth: row for row in rows}
        module_row, lesson_row = by_depth.get(self.depth + 1), by_depth.get(self.depth + 2)
        if module_row is None or lesson_row is None:
            return None
        # The module as its lesson shows it (title, link, translation key: Page's own fields);
        # a field of its own read later is loaded then.
        module = module_row.specific_deferred
        lesson = getattr(lesson_row, "lessonpage", None)
        # The same pages as routing by slugs, child by child, would find.
        if (
            not isinstance(module, ModulePage)
            or lesson is None
            or module.slug != module_slug
            or lesson.slug != lesson_slug
            or module.path[: -Page.steplen] != self.path
            or lesson.path[: -Page.steplen] != module.path
        ):
            return None
        module._cached_parent_obj = self
        lesson._cached_parent_obj = module
        return lesson

    class Meta:
        verbose_name = _("index des modules")
        verbose_name_plural = _("index des modules")


# --- Which exercises a module has ---------------------------------------------------------
# A module has the exercises its days link to (courses/blocks.py ExerciseLinkBlock): the
# trainee's space shows those (learning/progress.py), and a business plan belongs to an
# enrolment in a module that has it (learning/permissions.py asks ``offering_exercise``).
# The CV belongs to the trainee, whatever the module.


def exercise_link_text(link: str) -> str:
    """How a link to ``link`` reads in the lesson's stored blocks: a block's value is
    ``{"exercise": "<link>", "text": …}``, stored as JSON with ": " between key and value (what
    Python's json writes on SQLite and what PostgreSQL's jsonb prints). A lesson's own text
    holding these words is stored with its quotes escaped: it never reads so."""
    return f'"exercise": "{link}"'


class ModulePageQuerySet(PageQuerySet):
    def offering_exercise(self, kind: str):
        """The modules with a live day linking to the exercise ``kind`` ("cv", "plan"): asked
        in the database (one subquery, no lesson read into Python: an autosave asks it every
        few seconds)."""
        lessons = LessonPage.objects.live().linking_exercise(kind)
        return self.filter(
            Exists(lessons.filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1))
        )


class LessonPageQuerySet(PageQuerySet):
    def linking_exercise(self, kind: str):
        """The lessons with a link to the exercise ``kind`` (LessonPage.linked_exercises, in
        the database)."""
        links = [link for link, linked in EXERCISE_KINDS.items() if linked == kind]
        if not links:
            return self.none()
        found = Q()
        for link in links:
            found |= Q(body__icontains=exercise_link_text(link))
        return self.filter(found)


class ModulePage(LearnerOnlyPageMixin, Page):
    """A training module (e.g. the 10-day Développement personnel); cohorts run a module."""

    code = models.SlugField(_("code"), max_length=20)
    summary = models.TextField(_("résumé"), blank=True)
    duration_days = models.PositiveSmallIntegerField(_("durée en jours"), default=10)
    # The attendance part of the certificate rule (cohorts/attendance_rule.py).
    attendance_required_percent = models.PositiveSmallIntegerField(
        _("présence exigée (%)"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Part des jours de session où l'apprenant doit être présent ou en retard."),
    )
    # The exercises an attestation requires, sent to the trainer (certificates/eligibility.py).
    certificate_requires_cv = models.BooleanField(_("attestation : CV exigé"), default=False)
    certificate_requires_plan = models.BooleanField(
        _("attestation : plan d'affaires exigé"), default=False
    )
    objectives = RichTextField(_("objectifs"), blank=True, features=["bold", "italic", "ul"])
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image de couverture"),
    )
    pre_test = models.ForeignKey(
        "courses.Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("test de début"),
        limit_choices_to={"kind": "knowledge"},
    )
    post_test = models.ForeignKey(
        "courses.Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("test de fin"),
        limit_choices_to={"kind": "knowledge"},
        help_text=_("Le même test que celui du début, ou une forme parallèle."),
    )
    survey = models.ForeignKey(
        "courses.Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("questionnaire de satisfaction"),
        limit_choices_to={"kind": "survey"},
    )

    content_panels = Page.content_panels + [
        FieldPanel("code"),
        FieldPanel("summary"),
        FieldPanel("duration_days"),
        MultiFieldPanel(
            [
                FieldPanel("attendance_required_percent"),
                FieldPanel("certificate_requires_cv"),
                FieldPanel("certificate_requires_plan"),
            ],
            heading=_("Attestation"),
        ),
        FieldPanel("objectives"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("pre_test"), FieldPanel("post_test"), FieldPanel("survey")],
            heading=_("Évaluations"),
        ),
    ]

    objects = PageManager.from_queryset(ModulePageQuerySet)()

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    def route(self, request, path_components):
        if path_components:
            return route_to_child(self, LessonPage, request, path_components)
        return super().route(request, path_components)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def required_exercises(self) -> tuple[str, ...]:
        """The exercise kinds an attestation of this module requires (learning's kinds)."""
        return tuple(
            kind
            for kind, required in (
                ("cv", self.certificate_requires_cv),
                ("plan", self.certificate_requires_plan),
            )
            if required
        )

    def lessons(self):
        """The module's live days, in order."""
        return LessonPage.objects.live().child_of(self).order_by("day_number", "path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["days"] = [Day(lesson) for lesson in self.lessons()]
        return context


# How long the parts of a lesson that every learner sees alike stay in the shared cache; a
# new generation of published content forgets them at once.
SHARED_PARTS_SECONDS = 24 * 60 * 60


class LessonPage(LearnerOnlyPageMixin, Page):
    """One day of a module. Only enrolled trainees and staff may open it (see courses/access.py)."""

    day_number = models.PositiveSmallIntegerField(_("jour"))
    objectives = RichTextField(_("objectifs"), blank=True, features=["bold", "italic", "ul"])
    duration_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"), default=360)
    body = StreamField(LessonStreamBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = Page.content_panels + [
        FieldPanel("day_number"),
        FieldPanel("objectives"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]

    objects = PageManager.from_queryset(LessonPageQuerySet)()

    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("leçon")
        verbose_name_plural = _("leçons")

    def module(self):
        return self.get_parent().specific

    def linked_exercises(self) -> list[str]:
        """The exercise kinds the day links to, in the order of its blocks."""
        kinds: list[str] = []
        for block in self.body.raw_data:
            value = block.get("value")
            if block.get("type") != "exercise" or not isinstance(value, dict):
                continue
            kind = EXERCISE_KINDS.get(value.get("exercise"))
            if kind and kind not in kinds:
                kinds.append(kind)
        return kinds

    def neighbours(self):
        """The previous and next live days of the lesson's module, or ``None``.

        The same for every trainee of the module, who opens the day again and again: kept in
        the shared cache until published content changes (a publish, unpublish, move or
        deletion starts a new generation of it, content/cache.py)."""
        key = f"courses:lesson-neighbours:{self._content_generation}:{self.pk}"
        found = cache.get(key)
        if found is None:
            found = self._read_neighbours()
            cache.set(key, found, SHARED_PARTS_SECONDS)
        return found

    def learner_body_key(self) -> str:
        """Where the lesson's body, rendered for learners, is kept in the shared cache: the
        same for every trainee of the module (nothing of theirs is in it), and a quarter of
        the lesson page's server time to render. A new generation of published content
        (content/cache.py) or another live revision is another key. Only the learners' page
        uses it: staff also see previews of drafts, which have the live page's id."""
        return f"{self._content_generation}:{self.pk}:{self.live_revision_id}"

    @cached_property
    def _content_generation(self) -> str:
        # One read of the shared cache per request (a page object lives for one request) for
        # both shared parts, the body and the neighbours.
        return current_generation()

    def serve_to_learner(self, request, extra_context: dict):
        return super().serve_to_learner(
            request, {**extra_context, "body_cache_key": self.learner_body_key()}
        )

    def _read_neighbours(self):
        # One query: a module has ten days or so.
        siblings = list(
            LessonPage.objects.live()
            .sibling_of(self, inclusive=False)
            .exclude(day_number=self.day_number)
            # Only their numbers and links are shown (pageurl reads url_path): not their
            # content, nor the rest of Wagtail's thirty-odd columns.
            .only("path", "depth", "url_path", "title", "day_number")
            .order_by("day_number", "path")
        )
        before = [lesson for lesson in siblings if lesson.day_number < self.day_number]
        after = [lesson for lesson in siblings if lesson.day_number > self.day_number]
        # The previous day is the last of the days before (the deepest path among equals).
        previous = max(before, key=lambda lesson: (lesson.day_number, lesson.path), default=None)
        return previous, after[0] if after else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["module"] = self.module()
        context["previous"], context["next"] = self.neighbours()
        return context
