"""Small gaps in Wagtail 8.0's admin that left English or "None" in Vietnamese
screens; the translations themselves are in locale_wagtail/."""

from django.utils.translation import gettext_lazy
from wagtail.admin.views.pages.search import SearchView

# The page search has no model, so its header read "1-2 trên tổng số 2 None"
# (also "1-2 of 2 None" in English): name what it lists, with Wagtail's own
# translated names of pages.
SearchView.verbose_name = gettext_lazy("page")
SearchView.verbose_name_plural = gettext_lazy("pages")
