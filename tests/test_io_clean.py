"""clean_article: line roles, headline/body separation, offsets into raw_text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narratives.io import clean_article


def seed(seeds_dir: Path, prefix: str) -> str:
    return next(seeds_dir.glob(f"{prefix}_*.txt")).read_bytes().decode("utf-8")


CROSSHEAD_2 = (
    "لافروف: التدخلات الأميركية في الشؤون الداخلية للدول المستقلة توجه ضربة للاستقرار العالمي"
)


def roles_of(raw: str) -> list[tuple[str, str]]:
    return [(s["role"], raw[s["start"] : s["end"]]) for s in clean_article(raw).spans]


@pytest.mark.parametrize(
    ("prefix", "line", "role"),
    [
        ("000", "موسكو-سانا", "dateline"),
        (
            "000",
            "لافروف: روسيا مستعدة لتبادل المعلومات الاستخباراتية مع واشنطن عبر آليات يتفق عليها",
            "subheadline",
        ),
        ("000", CROSSHEAD_2, "subheadline"),
        ("001", "https://telegram.me/SyrianArabNewsAgency", "boilerplate"),
        ("001", "تابعونا عبر تطبيق واتس أب :", "boilerplate"),
        ("002", "موسكو: تعاوننا مع واشنطن ساعد على تحقيق تقدم في سوريا", "headline"),
        ("002", "44", "boilerplate"),
        ("002", "المصدر: روسيا اليوم", "credit"),
        ("003", "الشريط الاخباريدولي", "boilerplate"),
        ("004", "الأربعاء 24 ابريل 2024 أبوظبي الإمارات", "boilerplate"),
        ("004", "مواقيت الصلاة", "boilerplate"),
        ("004", "13 ابريل 2017 10:48", "date"),
        ("004", "موسكو (وكالات)", "dateline"),
        ("004", "جميع الحقوق محفوظة لمركز الاتحاد للأخبار 2024©", "credit"),
    ],
)
def test_seed_line_roles(seeds_dir: Path, prefix: str, line: str, role: str) -> None:
    found = [r for r, piece in roles_of(seed(seeds_dir, prefix)) if piece == line]
    assert found == [role]


def test_duplicated_headline_kept_once(seeds_dir: Path) -> None:
    raw = seed(seeds_dir, "004")
    headline = "موسكو وواشنطن: هدفنا محاربة الإرهاب وحل أزمة سوريا"
    assert [r for r, piece in roles_of(raw) if piece == headline] == ["headline", "boilerplate"]
    assert clean_article(raw).title == headline


def test_rt_summary_after_credit_is_body(seeds_dir: Path) -> None:
    raw = seed(seeds_dir, "002")
    last_role, last_piece = roles_of(raw)[-1]
    assert last_role == "body"
    assert last_piece.startswith("أعلن وزير الخارجية الروسي سيرغي لافروف، أن روسيا ساعدت")


def test_wrapped_sentence_stays_two_body_spans(seeds_dir: Path) -> None:
    raw = seed(seeds_dir, "001")
    pieces = roles_of(raw)
    i = next(i for i, (_, p) in enumerate(pieces) if p.endswith("الآن ضرورة"))
    assert pieces[i][0] == "body"
    assert pieces[i + 1] == (
        "body",
        "التخلي عن كل الأمور الثانوية والتركيز على مكافحة الإرهاب” مؤكدا أن هذه المكافحة يجب "
        "أن تقوم على القاعدة المتينة من القوانين الدولية ودون معايير مزدوجة.",
    )


def test_dateline_at_body_start_is_its_own_span(seeds_dir: Path) -> None:
    raw = seed(seeds_dir, "004")
    spans = clean_article(raw).spans
    i = next(i for i, s in enumerate(spans) if s["role"] == "dateline")
    body = spans[i + 1]
    assert body["role"] == "body"
    assert raw[body["start"] :].startswith("أعلن وزير الخارجية الروسي، سيرجي لافروف")
    assert body["start"] == spans[i]["end"] + 1


def test_metadata_title_marks_repeated_first_line() -> None:
    raw = "قمة ثنائية في موسكو\nالتقى الرئيسان في الكرملين."
    art = clean_article(raw, title="قمة ثنائية في موسكو")
    assert [s["role"] for s in art.spans] == ["headline", "body"]
    assert art.text == "التقى الرئيسان في الكرملين."


def test_metadata_title_means_no_headline_guess() -> None:
    raw = "سطر قصير بلا نقطة\nالتقى الرئيسان في الكرملين."
    art = clean_article(raw, title="عنوان آخر")
    assert art.title == "عنوان آخر"
    assert art.text == raw  # both lines kept as body


@pytest.mark.parametrize(
    "line",
    [
        "تابعوا آخر الأخبار عبر تطبيق تيلغرام",
        "جميع الحقوق محفوظة 2024",
        "Copyright © 2015",
        "عدد المشاهدات: 1520",
        "اقرأ أيضا",
        "للاتصال على الرقم 0940777186",
        "jehat5@yahoo.com",
        "للتواصل أرسل sms إلى 88548",
        "***",
        "تفاصيل ص19",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    raw = f"قال الوزير إن الاجتماع كان مثمرا.\n{line}\nوأضاف أن الحوار مستمر."
    assert [r for r, p in roles_of(raw) if p == line] == ["boilerplate"]
    assert line not in clean_article(raw).text


def test_empty_text() -> None:
    art = clean_article("")
    assert (art.spans, art.title, art.text) == ([], None, "")


lines = st.text(
    alphabet=st.sampled_from(list("قال الوزير إن: 2017 ابريل.\n«»-()سانا ©44\r\t")), max_size=300
)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_spans_are_ordered_non_blank_and_slice_back(raw: str) -> None:
    art = clean_article(raw)
    last = 0
    for span in art.spans:
        piece = raw[span["start"] : span["end"]]
        assert span["start"] >= last and piece.strip() == piece and piece
        last = span["end"]
    kept = [raw[s["start"] : s["end"]] for s in art.spans if s["role"] in ("body", "subheadline")]
    assert art.text == "\n".join(kept)
    covered = "".join(raw[s["start"] : s["end"]] for s in art.spans)
    assert "".join(raw.split()) == "".join(covered.split())


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "dateline"),
        ("// انتهى //", "boilerplate"),
        ("// يتبع //", "boilerplate"),
        ("88591 - Stc", "boilerplate"),
        ("...المزيد", "boilerplate"),
        ("Next Previous", "boilerplate"),
        ("* *", "boilerplate"),
    ],
)
def test_saudinewsnet_wire_and_site_lines_are_set_aside(line: str, role: str) -> None:
    raw = f"عنوان الخبر\n{line}\nقال الوزير إن الخطة جاهزة للتنفيذ.\n"
    article = clean_article(raw)
    roles = {raw[s["start"] : s["end"]]: s["role"] for s in article.spans}
    assert roles[line] == role
    assert line not in article.text
    assert "قال الوزير" in article.text


def test_lines_folded_at_once_are_each_line_folded() -> None:
    # clean_article folds an article's short lines in one call (the lines joined by a
    # character no rule rewrites), as each line folded alone
    import warnings
    import zipfile

    from narratives.io._text import fold, fold_lines, line_pieces
    from tests.conftest import SAUDINEWSNET

    day = SAUDINEWSNET / "2015-08-06.zip"
    if not day.exists():
        pytest.skip(f"SaudiNewsNet is not at {SAUDINEWSNET}")
    with zipfile.ZipFile(day) as z:
        raw = z.read(z.namelist()[0]).decode("utf-8")
    lines = [raw[a:b] for a, b in line_pieces(raw)][:20000]
    lines += ["ـ الأربعاء ـ", "\u064e", "", "«داعش»  الإرهابيّ ", "ﻻ ﷲ", "\U0001f600 نص"]
    assert len(lines) > 10000
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fold_lines(lines) == [fold(line) for line in lines]
    assert fold_lines(["a\x00b", "إلى"]) == ["a\x00b", "الي"]  # the separator in a line
    assert fold_lines([]) == []


def test_a_quoted_sentence_with_its_full_stop_is_body_not_a_crosshead() -> None:
    # alyaum 2015-08-02 (Reuters: Zanganeh on Iran's oil output): two short lines whose full
    # stop sits inside the closing quote were read as crossheads (then headline statements)
    raw = (
        "إيران تتوقع زيادة إنتاج النفط بمليون برميل في غضون أشهر بعد رفع العقوبات\n\n"
        "قال وزير النفط الإيراني بيجن زنغنه في تصريحات أذيعت اليوم الأحد إن بلاده تتوقع أن "
        "يرتفع انتاج النفط بمقدار 500 ألف برميل يوميا فور رفع العقوبات.\n"
        'وأضاف "سنعود إلى مستوى 3.8 و3.9 مليون برميل في غضون الأشهر القليلة المقبلة."\n'
        'وتابع "بعثت برسالة إلى أوبك بأن العقوبات سترفع وأننا سنعود.\n'
        '"لن نطلب إذنا من أحد لاستعادة حقوقنا."\n'
        "وبحسب مسح لإنتاج أوبك فقد ارتفع الإنتاج في يوليو.\n"
        "أسواق الأسهم العالمية\n"
        "وارتفعت الأسهم الأوروبية في التعاملات المبكرة.\n"
    )
    roles = {piece: role for role, piece in roles_of(raw)}
    added = 'وأضاف "سنعود إلى مستوى 3.8 و3.9 مليون برميل في غضون الأشهر القليلة المقبلة."'
    assert roles[added] == "body"
    assert roles['"لن نطلب إذنا من أحد لاستعادة حقوقنا."'] == "body"
    assert roles["أسواق الأسهم العالمية"] == "subheadline"  # a crosshead stays one


def test_items_of_a_list_are_body_and_a_lone_dashed_crosshead_stays_one() -> None:
    # aleqtisadiya 2015-08-11 (a sukuk issue's tenors) and alwatan 2015-08-11 (Iraq's reforms,
    # dashed crossheads between paragraphs)
    raw = (
        "المالية تصدر صكوكا بقيمة 5 مليارات ريال\n\n"
        "أعلنت وزارة المالية إصدار صكوك حكومية على شرائح.\n"
        "- 5 سنوات بمعدل عائد (1.92%)\n"
        "- 7 سنوات بمعدل عائد (2.34%)\n"
        "وأوضحت الوزارة أن الإصدار يأتي ضمن خطتها.\n"
        "- منع المالكي من السفر\n"
        "وطالب المتظاهرون بمنع رئيس الوزراء السابق من السفر.\n"
    )
    roles = {piece: role for role, piece in roles_of(raw)}
    assert roles["- 5 سنوات بمعدل عائد (1.92%)"] == "body"
    assert roles["- 7 سنوات بمعدل عائد (2.34%)"] == "body"
    assert roles["- منع المالكي من السفر"] == "subheadline"
