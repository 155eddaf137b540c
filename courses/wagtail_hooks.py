from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import Assessment


class AssessmentViewSet(SnippetViewSet):
    """Editors write the pre/post tests and surveys here; modules point at them."""

    model = Assessment
    icon = "clipboard-list"
    menu_label = _("Évaluations")
    menu_name = "assessments"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "kind", "locale"]
    list_filter = ["kind"]
    search_fields = ["title"]


register_snippet(AssessmentViewSet)
