"""The project's URLs plus a page that shows charts under the public site's strict policy
(no admin page would do: the admin's policy allows inline styles anyway)."""

from decimal import Decimal

from django.http import HttpResponse
from django.template import Context, Template
from django.urls import path

from lms import charts
from lms.urls import urlpatterns as project_urlpatterns

CASH_FLOW = [
    Decimal(amount)
    for amount in (-250000, -120000, 30000, 80000, 150000, -40000)
    + (200000, 250000, 300000, 0, 350000, 400000)
]

# As the public pages do: the site's stylesheet inlined, allowed by its hash.
PAGE = Template(
    '{% load lms_tags %}<!doctype html><html lang="fr"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    '<title>Graphiques</title><style>{% inline_static "css/site.css" %}</style></head>'
    "<body><main><h1>Graphiques</h1>"
    "{{ cash_flow }}{{ scores }}</main></body></html>"
)


def francs(amount: Decimal) -> str:
    return f"{amount:,.0f}".replace(",", "\u202f") + " FCFA"


def chart_page(request):
    context = {
        "cash_flow": charts.monthly_amount_chart(
            "Trésorerie sur 12 mois",
            [f"M{number}" for number in range(1, 13)],
            CASH_FLOW,
            formatter=francs,
            show_title=True,
        ),
        "scores": charts.grouped_bar_chart(
            "Début et fin",
            ["Awa", "Binta", "Dado"],
            [charts.Series("Début", [40, 100, 60]), charts.Series("Fin", [80, 90, None])],
            y_range=(0, 100),
            threshold=70,
        ),
    }
    return HttpResponse(PAGE.render(Context(context)))


urlpatterns = [path("test-charts/", chart_page), *project_urlpatterns]
