"""The portal's models, re-exported so ``news.models.X`` works everywhere."""

from .article_parts import ArticleActivity, ArticleOrganization, ArticlePageTag
from .articles import ArticlePage
from .blocs import BlocPage
from .images import PortalImage, PortalRendition
from .pages import BlocIndexPage, HomePage, NewsIndexPage, StandardPage
from .records import Award, BlocMembership, BlocRanking, BlocYear
from .settings import PortalSettings, WebLink
from .vocabularies import AwardType, EventKind, Organization, Province

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
