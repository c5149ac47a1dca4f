"""The portal's models, re-exported so ``news.models.X`` works everywhere."""

from .articles import (
    ArticleActivity,
    ArticleOrganization,
    ArticlePage,
    ArticlePageTag,
)
from .blocs import BlocIndexPage, BlocPage
from .images import PortalImage, PortalRendition
from .pages import HomePage, NewsIndexPage, StandardPage
from .settings import PortalSettings, WebLink
from .snippets import (
    Award,
    AwardType,
    BlocMembership,
    BlocRanking,
    BlocYear,
    EventKind,
    Organization,
    Province,
)

__all__ = [
    "ArticleActivity",
    "ArticleOrganization",
    "ArticlePage",
    "ArticlePageTag",
    "Award",
    "AwardType",
    "BlocIndexPage",
    "BlocMembership",
    "BlocPage",
    "BlocRanking",
    "BlocYear",
    "EventKind",
    "HomePage",
    "NewsIndexPage",
    "Organization",
    "PortalImage",
    "PortalRendition",
    "PortalSettings",
    "Province",
    "StandardPage",
    "WebLink",
]
