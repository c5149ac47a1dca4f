"""Settings come from the environment; production refuses unsafe start-ups."""

import json
from datetime import date

import pytest
from django.conf import settings
from django.utils import formats, translation

from tests.conftest import PROJECT_DIR, run_manage, run_python

pytestmark = pytest.mark.slow

DUMP_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
db = s.DATABASES["default"]
print(json.dumps({
    "DEBUG": s.DEBUG,
    "ENGINE": db["ENGINE"], "NAME": str(db["NAME"]), "HOST": db.get("HOST"),
    "PORT": db.get("PORT"), "USER": db.get("USER"),
    "SECRET_KEY": s.SECRET_KEY, "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "CSRF_TRUSTED_ORIGINS": s.CSRF_TRUSTED_ORIGINS,
    "MEDIA_ROOT": str(s.MEDIA_ROOT), "STATIC_ROOT": str(s.STATIC_ROOT),
    "WAGTAILADMIN_BASE_URL": s.WAGTAILADMIN_BASE_URL,
    "CACHE": s.CACHES["default"]["BACKEND"],
    "CACHE_LOCATION": s.CACHES["default"].get("LOCATION"),
    "SSL_REDIRECT": s.SECURE_SSL_REDIRECT, "HSTS": s.SECURE_HSTS_SECONDS,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
}))
"""


def dump(env, settings_module):
    result = run_python(DUMP_SETTINGS, env=env, settings=settings_module)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_reads_every_variable_from_the_environment(production_env):
    env = {
        **production_env,
        "DATABASE_URL": "postgres://portal:s3cret@db.internal:5433/thidua",
        "ALLOWED_HOSTS": "thidua.example.vn, www.thidua.example.vn",
        "CSRF_TRUSTED_ORIGINS": "https://thidua.example.vn,https://www.thidua.example.vn",
        "MEDIA_ROOT": "/srv/thidua/media",
        "STATIC_ROOT": "/srv/thidua/static",
        "WAGTAILADMIN_BASE_URL": "https://thidua.example.vn/",
        "REDIS_URL": "redis://cache.internal:6379/1",
    }
    values = dump(env, "portal.settings.production")
    assert values["DEBUG"] is False
    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert (values["NAME"], values["HOST"], values["PORT"], values["USER"]) == (
        "thidua",
        "db.internal",
        5433,
        "portal",
    )
    assert values["SECRET_KEY"] == production_env["SECRET_KEY"]
    assert values["ALLOWED_HOSTS"] == ["thidua.example.vn", "www.thidua.example.vn"]
    assert values["CSRF_TRUSTED_ORIGINS"] == [
        "https://thidua.example.vn",
        "https://www.thidua.example.vn",
    ]
    assert values["MEDIA_ROOT"] == "/srv/thidua/media"
    assert values["STATIC_ROOT"] == "/srv/thidua/static"
    assert values["WAGTAILADMIN_BASE_URL"] == "https://thidua.example.vn"
    assert values["CACHE"] == "django_redis.cache.RedisCache"
    assert values["CACHE_LOCATION"] == "redis://cache.internal:6379/1"
    assert values["SSL_REDIRECT"] is True
    assert values["HSTS"] >= 31_536_000
    assert values["SESSION_COOKIE_SECURE"] is True


def test_development_defaults_to_a_sqlite_file_in_the_project():
    values = dump({}, "portal.settings.dev")
    assert values["DEBUG"] is True
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["NAME"] == str(PROJECT_DIR / "db.sqlite3")
    assert values["CACHE"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["MEDIA_ROOT"] == str(PROJECT_DIR / "media")


def test_development_honours_debug_false():
    assert dump({"DEBUG": "false"}, "portal.settings.dev")["DEBUG"] is False


def test_an_unreadable_boolean_is_refused_with_its_name():
    result = run_python(DUMP_SETTINGS, env={"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_plain_http_switch_turns_off_redirect_and_hsts(production_env):
    values = dump(
        {**production_env, "SECURE_HTTPS": "false"}, "portal.settings.production"
    )
    assert values["SSL_REDIRECT"] is False
    assert values["HSTS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_required_variable(
    production_env, variable
):
    env = {k: v for k, v in production_env.items() if k != variable}
    result = run_manage("check", env=env, settings="portal.settings.production")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    assert "Traceback" not in result.stderr


def test_production_passes_check_deploy_without_warnings(production_env):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_env,
        settings="portal.settings.production",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_vietnamese_language_time_zone_and_dates():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    with translation.override("vi"):
        assert (
            formats.date_format(date(2024, 3, 5), "SHORT_DATE_FORMAT") == "05/03/2024"
        )
        assert formats.date_format(date(2024, 3, 5), "DATE_FORMAT") == "05/03/2024"
        # The project's own catalogue translates its English source strings.
        assert translation.gettext("Page not found") == "Không tìm thấy trang"
