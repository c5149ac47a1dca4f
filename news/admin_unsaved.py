"""Keeping an editor's unsaved work in the admin's edit forms.

Wagtail's own ``w-unsaved`` and ``w-autosave`` controllers do most of it; the
script ``js/admin-unsaved.js`` adds what they miss (see its header): a dialog
in Vietnamese before an admin link leaves a form with unsaved changes, edits
made while an autosave was on its way kept as unsaved, and a check of the
login before a save, so an expired session never swallows the form.
"""

from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail import hooks


@require_GET
@never_cache
def session_status(request):
    """Answers 200 while the editor is logged in, with the current CSRF token
    (logging in again in another tab replaces it). Wagtail's admin wraps this
    view in its login check, so an expired session gets the redirect to the
    login page instead."""
    return JsonResponse({"authenticated": True, "csrf_token": get_token(request)})


@hooks.register("register_admin_urls")
def register_session_status_url():
    return [path("phien-dang-nhap/", session_status, name="news_session_status")]


@hooks.register("insert_editor_js")
def unsaved_work_js():
    dialogs = render_to_string(
        "news/admin/unsaved_work.html",
        {
            "session_url": reverse("news_session_status"),
            "login_url": reverse("wagtailadmin_login"),
        },
    )
    return format_html(
        '{}<script src="{}"></script>', dialogs, static("js/admin-unsaved.js")
    )
