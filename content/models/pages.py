from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from content import cache as page_cache
from content import guide_pdfs
from content.blocks import GuideStreamBlock, KeyFigureBlock, StandardStreamBlock
from content.countries import Country
from content.models.orientation import OrientationPoint
from content.routing import ViewRestrictionsInOneQueryMixin, route_to_children
from lms.qr import qr_svg


class CachedPageMixin(ViewRestrictionsInOneQueryMixin):
    """Keep what anonymous readers are served in the page cache (see content/cache.py).

    Cached copies are answered by content.middleware.PageCacheMiddleware before Wagtail even
    routes the request; this only fills the cache. A page behind a view restriction (its own
    or an ancestor's: a password, a login, a group) is never stored, nor are its routable
    sub-pages (a guide's print version and PDF): Wagtail calls serve() only once this reader
    has passed the restriction, and the copy would then be handed to every later reader.
    """

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.get_view_restrictions().exists():
            # Nor by a proxy or the browser of a shared tablet.
            add_never_cache_headers(response)
            return response
        key = page_cache.cache_key_for(request)
        if key:
            if response.status_code == 200:
                page_cache.store(key, self.pk, response)
            page_cache.mark_public(response)
        return response


class HomePage(CachedPageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], blank=True, verbose_name=_("chiffres clés")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("key_figures")]

    # Which pages go under the home page is said by each child's parent_page_types: other
    # apps (the training catalogue) hang their own sections here without this app naming them.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def route(self, request, path_components):
        # The sections below (guides, the training catalogue) are each read once on the way.
        return route_to_children(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guide_index"] = GuideIndexPage.objects.child_of(self).live().first()
        context["guides"] = CountryGuidePage.objects.descendant_of(self).live().order_by("title")
        context["menu_pages"] = self.get_children().live().in_menu()
        return context


class StandardPage(CachedPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(StandardStreamBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")


class GuideIndexPage(CachedPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.CountryGuidePage"]

    class Meta:
        verbose_name = _("index des guides")
        verbose_name_plural = _("index des guides")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = CountryGuidePage.objects.child_of(self).live().order_by("title")
        return context


class CountryGuidePage(CachedPageMixin, RoutablePageMixin, Page):
    """A reintegration guide for one country of origin, with print and PDF versions."""

    country = models.CharField(_("pays"), max_length=2, choices=Country.choices)
    summary = models.TextField(_("résumé"), max_length=600)
    last_verified = models.DateField(_("dernière vérification"))
    body = StreamField(GuideStreamBlock(), verbose_name=_("sections"))

    content_panels = Page.content_panels + [
        FieldPanel("country"),
        FieldPanel("summary"),
        FieldPanel("last_verified"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("country"),
    ]

    parent_page_types = ["content.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide pays")
        verbose_name_plural = _("guides pays")

    def clean(self):
        super().clean()
        # One guide per country and language: the short link must lead to exactly one page.
        clash = (
            CountryGuidePage.objects.filter(country=self.country, locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        )
        if clash:
            raise ValidationError(
                {"country": _("Un guide existe déjà pour ce pays dans cette langue.")}
            )

    @property
    def short_url(self) -> str:
        return reverse("guide_short_link", args=[self.country])

    def short_link(self, request) -> str:
        """The short link as printed on paper (/g/<iso2>/): it survives page moves."""
        if settings.SITE_BASE_URL:
            return settings.SITE_BASE_URL + self.short_url
        return request.build_absolute_uri(self.short_url)

    def print_context(self, request) -> dict:
        """What the print version and the PDF add: the short link and its QR code."""
        link = self.short_link(request)
        return {"short_link": link, "short_link_qr": qr_svg(link, box_size=4)}

    @path("")
    def guide(self, request):
        return self.render(request)

    @path("print/", name="print")
    def print_version(self, request):
        return self.render(
            request,
            template="content/country_guide_page_print.html",
            context_overrides=self.print_context(request),
        )

    @path("pdf/", name="pdf")
    def pdf(self, request):
        document = guide_pdfs.get_or_render(self, request)
        response = HttpResponse(document, content_type="application/pdf")
        filename = f"guide-{slugify(self.get_country_display())}-{self.locale.language_code}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class OrientationPointsPage(CachedPageMixin, Page):
    """The "where to find us" page: every Migrant Orientation Point."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page des points d'orientation")
        verbose_name_plural = _("pages des points d'orientation")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["orientation_points"] = OrientationPoint.objects.all()
        return context
