"""Every block of the guide library renders, inside a live guide and on its own."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from content.blocks import (
    CalloutBlock,
    DocumentBlock,
    FigureBlock,
    GuideStreamBlock,
    KeyFigureBlock,
    StandardStreamBlock,
    VideoBlock,
)
from tests.content.factories import (
    EXPECTED_TEXT,
    every_guide_block,
    french_guide,
    make_document,
    publish,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_document()


@pytest.fixture
def guide_with_every_block(document):
    return publish(french_guide(), body=every_guide_block(document))


def test_the_test_guide_holds_one_block_of_every_guide_block_type(guide_with_every_block):
    used = [block.block_type for block in guide_with_every_block.body]
    assert sorted(used) == sorted(GuideStreamBlock.base_blocks)
    assert sorted(EXPECTED_TEXT) == sorted(GuideStreamBlock.base_blocks)


@pytest.mark.parametrize("block_type", sorted(EXPECTED_TEXT))
def test_every_guide_block_shows_its_content_on_the_live_guide(
    client, guide_with_every_block, block_type
):
    response = client.get("/fr/guides/mali/")

    assert response.status_code == 200
    html = response.content.decode()
    for text in EXPECTED_TEXT[block_type]:
        assert text in html


@pytest.mark.parametrize("block_type", sorted(EXPECTED_TEXT))
def test_every_guide_block_renders_with_its_own_template(guide_with_every_block, block_type):
    block = next(b for b in guide_with_every_block.body if b.block_type == block_type)

    html = block.render()

    for text in EXPECTED_TEXT[block_type]:
        assert text in html


def test_the_document_block_links_to_the_downloadable_file(guide_with_every_block, document):
    block = next(b for b in guide_with_every_block.body if b.block_type == "document")

    html = block.render()

    assert f'href="{document.url}"' in html
    assert "download" in html


def test_headed_blocks_are_listed_in_the_guide_table_of_contents(client, guide_with_every_block):
    html = client.get("/fr/guides/mali/").content.decode()

    for block in guide_with_every_block.body:
        if "heading" in block.value:
            assert f'<a href="#s-{block.id}">{block.value["heading"]}</a>' in html


@pytest.mark.parametrize(
    "stream_block", [GuideStreamBlock, StandardStreamBlock], ids=lambda b: b.__name__
)
def test_every_block_has_an_icon_and_a_template(stream_block):
    for child in stream_block.base_blocks.values():
        assert child.meta.icon != "placeholder"
        assert child.meta.template.startswith("content/blocks/")


def test_a_key_figure_renders_its_figure_label_and_source():
    block = KeyFigureBlock()
    value = block.to_python(
        {"figure": "502", "label": "migrants orientés", "year": "2022", "source": "Rapport"}
    )

    html = block.render(value)

    assert "<strong>502</strong>" in html
    assert "migrants orientés" in html
    assert "2022 · Rapport" in html


def stream_blocks():
    """Every block editors can add to a page or an assessment, from the one block library."""
    from courses.blocks import LessonStreamBlock
    from courses.questions import QuestionStreamBlock

    for stream in (GuideStreamBlock, StandardStreamBlock, LessonStreamBlock, QuestionStreamBlock):
        yield from ((stream.__name__, name, block) for name, block in stream.base_blocks.items())


@pytest.mark.parametrize(
    ("stream", "name", "block"), list(stream_blocks()), ids=lambda p: getattr(p, "__name__", p)
)
def test_every_block_has_a_preview_that_renders(stream, name, block, db):
    if isinstance(block, FigureBlock):
        # The image block previews with an image of the library, once there is one.
        assert block.get_preview_value() is None
        Image.objects.create(title="Arbre des réussites", file=get_test_image_file())
    preview = block.get_preview_value()
    assert preview is not None, f"{stream}.{name} has no preview"
    html = block.render(block.normalize(preview), context={"block_id": "preview"})
    assert html.strip()
    if isinstance(block, FigureBlock):
        assert 'alt="Arbre des réussites"' in html


def test_lessons_and_guides_share_the_same_video_document_and_callout_blocks():
    from courses.blocks import LessonStreamBlock

    lesson, guide = LessonStreamBlock.base_blocks, GuideStreamBlock.base_blocks
    assert type(lesson["video"]) is type(guide["video"]) is VideoBlock
    assert type(lesson["document"]) is type(guide["document"]) is DocumentBlock
    assert type(lesson["tip"]) is type(guide["disclaimer"]) is CalloutBlock
