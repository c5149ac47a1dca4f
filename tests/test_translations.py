"""The admin speaks Vietnamese: every label the portal defines is translated."""

import re

from django.apps import apps
from django.utils import translation
from django.utils.functional import Promise
from modelcluster.fields import ParentalKey
from wagtail import blocks

from news.blocks import ArticleBodyBlock
from tests.conftest import PROJECT_DIR

INTERNAL_MODELS = {"PortalRendition", "ArticlePageTag"}


def in_both_languages(text):
    with translation.override("en"):
        english = str(text)
    with translation.override("vi"):
        vietnamese = str(text)
    return english, vietnamese


def declared_fields(model):
    """Fields the portal declares, not those inherited from Wagtail or Django."""
    inherited = {
        field.name
        for base in model.__mro__[1:]
        if hasattr(base, "_meta") and not base.__module__.startswith("news.")
        for field in base._meta.get_fields()
    }
    for field in model._meta.local_fields + model._meta.local_many_to_many:
        if field.auto_created or isinstance(field, ParentalKey):
            continue
        if field.name in inherited:
            continue
        yield field


def portal_labels():
    for model in apps.get_app_config("news").get_models():
        if model.__name__ in INTERNAL_MODELS:
            continue
        yield f"{model.__name__} verbose_name", model._meta.verbose_name
        yield f"{model.__name__} verbose_name_plural", model._meta.verbose_name_plural
        for field in declared_fields(model):
            where = f"{model.__name__}.{field.name}"
            yield f"{where} verbose_name", field.verbose_name
            if field.help_text:
                yield f"{where} help_text", field.help_text
            for value, label in field.flatchoices:
                yield f"{where} choice {value}", label


def block_labels(block, path="body"):
    for name, child in block.child_blocks.items():
        where = f"{path}.{name}"
        yield f"{where} label", child.label
        help_text = getattr(child.meta, "help_text", None)
        if help_text:
            yield f"{where} help_text", help_text
        if isinstance(child, blocks.ListBlock):
            child = child.child_block
        if isinstance(child, blocks.StructBlock | blocks.StreamBlock):
            yield from block_labels(child, where)


def test_every_model_label_help_text_and_choice_is_translated():
    untranslated = []
    for where, text in [*portal_labels(), *block_labels(ArticleBodyBlock())]:
        if not isinstance(text, Promise):
            untranslated.append(f"{where}: {text!r} is not marked for translation")
            continue
        english, vietnamese = in_both_languages(text)
        if english == vietnamese:
            untranslated.append(f"{where}: {english!r} has no Vietnamese translation")
    assert not untranslated, "\n".join(untranslated)


def test_the_catalogue_has_no_empty_or_fuzzy_entries():
    catalogue = (PROJECT_DIR / "locale/vi/LC_MESSAGES/django.po").read_text()
    entries = catalogue.split("\n\n")[1:]  # the first entry is the header
    empty = [
        e
        for e in entries
        if re.search(r'^msgstr ""$', e, re.M)
        and not re.search(r'^msgstr ""\n"', e, re.M)
    ]
    assert not empty, empty
    assert "#, fuzzy" not in catalogue
