from django.db import models
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageScanQuerySet(models.QuerySet):
    def totals_by_page(self):
        """One row a page: page id and its total number of scans, most scanned first."""
        return self.values("page").annotate(total=Sum("count")).order_by("-total")

    def total_for(self, page) -> int:
        return self.filter(page=page).aggregate(total=Sum("count"))["total"] or 0


class PageScan(models.Model):
    """How many times a page's QR code was scanned on a day.

    A count only: no address, device or anything else about the person who scanned.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    day = models.DateField(_("jour"))
    count = models.PositiveIntegerField(_("scans"), default=0)

    objects = PageScanQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="one_scan_count_per_page_day")
        ]
        verbose_name = _("scans de QR code")
        verbose_name_plural = _("scans de QR code")

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.count}"

    @classmethod
    def record(cls, page) -> None:
        """Count one scan of the page (or page id) today, safely under concurrent scans."""
        page_id = getattr(page, "pk", page)
        today = timezone.localdate()
        updated = cls.objects.filter(page_id=page_id, day=today).update(count=F("count") + 1)
        if not updated:
            obj, created = cls.objects.get_or_create(
                page_id=page_id, day=today, defaults={"count": 1}
            )
            if not created:
                cls.objects.filter(pk=obj.pk).update(count=F("count") + 1)
