"""The old portals' addresses answered: a request that ends in a 404 is looked
up among the recorded redirects under its normalised address (legacy/redirects.py
says how addresses are normalised and recorded)."""

from urllib.parse import urlsplit

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.utils.deprecation import MiddlewareMixin
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from legacy.redirects import OLD_PATH_MAX_LENGTH, NotAnOldAddress, request_address


def find_legacy_redirect(request):
    """The recorded redirect that answers this request's address, if any."""
    full_path = request.get_full_path()
    if "\0" in full_path:
        return None
    try:
        address = request_address(full_path)
    except NotAnOldAddress:
        return None
    # A longer one cannot have been recorded (Redirect.old_path's length).
    candidates = [
        candidate
        for candidate in address.candidates()
        if len(candidate) <= OLD_PATH_MAX_LENGTH
    ]
    site = Site.find_for_request(request)
    found = Redirect.get_for_site(site).filter(old_path__in=candidates)
    ranked = sorted(
        found.select_related("redirect_page"),
        key=lambda r: (candidates.index(r.old_path), r.site_id is None),
    )
    return ranked[0] if ranked else None


class LegacyRedirectMiddleware(MiddlewareMixin):
    """After Wagtail's ``RedirectMiddleware``: a 404 whose address, normalised
    as the old portals' addresses are, has a recorded redirect, redirects."""

    def process_response(self, request, response):
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        redirect = find_legacy_redirect(request)
        if redirect is None or redirect.link is None:
            return response
        if urlsplit(redirect.link).path == request.path:
            return response  # to itself (the page is no longer live): a 404
        if redirect.is_permanent:
            return HttpResponsePermanentRedirect(redirect.link)
        return HttpResponseRedirect(redirect.link)
