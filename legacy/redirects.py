"""Redirects from the old portals' addresses to the imported articles.

Old links to the Liferay and SharePoint portals live on in other sites, in
e-mails and in search engines, in many spellings of one address:

- SharePoint: ``/tin-tuc/Pages/tin.aspx?ItemID=123``, also written
  ``?itemid=123``, ``?Source=...&ItemID=123`` or ``?ItemID=123&amp;Source=...``
  (copied from HTML), and IIS ignores the case of the path;
- Liferay: ``/web/guest/tin-tuc/-/asset_publisher/Ab1Cd/content/hoi-nghi``,
  also without ``/web/guest``, with a language prefix (``/vi/...``), through
  another page or portlet instance, with ``?inheritRedirect=...&redirect=...``,
  ``;jsessionid=...`` or in the old non-friendly form
  ``?p_p_id=101_INSTANCE_Ab1Cd&_101_INSTANCE_Ab1Cd_urlTitle=hoi-nghi``;
- percent-encoded Vietnamese (``h%E1%BB%99i-ngh%E1%BB%8B``) or not.

Rather than recording every spelling, the importer records one Wagtail
``Redirect`` per article address, under a canonical *old path*
(:func:`legacy_address`), and ``LegacyRedirectMiddleware`` (legacy/middleware.py)
puts any request that ends in a 404 through the same normalisation before
looking it up.
Wagtail's own ``RedirectMiddleware`` still runs first, so redirects that
administrators add by hand work exactly as Wagtail documents.

The canonical old path:

1. ``&amp;`` (and ``&#38;``) become ``&``; the fragment, the host and
   ``;jsessionid=...`` go; the path is percent-decoded, NFC-normalised,
   lower-cased, without doubled or trailing slashes (neither portal told case
   apart in its article addresses).
2. Liferay friendly addresses (a ``/-/`` segment) keep only what names the
   article: ``/-/asset_publisher/content/<url title>`` (the page before
   ``/-/``, the language and the portlet instance go), with ``/web/<site>``
   in front for a Liferay site other than ``guest``; their query strings are
   all portlet state and go. A non-friendly asset-publisher address (a
   ``_..._urlTitle`` parameter) becomes the same friendly form.
3. Other addresses keep their query parameters, names and values lower-cased
   and sorted (``itemid=123``), except those that never say which article:
   return addresses (``Source``, ``redirect``, ``backURL``...), Liferay portlet
   state (``p_p_*``, ``p_l_*``...), tracking (``utm_*``, ``fbclid``,
   ``zarsrc``...). A parameter not known to be junk is kept: ``l=TinTuc`` or
   ``CateID=3`` may tell two lists' item 123 apart.

At lookup time, a request matches a recorded old path whose parameters are a
subset of its own (so ``?ItemID=123&Mobile=0`` still finds ``?itemid=123``,
and ``?ItemID=999`` finds nothing: the normal 404 page); the most specific
match wins, and a redirect for the request's site beats one for all sites.
"""

import itertools
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import ModelLogEntry, Page, Site

from news.text import nfc

#: Query parameters that never identify an article (names lower-cased).
JUNK_PARAMETERS = frozenset(
    {
        # Return addresses and dialogs (SharePoint, Liferay, IIS sites).
        "source",
        "rootfolder",
        "isdlg",
        "mobile",
        "redirect",
        "inheritredirect",
        "backurl",
        "returnurl",
        # Tracking added by social networks and analytics.
        "fbclid",
        "gclid",
        "zarsrc",
        "_ga",
        "_gl",
    }
)
JUNK_PREFIXES = ("p_p_", "p_l_", "p_r_p_", "p_v_", "utm_")
JUNK_SUFFIXES = ("_redirect", "_inheritredirect", "_backurl", "_returnurl")

#: A Liferay non-friendly asset-publisher link names its article here.
_URL_TITLE_PARAMETER = re.compile(r"^_\w+_urltitle$")
_JSESSIONID = re.compile(r";jsessionid=[^/?#]*", re.IGNORECASE)
_AMPERSAND_ENTITY = re.compile(r"&(?:amp;|#0*38;|#x0*26;)+", re.IGNORECASE)
_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_QUERY_SAFE = "/:@!$'()*,;-._~"
#: Beyond this many parameters a request is only tried whole and without them.
MAX_SUBSET_PARAMETERS = 6
OLD_PATH_MAX_LENGTH = Redirect._meta.get_field("old_path").max_length


class NotAnOldAddress(ValueError):
    """The text cannot be an address to redirect from."""


@dataclass(frozen=True)
class LegacyAddress:
    """An old portal's address, normalised: see the module's docstring."""

    path: str
    parameters: tuple = ()
    #: Less specific paths also looked up (a Liferay site's article without it).
    fallback_paths: tuple = ()
    host: str = ""

    @property
    def old_path(self):
        """What is stored in ``Redirect.old_path``."""
        return _join(self.path, self.parameters)

    def candidates(self):
        """The old paths that may answer this address, most specific first."""
        if len(self.parameters) <= MAX_SUBSET_PARAMETERS:
            subsets = [
                subset
                for size in range(len(self.parameters), -1, -1)
                for subset in itertools.combinations(self.parameters, size)
            ]
        else:
            subsets = [self.parameters, ()]
        paths = []
        for path in (self.path, *self.fallback_paths):
            for subset in subsets:
                candidate = _join(path, subset)
                if candidate not in paths:
                    paths.append(candidate)
        return paths


def _join(path, parameters):
    query = "&".join(sorted(parameters))
    return Redirect.normalise_path(f"{path}?{query}" if query else path)


def _fold(text):
    return nfc(nfc(text).lower())


def _is_junk(name):
    return (
        name in JUNK_PARAMETERS
        or name.startswith(JUNK_PREFIXES)
        or name.endswith(JUNK_SUFFIXES)
    )


def legacy_address(url):
    """Normalise an old address (absolute, or a path from ``/``).

    Raises :class:`NotAnOldAddress` when there is nothing to redirect from.
    """
    text = _AMPERSAND_ENTITY.sub("&", (url or "").strip()).split("#", 1)[0]
    if text.startswith("//"):
        text = "http:" + text
    parts = urlsplit(text)
    if parts.scheme and parts.scheme.lower() not in {"http", "https"}:
        raise NotAnOldAddress("not a web address")
    if not parts.scheme and not text.startswith("/"):
        raise NotAnOldAddress("neither an http(s) address nor a path from /")
    host = (parts.hostname or "").rstrip(".")
    address = _address(parts.path, parts.query, host)
    if len(address.old_path) > OLD_PATH_MAX_LENGTH:
        raise NotAnOldAddress(
            f"longer than the {OLD_PATH_MAX_LENGTH} characters a redirect can hold"
        )
    return address


def _address(raw_path, query, host=""):
    try:
        path = unquote(raw_path, errors="strict")
    except UnicodeDecodeError:  # not UTF-8: keep the bytes as they were sent
        path = raw_path
    # Django hands the path over with ";" percent-encoded: strip it decoded.
    path = _JSESSIONID.sub("", path)
    path = re.sub(r"/{2,}", "/", "/" + _fold(path)).rstrip("/") or "/"
    pairs = [
        (_fold(name).strip(), _fold(value).strip())
        for name, value in parse_qsl(query, keep_blank_values=True)
    ]
    pairs = [(name, value) for name, value in pairs if name]

    segments = path.split("/")
    title = next(
        (v for n, v in pairs if _URL_TITLE_PARAMETER.match(n) and v.strip("/")), None
    )
    if "-" in segments[1:-1]:
        split = segments.index("-", 1)
        prefix, rest = segments[1:split], segments[split + 1 :]
        address = _liferay(prefix, rest, host)
    elif title:
        address = _liferay(segments[1:], ["asset_publisher", "content", title], host)
    else:
        parameters = tuple(
            sorted(
                {
                    f"{quote(name, safe=_QUERY_SAFE)}={quote(value, safe=_QUERY_SAFE)}"
                    for name, value in pairs
                    if not _is_junk(name)
                }
            )
        )
        address = LegacyAddress(
            path=quote(path, safe=_PATH_SAFE), parameters=parameters, host=host
        )
    if address.path == "/" and not address.parameters:
        raise NotAnOldAddress("the address of a home page, not of an article")
    return address


def request_address(full_path):
    """The address of a request (its path and query string, as Django hands
    them over), normalised as :func:`legacy_address` normalises an old one.

    Raises :class:`NotAnOldAddress` when there is nothing to redirect from.
    """
    path, _sep, query = full_path.partition("?")
    return _address(path, _AMPERSAND_ENTITY.sub("&", query))


def _liferay(prefix, rest, host):
    """A Liferay article: what follows ``/-/``, and the Liferay site."""
    rest = [segment for segment in rest if segment]
    if len(rest) >= 3 and rest[0] == "asset_publisher" and rest[2] == "content":
        rest = ["asset_publisher", *rest[2:]]  # any instance shows the article
    elif len(rest) >= 4 and rest[0] == "journal_content":
        rest = ["journal_content", *rest[2:]]
    article = quote("/-/" + "/".join(rest), safe=_PATH_SAFE)
    group = None
    for marker in ("web", "group"):
        if marker in prefix[:-1]:
            group = prefix[prefix.index(marker) + 1]
            break
    if group in {None, "guest"}:
        return LegacyAddress(path=article, host=host)
    return LegacyAddress(
        path=quote(f"/web/{group}", safe=_PATH_SAFE) + article,
        fallback_paths=(article,),
        host=host,
    )


# Recording ----------------------------------------------------------------------


@dataclass
class RedirectOutcome:
    """What recording one old address did.

    status: ``added``, ``present`` (already there, to this page), ``conflict``
    (the old path redirects elsewhere: left alone), ``deleted`` (an
    administrator deleted it: not recreated) or ``invalid``.
    """

    url: str
    status: str
    old_path: str = ""
    detail: str = ""

    @property
    def is_warning(self):
        return self.status in {"conflict", "deleted", "invalid"}

    def describe(self):
        if self.status == "added":
            return f"redirect added: {self.old_path}"
        if self.status == "present":
            return f"redirect already there: {self.old_path}"
        if self.status == "conflict":
            return (
                f"{self.old_path} already redirects to {self.detail}: "
                "left as it is, no redirect to this article."
            )
        if self.status == "deleted":
            return (
                f"the redirect from {self.old_path} was deleted by an "
                "administrator: not recreated."
            )
        return f"{self.url}: {self.detail}; no redirect recorded."


def site_for_host(host):
    """The Wagtail site an old host name clearly means, if any: one whose host
    name it is. Otherwise None: the redirect then holds for every site."""
    if not host:
        return None
    return (
        Site.objects.filter(hostname__iexact=host)
        .order_by("-is_default_site", "pk")
        .first()
    )


def _deleted_by_someone(old_path):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Redirect),
        action="wagtail.delete",
        label=old_path,
    ).exists()


def _target_label(redirect):
    if redirect.redirect_page_id:
        page = redirect.redirect_page
        return f"“{page.title}” (page {page.pk})"
    return redirect.redirect_link or "nowhere"


def _is_a_page_here(path):
    """Whether ``path`` (decoded or not) is the address of a page of a site
    here, live or not: its own address is no old address."""
    path = unquote(path).strip("/")
    url_paths = [
        f"{root.rstrip('/')}/{path}/" if path else root
        for root in Site.objects.values_list("root_page__url_path", flat=True)
    ]
    return Page.objects.filter(url_path__in=url_paths).exists()


def record_legacy_redirect(url, page):
    """Make the old address ``url`` answer with a permanent redirect to ``page``.

    Only ever adds: a redirect with the same old path (on any site) is never
    changed, whoever made it, so what administrators edit in *Settings →
    Redirects* stays; one that leads elsewhere is reported as a conflict. A
    redirect an administrator deleted is not recreated.
    """
    try:
        address = legacy_address(url)
    except NotAnOldAddress as error:
        return RedirectOutcome(url, "invalid", detail=str(error))
    old_path = address.old_path
    if _is_a_page_here(address.path):
        # Wagtail serves the page there: a redirect would never answer, and
        # once the page went away it could point at its own address.
        return RedirectOutcome(
            url, "invalid", detail="the address of a page of this site"
        )
    existing = list(
        Redirect.objects.filter(old_path=old_path).select_related("redirect_page")
    )
    if any(redirect.redirect_page_id == page.pk for redirect in existing):
        return RedirectOutcome(url, "present", old_path)
    if existing:
        return RedirectOutcome(url, "conflict", old_path, _target_label(existing[0]))
    if _deleted_by_someone(old_path):
        return RedirectOutcome(url, "deleted", old_path)
    Redirect.objects.create(
        old_path=old_path,
        site=site_for_host(address.host),
        redirect_page=page,
        is_permanent=True,
    )
    return RedirectOutcome(url, "added", old_path)


def record_legacy_redirects(urls, page):
    """:func:`record_legacy_redirect` for each distinct address."""
    seen, outcomes = set(), []
    for url in urls:
        if url and url not in seen:
            seen.add(url)
            outcomes.append(record_legacy_redirect(url, page))
    return outcomes
