"""The picture password: four pictures chosen in order from a grid of twelve.

12^4 = 20 736 sequences, more than the 10 000 PINs of 4 digits (cohorts/guessing.py).

For trainees who read with difficulty. Pictures are named by a stable key (stored hashed as a
sequence) and shown with an emoji and a translated label, so no image files are needed.
"""

from django.utils.translation import gettext_lazy as _

PICTURES = {
    "sun": ("☀️", _("soleil")),
    "tree": ("🌳", _("arbre")),
    "fish": ("🐟", _("poisson")),
    "house": ("🏠", _("maison")),
    "star": ("⭐", _("étoile")),
    "ball": ("⚽", _("ballon")),
    "car": ("🚗", _("voiture")),
    "goat": ("🐐", _("chèvre")),
    "mango": ("🥭", _("mangue")),
    "moon": ("🌙", _("lune")),
    "camel": ("🐪", _("chameau")),
    "bird": ("🐦", _("oiseau")),
}
SEQUENCE_LENGTH = 4


def is_valid_sequence(keys: list[str]) -> bool:
    return len(keys) == SEQUENCE_LENGTH and all(key in PICTURES for key in keys)
