"""Review notes written for the command line become what to do in the admin.

Imports before this one stored "cho biết bằng --province hoặc nhập tay" on
articles of a bloc without a province, and "Đã tạo khối “X”: hãy kiểm tra lại"
without saying where. Both are rewritten, on the article and on its latest
revision (the edit form shows the revision), in the language they were
stored in (the portal's Vietnamese, or English); a province note is dropped
when the bloc has its province by now. The texts are frozen here as they were
and are at the time of the migration.
"""

import re

from django.db import migrations

OLD_PROVINCE = {
    "Văn bản không nêu tên tỉnh: cho biết bằng --province hoặc nhập tay.": (
        "Chưa biết tỉnh của khối “{bloc}”: chọn tỉnh trong trang của khối "
        "(Khối, cụm thi đua → bấm vào “{bloc}”)."
    ),
    "The province is not named: give it with --province or by hand.": (
        "The province of the bloc “{bloc}” is not known: choose it on the "
        "bloc's page (Blocs → click “{bloc}”)."
    ),
}
OLD_BLOC_CREATED = re.compile(r"^Đã tạo khối “(?P<bloc>.*)”: hãy kiểm tra lại\.$")
NEW_BLOC_CREATED = (
    "Công cụ nhập đã tạo khối “{bloc}”: kiểm tra tên, loại, cấp và đơn vị tổ "
    "chức trong trang của khối (Khối, cụm thi đua → bấm vào “{bloc}”), "
    "rồi bỏ chọn “cần xem lại” ở thẻ Cài đặt của khối."
)
STEP = 4  # treebeard's path step


def rewrite(notes, bloc_title, bloc_has_province):
    lines = []
    for line in notes.split("\n"):
        if line in OLD_PROVINCE:
            if bloc_has_province:
                continue
            line = OLD_PROVINCE[line].format(bloc=bloc_title)
        elif match := OLD_BLOC_CREATED.match(line):
            line = NEW_BLOC_CREATED.format(bloc=match.group("bloc"))
        lines.append(line)
    return "\n".join(lines)


def forwards(apps, schema_editor):
    ArticlePage = apps.get_model("news", "ArticlePage")
    BlocPage = apps.get_model("news", "BlocPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    articles = ArticlePage.objects.filter(review_notes__contains="--province") | (
        ArticlePage.objects.filter(review_notes__contains="Đã tạo khối")
    )
    for article in articles:
        bloc = BlocPage.objects.filter(path=article.path[:-STEP]).first()
        title = bloc.title if bloc else ""
        has_province = bool(bloc and bloc.province_id)
        notes = rewrite(article.review_notes, title, has_province)
        if notes != article.review_notes:
            ArticlePage.objects.filter(pk=article.pk).update(review_notes=notes)
        revision = Revision.objects.filter(pk=article.latest_revision_id).first()
        if revision and isinstance(revision.content.get("review_notes"), str):
            content = dict(revision.content)
            content["review_notes"] = rewrite(
                content["review_notes"], title, has_province
            )
            if content != revision.content:
                Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0013_vietnamese_root_names"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
