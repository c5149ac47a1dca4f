"""Each page type can be created where the page tree allows, and nowhere else."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from news.models import (
    ArticlePage,
    BlocIndexPage,
    BlocPage,
    HomePage,
    NewsIndexPage,
    StandardPage,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {NewsIndexPage, BlocIndexPage, StandardPage}
        )

    def test_news_index_holds_articles_only(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {ArticlePage})

    def test_bloc_index_holds_blocs_only(self):
        self.assertAllowedParentPageTypes(BlocIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BlocIndexPage, {BlocPage})

    def test_bloc_holds_its_articles(self):
        self.assertAllowedParentPageTypes(BlocPage, {BlocIndexPage})
        self.assertAllowedSubpageTypes(BlocPage, {ArticlePage})

    def test_articles_live_under_a_bloc_or_a_news_index(self):
        self.assertAllowedParentPageTypes(ArticlePage, {NewsIndexPage, BlocPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(BlocIndexPage, ArticlePage)
        self.assertCanNotCreateAt(StandardPage, ArticlePage)

    def test_standard_pages_nest_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(BlocPage, StandardPage)
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)


@pytest.mark.django_db
def test_the_menu_query_reads_the_depth_index(site_tree):
    """The header's menu (children of the home page, on every page) is answered
    from the (depth, path) index of migration 0012, not by reading every page."""
    from django.db import connection

    query = site_tree["home"].get_children().live().in_menu()
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
    assert "news_page_depth_path" in plan, plan
