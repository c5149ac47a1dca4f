"""Template tags of the pages' metadata; the logic lives in news/seo/."""

from django import template

from news import seo

register = template.Library()


class CaptureNode(template.Node):
    """Renders its content into a context variable instead of the page."""

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        context[self.name] = self.nodelist.render(context)
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: keep what a part of a
    template renders (a ``{% block %}`` a child template fills) in ``name``."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError(f"Usage: {{% {bits[0]} as name %}}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def page_metadata(context, title="", description=""):
    """``{% page_metadata title=… description=… as seo %}``: see news/seo/."""
    return seo.page_metadata(context, title=title, description=description)


@register.simple_tag(takes_context=True)
def feed_kind(context):
    """The event kind whose RSS and Atom feeds a news index links, or None."""
    return seo.feed_kind(context)
