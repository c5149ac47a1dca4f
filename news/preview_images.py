"""The preview shows the article at once, whatever its photos.

A preview renders the public page, and the public page asks for five sizes of
every photo of a gallery (news/blocks.py PHOTO_RENDITIONS). Photos an editor
has just uploaded have none yet: Wagtail made them all, one after the other,
inside the preview request (about 5 s for a 6000×4000 phone photo), and the
preview panel stayed on its spinner until the last one was written.

While a preview renders, a size that does not exist yet is not made: its
address is the admin's ``news_preview_rendition`` view, which makes that one
size when the browser asks for it (Wagtail's own image serve view, behind the
admin login and a signature) and redirects to the file. The page's width and
height attributes come from the filter's geometry, without opening the file.
The gallery's photos load lazily, so the preview shows the text first and
each photo as it arrives. Sizes that exist are used as they are, and nothing
of this reaches the public site: outside a preview, renditions are made as
before.
"""

import contextlib
from contextvars import ContextVar

from django.urls import re_path
from wagtail import hooks

_deferring = ContextVar("news_defer_renditions", default=False)

URL_NAME = "news_preview_rendition"


@contextlib.contextmanager
def renditions_deferred():
    """Within this block, missing renditions are made on the browser's request."""
    token = _deferring.set(True)
    try:
        yield
    finally:
        _deferring.reset(token)


class DeferredRenditionsMixin:
    """For the image model: during a preview, a missing size is a placeholder
    (not saved, not cached) pointing to the view that makes it."""

    def get_rendition(self, filter):
        if not _deferring.get():
            return super().get_rendition(filter)
        # Through get_renditions, which never caches what it did not find.
        spec = filter if isinstance(filter, str) else filter.spec
        return next(iter(self.get_renditions(spec).values()))

    def create_renditions(self, *filters):
        if not _deferring.get():
            return super().create_renditions(*filters)
        return {f: self.deferred_rendition(f) for f in filters}

    def deferred_rendition(self, filter):
        from wagtail.images.views.serve import generate_image_url

        width, height = filter.get_transform(self).size
        rendition = self.get_rendition_model()(
            image=self,
            filter_spec=filter.spec,
            focal_point_key=filter.get_cache_key(self),
            width=width,
            height=height,
        )
        rendition.deferred_url = generate_image_url(self, filter.spec, URL_NAME)
        # Read by Image.get_renditions: do not write this one to the cache.
        rendition._from_cache = True
        return rendition


class DeferredURLMixin:
    """For the rendition model: a placeholder's address is the view's."""

    deferred_url = None

    @property
    def url(self):
        return self.deferred_url or super().url


class DeferredPreviewMixin:
    """For page models: render the preview with renditions deferred."""

    def serve_preview(self, request, mode_name):
        with renditions_deferred():
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response


@hooks.register("register_admin_urls")
def register_preview_rendition_url():
    # Imported here: Wagtail's serve view reads the image model on import.
    from wagtail.images.views.serve import ServeView

    # Makes one size of a photo for a preview, then redirects to its file;
    # generate_image_url appends the file name, the last segment.
    return [
        re_path(
            r"^anh-xem-truoc/([^/]*)/(\d*)/([^/]*)/[^/]*$",
            ServeView.as_view(action="redirect"),
            name=URL_NAME,
        )
    ]
