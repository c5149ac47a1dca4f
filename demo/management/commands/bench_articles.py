"""Generate many articles fast, for the benchmark (``make bench``).

``add_child`` costs about 30 queries a page (STACK.md §3.2): hours for 100,000
articles. This command writes valid tree rows in bulk instead: it computes the
materialised paths itself (treebeard ``MP_Node``: ``Page.steplen`` characters
of ``Page.alphabet`` a level), inserts the ``wagtailcore_page`` rows and then
the ``news_articlepage`` rows in chunks (``bulk_create`` refuses multi-table
inheritance, so both tables are written as ``Model.save`` writes them, with
``QuerySet._insert``), adds activities, units and tags in bulk, raises the
parents' ``numchild``, and indexes the new articles for search in chunks.

The text is Vietnamese, built from a vocabulary of the blocs' news (review
conferences, pact signings, sports exchanges, awards), so search has
something realistic to chew. Needs the demo (``manage.py load_demo``): the
articles go under its news index and blocs and reuse its photos and units.

No revisions, no reference index entries and no signals: these pages are for
reading, not for editing. Never run it on a real site.
"""

import datetime
import json
import random
import time
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from news.blocks import ArticleBodyBlock
from news.models import (
    ArticleActivity,
    ArticleOrganization,
    ArticlePage,
    BlocPage,
    EventKind,
    NewsIndexPage,
    Organization,
    PortalImage,
    Province,
)
from news.models.articles import ArticlePageTag
from news.text import slugify_vi

FIRST_YEAR, LAST_YEAR = 2010, 2025

# Event kinds and how often an article reports each (weights).
KIND_WEIGHTS = {
    "tong_ket": 20,
    "ky_ket_giao_uoc": 18,
    "so_ket": 10,
    "phat_dong": 8,
    "giao_luu_the_thao_van_nghe": 10,
    "binh_xet": 5,
    "de_nghi_khen_thuong": 5,
    "trao_khen_thuong": 5,
    "kiem_tra_cheo": 4,
    "giao_luu_kinh_nghiem": 4,
    "bau_luan_phien": 2,
    "dai_hoi_thi_dua": 2,
    "hoi_thi": 2,
    "dang_ky_thi_dua": 2,
    "thong_bao": 5,
    "khac": 2,
}

# Blocs named in the text of articles that are not under a bloc's page.
OTHER_BLOCS = [
    ("Khối thi đua các cơ quan Đảng, đoàn thể tỉnh", "Khối Đảng, đoàn thể"),
    ("Khối thi đua Văn hóa - Xã hội", "Khối Văn hóa - Xã hội"),
    ("Khối thi đua Nội chính", "Khối Nội chính"),
    ("Cụm thi đua các tỉnh Đông Nam Bộ", "Cụm Đông Nam Bộ"),
    ("Cụm thi đua các tỉnh Bắc Trung Bộ", "Cụm Bắc Trung Bộ"),
    ("Cụm thi đua các tỉnh Tây Nguyên", "Cụm Tây Nguyên"),
    ("Khối thi đua các doanh nghiệp nhà nước", "Khối Doanh nghiệp"),
    ("Khối thi đua các trường đại học, cao đẳng", "Khối Giáo dục"),
    ("Cụm thi đua số 3 các huyện, thị xã", "Cụm số 3"),
    ("Khối thi đua các Ban Đảng và Văn phòng Tỉnh ủy", "Khối Ban Đảng"),
]
UNITS = [
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tư pháp",
    "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Thông tin và Truyền thông",
    "Sở KH&ĐT",
    "Văn phòng UBND",
    "Văn phòng Đoàn ĐBQH và HĐND",
    "Liên minh HTX",
    "Kho bạc Nhà nước",
    "Cục Thuế",
    "Bảo hiểm xã hội",
    "Ngân hàng Nhà nước chi nhánh",
    "Ban Thi đua - Khen thưởng",
    "Liên đoàn Lao động",
    "Hội Liên hiệp Phụ nữ",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
FAMILY += ["Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Thạch", "Mai", "Lò", "Hà"]
MIDDLE = ["Văn", "Thị", "Minh", "Hữu", "Thanh", "Đức", "Ngọc", "Quốc", "Thu", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hoài", "Hùng", "Hương", "Lan", "Long"]
GIVEN += ["Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Yến"]
POSTS = ["Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Trưởng ban", "Phó Chủ tịch"]
SPORTS = ["bóng đá", "cầu lông", "bóng bàn", "quần vợt", "kéo co", "cờ tướng"]
SPORTS += ["bóng chuyền hơi", "chạy việt dã"]
RARE_SPORT = "pickleball"  # in about 1 sports article in 50: the rare query
TAGS = [
    "giao ước thi đua",
    "tổng kết",
    "sơ kết",
    "khen thưởng",
    "thể thao",
    "văn nghệ",
    "cờ thi đua",
    "bằng khen",
    "cải cách hành chính",
    "chuyển đổi số",
    "phong trào thi đua",
    "điển hình tiên tiến",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "xây dựng nông thôn mới",
    "kiểm tra chéo",
    "Cụm trưởng",
    "Trưởng khối",
]

TITLES = {
    "tong_ket": [
        "Hội nghị tổng kết công tác thi đua, khen thưởng năm {y} của {bloc}",
        "{bloc_short} tổng kết phong trào thi đua năm {y}, "
        "triển khai nhiệm vụ năm {y1}",
        "{unit} {province} đăng cai Hội nghị tổng kết {bloc_short} năm {y}",
    ],
    "ky_ket_giao_uoc": [
        "{bloc} ký kết giao ước thi đua năm {y}",
        "Lễ ký kết giao ước thi đua năm {y} của {bloc_short} tại {province}",
        "{unit} chủ trì ký kết giao ước thi đua {bloc_short} năm {y}",
    ],
    "so_ket": [
        "Sơ kết 6 tháng đầu năm {y} phong trào thi đua {bloc_short}",
        "{bloc_short} sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {y}",
    ],
    "phat_dong": [
        "Phát động phong trào thi đua yêu nước năm {y} trong {bloc}",
        "{unit} {province} phát động thi đua hoàn thành nhiệm vụ năm {y}",
    ],
    "giao_luu_the_thao_van_nghe": [
        "Giao lưu thể thao, văn nghệ {bloc_short} năm {y} tại {province}",
        "Hội thao {bloc_short} năm {y}: {n} vận động viên tranh tài môn {sport}",
    ],
    "binh_xet": [
        "{bloc_short} chấm điểm, bình xét thi đua năm {y}",
        "Bình xét, xếp hạng thi đua năm {y} của {bloc}",
    ],
    "de_nghi_khen_thuong": [
        "{bloc_short} đề nghị tặng Cờ thi đua của Chính phủ năm {y}",
        "{bloc_short} thống nhất đề nghị tặng Bằng khen cho {n} tập thể năm {y}",
    ],
    "trao_khen_thuong": [
        "{unit} {province} đón nhận Cờ thi đua của UBND tỉnh năm {y}",
        "Trao Bằng khen của Thủ tướng Chính phủ cho {unit} {province}",
    ],
    "kiem_tra_cheo": [
        "Kiểm tra chéo công tác thi đua, khen thưởng năm {y} giữa các đơn vị "
        "{bloc_short}",
    ],
    "giao_luu_kinh_nghiem": [
        "{bloc_short} giao lưu, học tập kinh nghiệm tại {province} năm {y}",
    ],
    "bau_luan_phien": [
        "{unit} {province} nhận nhiệm vụ Trưởng khối {bloc_short} năm {y1}",
    ],
    "dai_hoi_thi_dua": [
        "Đại hội Thi đua yêu nước {province} lần thứ {n}",
    ],
    "hoi_thi": [
        "Hội thi tìm hiểu công tác thi đua, khen thưởng {bloc_short} năm {y}",
    ],
    "dang_ky_thi_dua": [
        "Các đơn vị {bloc_short} đăng ký danh hiệu thi đua năm {y}",
    ],
    "thong_bao": [
        "Thông báo tổ chức Hội nghị tổng kết năm {y} của {bloc_short}",
        "Thông báo kết quả chấm điểm thi đua năm {y} của {bloc_short}",
    ],
    "khac": [
        "{bloc_short} thăm, tặng quà gia đình chính sách tại {province}",
    ],
}
LEADS = [
    "Ngày {day}, tại {venue}, {bloc} đã tổ chức {kind_lower} năm {y}. "
    "Tham dự có lãnh đạo {unit} và đại diện {n} đơn vị thành viên.",
    "Sáng {day}, {unit} {province}, đơn vị Trưởng khối năm {y}, chủ trì "
    "{kind_lower} của {bloc_short}.",
    "Thực hiện kế hoạch công tác thi đua, khen thưởng năm {y}, {bloc_short} "
    "tổ chức {kind_lower} tại {province}.",
]
SENTENCES = [
    "Năm {y}, các đơn vị trong {bloc_short} đã bám sát chỉ tiêu, nhiệm vụ được "
    "giao, triển khai sâu rộng các phong trào thi đua yêu nước.",
    "Hội nghị đã đánh giá kết quả thực hiện giao ước thi đua năm {y} và thống "
    "nhất nội dung, tiêu chí thi đua năm {y1}.",
    "Các đơn vị đã ký kết giao ước thi đua với quyết tâm hoàn thành vượt mức "
    "các chỉ tiêu phát triển kinh tế - xã hội của {province}.",
    "Phát biểu tại hội nghị, đồng chí {person}, {post} {unit}, ghi nhận những "
    "kết quả nổi bật của các đơn vị trong Khối.",
    "Công tác cải cách hành chính, chuyển đổi số và ứng dụng công nghệ thông "
    "tin tiếp tục được các đơn vị quan tâm, đạt nhiều kết quả tích cực.",
    "100% cán bộ, công chức, viên chức và người lao động hoàn thành tốt nhiệm "
    "vụ; tổ chức Đảng, đoàn thể đạt trong sạch, vững mạnh.",
    "Hội nghị thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho {unit} và Bằng "
    "khen cho {n} tập thể có thành tích xuất sắc.",
    "Trên cơ sở kết quả chấm điểm, {bloc_short} thống nhất suy tôn {unit} "
    "{province} là đơn vị dẫn đầu phong trào thi đua năm {y}.",
    "Theo quy định luân phiên, {unit} {province} được bầu làm Trưởng khối, "
    "{unit2} làm Phó Trưởng khối năm {y1}.",
    "Các đại biểu đã trao đổi kinh nghiệm trong công tác tham mưu, tổ chức "
    "phong trào thi đua và phát hiện, nhân rộng điển hình tiên tiến.",
    "Ban Thi đua - Khen thưởng tỉnh đề nghị các đơn vị đổi mới nội dung, hình "
    "thức thi đua, bảo đảm thiết thực, hiệu quả, tránh hình thức.",
    "Dịp này, Hội đồng TĐKT {province} đã trao Bằng khen của Chủ tịch "
    "UBND tỉnh cho các tập thể và cá nhân có thành tích tiêu biểu.",
    "Chương trình giao lưu gồm các môn {sport}, {sport2} và các tiết mục văn "
    "nghệ đặc sắc do cán bộ, công chức các đơn vị biểu diễn.",
    "Kết thúc hội thao, Ban Tổ chức đã trao {n} giải nhất, nhì, ba cho các đội "
    "tham gia thi đấu môn {sport}.",
    "Kế hoạch thi đua năm {y1} tập trung vào các nhiệm vụ trọng tâm: thu hút "
    "đầu tư, giải ngân vốn đầu tư công và cải thiện chỉ số năng lực cạnh tranh.",
    "Đoàn kiểm tra chéo đã làm việc tại {unit} {province}, kiểm tra hồ "
    "sơ, tài liệu và việc thực hiện các tiêu chí thi đua năm {y}.",
]
CAPTIONS = [
    "Quang cảnh hội nghị",
    "Lãnh đạo các đơn vị ký kết giao ước thi đua",
    "Trao Cờ thi đua cho đơn vị dẫn đầu",
    "Các đại biểu chụp ảnh lưu niệm",
    "Trận đấu giao hữu môn {sport}",
    "Tiết mục văn nghệ chào mừng",
    "Trao Bằng khen cho các tập thể xuất sắc",
    "Đồng chí {person} phát biểu tại hội nghị",
]
VENUES = [
    "Hội trường {unit} {province}",
    "Trung tâm Hội nghị {province}",
    "Nhà văn hóa Lao động {province}",
    "Hội trường Khách sạn Mường Thanh",
]


def path_step(number):
    """One level of a page's path: ``number`` in Page's alphabet, padded."""
    step = Page._int2str(number).rjust(Page.steplen, Page.alphabet[0])
    if len(step) > Page.steplen:
        raise CommandError(
            f"A parent page cannot hold more than "
            f"{len(Page.alphabet) ** Page.steplen - 1} children."
        )
    return step


class Writer:
    """Builds the articles' text and rows from one seeded random generator."""

    def __init__(self, rng, parents, kinds, units, provinces, images, tags):
        self.rng = rng
        self.parents = parents  # [(page, bloc title, short name, weight)]
        self.weights = [weight for *_, weight in parents]
        self.kinds = kinds
        self.kind_codes = [code for code in KIND_WEIGHTS if code in kinds]
        self.kind_weights = [KIND_WEIGHTS[code] for code in self.kind_codes]
        self.units = units
        self.provinces = provinces
        self.images = images
        self.galleries = self.gallery_blocks(24) if images else []
        self.tags = tags
        self.first_day = datetime.date(FIRST_YEAR, 1, 15).toordinal()
        self.last_day = min(
            datetime.date(LAST_YEAR, 12, 31), timezone.localdate()
        ).toordinal()

    def person(self):
        r = self.rng
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def fill(self, template, values):
        r = self.rng
        return template.format(
            person=self.person(),
            post=r.choice(POSTS),
            unit2=r.choice(UNITS),
            sport=values["sport"],
            sport2=r.choice(SPORTS),
            n=r.randint(3, 40),
            **{k: v for k, v in values.items() if k != "sport"},
        )

    def paragraph(self, values, count):
        return " ".join(
            self.fill(self.rng.choice(SENTENCES), values) for _ in range(count)
        )

    def gallery_blocks(self, count):
        """Stored (JSON) gallery blocks, made by the block itself, to reuse."""
        r = self.rng
        stream = ArticleBodyBlock()
        raw = []
        for _ in range(count):
            photos = r.sample(self.images, min(len(self.images), r.randint(4, 8)))
            value = {
                "heading": "Một số hình ảnh",
                "photos": [
                    {
                        "image": image.pk,
                        "caption": r.choice(CAPTIONS).format(
                            sport=r.choice(SPORTS), person=self.person()
                        ),
                        "alt_text": "",
                        "credit": "",
                    }
                    for image in photos
                ],
            }
            body = stream.to_python([{"type": "gallery", "value": value}])
            body[0]  # noqa: B018 (binds the block, so its stored form is complete)
            raw.append(stream.get_prep_value(body)[0])
        return raw

    def article(self, serial):
        """An unsaved ArticlePage, its parent, activities, unit links and tags."""
        r = self.rng
        parent, bloc, bloc_short, _weight = r.choices(self.parents, self.weights)[0]
        if bloc is None:
            bloc, bloc_short = r.choice(OTHER_BLOCS)
        day = datetime.date.fromordinal(r.randint(self.first_day, self.last_day))
        code = r.choices(self.kind_codes, self.kind_weights)[0]
        year = day.year - 1 if code == "tong_ket" and day.month <= 2 else day.year
        kind = self.kinds[code]
        unit_links = []
        if self.units and r.random() < 0.7:
            unit_links = r.sample(self.units, min(len(self.units), r.randint(1, 3)))
        if unit_links and unit_links[0].province_id:
            province = self.provinces[unit_links[0].province_id]
        else:
            province = r.choice(list(self.provinces.values()))
        sport = r.choice(SPORTS)
        if code == "giao_luu_the_thao_van_nghe" and r.random() < 0.02:
            sport = RARE_SPORT
        values = {
            "y": year,
            "y1": year + 1,
            "bloc": bloc,
            "bloc_short": bloc_short,
            "unit": r.choice(UNITS),
            "province": province.full_name or province.name,
            "kind_lower": kind.name.lower(),
            "day": day.strftime("%d/%m/%Y"),
            "sport": sport,
        }
        title = self.fill(r.choice(TITLES[code]), values)
        values["venue"] = venue = self.fill(r.choice(VENUES), values)
        lead = self.fill(r.choice(LEADS), values)
        body = [
            {
                "type": "paragraph",
                "value": f"<p>{self.paragraph(values, r.randint(2, 4))}</p>",
                "id": str(uuid.uuid4()),
            }
            for _ in range(r.randint(2, 6))
        ]
        if self.images and r.random() < 0.3:
            body.insert(
                1,
                {
                    "type": "image",
                    "value": {
                        "image": r.choice(self.images).pk,
                        "caption": self.fill(r.choice(CAPTIONS), values),
                        "alt_text": "",
                        "credit": "",
                    },
                    "id": str(uuid.uuid4()),
                },
            )
        if self.galleries and r.random() < 0.1:
            body.append(r.choice(self.galleries))
        # Mostly a publication date; some old articles have only an event date,
        # and a few neither (lists then use the first publication).
        roll = r.random()
        date = day if roll < 0.85 else None
        event_start = day if 0.6 < roll < 0.95 else None
        published = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(7 + r.randint(0, 10)))
        ) + datetime.timedelta(minutes=r.randint(0, 59), seconds=serial % 60)
        page = ArticlePage(
            title=title,
            draft_title=title,
            slug=f"{slugify_vi(title, max_length=60)}-{serial}",
            live=True,
            first_published_at=published,
            last_published_at=published,
            date=date,
            event_start=event_start,
            lead=lead,
            body=body,
            cover=r.choice(self.images) if self.images and r.random() < 0.6 else None,
            venue=venue if r.random() < 0.8 else "",
            byline_person=self.person() if r.random() < 0.7 else "",
            source_portal="Dữ liệu thử tải (make bench)",
        )
        page.sort_date = page.display_date
        kinds = [kind]
        if r.random() < 0.35:
            extra = self.kinds[r.choice(self.kind_codes)]
            if extra != kind:
                kinds.append(extra)
        activities = [
            ArticleActivity(event_kind=k, year=year, sort_order=i)
            for i, k in enumerate(kinds)
        ]
        links = [
            ArticleOrganization(
                organization=unit,
                role=ArticleOrganization.Role.HOST
                if i == 0
                else ArticleOrganization.Role.PARTICIPANT,
                sort_order=i,
            )
            for i, unit in enumerate(unit_links)
        ]
        tags = r.sample(self.tags, r.randint(0, 3))
        return parent, page, activities, links, tags


def insert_rows(model, objs, fields, returning_fields=None):
    """INSERT ``objs`` into ``model``'s own table, in batches the database takes."""
    batch = max(1, connection.ops.bulk_batch_size(fields, objs))
    rows = []
    for start in range(0, len(objs), batch):
        result = model._base_manager._insert(
            objs[start : start + batch],
            fields=fields,
            returning_fields=returning_fields,
            using=connection.alias,
        )
        rows.extend(result or [])
    return rows


class Command(BaseCommand):
    help = "Generate COUNT articles in bulk for the benchmark (never on a real site)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many articles to add.")
        parser.add_argument("--seed", type=int, default=2025)
        parser.add_argument("--chunk", type=int, default=1000)
        parser.add_argument(
            "--no-index", action="store_true", help="Do not index them for search."
        )
        parser.add_argument(
            "--timings", help="Write the seconds taken to this file (JSON)."
        )

    def handle(self, count, seed, chunk, no_index, timings, **options):
        if count < 1:
            raise CommandError("COUNT must be at least 1.")
        news = NewsIndexPage.objects.filter(event_kind__isnull=True).first()
        blocs = list(BlocPage.objects.live().order_by("path"))
        if news is None or not blocs:
            raise CommandError("No news index or bloc: run manage.py load_demo first.")
        # Four articles in ten are general news, the others shared by the blocs.
        parents = [(news, None, None, 4.0)] + [
            (bloc, bloc.title, bloc.short_name or bloc.title, 6.0 / len(blocs))
            for bloc in blocs
        ]
        tags = [
            Tag.objects.get_or_create(name=name, defaults={"slug": slugify_vi(name)})[0]
            for name in TAGS
        ]
        writer = Writer(
            random.Random(seed),
            parents,
            {kind.code: kind for kind in EventKind.objects.all()},
            list(Organization.objects.order_by("pk")),
            {p.pk: p for p in Province.objects.order_by("pk")},
            list(PortalImage.objects.order_by("pk")),
            tags,
        )
        next_step = {page.pk: self.last_step(page) + 1 for page, *_ in parents}
        serial = Page.objects.count()

        started = time.monotonic()
        first_pk = None
        done = 0
        while done < count:
            size = min(chunk, count - done)
            with transaction.atomic():
                pks = self.write_chunk(writer, next_step, serial + done, size)
            first_pk = first_pk or pks[0]
            done += size
            if done % (chunk * 10) == 0 or done == count:
                elapsed = time.monotonic() - started
                self.stdout.write(f"  {done} articles, {elapsed:.0f} s")
        generated = time.monotonic() - started
        self.stdout.write(f"generated {count} articles in {generated:.1f} s")

        indexed = None
        if not no_index:
            started = time.monotonic()
            self.index(first_pk, chunk)
            indexed = time.monotonic() - started
            self.stdout.write(f"indexed {count} articles in {indexed:.1f} s")
        if timings:
            with open(timings, "w", encoding="utf-8") as out:
                json.dump(
                    {"articles": count, "generate_s": generated, "index_s": indexed},
                    out,
                )

    @staticmethod
    def last_step(parent):
        """The number of ``parent``'s last child's step, 0 when it has none."""
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        return Page._str2int(last[-Page.steplen :]) if last else 0

    def write_chunk(self, writer, next_step, serial, size):
        pages, activities, links, tag_links = [], [], [], []
        added = {}
        for i in range(size):
            parent, page, page_activities, page_links, page_tags = writer.article(
                serial + i
            )
            step = next_step[parent.pk]
            next_step[parent.pk] += 1
            added[parent.pk] = added.get(parent.pk, 0) + 1
            page.path = parent.path + path_step(step)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.locale_id = parent.locale_id
            page.url_path = f"{parent.url_path}{page.slug}/"
            pages.append(page)
            activities.append(page_activities)
            links.append(page_links)
            tag_links.append(page_tags)

        # The base table first, as Model.save does for a child of Page.
        page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
        rows = insert_rows(Page, pages, page_fields, [Page._meta.pk])
        for page, (pk,) in zip(pages, rows, strict=True):
            page.id = page.page_ptr_id = pk
            page._state.adding = False
        insert_rows(ArticlePage, pages, ArticlePage._meta.local_concrete_fields)

        for page, page_activities, page_links in zip(
            pages, activities, links, strict=True
        ):
            for item in (*page_activities, *page_links):
                item.page_id = page.pk
        ArticleActivity.objects.bulk_create(
            [a for items in activities for a in items], batch_size=1000
        )
        ArticleOrganization.objects.bulk_create(
            [link for items in links for link in items], batch_size=1000
        )
        ArticlePageTag.objects.bulk_create(
            [
                ArticlePageTag(content_object_id=page.pk, tag=tag)
                for page, page_tags in zip(pages, tag_links, strict=True)
                for tag in page_tags
            ],
            batch_size=1000,
        )
        for parent_pk, number in added.items():
            Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + number)
        return [page.pk for page in pages]

    def index(self, first_pk, chunk):
        """Index the new articles in chunks, as update_index would."""
        backend = get_search_backend()
        objects = ArticlePage.get_indexed_objects().filter(pk__gte=first_pk)
        last = first_pk - 1
        indexed = 0
        started = time.monotonic()
        while True:
            items = list(objects.filter(pk__gt=last)[:chunk])
            if not items:
                break
            backend.add_bulk(ArticlePage, items)
            last = items[-1].pk
            indexed += len(items)
            if indexed % (chunk * 10) == 0:
                elapsed = time.monotonic() - started
                self.stdout.write(f"  indexed {indexed}, {elapsed:.0f} s")
