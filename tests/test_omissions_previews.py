"""A preview written before an event and an article told after it are two moments: what
one gives and the other does not is no sure omission."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from narratives.compare import omissions
from narratives.compare._certainty import NOT_SURE, SURE, _previews

PREVIEW = Path(__file__).parent / "data" / "omissions_preview_2015-08-02.jsonl"


def _shield() -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """SaudiNewsNet 2015-08-02, the Community Shield: sabq's dpa preview («يقص تشيلسي
    وأرسنال غدا الأحد شريط الموسم»), aawsat's («... اليوم ... عندما يلتقيان»), alyaum's and
    aleqtisadiya's result; the claims the comparison made of them."""
    with PREVIEW.open(encoding="utf-8") as lines:
        arts = [json.loads(line) for line in lines]
    rows, claims = [], []
    for d in arts:
        for i, (text, head) in enumerate(zip(d["texts"], d["headline"], strict=True)):
            sid = f"{d['article_id']}:{i}"
            rows.append(
                (sid, d["article_id"], d["outlet"], date.fromisoformat(d["published"]), i, text,
                 head)
            )  # fmt: skip
            if str(i) in d["claims"]:
                claims.append((d["claims"][str(i)], sid, d["article_id"], d["outlet"]))
    st = pl.DataFrame(
        rows,
        schema=["statement_id", "article_id", "outlet", "published", "position", "text",
                "is_headline"],
        orient="row",
    )  # fmt: skip
    cl = pl.DataFrame(
        claims, schema=["claim_id", "statement_id", "article_id", "outlet"], orient="row"
    )
    stories = st.unique("article_id", maintain_order=True).select(
        "article_id", "outlet", story_id=pl.lit("shield")
    )
    return st, cl, stories


def test_a_previews_claims_are_no_sure_omission_of_the_result() -> None:
    st, cl, stories = _shield()
    om = omissions(st, cl, stories, min_outlets=1)
    text = dict(zip(st["statement_id"], st["text"], strict=True))
    # alyaum told the result: the preview's «كما تحظى باهتمام بالغ ... قبل أيام قليلة من
    # انطلاق ... الموسم الجديد» is no fact it left out
    alyaum = om.filter(pl.col("outlet") == "alyaum")
    said = {
        text[s]: (c, w)
        for ids, c, w in alyaum.select("statement_ids", "certainty", "why").iter_rows()
        for s in ids
    }
    season = next(t for t in said if t.startswith("كما تحظى باهتمام بالغ"))
    assert said[season][0] == NOT_SURE
    assert said[season][1].startswith("another moment: the claim is only in previews")
    assert alyaum.filter(pl.col("certainty") == SURE).is_empty()
    # aawsat wrote its preview before the match: the result's lines are not its omissions
    aawsat = om.filter(pl.col("outlet") == "aawsat")
    assert aawsat.height and (aawsat["certainty"] == NOT_SURE).all()
    goal = aawsat.filter(pl.col("statement_ids").list.first() == "2015-08-02:996:2")
    assert text["2015-08-02:996:2"].startswith("وأحرز هدف أرسنال أليكس تشامبرلين")
    assert goal["why"].to_list()[0].startswith("another moment: the outlet's articles")


def test_two_previews_leave_each_others_lines_as_they_were() -> None:
    st, cl, stories = _shield()
    previews_only = ["2015-08-02:1302", "2015-08-02:197"]
    keep = pl.col("article_id").is_in(previews_only)
    om = omissions(st.filter(keep), cl.filter(keep), stories.filter(keep), min_outlets=1)
    assert om.height
    assert not om["why"].fill_null("").str.starts_with("another moment: the").any()


@pytest.mark.parametrize(
    ("lead", "preview"),
    [
        (["تشيلسي وأرسنال يفتتحان الموسم الإنجليزي بـ \"الدرع الخيرية\".. غداً",
          "د ب أ - لندن: يقص تشيلسي وأرسنال غدا الأحد شريط الموسم الجديد"], True),
        (["ديربي ساخن بين تشيلسي وآرسنال في مباراة «الدرع الخيرية» اليوم",
          "يقص تشيلسي وآرسنال اليوم شريط الموسم الجديد لكرة القدم الإنجليزية"], True),
        (["الأخضر الناشئ يواجه العراق.. اليوم", "من التدريباتيواجه المنتخب السعودي"], True),
        (["النصر يلتقي السد القطري في ثاني تجاربه",
          "يلتقي النصر مساء اليوم الأحد في كابرون النمساوية نظيره السد القطري"], True),
        # the result: a headline in the present, a lead in the past, «اليوم» or not
        (["أرسنال يهزم تشيلسي بهدف تشامبرلين", "ويتوج بلقب الدرع الخيرية"], False),
        (["أرسنال يهزم تشيلسي ويتوّج بكأس الدرع الخيرية",
          "توج فريق أرسنال لكرة القدم بلقب بطولة الدرع الخيرية بعد تغلبه على نظيره تشيلسي "
          "اليوم بهدف دون رد"], False),
        (["مصرع 15 مصريًا في حادث غرق أحد القوارب بنهر النيل",
          "لقي 15 مصريًا مصرعهم في حادث غرق أحد القوارب في نهر النيل اليوم"], False),
        # SaudiNewsNet 2015-08-10: the day after tomorrow is the next match's, the arrival
        # is told in the past
        (["النصر يصل لندن بطائرة خاصة..",
          "وصلت مساء أمس الأحد بعثة الفريق الأول لكرة القدم بنادي النصر إلى العاصمة "
          "البريطانية لندن قادمة من النمسا عبر طائرة خاصة استعداداً لمواجهة الهلال على كأس "
          "السوبر يوم بعد غدٍ الأربعاء،"], False),
        # a day this cannot read: a headline without a verb, a lead opening in ت
        (["انطلاق فعاليات مهرجان صيف تنومة اليوم",
          "تنطلق اليوم الفعاليات الصيفية لمهرجان تنومة الصيفي"], None),
    ],
    ids=["tomorrow", "today-imperfect", "headline-today", "evening", "result", "result-today",
         "news-today", "arrival", "unclear"],
)  # fmt: skip
def test_a_lead_telling_the_event_to_come_is_a_preview(
    lead: list[str], preview: bool | None
) -> None:
    assert _previews(lead) is preview
