"""The admin speaks Vietnamese: every label the portal defines is translated."""

import json
import re
from pathlib import Path

import pytest
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
        if re.search(r'^msgstr(\[0\])? ""$', e, re.M)
        and not re.search(r'^msgstr(\[0\])? ""\n"', e, re.M)
    ]
    assert not empty, empty
    assert "#, fuzzy" not in catalogue


WAGTAIL_APPS = [
    "admin",
    "",
    "images",
    "documents",
    "users",
    "snippets",
    "sites",
    "contrib/redirects",
    "contrib/table_block",
    "contrib/settings",
    "search",
]


def po_entries(path):
    """(context, msgid, is_plural) of every entry of a .po file."""
    for entry in path.read_text(encoding="utf-8").split("\n\n"):
        fields, current = {}, None
        for line in entry.splitlines():
            match = re.match(r'^(msgctxt|msgid|msgid_plural) (".*")$', line)
            if match:
                current = match.group(1)
                fields[current] = json_string(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += json_string(line)
            elif line.startswith("msgstr"):
                current = None
        if fields.get("msgid"):
            yield fields.get("msgctxt"), fields["msgid"], "msgid_plural" in fields


def json_string(quoted):
    return json.loads(quoted)


def test_the_wagtail_admin_is_wholly_in_vietnamese():
    import wagtail

    root = wagtail.__path__[0]
    catalog = translation.trans_real.translation("vi")._catalog
    missing = []
    for app in WAGTAIL_APPS:
        path = Path(root, app, "locale/en/LC_MESSAGES/django.po")
        for context, msgid, plural in po_entries(path):
            key = f"{context}\x04{msgid}" if context else msgid
            key = (key, 0) if plural else key
            if key not in catalog:
                missing.append(f"{app or 'wagtail'}: {msgid}")
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:10]}"


@pytest.mark.django_db
def test_the_admin_menu_reads_vietnamese(client, django_user_model):
    admin = django_user_model.objects.create_superuser("qt", "qt@example.com", "x")
    client.force_login(admin)
    html = client.get("/admin/").content.decode()
    # The sidebar is drawn by JavaScript from JSON: read the labels from it.
    labels = {json_string(m) for m in re.findall(r'"label": ("(?:[^"\\]|\\.)*")', html)}
    for label in ["Trang", "Hình ảnh", "Tài liệu", "Báo cáo", "Trợ giúp", "Thi đua"]:
        assert label in labels, label
    english = {"Images", "Documents", "Reports", "Help", "Settings", "Pages"}
    assert not labels & english
    # The public pagination's "Pages" ("Phân trang") is another word.
    assert "Phân trang" not in labels


# A placeholder of a translation: %(name)s, %s, %d, {name}.
PLACEHOLDER = r"%\([^)]+\)[sdifr]|%[sdifr]|\{\w*\}"
# A placeholder with a letter against it: "Nhập %(field)scủa bạn".
GLUED = re.compile(rf"[^\W\d_](?:{PLACEHOLDER})|(?:{PLACEHOLDER})[^\W\d_]")


def po_translations(path):
    """(msgid, the text it is compared with, [msgstr...]) of every entry; the
    text is msgid_plural for a plural (Vietnamese has one form, for any count)."""
    for entry in path.read_text(encoding="utf-8").split("\n\n"):
        fields, current = {}, None
        for line in entry.splitlines():
            match = re.match(
                r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (\".*\")$", line
            )
            if match:
                current = match.group(1)
                fields[current] = json_string(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += json_string(line)
        if fields.get("msgid"):
            source = fields.get("msgid_plural", fields["msgid"])
            translations = [v for k, v in fields.items() if k.startswith("msgstr")]
            yield fields["msgid"], source, translations


def placeholders(text):
    return sorted(re.findall(PLACEHOLDER, text.replace("%%", "")))


@pytest.mark.parametrize("catalogue", ["django.po", "djangojs.po"])
def test_wagtail_translations_keep_placeholders_apart_from_words(catalogue):
    """Every translation of the admin's catalogue has the same placeholders as
    the English, and none glued to a word: "Tên đăng nhậpkhông trùng" and
    "1-2 trên tổng số 2 None" came from such entries."""
    path = PROJECT_DIR / "locale_wagtail/vi/LC_MESSAGES" / catalogue
    problems = []
    entries = list(po_translations(path))
    assert len(entries) > 50
    for msgid, source, translations in entries:
        for msgstr in translations:
            if not msgstr:
                continue
            if placeholders(msgstr) != placeholders(source):
                problems.append(f"placeholders differ: {msgid!r} -> {msgstr!r}")
            if GLUED.search(msgstr) and not GLUED.search(source):
                problems.append(f"placeholder glued to a word: {msgid!r} -> {msgstr!r}")
    assert not problems, "\n".join(problems)
