"""Form data for the Wagtail admin, shaped as the admin's own forms post it."""

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)


def list_block(items):
    """Form data of a ListBlock (and MultipleChooserBlock): count, then items."""
    data = {"count": str(len(items))}
    for index, value in enumerate(items):
        data[str(index)] = {
            "value": value,
            "deleted": "",
            "order": str(index),
            "id": "",
        }
    return data


def photo(image, caption="", alt_text="", credit=""):
    return {
        "image": str(image.pk),
        "caption": caption,
        "alt_text": alt_text,
        "credit": credit,
    }


def article_form_data(
    title="Hội nghị tổng kết năm 2018 và ký kết giao ước thi đua năm 2019",
    slug="hoi-nghi-tong-ket-2018",
    lead="Khối thi đua tổ chức hội nghị tổng kết công tác thi đua năm 2018.",
    body=None,
    activities=(),
    organizations=(),
    **fields,
):
    """POST data of the article editor; body is a list of (block, value)."""
    data = {
        "title": title,
        "slug": slug,
        "lead": lead,
        "date": "",
        "event_start": "",
        "event_end": "",
        "venue": "",
        "byline_person": "",
        "tags": "",
        "source_portal": "",
        "source_url": "",
        "body": streamfield(
            body if body is not None else [("paragraph", rich_text("<p>Nội dung.</p>"))]
        ),
        "activities": inline_formset(
            [
                {"event_kind": str(kind.pk), "year": str(year)}
                for kind, year in activities
            ]
        ),
        "organizations": inline_formset(
            [{"organization": str(org.pk), "role": role} for org, role in organizations]
        ),
    }
    data.update(fields)
    return nested_form_data(data)
