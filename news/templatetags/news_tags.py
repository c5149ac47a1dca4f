"""Template tags of the public site."""

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Site

register = template.Library()

ROLE_LABELS = {
    # (role, bloc kind) -> label; clusters say "Cụm trưởng", blocs "Trưởng khối".
    ("truong", "cum"): lambda: _("Cluster leader"),
    ("pho", "cum"): lambda: _("Cluster deputy"),
    ("truong", None): lambda: _("Bloc leader"),
    ("pho", None): lambda: _("Bloc deputy"),
    ("thanh_vien", None): lambda: _("Member"),
}


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live pages of the site's home marked "show in menus"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return site.root_page.get_children().live().in_menu()


@register.simple_tag
def role_label(role, bloc_kind=None):
    """A role's name as the bloc's own kind says it."""
    label = ROLE_LABELS.get((role, bloc_kind)) or ROLE_LABELS.get((role, None))
    return label() if label else role


@register.filter
def award_phrase(award):
    """What happened to an award (``Award.phrase``)."""
    return award.phrase
