"""The one block library: the common blocks (text, image, video, document, callout) and the
sections of the public site. The training catalogue builds its lessons from the same blocks
(courses/blocks.py)."""

from content.blocks.common import (
    CalloutBlock,
    DocumentBlock,
    FigureBlock,
    TextBlock,
    VideoBlock,
)
from content.blocks.guides import (
    ChecklistBlock,
    ContactCardBlock,
    FAQBlock,
    GuideStreamBlock,
    KeyFactsBlock,
    KeyFigureBlock,
    SectionBlock,
    ServicesBlock,
    StandardStreamBlock,
)

__all__ = [
    "CalloutBlock",
    "ChecklistBlock",
    "ContactCardBlock",
    "DocumentBlock",
    "FAQBlock",
    "FigureBlock",
    "GuideStreamBlock",
    "KeyFactsBlock",
    "KeyFigureBlock",
    "SectionBlock",
    "ServicesBlock",
    "StandardStreamBlock",
    "TextBlock",
    "VideoBlock",
]
