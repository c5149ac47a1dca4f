"""Factories for the portal's models (factory_boy + wagtail-factories)."""

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection

from news.models import (
    ArticlePage,
    BlocIndexPage,
    BlocPage,
    BlocYear,
    HomePage,
    NewsIndexPage,
    Organization,
    PortalImage,
    StandardPage,
)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Bảng tin Thi đua"
    slug = "trang-chu"

    class Meta:
        model = HomePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tin tức"
    slug = "tin-tuc"

    class Meta:
        model = NewsIndexPage


class BlocIndexPageFactory(wagtail_factories.PageFactory):
    title = "Khối, cụm thi đua"
    slug = "khoi-cum-thi-dua"

    class Meta:
        model = BlocIndexPage


class BlocPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Khối thi đua số {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))

    class Meta:
        model = BlocPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Giới thiệu"
    slug = "gioi-thieu"
    body = "<p>Giới thiệu cổng thông tin.</p>"

    class Meta:
        model = StandardPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Hội nghị tổng kết công tác thi đua {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    lead = "Khối thi đua tổ chức hội nghị tổng kết công tác thi đua, khen thưởng."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Nội dung bài viết.</p>")])

    class Meta:
        model = ArticlePage


class ImageFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Ảnh {n}")
    file = factory.django.ImageField(width=320, height=240, color="blue")
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = PortalImage


class OrganizationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sở Ngành số {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    kind = Organization.Kind.PROVINCIAL_DEPARTMENT

    class Meta:
        model = Organization


class BlocYearFactory(DjangoModelFactory):
    year = 2018

    class Meta:
        model = BlocYear
