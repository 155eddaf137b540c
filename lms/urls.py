from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates import credential_views
from content import views as content_views
from lms import views

# The site's own error pages, in the style of the public site, the trainee space or the admin.
handler403 = "lms.errors.permission_denied"
handler404 = "lms.errors.page_not_found"
handler500 = "lms.errors.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Staff sign in through allauth (with MFA), never through Wagtail's own form.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/trainee/", include("cohorts.urls")),
    path("accounts/", include("lms.account_urls")),  # allauth's, MFA views imported lazily
    # The trainee's certificates, in their space (the certificates app sits above learning).
    path("learn/certificates/", include("certificates.trainee_urls")),
    path("learn/", include("learning.urls")),
    # Shown on the trainer's check-in screen, as a QR code and as an address to type.
    path("checkin/", include("cohorts.check_in_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # Printed on flyers: these must keep working whatever happens to the page tree.
    path("g/<str:code>/", content_views.guide_short_link, name="guide_short_link"),
    # Printed under each certificate's QR code: /verify/<code>/ (and its JSON form).
    path("verify/", include("certificates.urls")),
    # The signed credentials' issuer (did:web, a fixed point) and revocation status list.
    path(".well-known/did.json", credential_views.did_document, name="credential_did_document"),
    path("credentials/", include("certificates.credential_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
