"""Errors reach visitors as Vietnamese pages with a way back, never a trace."""

import pytest
from django.test import RequestFactory
from django.views import defaults


@pytest.mark.django_db
def test_unknown_address_gives_a_vietnamese_404_page(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Không tìm thấy trang" in html
    assert 'href="/"' in html


def test_server_error_page_is_vietnamese_and_needs_no_database():
    request = RequestFactory().get("/")
    response = defaults.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Đã có lỗi xảy ra" in html
    assert "Traceback" not in html
    assert 'href="/"' in html
