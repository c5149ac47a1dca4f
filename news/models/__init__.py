"""The portal's models, re-exported so ``news.models.X`` works everywhere."""

from .pages import BlocIndexPage, HomePage, NewsIndexPage, StandardPage

__all__ = ["BlocIndexPage", "HomePage", "NewsIndexPage", "StandardPage"]
