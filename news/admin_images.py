"""Admin hooks for photos and articles: the gallery's bulk upload uses again a
photo already in the library (and the library's own bulk upload offers one
button for all its duplicates), failed uploads show only their error, and an
article saved without an activity gets a warning."""

from django.contrib import messages
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.images.utils import find_image_duplicates
from wagtail_multiple_chooser_block.contrib.bulk_upload.views import (
    BulkUploadImageAddView,
)
from wagtail_multiple_chooser_block.contrib.bulk_upload.viewsets import (
    BulkUploadImageChooserViewSet,
)

from news.models import ArticlePage


class PhotoBulkUploadView(BulkUploadImageAddView):
    """The bulk upload of the gallery's chooser. A photo already in the library
    (same file, as Wagtail finds duplicates: by hash, among the images the
    editor may choose) is not uploaded again: the existing one is chosen, and
    the editor is told, instead of one "use existing or new?" question per
    photo that stops the upload (12 clicks for 12 photos)."""

    reused = False

    def save_object(self, form):
        image = form.save(commit=False)  # computes the file's hash, saves nothing
        existing = find_image_duplicates(
            image=image,
            user=self.request.user,
            permission_policy=self.permission_policy,
        ).first()
        if existing is not None:
            self.reused = True
            return existing
        image.uploaded_by_user = self.request.user
        image.save()
        return image

    def get_edit_object_response_data(self):
        if not self.reused:
            return super().get_edit_object_response_data()
        return {
            "success": True,
            "image_id": self.object.pk,
            "duplicate": False,
            "reused": True,
            "title": self.object.title,
            "message": _(
                "Already in the library: the existing photo “%(title)s” is used."
            )
            % {"title": self.object.title},
            # Completed in static/js/admin-photo-upload.js with the count and
            # the titles of the batch's photos that were already there.
            "reused_summary": _(
                "Photos already in the library, used again (%(count)s): %(photos)s."
            ),
        }


class PhotoChooserViewSet(BulkUploadImageChooserViewSet):
    """The chooser of article photos: Wagtail's, with the bulk upload of
    wagtail_multiple_chooser_block, and the upload above."""

    add_multiple_view_class = PhotoBulkUploadView
    register_widget = False


photo_chooser_viewset = PhotoChooserViewSet(
    "photo_chooser", model=get_image_model(), url_prefix="images/photo-chooser"
)


@hooks.register("register_admin_viewset")
def register_photo_chooser_viewset():
    return photo_chooser_viewset


@hooks.register("insert_editor_js")
def photo_upload_js():
    return format_html('<script src="{}"></script>', static("js/admin-photo-upload.js"))


@hooks.register("insert_global_admin_js")
def image_duplicates_js():
    return format_html(
        '<script src="{}" data-reuse-all-label="{}"></script>',
        static("js/admin-image-duplicates.js"),
        _(
            "Use the existing photos for all %(count)s already in the library "
            "(delete the new copies)"
        ),
    )


@hooks.register("insert_global_admin_css")
def upload_list_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/admin-images.css")
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_article_without_activity(request, page):
    """An article without an activity is allowed (not all news is about an
    emulation activity), but it has no event box and no place in the lists
    filtered by event kind or year, nor in the feeds of an event kind: say so
    after each save, never block it. Not on autosave, which answers JSON."""
    if not isinstance(page, ArticlePage) or not request.accepts("text/html"):
        return
    if page.activities.all():
        return
    messages.warning(
        request,
        _(
            "“%(title)s” has no activity (event kind and emulation year): it "
            "has no event box, and is not in the lists filtered by event kind "
            "or emulation year, nor in the feeds of an event kind. If the news "
            "is about an emulation activity, add it under “Event”."
        )
        % {"title": page.title},
    )
