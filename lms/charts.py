"""The one chart service: bar charts drawn on the server as SVG, with pygal.

The same chart serves the page, print and the PDF, and runs no JavaScript. A chart is a
self-contained SVG document (pygal's stylesheet inside, no ``<script>``, no XML declaration,
a fixed size with a viewBox, ``role="img"``, a ``<title>`` and a ``<desc>``). Templates show
it with ``{{ chart }}``, which writes an ``<img>`` whose source is the SVG as a ``data:`` URL
and whose ``alt`` is the chart's text alternative:

- an SVG loaded as an image is its own document: the page's Content-Security-Policy does
  not govern the ``<style>`` pygal puts inside it, nor its ``style=""`` attributes, and it
  can run no script at all. Inline, the SVG would need the hash of a stylesheet whose text
  changes with each chart, and 'unsafe-inline' for the attributes. Both policies
  (settings.SECURE_CSP, SECURE_CSP_ADMIN) already allow ``img-src data:``;
- WeasyPrint (lms/pdf.py) draws the same ``<img>``, text included, in a PDF;
- the ``.chart`` rule of the stylesheets scales it down to a 360 px screen.

pygal (with its importlib-metadata plug-in lookup) is imported on the first chart drawn, not
when the site starts: most requests draw none.
"""

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, html_safe
from django.utils.translation import gettext as _

Number = float | int | Decimal

# Drawn where a value is missing (a test not taken yet): a missing value is not a zero.
MISSING = "–"

# Colours with at least 3:1 against the white background (WCAG 1.4.11); text at 7:1 or more.
INK = "#1f2328"
INK_SUBTLE = "#4d5560"
BLUE = "#1d4f91"
LIGHT_BLUE = "#6b8ec4"
RED = "#b3261e"
AMBER = "#8c7a1e"
GREEN = "#3f7f4f"
PALETTE = (BLUE, LIGHT_BLUE, GREEN, AMBER, RED)

# pygal scopes a chart's styles under the id "chart-<uuid>"; each chart is its own document.
CHART_ID = "foras"

# Negative months are red *and* hatched, so they stand out without colour. No xmlns, as
# pygal's own elements: the SVG root declares it (and a namespaced element would come out
# with whatever prefix another library registered, such as qrcode's "svg:").
NEGATIVE_PATTERN_ID = "negative-hatch"
NEGATIVE_PATTERN = (
    f'<pattern id="{NEGATIVE_PATTERN_ID}" width="8" '
    'height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="8" height="8" fill="#fbe4e2"/>'
    f'<rect width="3" height="8" fill="{RED}"/></pattern>'
)


@dataclass(frozen=True)
class Series:
    """One series of a bar chart: a value per category (None where there is none).

    ``texts``, if given, are what the text alternative says of each value (default:
    "category — series : value"); ``colors`` give bars their own colour.
    """

    label: str
    values: Sequence[Number | None]
    color: str | None = None
    texts: Sequence[str] | None = None
    colors: Sequence[str] | None = None


@html_safe
@dataclass(frozen=True)
class Chart:
    """A drawn chart: ``{{ chart }}`` in a template (page or PDF) shows it."""

    title: str
    description: str
    svg: str
    width: int
    height: int

    @property
    def alt(self) -> str:
        return f"{self.title}. {self.description}" if self.description else self.title

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()

    def __str__(self) -> str:
        return format_html(
            '<img class="chart" src="{}" alt="{}" width="{}" height="{}">',
            self.data_uri,
            self.alt,
            self.width,
            self.height,
        )


def plain_number(value: Number) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def grouped_bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    value_format: Callable[[Number], str] = plain_number,
    y_range: tuple[Number, Number] | None = None,
    y_labels: Sequence[Number] | None = None,
    threshold: Number | None = None,
    print_values: bool = False,
    rotate_labels: bool = False,
    show_title: bool = False,
    description: str | None = None,
    width: int = 480,
    height: int = 300,
) -> Chart:
    """Bars for each category, one per series, side by side.

    A missing value (None) is drawn as the mark MISSING on the baseline, not as a bar of 0.
    ``threshold`` draws a dashed line at that value (a pass mark), labelled on the y axis
    beside ``y_labels`` (by default the ends of ``y_range``); ``value_format`` writes the
    values and the y labels; ``show_title`` draws the title (it is always the SVG's
    <title>, and begins the text alternative) for a chart with no heading of its own.
    """
    for one in series:
        if len(one.values) != len(categories):
            raise ValueError(f"{one.label!r} has {len(one.values)} values, not {len(categories)}")
    labels = list(y_labels or [])
    if threshold is not None:  # the dashed line is a labelled y guide, among the others
        labels = labels or list(y_range or ())
        labels.append(threshold)
    config = {
        "x_labels": list(categories),
        "x_label_rotation": -35 if rotate_labels else 0,
        "value_formatter": value_format,
        "print_values": print_values,
        "print_values_position": "top",
    }
    if y_range is not None:
        config["range"] = tuple(float(limit) for limit in y_range)
    if labels:
        config["y_labels"] = sorted(float(label) for label in labels)
    if threshold is not None:
        config["y_labels_major"] = [float(threshold)]
    texts = [
        list(one.texts)
        if one.texts
        else [
            _("%(category)s — %(series)s : %(value)s")
            % {"category": category, "series": one.label, "value": _text(value, value_format)}
            for category, value in zip(categories, one.values, strict=True)
        ]
        for one in series
    ]
    drawn = [
        (
            one.label,
            [
                _value(value, texts[s][i], one.colors[i] if one.colors else None)
                for i, value in enumerate(one.values)
            ],
        )
        for s, one in enumerate(series)
    ]
    if description is None:  # category by category, as one reads a table
        description = "; ".join(text for row in zip(*texts, strict=True) for text in row)
    return _draw(
        "Bar",
        title,
        description,
        drawn,
        colors=[one.color or PALETTE[i % len(PALETTE)] for i, one in enumerate(series)],
        show_legend=len(series) > 1,
        show_title=show_title,
        width=width,
        height=height,
        **config,
    )


def monthly_amount_chart(
    title: str,
    months: Sequence[str],
    amounts: Sequence[Decimal | None],
    *,
    formatter: Callable[[Decimal], str],
    label: str | None = None,
    negative_label: str | None = None,
    show_title: bool = False,
    width: int = 520,
    height: int = 340,
) -> Chart:
    """An amount month by month (a 12-month cash flow): a bar a month, from zero.

    Months below zero are red and hatched, with their own legend entry, so they stand out
    without colour too; a missing month shows the mark MISSING. ``formatter`` writes the y
    labels and the text alternative from Decimals (e.g. "1 250 000 FCFA").
    """
    if len(months) != len(amounts):
        raise ValueError(f"{len(amounts)} amounts for {len(months)} months")
    label = label or _("Montant")
    negative_label = negative_label or _("Mois en négatif")

    def y_format(value: Number) -> str:
        number = Decimal(str(value))  # pygal's ticks are floats: 250000.0 → 250000
        whole = number.to_integral_value()
        return formatter(whole if number == whole else number)

    texts = [
        _("%(month)s : %(amount)s") % {"month": month, "amount": _text(amount, formatter)}
        + (f" ({negative_label})" if amount is not None and amount < 0 else "")
        for month, amount in zip(months, amounts, strict=True)
    ]
    # Two series stacked on one bar a month: each month has its amount in one of them and
    # an empty bar in the other (pygal's StackedBar counts a None as 0), stroked in nothing.
    positive, negative = [], []
    for amount, text in zip(amounts, texts, strict=True):
        below = amount is not None and amount < 0
        (negative if below else positive).append(_value(amount, text))
        (positive if below else negative).append(_empty_bar())
    description = "; ".join(texts)
    return _draw(
        "StackedBar",
        title,
        description,
        [(label, positive), (negative_label, negative)],
        colors=[BLUE, f"url(#{NEGATIVE_PATTERN_ID})"],
        defs=[NEGATIVE_PATTERN],
        extra_css=[
            f"#chart-{CHART_ID} .color-1 .rect, #chart-{CHART_ID} .legend .color-1 "
            f"{{ stroke: {RED}; stroke-width: 1.5 }}"
        ],
        show_legend=True,
        show_title=show_title,
        width=width,
        height=height,
        x_labels=list(months),
        x_label_rotation=-35,  # twelve labels side by side would run into each other
        value_formatter=y_format,
        y_labels_major=[0.0],
        major_guide=(INK, "none"),  # the zero line, solid: red dashes mean a threshold
        print_values=False,
    )


def _value(value: Number | None, text: str, color: str | None = None) -> dict:
    """A value as pygal takes it, with its text as the bar's <title>; a missing value is an
    empty bar that says no number and carries the mark MISSING."""
    if value is None:
        return {"value": 0, "label": MISSING, "formatter": lambda _zero: "", "tooltip": text}
    point = {"value": float(value), "tooltip": text}
    if color:
        point["color"] = color
    return point


def _empty_bar() -> dict:
    """The other series' share of a month in a stacked chart: no bar, no outline, no text
    (a new dict each time: pygal pops what it uses from a value's options)."""
    return {"value": 0, "style": "stroke: none"}


def _text(value: Number | None, value_format: Callable) -> str:
    return _("pas de valeur") if value is None else value_format(value)


def _draw(
    kind: str,
    title: str,
    description: str,
    series: list[tuple[str, list]],
    *,
    colors: Sequence[str],
    show_title: bool,
    width: int,
    height: int,
    defs: Sequence[str] = (),
    extra_css: Sequence[str] = (),
    major_guide: tuple[str, str] = (RED, "6,4"),
    **config,
) -> Chart:
    """Draw with pygal, in the house style; ``major_guide`` is the colour and dashes of the
    y guides in ``y_labels_major``."""
    import pygal
    from pygal.style import Style

    style = Style(
        font_family='system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif',
        background="#ffffff",
        plot_background="#ffffff",
        foreground=INK,
        foreground_strong=INK,
        foreground_subtle=INK_SUBTLE,
        colors=tuple(colors),
        opacity="1",
        opacity_hover="1",
        stroke_opacity="1",
        stroke_opacity_hover="1",
        transition="none",
        title_font_size=20,
        label_font_size=16,
        major_label_font_size=16,
        legend_font_size=16,
        value_font_size=16,
        value_label_font_size=16,
        guide_stroke_color="#c8ccd1",
        major_guide_stroke_color=major_guide[0],
        major_guide_stroke_dasharray=major_guide[1],
    )
    chart = getattr(pygal, kind)(
        style=style,
        title=title if show_title else None,
        width=width,
        height=height,
        explicit_size=True,
        disable_xml_declaration=True,
        js=[],
        css=[
            "file://style.css",
            "file://graph.css",
            # Values and marks stand above their bar, on white: dark, whatever the bar's colour.
            f"inline:#chart-{CHART_ID} .text-overlay .series text {{ fill: {INK} }}",
            f"inline:#chart-{CHART_ID} .text-overlay text.label {{ font-weight: bold }}",
            *(f"inline:{css}" for css in extra_css),
        ],
        defs=list(defs),
        legend_at_bottom=True,
        print_labels=True,  # the MISSING marks
        truncate_label=-1,
        truncate_legend=-1,
        margin=12,
        **config,
    )
    chart.uuid = CHART_ID  # not a random one: the same chart is the same SVG
    chart.add_xml_filter(_finish(title, description))
    for label, values in series:
        chart.add(label, values)
    return Chart(
        title=title,
        description=description,
        svg=chart.render(is_unicode=True),
        width=width,
        height=height,
    )


def _finish(title: str, description: str) -> Callable:
    """The last touch on pygal's SVG tree: no script, no comments (they carry the day's
    date), and the title and text alternative where assistive technology reads them."""

    def finish(root):
        # A list first: lxml's iterator (pygal uses lxml when it is installed) stops early
        # when the tree changes under it.
        for parent in list(root.iter()):
            for child in list(parent):
                if not isinstance(child.tag, str) or _local(child.tag) == "script":
                    parent.remove(child)
        root.set("role", "img")
        root.set("aria-label", title)
        for child in root:
            if _local(child.tag) == "title":
                child.text = title
                desc = root.makeelement("desc", {})
                desc.text = description
                root.insert(list(root).index(child) + 1, desc)
                break
        return root

    return finish


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]
