from content.models.orientation import OrientationPoint
from content.models.pages import (
    CachedPageMixin,
    CountryGuidePage,
    GuideIndexPage,
    HomePage,
    OrientationPointsPage,
    StandardPage,
)
from content.models.scans import PageScan

__all__ = [
    "CachedPageMixin",
    "CountryGuidePage",
    "GuideIndexPage",
    "HomePage",
    "OrientationPoint",
    "OrientationPointsPage",
    "PageScan",
    "StandardPage",
]
