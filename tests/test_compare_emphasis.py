"""Emphasis reads the article as published (issue 11, point 7) and headlines per story (8)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import narratives as n
from narratives.compare import (
    emphasis,
    emphasis_claims,
    emphasis_outlets,
    emphasis_stories,
    headlines,
)
from narratives.compare.emphasis import repetitions

SANA, RT, ITTIHAD = "000_1bc6e33470cacd38", "002_c253744d7154f1cd", "004_c08e0aaf86107938"


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, pl.DataFrame]:
    articles = n.read_corpus(seeds_dir)
    statements = n.extract_statements(articles)
    claims = statements.select(
        claim_id="solo:" + pl.col("statement_id"),
        statement_id="statement_id",
        article_id="article_id",
        outlet="outlet",
    )
    em = emphasis(statements, claims, articles=articles)
    return {"articles": articles, "statements": statements, "claims": claims, "emphasis": em}


def _rows(seeds: dict[str, pl.DataFrame], article: str) -> pl.DataFrame:
    return (
        seeds["emphasis"]
        .filter(pl.col("article_id") == article)
        .join(seeds["statements"].select("statement_id", "text", "start"), on="statement_id")
    )


def test_sana_crossheads_are_not_headlines(seeds) -> None:
    rows = _rows(seeds, SANA)
    assert rows.filter(pl.col("is_headline")).height == 0  # SANA's page has no headline line
    cross = rows.filter(pl.col("is_crosshead"))
    assert cross.height == 2
    assert all(t.startswith("لافروف:") for t in cross["text"])
    assert not cross["is_lede"].any()


def test_rt_lede_is_the_standfirst_the_scrape_put_last(seeds) -> None:
    rows = _rows(seeds, RT)
    head = rows.filter(pl.col("is_headline"))
    assert head["text"].to_list() == ["موسكو: تعاوننا مع واشنطن ساعد على تحقيق تقدم في سوريا"]
    lede = rows.filter(pl.col("is_lede"))
    assert lede["text"][0].startswith("أعلن وزير الخارجية الروسي سيرغي لافروف، أن روسيا ساعدت")
    assert lede["relative_position"][0] == 0.0
    # last in the scrape (only the rest of its own paragraph follows), first in reading
    assert rows.filter(pl.col("start") > lede["start"][0]).height == 1


def test_al_ittihad_repeated_claims_count_twice(seeds) -> None:
    rows = _rows(seeds, ITTIHAD)
    for words in (
        "مضيفا أن الجانبين أكدا عزمهما محاربة الإرهاب",
        "وقال إن بوتين أكد عزم موسكو لتجاوز",
        "كما أعلن لافروف، توصل الطرفين إلى اتفاق",
    ):
        row = rows.filter(pl.col("text").str.starts_with(words))
        assert row["repetitions"].to_list() == [2], words
    assert rows.filter(pl.col("repetitions") > 1).height == 6


def test_statements_naming_the_same_people_are_no_repetition(seeds) -> None:
    # SANA: "I told Kerry in Paris ..." and "Lavrov refuted Kerry's statements in Paris"
    # share جون كيري, باريس, الأمريكي: who and where, not what is said
    rows = _rows(seeds, SANA)
    for words in ("ونقل موقع روسيا اليوم عن لافروف", "ودحض وزير الخارجية الروسي تصريحات"):
        row = rows.filter(pl.col("text").str.starts_with(words))
        assert row["repetitions"].to_list() == [1], words


def test_repetitions_need_shared_content_not_shared_frame() -> None:
    st = pl.DataFrame(
        {
            "statement_id": ["a:1", "a:2"],
            "article_id": ["a", "a"],
            "text": [
                "وقال وزير الخارجية الروسي سيرغي لافروف إن العلاقات صعبة",
                "وقال وزير الخارجية الروسي سيرغي لافروف إن الحوار مستمر",
            ],
        }
    )
    assert repetitions(st)["repetitions"].to_list() == [1, 1]


def test_outlet_summary_only_over_stories_outlets_share() -> None:
    ec = pl.DataFrame(
        {
            "claim_id": ["c1", "c1", "c2", "c2"],
            "outlet": ["sana", "rt", "sana", "rt"],
            "claim_outlets": [2, 2, 2, 2],
            "in_headline": [True, False, False, False],
            "in_lede": [False, False, False, False],
            "relative_position": [0.0, 0.5, 1.0, 1.0],
            "word_share": [0.1, 0.1, 0.1, 0.1],
            "repetitions": [1.0, 1.0, 1.0, 1.0],
            "direct_quote_share": [0.0, 0.0, 0.0, 0.0],
        }
    )
    claims = pl.DataFrame(
        {"claim_id": ["c1", "c1", "c2", "c2"], "article_id": ["a", "b", "c", "d"]}
    )
    stories = pl.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "story_id": ["s1", "s1", "s2", "s3"],
            "outlet": ["sana", "rt", "sana", "rt"],
        }
    )
    out = emphasis_outlets(ec, claims=claims, stories=stories)
    assert out.select("outlet", "n_claims", "headline_share").rows() == [
        ("rt", 1, 0.0),
        ("sana", 1, 1.0),
    ]
    assert emphasis_outlets(ec)["n_claims"].to_list() == [2, 2]


def test_headlines_per_story_side_by_side(seeds) -> None:
    st, cl, em = seeds["statements"], seeds["claims"], seeds["emphasis"]
    one_story = seeds["articles"].select("article_id", "outlet", story_id=pl.lit("s1"))
    out = headlines(st, cl, one_story, em)
    assert out.height == 5
    by_article = {r["article_id"]: r for r in out.iter_rows(named=True)}
    assert by_article[SANA]["headline"] is None  # crossheads are no headline
    assert by_article[RT]["lede"].startswith("أعلن وزير الخارجية الروسي")
    assert "تعاوننا" in by_article[RT]["own_words"]
    emph_claims = emphasis_claims(em, cl)
    assert emph_claims.height == cl.height


def test_template_sentences_with_other_figures_are_no_repetition() -> None:
    # SaudiNewsNet 2015-07-22:38 (aawsat): SAMA's report, one sentence per lending fund
    st = pl.DataFrame(
        {
            "statement_id": ["a:3", "a:6"],
            "article_id": ["a", "a"],
            "text": [
                "وكشف التقرير أن إجمالي المنصرف الفعلي من قروض هذه المؤسسات بلغ نحو 58.1 مليار "
                "ريال بارتفاع بنسبة 2.7 في المائة مقارنة بعام 2013",
                "مشيرا إلى أن إجمالي المنصرف الفعلي من القروض التي قدمها صندوق التنمية الصناعية "
                "بلغ نحو 5.7 مليار ريال بارتفاع بنسبة 11.2 في المائة مقارنة بعام 2013",
            ],
        }
    )
    assert repetitions(st)["repetitions"].to_list() == [1, 1]


def test_a_shared_place_phrase_is_no_repetition() -> None:
    # SaudiNewsNet 2015-07-22:195: the visitors' purchases and a vendor's words share
    # «الأسر المنتجة في ساحة العروض بحي الجزيرة» (who and where), not a claim
    st = pl.DataFrame(
        {
            "statement_id": ["a:2", "a:5"],
            "article_id": ["a", "a"],
            "text": [
                "وأقبل زوار احتفالات عيد الرياض على شراء منتجات الأسر المنتجة في ساحة منطقة "
                "قصر الحكم وساحة العروض في حي الجزيرة وغيرهما من المواقع، لمشاركة أعضاء هذه "
                "الأسر فرحة العيد",
                "وهو ما أكدته أم فهد صاحبة أحد أركان الأسر المنتجة في ساحة العروض بحي الجزيرة،",
            ],
        }
    )
    assert repetitions(st)["repetitions"].to_list() == [1, 1]


def test_story_emphasis_reads_only_the_story_articles() -> None:
    # SaudiNewsNet 2015-07-22/23: the Hajj ministry's preparations for the first pilgrims.
    # aawsat headlines them on the 22nd (story s1) and mentions them at the end of a
    # round-up on the 23rd (story s2); alriyadh does the opposite.
    claim = "تستعد وزارة الحج لاستقبال طلائع الحجاج القادمين من الخارج"
    other = ["وقال المتحدث إن الخطة تشمل المطارات والمنافذ البرية", "وأضاف أن العمل مستمر"]
    rows = []
    for article, outlet, headline_first in [
        ("a", "aawsat", True), ("b", "aawsat", False), ("c", "alriyadh", False),
        ("d", "alriyadh", True),
    ]:  # fmt: skip
        texts = [claim, *other] if headline_first else ["عنوان الجولة", *other, claim]
        rows += [
            {"statement_id": f"{article}:{i}", "article_id": article, "outlet": outlet,
             "position": i, "text": text, "is_headline": i == 0}
            for i, text in enumerate(texts)
        ]  # fmt: skip
    statements = pl.DataFrame(rows)
    claims = statements.select(
        claim_id=pl.when(pl.col("text") == claim)
        .then(pl.lit("hajj"))
        .otherwise("solo:" + pl.col("statement_id")),
        statement_id="statement_id",
        article_id="article_id",
        outlet="outlet",
    )
    stories = pl.DataFrame(
        {"article_id": ["a", "b", "c", "d"], "story_id": ["s1", "s2", "s1", "s2"],
         "outlet": ["aawsat", "aawsat", "alriyadh", "alriyadh"]}
    )  # fmt: skip
    em = emphasis(statements, claims)
    per_story = emphasis_stories(em, claims, stories).filter(pl.col("claim_id") == "hajj")
    got = per_story.select("story_id", "outlet", "in_headline", "relative_position", "n_articles")
    assert got.rows() == [
        ("s1", "aawsat", True, 0.0, 1),
        ("s1", "alriyadh", False, 1.0, 1),
        ("s2", "aawsat", False, 1.0, 1),
        ("s2", "alriyadh", True, 0.0, 1),
    ]
    assert per_story["claim_outlets"].to_list() == [2, 2, 2, 2]
    assert all(len(ids) == 1 for ids in per_story["statement_ids"].to_list())
    # over the corpus both outlets headlined it: the per-story table keeps them apart
    corpus = emphasis_claims(em, claims).filter(pl.col("claim_id") == "hajj")
    assert corpus["in_headline"].to_list() == [True, True]
    # the outlet summary reads each shared claim in its story: half in a headline
    summary = emphasis_outlets(emphasis_stories(em, claims, stories))
    assert summary.select("outlet", "n_claims", "headline_share").rows() == [
        ("aawsat", 2, 0.5),
        ("alriyadh", 2, 0.5),
    ]


def test_one_template_told_after_two_accidents_is_no_repetition() -> None:
    # SaudiNewsNet 2015-07-23:1207 (a round-up of accidents): the same clause follows
    # each accident; only the headline and the lede tell one claim twice
    texts = [
        "انقلاب يقتل 3 أشخاص ويصيب آخرين من أسرة واحدة",
        "أدى انقلاب سيارة على طريق قرية العجرمية غرب رفحاء إلى وفاة 3 أشخاص وإصابة 3 آخرين "
        "من أسرة واحدة، وباشرت الفرق الأمنية الموقع وعملت على نقل المصابين الى مستشفى رفحاء "
        "العام لتلقي العلاج اللازم.",
        "وفي السياق لقي مقيم مصري مصرعه وأصيب 5 آخرون إثر انقلاب السيارة التي تقلهم صباح امس "
        "على طريق تثليث - الأمواه بالقرب من قرية عمائر آل حميدان،",
        "وباشرت الفرق الأمنية الموقع وجرى نقل الجثة الى ثلاجة الموتى والمصابين الى مستشفى "
        "تثليث العام لتلقي العلاج اللازم.",
        "وفي ذات الاطار توفي مواطن وأصيب اثنان آخران بإصابات بالغة اثر انقلاب المركبة التي "
        "كانوا يستقلونها في منطقة الغور بالأردن على الطريق الدولي بين العاصمة عمان والحدود "
        "السعودية،",
        "وباشرت الجهات الامنية الموقع وتم نقل الجثة الى ثلاجة الموتى لحين انتهاء الاجراءات اللازمة",
    ]
    st = pl.DataFrame(
        {
            "statement_id": [f"a:{i}" for i in range(len(texts))],
            "article_id": ["a"] * len(texts),
            "position": list(range(len(texts))),
            "text": texts,
        }
    )
    assert repetitions(st)["repetitions"].to_list() == [2, 2, 1, 1, 1, 1]


def test_one_template_about_two_callers_is_no_repetition() -> None:
    # SaudiNewsNet 2015-08-07:313 (aleqtisadiya): the deputy crown prince's calls, one
    # sentence per caller; read as one claim told three times before the audit of issue 11
    texts = [
        "تلقى نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز "
        "اتصالاً هاتفياً اليوم من صاحب السمو الملكي الأمير سلمان بن حمد آل خليفة ولي العهد "
        "نائب القائد الأعلى النائب الأول لرئيس مجلس الوزراء بمملكة البحرين أعرب خلاله عن "
        "إدانته للتفجير الإرهابي الذي استهدف مسجد قوات الطوارئ بمنطقة عسير.",
        "كما تلقى نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن "
        "عبدالعزيز اتصالاً هاتفياً اليوم من معالي الفريق الركن الشيخ راشد بن عبدالله آل خليفة "
        "وزير الداخلية بمملكة البحرين أعرب فيه عن إدانته للتفجير الإرهابي الذي استهدف مسجد "
        "قوات الطوارئ بمنطقة عسير.",
        "وتلقى نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز "
        "اتصالاً هاتفياً اليوم من صاحب السمو الشيخ محمد الخالد الحمد الصباح نائب رئيس مجلس "
        "الوزراء وزير الداخلية بدولة الكويت أدان فيه التفجير الإرهابي الذي استهدف مسجد قوات "
        "الطوارئ بمنطقة عسير.",
    ]
    st = pl.DataFrame(
        {
            "statement_id": ["a:1", "a:5", "a:13"],
            "article_id": ["a"] * 3,
            "position": [1, 5, 13],
            "text": texts,
        }
    )
    assert repetitions(st)["repetitions"].to_list() == [1, 1, 1]


def test_one_quote_cut_in_two_statements_of_one_claim_is_told_once() -> None:
    # SaudiNewsNet 2015-08-07:156 (aawsat): Di María's quote cut after «الشديد،»; another
    # outlet's whole sentence put both halves in one claim. The headline restating the
    # second half («سأجلب أكبر جائزة أوروبية لجماهير سان جيرمان») is a repetition; the two
    # halves are not one claim told twice.
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:12", "a:13"],
            "article_id": ["a"] * 3,
            "position": [0, 12, 13],
            "is_headline": [True, False, False],
            "text": [
                "دي ماريا: سأجلب أكبر جائزة أوروبية لجماهير سان جيرمان",
                "وقال دي ماريا للموقع الرسمي لسان جيرمان: «أشعر بالفخر الشديد،",
                "لا أطيق الانتظار من أجل بداية المشوار، أريد الفوز بلقب دوري الأبطال، الذي هو "
                "حلم لأي لاعب كرة قدم، للمرة الثانية، سأبذل قصارى جهدي من أجل جلب أكبر جائزة "
                "أوروبية إلى فرنسا ولجماهير باريس سان جيرمان».",
            ],
        }
    )
    claims = pl.DataFrame({"claim_id": ["c0", "c1", "c1"], "statement_id": ["a:0", "a:12", "a:13"]})
    assert repetitions(st, claims)["repetitions"].to_list() == [2, 1, 2]
    claims = claims.with_columns(claim_id=pl.lit("c1"))  # the headline in the claim too
    assert repetitions(st, claims)["repetitions"].to_list() == [3, 2, 2]


def test_one_template_about_two_countries_is_no_repetition() -> None:
    # SaudiNewsNet 2015-08-07:349 (aljazirah): condemnations country by country, one
    # template; Spain's was counted as told six times before the audit of issue 11
    st = pl.DataFrame(
        {
            "statement_id": ["a:32", "a:36", "a:48"],
            "article_id": ["a"] * 3,
            "position": [32, 36, 48],
            "text": [
                "من جهتها أدانت اسبانيا التفجير الإرهابي الذي استهدف مسجدا لقوات الطوارئ في"
                " منطقة عسير أمس وأسفر عن سقوط عدد من الشهداء والجرحى.",
                "كما أدانت الحكومة الألمانية التفجير الإرهابي الذي استهدف مسجداً في مقر قوات"
                " الأمن بمنطقة عسير, وأسفر عن وقوع عدد من الشهداء من قوات الأمن والعاملين في"
                " الموقع.",
                "أدانت الحكومة الأردنية بشدة التفجير الإرهابي الذي استهدف مسجداً في منطقة عسير،"
                " وأدى إلى استشهاد عدد من قوات الأمن وإصابة آخرين.",
            ],
        }
    )
    assert repetitions(st)["repetitions"].to_list() == [1, 1, 1]


def test_one_template_the_clustering_joined_is_no_repetition() -> None:
    # SaudiNewsNet 2015-08-07:313 (aleqtisadiya): the thanks after each call, clustered as
    # one claim; Bahrain's interior minister and Kuwait's are two people, not one told twice
    st = pl.DataFrame(
        {
            "statement_id": ["a:7", "a:8", "a:15"],
            "article_id": ["a", "a", "a"],
            "position": [7, 8, 15],
            "text": [
                "وقدم سمو نائب خادم الحرمين الشريفين شكره وتقديره لمعالي وزير الداخلية بمملكة"
                " البحرين على مشاعره الطيبة ،",
                "داعياً الله أن لا يريه أي مكروه.",
                "وقدم سمو نائب خادم الحرمين الشريفين شكره وتقديره لسمو وزير الداخلية بدولة"
                " الكويت على مشاعره الطيبة ،",
            ],
        }
    )
    claims = pl.DataFrame({"claim_id": ["c", "d", "c"], "statement_id": ["a:7", "a:8", "a:15"]})
    assert repetitions(st, claims)["repetitions"].to_list() == [1, 1, 1]


def test_an_act_to_come_and_the_act_done_are_no_repetition() -> None:
    # SANA seed 003: Moscow will hold more contacts (future) / held a series of contacts
    # (perfect): the setting is shared (الجهات الإقليمية، الأزمة), the facts differ in time;
    # the headline's «سنجري» and the body's «ستجري» are one claim told twice
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:2", "a:5"],
            "article_id": ["a", "a", "a"],
            "position": [0, 2, 5],
            "text": [
                "لافروف: سنجري مزيداً من الاتصالات مع الجهات الإقليمية حول الأزمة السورية",
                "مبينا أن موسكو ستجري قريبا مزيدا من الاتصالات مع الجهات الإقليمية والدولية"
                " حول الأزمة في سورية.",
                "ولفت لافروف إلى أن موسكو أجرت مؤخرا سلسلة اتصالات بمختلف الجهات الإقليمية"
                " التي لها تأثير على أطراف الأزمة في سورية بما في ذلك السعوديون والإماراتيون"
                " والإيرانيون والأتراك",
            ],
        }
    )
    assert repetitions(st)["repetitions"].to_list() == [2, 2, 1]


def test_seed_sana_contacts_to_come_and_done_count_once(seeds) -> None:
    rows = _rows(seeds, "003_ef9047099b731a3e")  # SANA's second article
    row = rows.filter(pl.col("text").str.starts_with("ولفت لافروف إلى أن موسكو أجرت مؤخرا"))
    assert row["repetitions"].to_list() == [1]
    row = rows.filter(pl.col("text").str.starts_with("مبينا أن موسكو ستجري قريبا"))
    assert row["repetitions"].to_list() == [2]  # with the headline «سنجري مزيداً ...»


def test_items_of_a_numbered_list_are_no_repetition() -> None:
    # SaudiNewsNet 2015-08-11 (issue 11, emphasis read on 2015-08-10/11): the cabinet's
    # decisions (alriyadh :803, two appointments the clustering put in one claim) and the
    # ministry's rules (okaz :1350) were counted as one claim told twice, and the line
    # announcing the decisions («... قرر مجلس الوزراء ما يلي :», alyaum :1139) as told
    # again by each decision naming the same board
    texts = [
        "بعد الاطلاع على ما رفعه رئيس مجلس إدارة الهيئة العامة للطيران المدني، قرر مجلس "
        "الوزراء ما يلي :",
        "1 - تجديد عضوية / ماجد بن عبدالله البواردي ممثلاً عن وزارة التجارة والصناعة في مجلس "
        "إدارة الهيئة العامة للطيران المدني لمدة ثلاث سنوات.",
        "6 - تعيين عبدالله بن صالح بن عبدالرحمن العريفي على وظيفة (رئيس قطاع) بالمرتبة الرابعة "
        "عشرة بوزارة المالية.",
        "7 - تعيين صالح بن علي بن صالح الهويريني على وظيفة (رئيس قطاع) بالمرتبة الرابعة عشرة "
        "بوزارة المالية.",
        "أولا: تتاح الفرصة للمعلمين والمعلمات لتقديم طلبات التقاعد المبكر في أي وقت.",
        "ثالثا: ترفع جميع طلبات التقاعد المبكر للمعلمين والمعلمات الذين تقل خدماتهم عن 25 سنة "
        "إلى وكالة الشؤون المدرسية خلال خمسة أيام من تاريخ تقديم الطلب.",
    ]
    st = pl.DataFrame(
        {
            "statement_id": [f"a:{i}" for i in range(len(texts))],
            "article_id": ["a"] * len(texts),
            "position": list(range(len(texts))),
            "text": texts,
        }
    )
    claims = pl.DataFrame({"statement_id": ["a:2", "a:3"], "claim_id": ["c", "c"]})
    assert repetitions(st, claims)["repetitions"].to_list() == [1] * len(texts)
    # an item and a sentence restating it are still one claim told twice
    restated = pl.DataFrame(
        {
            "statement_id": ["b:0", "b:1"],
            "article_id": ["b"] * 2,
            "position": [0, 1],
            "text": [
                texts[4],
                "وتتاح الفرصة للمعلمين والمعلمات لتقديم طلبات التقاعد المبكر في أي وقت من العام.",
            ],
        }
    )
    assert repetitions(restated)["repetitions"].to_list() == [2, 2]


@pytest.mark.parametrize(
    ("rows", "own"),
    [
        (  # SaudiNewsNet 2015-08-11, story s01181: SPA's desk label was its "own word"
            [
                ("was", "اجتماعي / تكافل المدينة المنورة تنظم برنامجاً لصناعة التميّز"),
                ("3alyoum", "تكافل المدينة تنظم برنامجاً لصناعة التميّز"),
            ],
            ["المنورة"],
        ),
        (  # story s00046 (2015-08-10)
            [
                (
                    "was",
                    'اقتصادي / " صوامع الغلال " تنهي إجراءات ترسية الدفعة الثالثة من القمح '
                    "المستورد لهذا العام بكمية 505 آلاف طن",
                ),
                (
                    "aljazirah",
                    "«الصوامع» تنهي ترسية دفعة جديدة من القمح المستورد بكمية 505 آلاف طن",
                ),
                (
                    "aleqtisadiya",
                    '"صوامع الغلال" تنهي إجراءات ترسية الدفعة الثالثة من القمح المستورد لهذا العام',
                ),
            ],
            [],
        ),
    ],
    ids=["takaful", "silos"],
)
def test_a_section_label_is_no_own_word_of_a_headline(rows, own) -> None:
    from narratives.compare.headlines import _own_words

    words = _own_words([(f"a{i}", outlet, text) for i, (outlet, text) in enumerate(rows)])
    assert words["a0"] == own


@pytest.mark.parametrize(
    ("rows", "own"),
    [
        (  # SaudiNewsNet 2015-07-27, story s01468: «المتاجر» / «متاجر», «الشهر» / «شهر»
            [
                ("alweeam", "ساعة أبل الذكية في المتاجر بداية من الشهر القادم"),
                ("alriyadh", "آبل ووتش في متاجر «بست باي» شهر أغسطس القادم"),
            ],
            ["ساعة", "الذكية", "بداية"],
        ),
        (  # story s01149: «للاتحاد» is ل + «الاتحاد»
            [
                ("alweeam", "مونتاري يخضع للفحص الطبي تمهيداً لانضمامه للاتحاد"),
                ("aleqtisadiya", "مونتاري يخضع للفحص الطبي تمهيدا لانضمامه إلى صفوف الاتحاد"),
                ("alriyadh", "مونتاري يخضع للفحص الطبي تمهيداً لانضمامه إلى الاتحاد"),
            ],
            [],
        ),
        (  # story s00004 (2015-07-26): okaz's «عروسا» is the same word, accusative
            [
                ("3alyoum", "عروس تقود سيارة زوجها في ليلة الزفاف"),
                ("okaz", "«الهيموجلوبين» يجبر عروسا على قيادة مركبة زوجها"),
            ],
            ["تقود", "سيارة", "ليلة", "الزفاف"],
        ),
        (  # story s01356: «العلماء» / «علماء المسلمين»
            [
                ("almadina", "بن معمر: «داعش» منظمة إرهابية بإجماع العلماء"),
                ("alriyadh", "ابن معمر: علماء المسلمين أجمعوا أن «داعش»   منظمة إرهابية.."),
            ],
            ["بإجماع"],
        ),
        (  # story s00044 (2015-07-26): «عبد الخالق» / alriyadh's «لعبدالخالق»
            [
                ("alyaum", "المقاومة الشعبية في اليمن: اعتقال عبد الخالق الحوثي"),
                ("3alyoum", "المقاومة الشعبية تؤكد اعتقال الرجل الثاني في جماعة الحوثي"),
                (
                    "alriyadh",
                    "أنباء عن اعتقال المقاومة لعبدالخالق الحوثي المدرج على القائمة السوداء الدولية",
                ),
            ],
            ["اليمن"],
        ),
        (  # story s00785 (2015-07-27): «البرنامج» / «برنامجها»
            [
                (
                    "aljazirah",
                    "حملة نصرة الأشقاء في سوريا تنفذ المرحلة الثانية من البرنامج الطبي "
                    "«زينة الحياة»",
                ),
                ("alyaum", "«نصرة سوريا» تنفذ المرحلة الثانية من برنامجها «زينة الحياة الدنيا»"),
            ],
            ["حملة", "الأشقاء", "الطبي"],
        ),
        (  # story s00241 (2015-07-26/27): «لاعبو الأهلي» / «للاعبي الأهلي»
            [
                ("alriyadh", "لاعبو الأهلي في متحف سيجاتتيني"),
                ("almadina", "تدريبات استرجاعية للاعبي الأهلي.. والبعثة تزور متحف سيجاتتيني"),
            ],
            [],
        ),
        (  # SaudiNewsNet 2015-08-04, story s00024: «السوري» / «سورية»
            [
                ("alriyadh", "سقوط مقاتلة تابعة للنظام السوري   في أريحا ومقتل 27 شخصاً"),
                ("3alyoum", "مقتل 27 شخصاً بعد تحطم طائرة حربية سورية تابعة للنظام"),
            ],
            ["سقوط", "مقاتلة", "أريحا"],
        ),
        (  # 2015-08-03, story s00452: «يبحثان» / «بحثا»
            [
                ("alriyadh", "د. الحقباني والحقيل يبحثان محفزات قطاع الإسكان"),
                ("aljazirah", "د. الحقباني والحقيل بحثا محفزات وزارة العمل لقطاع الإسكان"),
            ],
            [],
        ),
    ],
    ids=[
        "apple-watch",
        "muntari",
        "bride",
        "ulama",
        "abd-al-khaliq",
        "programme",
        "players",
        "syrian",
        "discuss",
    ],
)
def test_a_word_with_a_proclitic_or_the_article_is_no_own_word(rows, own) -> None:
    from narratives.compare.headlines import _own_words

    words = _own_words([(f"a{i}", outlet, text) for i, (outlet, text) in enumerate(rows)])
    assert words["a0"] == own


def test_figures_in_arabic_indic_digits_are_the_same_figures() -> None:
    # SaudiNewsNet 2015-08-11:1362 (okaz): the headline's «25 شهيدا و465 مصابا» restated
    # as «(٢٥) شهيدا و(٤٦٥) مصابا» was read as two facts with other figures
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:2"],
            "article_id": ["a", "a"],
            "text": [
                "قوات الطوارئ تهدي الوطن 25 شهيدا و465 مصابا",
                "وعلى مدى 11 عاما تولت فيها قوات الطوارئ مهمة حماية الوطن من الإرهابيين والمخلين "
                "بالأمن قدمت عشرات الشهداء ومئات المصابين بمختلف الرتب في العديد من المواقع، حيث "
                "بلغ عدد الضحايا (٢٥) شهيدا و(٤٦٥) مصابا ما بين ضباط وأفراد،",
            ],
        }
    )
    assert repetitions(st)["repetitions"].to_list() == [2, 2]


def test_list_items_opened_with_a_tatweel_are_items() -> None:
    # SaudiNewsNet 2015-08-11:379 (alriyadh): «أولاً ـ» / «ثالثاً ـ», the rules of okaz's
    # :1350 written with a tatweel after the ordinal
    st = pl.DataFrame(
        {
            "statement_id": ["a:3", "a:5"],
            "article_id": ["a", "a"],
            "text": [
                "أولاً ـ تتاح الفرصة للمعلمين والمعلمات لتقديم طلبات التقاعد المبكر في أي وقت.",
                "ثالثاً ـ ترفع جميع طلبات التقاعد المبكر للمعلمين والمعلمات الذين تقل خدمتهم عن "
                "خمس وعشرين سنة إلى وكالة الشؤون المدرسية خلال خمسة أيام من تاريخ تقديم الطلب.",
            ],
        }
    )
    assert repetitions(st)["repetitions"].to_list() == [1, 1]


def test_bulleted_items_and_their_announcing_line_are_no_repetition() -> None:
    # SaudiNewsNet 2015-07-25:1004 (alriyadh): the coast guard's seizure, the line
    # announcing it and each bulleted item, put in one claim by the clustering, were
    # counted as one claim told four times
    texts = [
        "تمكنت دورياتُ خَفَرِ السواحل من العثورِ على الحقائبِ الأربعِ بقاعِ البحر وانتشالِها، "
        "وعند فحصِها وتفتيشِها تبين احتواؤها على المضبوطاتِ التالية:",
        "/حوالي ثلاثةٍ وأربعين فاصلة ثمانية كيلوجرام من مادة ال C4 المتفجرة.",
        "/ثمانيةُ أسلحةٍ أوتوماتيكيةٍ من نوعِ كلاشنكوف.",
        "/اثنان وثلاثونَ مخزناً لطَلْقاتِ الرشاش كلاشينكوف.",
    ]
    st = pl.DataFrame(
        {
            "statement_id": [f"a:{i}" for i in range(12, 16)],
            "article_id": ["a"] * 4,
            "position": list(range(12, 16)),
            "text": texts,
        }
    )
    claims = pl.DataFrame({"statement_id": st["statement_id"], "claim_id": ["c"] * 4})
    assert repetitions(st, claims)["repetitions"].to_list() == [1, 1, 1, 1]


def test_one_template_told_of_the_king_and_of_his_deputy_is_no_repetition() -> None:
    # SaudiNewsNet 2015-07-25:97 (3alyoum): the King's congratulations to the Maldives and
    # Liberia, then his deputy's in the same template; the clustering joins each country's
    # two lines in one claim. «نائب خادم الحرمين» is another person than «خادم الحرمين».
    texts = {
        "a:2": "وأعرب خادم الحرمين الشريفين باسمه واسم شعب وحكومة المملكة العربية السعودية عن"
        " أصدق التهاني وأطيب التمنيات بالصحة والسعادة لفخامته ولحكومة وشعب جمهورية المالديف"
        " الشقيق اطراد التقدم والازدهار.",
        "a:5": "وعبر خادم الحرمين الشريفين باسمه واسم شعب وحكومة المملكة العربية السعودية عن"
        " أصدق التهاني وأطيب التمنيات بالصحة والسعادة لفخامتها ولحكومة وشعب جمهورية ليبيريا"
        " الصديق اطراد التقدم والازدهار.",
        "a:7": "وعبر سمو نائب خادم الحرمين الشريفين عن أبلغ التهاني وأطيب التمنيات بموفور الصحة"
        " والسعادة لفخامته ولحكومة وشعب جمهورية المالديف الشقيق المزيد من التقدم والازدهار.",
        "a:9": "وأعرب سمو نائب خادم الحرمين الشريفين عن أبلغ التهاني وأطيب التمنيات بموفور الصحة"
        " والسعادة لفخامتها ولحكومة وشعب جمهورية ليبيريا الصديق المزيد من التقدم والازدهار.",
    }
    st = pl.DataFrame(
        {
            "statement_id": list(texts),
            "article_id": ["a"] * 4,
            "position": [2, 5, 7, 9],
            "text": list(texts.values()),
        }
    )
    claims = pl.DataFrame({"claim_id": ["m", "l", "m", "l"], "statement_id": list(texts)})
    assert repetitions(st)["repetitions"].to_list() == [1, 1, 1, 1]
    assert repetitions(st, claims)["repetitions"].to_list() == [1, 1, 1, 1]


def test_sharing_the_name_of_an_institution_or_an_event_is_no_repetition() -> None:
    # SaudiNewsNet 2015-07-25:821 (alriyadh), a writer's biography: a prize from the
    # council, and his work for a series the council publishes: two facts sharing the
    # council's name
    council = pl.DataFrame(
        {
            "statement_id": ["a:27", "a:28"],
            "article_id": ["a", "a"],
            "position": [27, 28],
            "text": [
                "حاصل على جائزتين في الأدب، الأولى من مؤسسة التقدم العلمي في الكويت عام 1994م،"
                " والثانية جائزة الدولة التشجيعية من المجلس الوطني للثقافة والفنون والآداب في"
                " الكويت عام 1997م.",
                "ويعمل مستشاراً لسلسلة “إبداعات عالمية” التي يصدرها المجلس الوطني للثقافة والفنون"
                " والآداب في الكويت.",
            ],
        }
    )
    claims = pl.DataFrame({"claim_id": ["c", "c"], "statement_id": ["a:27", "a:28"]})
    assert repetitions(council)["repetitions"].to_list() == [1, 1]
    assert repetitions(council, claims)["repetitions"].to_list() == [1, 1]
    # SaudiNewsNet 2015-08-10:161 (aawsat): the headline on ISIS's plot against the Queen
    # is restated by the lede and the next line; the police inviting the public to the
    # anniversary shares the anniversary's name with it, not the claim
    plot = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:1", "a:2", "a:5"],
            "article_id": ["a"] * 4,
            "position": [0, 1, 2, 5],
            "is_headline": [True, False, False, False],
            "text": [
                "كشف خطة لـ «داعش» لاغتيال ملكة بريطانيا خلال ذكرى الحرب العالمية الثانية",
                "كشفت تحريات لجهاز المخابرات البريطانية أن متطرفين بريطانيين موالين لتنظيم داعش"
                " الإرهابي خططوا لاستهداف الملكة إليزابيث مطلع الأسبوع المقبل وبالتحديد يوم السبت"
                " الذي يوافق تاريخ 15 أغسطس (آب) والذي يصادف استسلام اليابان وهي ذكرى تحتفل فيها"
                " بريطانيا بانتهاء الحرب العالمية الثانية.",
                "وأعلن متطرفون من أصول بريطانية ينتمون لتنظيم داعش عن أن المفاجأة هي اغتيال الملكة"
                " البريطانية في ذكرى الاحتفال بانتهاء الحرب العالمية الثانية.",
                "وقالت: إنه رغم ذلك دعت شرطة اسكوتلنديارد البريطانية عموم المواطنين لحضور"
                " الاحتفالات بمناسبة ذكرى انتهاء الحرب العالمية الثانية بشكل طبيعي رغم المؤامرة"
                " المزعومة من قبل تنظيم داعش لاستهداف الملكة إليزابيث.",
            ],
        }
    )
    assert repetitions(plot)["repetitions"].to_list() == [3, 3, 3, 1]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # «حرس الحدود»: two words are not yet a name of the setting (2015-08-10:1201)
        (
            "مجلس الوزراء السعودي يوافق على تدريب وتطوير حرس الحدود في ألمانيا",
            "قرر مجلس الوزراء الموافقة على اتفاقية مع ألمانيا لتدريب وتطوير حرس الحدود",
        ),
        # a verbal noun heading the phrase: what is said (2015-08-11:792)
        (
            "الجبير: الأسد سبب رئيسي في تدمير سوريا وانتشار التنظيمات الإرهابية",
            "واستطرد الوزير بأن رحيل بشار الأسد وعدم شموله في أي ترتيبات مستقبلية، بإعتباره"
            " السبب الرئيس في تدمير سوريا وانتشار التنظيمات الإرهابية على أراضيها.",
        ),
    ],
)
def test_a_claim_told_in_a_short_phrase_is_still_a_repetition(a: str, b: str) -> None:
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:9"],
            "article_id": ["a", "a"],
            "position": [0, 9],
            "is_headline": [True, False],
            "text": [a, b],
        }
    )
    claims = pl.DataFrame({"claim_id": ["c", "c"], "statement_id": ["a:0", "a:9"]})
    assert repetitions(st, claims)["repetitions"].to_list() == [2, 2]


def test_the_king_named_by_another_title_and_his_deputy_are_no_repetition() -> None:
    # SaudiNewsNet 2015-08-10:863 (alriyadh): «الملك المفدى» in the King's line,
    # «نائب خادم الحرمين الشريفين» in his deputy's: one template, two people. The
    # headline («القيادة تهنئ ...», the leadership) is told again by the deputy's cable.
    texts = [
        "القيادة تهنئ الرئيس الإكوادوري بذكرى استقلال بلاده",
        "وأعرب الملك المفدى باسمه واسم شعب وحكومة المملكة العربية السعودية عن أصدق التهاني"
        " وأطيب التمنيات بالصحة والسعادة لفخامته، ولحكومة وشعب جمهورية الإكوادور الصديق اطراد"
        " التقدم والازدهار.",
        "بعث نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز آل"
        " سعود برقية تهنئة لفخامة الرئيس رفائيل كوريا دلجادو رئيس جمهورية الإكوادور بمناسبة"
        " ذكرى يوم الاستقلال لبلاده.",
        "وعبر نائب خادم الحرمين الشريفين عن أبلغ التهاني وأطيب التمنيات بموفور الصحة والسعادة"
        " لفخامته، ولحكومة وشعب جمهورية الإكوادور الصديق المزيد من التقدم والازدهار.",
    ]
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:2", "a:3", "a:4"],
            "article_id": ["a"] * 4,
            "position": [0, 2, 3, 4],
            "is_headline": [True, False, False, False],
            "text": texts,
        }
    )
    claims = pl.DataFrame({"claim_id": ["h", "c", "h", "c"], "statement_id": st["statement_id"]})
    assert repetitions(st, claims)["repetitions"].to_list() == [2, 1, 2, 1]


def test_a_name_with_a_deputy_word_is_no_deputy() -> None:
    # SaudiNewsNet 2015-08-10:254: «عبدالله بن مساعد» (bin Musaed) is a name, not an
    # assistant: the lede restates the headline
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:1"],
            "article_id": ["a", "a"],
            "position": [0, 1],
            "is_headline": [True, False],
            "text": [
                "عبدالله بن مساعد يعتمد مجلس إدارة نادي الفتح",
                "اعتمد الأمير عبد الله بن مساعد بن عبدالعزيز الرئيس العام لرعاية الشباب مجلس"
                " الإدارة الجديد لنادي الفتح السعودي.",
            ],
        }
    )
    claims = pl.DataFrame({"claim_id": ["c", "c"], "statement_id": ["a:0", "a:1"]})
    assert repetitions(st, claims)["repetitions"].to_list() == [2, 2]


def test_two_months_figures_the_clustering_joined_are_no_repetition() -> None:
    # SaudiNewsNet 2015-07-27:885 (alwatan): the food authority's rejected shipments in Rajab
    # and in the month before, clustered as one claim; no figure in common: two facts. The
    # headline rounding the lede's figure («22 ألف حبة» / «(22.790) حبة», 2015-07-27:42) is
    # still the claim told twice.
    st = pl.DataFrame(
        {
            "statement_id": ["a:3", "a:4", "b:0", "b:1"],
            "article_id": ["a", "a", "b", "b"],
            "position": [3, 4, 0, 1],
            "is_headline": [False, False, True, False],
            "text": [
                "حيث تم رفض 198 إرسالية من المواد الغذائية المستوردة خلال شهر رجب تزن 851 طنا،"
                " وتمثل نسبة 0.11 % من الإرساليات المفسوحة وعددها 41882 إرسالية تزن 772778 طنا.",
                "في حين تم رفض 172 إرسالية تزن 717 طنا من المواد الغذائية المستوردة، تمثل نسبة"
                " 0.13% من الإرساليات المفسوحة وعددها 42659 إرسالية تزن 552293 طنا.",
                "جمرك مطار جدة يحبط تهريب 22 ألف حبة “زاناكس”",
                "أحبط جمرك مطار الملك عبدالعزيز الدولي بجدة محاولة سيدتين لتهريب كمية من حبوب"
                " “الزاناكس” بلغ عددها (22.790) حبة عُثر عليها مُخبأة داخل الملابس التي ترتديانها.",
            ],
        }
    )
    claims = pl.DataFrame(
        {"claim_id": ["c", "c", "d", "d"], "statement_id": ["a:3", "a:4", "b:0", "b:1"]}
    )
    assert repetitions(st, claims)["repetitions"].to_list() == [1, 1, 2, 2]


@pytest.mark.parametrize(
    ("texts", "counts"),
    [
        (  # SaudiNewsNet 2015-07-27:600 (almadina): the first friendly and the second
            [
                "الهلال يلاقي سبور التركي في أول لقاءاته الودية",
                "وسيلاقي الهلال أيضًا فريق أخيسار سبور التركي في ثاني لقاءاته الودية الخميس"
                " الـ30 من شهر يوليو الجاري،",
            ],
            [1, 1],
        ),
        (  # 2015-07-26:273 (aleqtisadiya): the first kit and the second
            [
                'وسيكون قمصان الطقم الأول "الأساسي" صفراء، والشورت باللون الأزرق والشراب أصفر'
                " وأرقام اللاعبين وأسماؤهم ستكون باللون الأزرق،",
                "فيما ستكون قمصان الطقم الثاني زرقاء والشورت أزرق والشراب أزرق أما أرقام"
                " اللاعبين وأسماؤهم ستكون باللون الأصفر.",
            ],
            [1, 1],
        ),
        (  # 2015-07-26:546 (alyaum): «الأولى» (first in the region) and «الجيل الرابع» (4G)
            # qualify other words: the headline restated
            [
                "«موبايلي» الأولى في تقديم التجوال الدولي",
                "تصدرت موبايلي مقدمي خدمات الاتصالات في المنطقة عبر تقديمها أكبر وأفضل تغطية"
                " خدمات التجوال الدولي للبيانات للجيل الرابع (LTE) مع 100 مشغل حول العالم.",
            ],
            [2, 2],
        ),
    ],
    ids=["friendlies", "kits", "mobily-guard"],
)
def test_other_ordinals_of_one_word_are_no_repetition(texts, counts) -> None:
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:1"],
            "article_id": ["a", "a"],
            "position": [0, 1],
            "is_headline": [True, False],
            "text": texts,
        }
    )
    claims = pl.DataFrame({"claim_id": ["c", "c"], "statement_id": ["a:0", "a:1"]})
    assert repetitions(st, claims)["repetitions"].to_list() == counts


@pytest.mark.parametrize(
    "texts",
    [
        [  # SaudiNewsNet 2015-07-26:1431 (sabq): the festival's name is the setting
            "نجوم الإنشاد يتألقون في مهرجان عيد وصيف حفر الباطن",
            "عافت الزويد- سبق- حفر الباطن: أشعل نجوم الشعر والإنشاد بحضورهم المميز أجواء مهرجان"
            " عيد وصيف حفر الباطن من خلال وصلات إنشادية نالت استحسان الحضور الذي تفاعل معها.",
            "وستتواصل مفاجآت مهرجان عيد وصيف حفر الباطن، خلال الأيام المقبلة؛ حيث سيتم تقدم"
            " عددٍ من الفقرات الدعوية واستضافة بعض المشايخ،",
        ],
        [  # 2015-07-27:1168: the festival closing and its first event
            "مهرجان أملج التراثي البحري الثاني يختتم فعالياته",
            "اختتم مهرجان أملج التراثي البحري الثاني فعالياته مساء أمس.",
            'يذكر أن أولى فعاليات "مهرجان أملج التراثي البحري الثاني" انطلقت يوم الثلاثاء'
            " الماضي بسباق القوارب الشراعية",
        ],
    ],
    ids=["hafr-al-batin", "umluj"],
)
def test_sharing_the_name_of_an_event_is_no_repetition(texts) -> None:
    filler = "وأوضح مدير المهرجان أن الإقبال فاق التوقعات هذا العام."
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:1", "a:2", "a:6"],
            "article_id": ["a"] * 4,
            "position": [0, 1, 2, 6],
            "is_headline": [True, False, False, False],
            "text": [*texts[:2], filler, texts[2]],
        }
    )
    # the headline restated in the lede counts; the later line on the setting does not
    assert repetitions(st)["repetitions"].to_list() == [2, 2, 1, 1]


def test_a_claim_cut_in_two_statements_is_told_once() -> None:
    # SaudiNewsNet 2015-07-27:486 (aljazirah): one sentence cut at «، حيث»; both halves are
    # one claim, and the story table said the claim was told twice
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:1", "a:2", "a:3"],
            "article_id": ["a"] * 4,
            "outlet": ["aljazirah"] * 4,
            "position": [0, 1, 2, 3],
            "is_headline": [True, False, False, False],
            "text": [
                "مدير شؤون المعلمين يتفقد لجان المقابلات",
                "بدأت لجان المقابلات الشخصية أعمالها أمس في الرياض.",
                "قام المدير العام لشئون المعلمين بوزارة التعليم الأستاذ خالد بن علي القحطاني"
                " بزيارة إلى مقر لجان إجراء مقابلات الخريجين الجدد المتقدمين للتدريس،",
                "حيث تم السماح لهم في اختيار المنطقة التي يرغبون في إجراء المقابلات بها من بين"
                " ثلاث مناطق في المملكة.",
            ],
        }
    )
    claims = pl.DataFrame(
        {
            "claim_id": ["h", "l", "c", "c"],
            "statement_id": ["a:0", "a:1", "a:2", "a:3"],
            "outlet": ["aljazirah"] * 4,
        }
    )
    em = emphasis(st, claims)
    assert em.filter(pl.col("claim_id") == "c")["repetitions"].to_list() == [1, 1]
    ec = emphasis_claims(em, claims).filter(pl.col("claim_id") == "c")
    assert ec["repetitions"].to_list() == [1.0]


def test_a_name_in_quotation_marks_is_no_direct_quote() -> None:
    # SaudiNewsNet 2015-07-27:686:0 (alriyadh), 2015-07-27:949:1 (alwatan): an exhibition's
    # name and a conference's slogan in quotation marks made these "direct quotes"; a
    # partial quote of someone (2015-07-26:1123, Obama) and a sign's words stay direct
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "b:1", "c:3", "d:2"],
            "article_id": ["a", "b", "c", "d"],
            "outlet": ["alriyadh", "alwatan", "alyaum", "aawsat"],
            "position": [0, 1, 3, 2],
            "is_headline": [True, False, False, False],
            "speaker": [None, None, "باراك اوباما", None],
            "cue": [None, None, "قال", None],
            "quote": ["mixed", "mixed", "mixed", "mixed"],
            "text": [
                "خالد الفيصل يفتتح معرض «الفيصل.. شاهد وشهيد» في الطائف.. اليوم",
                "تستضيف المملكة خلال شهر أكتوبر المقبل، وبرعاية وزير الصحة المهندس خالد"
                " الفالح، المؤتمر العالمي لمواجهة مرض السمنة والسكري في دول الخليج تحت شعار"
                ' "الشراكة في التغيير".',
                'وقال أوباما إن أفريقيا "تتحرك" وإن القارة تشهد نموا سريعا.',
                'وكتب على لافتة علقت بالقرب من الجدران "احبس بولك! واقض حاجتك في مكان مناسب".',
            ],
        }
    )
    claims = pl.DataFrame({"claim_id": ["w", "x", "y", "z"], "statement_id": st["statement_id"]})
    em = emphasis(st, claims).sort("statement_id")
    assert em["is_direct"].to_list() == [False, False, True, True]


def test_a_title_in_quotation_marks_is_no_direct_quote() -> None:
    # SaudiNewsNet 2015-08-04:370:1 (aljazirah): a forum's five-word title after «بعنوان»
    st = pl.DataFrame(
        {
            "statement_id": ["a:1"],
            "article_id": ["a"],
            "outlet": ["aljazirah"],
            "position": [1],
            "is_headline": [False],
            "speaker": [None],
            "quote": ["mixed"],
            "text": [
                "تعقد جامعة نايف العربية للعلوم الأمنية والمنظمة العربية للسياحة اليوم، بمحافظة"
                " الطائف الملتقى الأول للأمن السياحي بعنوان «أمن وسلامة الآثار والمنشآت"
                " السياحية» ."
            ],
        },
        schema_overrides={"speaker": pl.String},
    )
    claims = pl.DataFrame({"claim_id": ["c"], "statement_id": ["a:1"]})
    assert emphasis(st, claims)["is_direct"].to_list() == [False]


def test_a_title_cut_in_two_statements_is_shown_as_written() -> None:
    # SaudiNewsNet 2015-07-27:5 (3alyoum): the title «الكلباني يكشف أسباب احتراق منزله وينتقد
    # الهلال الأحمر» is two statements; the headline column showed «... منزله / وينتقد ...»
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:1", "a:2", "b:0", "b:1"],
            "article_id": ["a", "a", "a", "b", "b"],
            "outlet": ["3alyoum"] * 3 + ["okaz"] * 2,
            "position": [0, 1, 2, 0, 1],
            "is_headline": [True, True, False, True, False],
            "text": [
                "الكلباني يكشف أسباب احتراق منزله",
                "وينتقد الهلال الأحمر",
                "أدان الشيخ عادل الكلباني عدم اهتمام الهلال الاحمر بإسعاف ابنه.",
                "حريق محدود في منزل الكلباني",
                "شب حريق محدود في منزل الشيخ عادل الكلباني.",
            ],
        }
    )
    claims = pl.DataFrame(
        {"claim_id": ["h", "h2", "c", "h3", "c"], "statement_id": st["statement_id"]}
    )
    stories = pl.DataFrame(
        {
            "article_id": ["a", "b"],
            "story_id": ["s", "s"],
            "outlet": ["3alyoum", "okaz"],
            "title": [
                "الكلباني يكشف أسباب احتراق منزله وينتقد الهلال الأحمر",
                "حريق محدود في منزل الكلباني",
            ],
        }
    )
    out = headlines(st, claims, stories)
    assert out.filter(pl.col("article_id") == "a")["headline"].to_list() == [
        "الكلباني يكشف أسباب احتراق منزله وينتقد الهلال الأحمر"
    ]


def test_items_opened_with_a_dash_are_no_repetition() -> None:
    # SaudiNewsNet 2015-08-04:1191 (okaz): the Board of Grievances' achievements listed as
    # «- ...» lines; two items sharing the courts' words are two facts
    st = pl.DataFrame(
        {
            "statement_id": ["a:3", "a:4"],
            "article_id": ["a", "a"],
            "position": [3, 4],
            "text": [
                "- إطلاق مشروع تنظيم الدوائر القضائية إداريا.",
                "- فصل الأعمال الإدارية عن الأعمال القضائية في محاكم الدرجة الأولى.",
            ],
        }
    )
    claims = pl.DataFrame({"claim_id": ["c", "c"], "statement_id": ["a:3", "a:4"]})
    assert repetitions(st, claims)["repetitions"].to_list() == [1, 1]


# SaudiNewsNet 2015-08-06/07, four articles as extracted, with their claims
_SETTING = Path(__file__).parent / "data" / "emphasis_setting_2015-08-06.jsonl"


def _setting_articles() -> tuple[pl.DataFrame, pl.DataFrame]:
    st = pl.read_ndjson(_SETTING)
    claims = st.select("statement_id", claim_id=pl.coalesce("claim_id", "statement_id"))
    return st.drop("claim_id"), claims


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the relief centre's spokesman: the events "start under the King's directives" /
        # the centre "prepared more plans under the King's directives": the article's
        # setting (مركز الملك سلمان للإغاثة والأعمال الإنسانية، التوجيهات الكريمة), two facts
        ("2015-08-06:2627:3", "2015-08-06:2627:12"),
        # the father's hospital and the fourth case's (his brother), one template
        ("2015-08-07:1269:2", "2015-08-07:1269:7"),
    ],
)
def test_sharing_only_the_articles_setting_is_no_repetition(a: str, b: str) -> None:
    from narratives.compare.emphasis import repeat_pairs

    st, claims = _setting_articles()
    pairs = set(repeat_pairs(st, claims).select("a", "b").iter_rows())
    assert (min(a, b), max(a, b)) not in pairs
    # the rule, not another one, keeps them apart
    loose = repeat_pairs(st, claims, setting_share=1.0)
    assert (min(a, b), max(a, b)) in set(loose.select("a", "b").iter_rows())


def test_a_claim_told_again_beyond_the_setting_still_counts() -> None:
    from narratives.compare.emphasis import repeat_pairs

    st, claims = _setting_articles()
    pairs = set(repeat_pairs(st, claims).select("a", "b").iter_rows())
    # the Senate "will consider a resolution rejecting the nuclear deal", told twice
    # under its headline; car oil prices that did not fall, told by a dealer and again
    assert ("2015-08-06:3114:1", "2015-08-06:3114:2") in pairs
    assert ("2015-08-06:2598:10", "2015-08-06:2598:7") in pairs


def _words_by_strings(statements: pl.DataFrame) -> pl.DataFrame:
    """The content words of the repeated-wording test read on strings, word by word (the
    slow reference of ``emphasis._content_words``)."""
    import sys

    from narratives.compare._text import statement_tokens

    e = sys.modules["narratives.compare.emphasis"]
    heads, given = e._name_heads()
    places, countries, names = e._place_heads(), e._country_forms(), e._name_words()
    tok, prev, prev2 = pl.col("tok"), pl.col("prev"), pl.col("prev2")
    return (
        statements.select("statement_id", "article_id", tok=statement_tokens(statements))
        .with_row_index("row")
        .explode("tok")
        .with_columns(prev=tok.shift(1).over("row"), prev2=tok.shift(2).over("row"))
        .drop_nulls("tok")
        .filter(~tok.is_in(e._match_stopwords()) & (tok.str.len_chars() > 2))
        .filter(~tok.str.contains(r"^\d+$"))
        .with_columns(
            name=tok.is_in(list(names))
            | tok.is_in(list(heads | given))
            | prev.is_in(list(heads | given))
            | prev2.is_in(list(heads))
        )
        .group_by("statement_id", "article_id", "tok")
        .agg(
            other=~pl.col("name").any(),
            mark=(pl.col("name") & ~tok.is_in(list(heads))).any(),
            place=(
                (~tok.is_in(list(heads)) & (prev.is_in(list(places)) | prev2.is_in(list(places))))
                | tok.is_in(list(countries))
            ).any(),
            person=(tok.is_in(list(given)) | prev.is_in(list(given))).any(),
        )
    )


def test_content_words_as_numbers_are_the_words_read_as_strings(seeds) -> None:
    """The seeds' content words and what each is (a name, a place, a person: «عبير خليل»
    after a given name, «بحي الجزيرة» after a place's head), numbered once per word, are
    those read word by word on the strings."""
    import sys

    e = sys.modules["narratives.compare.emphasis"]
    st = seeds["statements"]
    heads, given = e._name_heads()
    words = e._content_words(
        st,
        stop=set(e._match_stopwords()),
        names=e._name_words(),
        heads=heads,
        given=given,
        places=e._place_heads(),
        countries=e._country_forms(),
    ).of()
    cols = ["statement_id", "tok", "other", "mark", "place", "person"]
    ref = _words_by_strings(st)
    assert words.height == ref.height > 1000
    assert words.select(cols).sort(cols).equals(ref.select(cols).sort(cols))
    # some of each kind, so that a flag lost to a shift would show
    assert all(words[c].sum() > 0 for c in ("mark", "place", "person"))
    assert words["other"].sum() < words.height


def _one_article(raw: str, title: str) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    articles = pl.DataFrame(
        {
            "article_id": ["a"],
            "outlet": ["aljazirah"],
            "title": [title],
            "raw_text": [title + "\n\n" + raw],
            "spans": [
                [
                    {"role": "headline", "start": 0, "end": len(title)},
                    {"role": "body", "start": len(title) + 2, "end": len(title) + 2 + len(raw)},
                ]
            ],
        },
        schema_overrides={"spans": n.schemas.ARTICLES["spans"]},
    )
    statements = n.extract_statements(articles)
    claims = statements.select(
        claim_id="solo:" + pl.col("statement_id"), statement_id="statement_id"
    )
    return articles, statements, claims


def test_a_photo_caption_opening_the_body_is_not_the_lede() -> None:
    # aljazirah 2015-08-04:396: the scraped text opens with the photo's caption, then the lede
    caption = "لاعب التعاون البرازيلي ساندرو في هجمه تعاونية"
    lede = (
        "اختتم الفريق الأول بنادي التعاون معسكره المقام في مدينة هورست الهولندية بلقاء فريق "
        "غو أهد إيغلر الهولندي وكانت النتيجة فوز التعاون بثلاثة أهداف مقابل هدف واحد."
    )
    articles, statements, claims = _one_article(
        caption + "\n" + lede, "التعاون يختتم معسكر هولندا بثلاثية في مرمى ايغلر"
    )
    em = emphasis(statements, claims, articles=articles).join(
        statements.select("statement_id", "text"), on="statement_id"
    )
    assert em.filter(pl.col("is_lede"))["text"].to_list() == [lede]
    # a body of short lines only (a poem) keeps its first line as the lede
    verses = "وتسأل عنك يا أحلى الصبايا\nخالق لك من قصر ظل الضحى يمنى طويله"
    articles, statements, claims = _one_article(verses, "قصيدة")
    em = emphasis(statements, claims, articles=articles).join(
        statements.select("statement_id", "text"), on="statement_id"
    )
    assert em.filter(pl.col("is_lede"))["text"].to_list() == ["وتسأل عنك يا أحلى الصبايا"]


_NAMES = Path(__file__).parent / "data" / "emphasis_names.jsonl"


def _names_articles() -> tuple[pl.DataFrame, pl.DataFrame]:
    # SaudiNewsNet 2015-07-27, 2015-07-31, 2015-08-04, 2015-08-06 (compare of two days each)
    st = pl.read_ndjson(_NAMES)
    claims = st.select("statement_id", claim_id=pl.coalesce("claim_id", "statement_id"))
    return st.drop("claim_id"), claims


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a hotel's charity event for «الجمعية الخيرية لعائلات التوحد بالمملكة» / the
        # children's lessons from that society: one name with a construct (لعائلات التوحد)
        ("2015-07-27:384:1", "2015-07-27:384:4"),
        # the Qur'an contest's closing ceremony, supervised by «الجمعية الخيرية لتحفيظ القرآن
        # الكريم بعنك» / the contest organised by «لجنة التنمية الاجتماعية الأهلية» and that
        # society: two institutions' names, each opened by its head
        ("2015-08-04:1117:2", "2015-08-04:1117:7"),
    ],
)
def test_sharing_an_institutions_name_is_no_repetition(a: str, b: str) -> None:
    from narratives.compare.emphasis import repeat_pairs

    st, claims = _names_articles()
    pairs = set(repeat_pairs(st, claims).select("a", "b").iter_rows())
    assert (min(a, b), max(a, b)) not in pairs


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the joint statement's first point under its crosshead and as item 1
        ("2015-07-31:1092:2", "2015-07-31:1092:20"),
        # a headline on the hospital, the medical tower and the dental centre, told again
        ("2015-07-31:927:0", "2015-07-31:927:8"),
        # «رحبت جامعة الدول العربية بالهدنة الإنسانية» / «رحبت الجامعة العربية بالهدنة»
        ("2015-07-27:1195:15", "2015-07-27:1195:3"),
        # Obama: Congress rejecting the deal means war, headline and body
        ("2015-08-06:1466:0", "2015-08-06:1466:3"),
        # the contest's closing ceremony: headline and lede
        ("2015-08-04:1117:0", "2015-08-04:1117:2"),
    ],
)
def test_a_claim_told_again_with_names_in_it_still_counts(a: str, b: str) -> None:
    from narratives.compare.emphasis import repeat_pairs

    st, claims = _names_articles()
    pairs = set(repeat_pairs(st, claims).select("a", "b").iter_rows())
    assert (min(a, b), max(a, b)) in pairs


_ITEMS = Path(__file__).parent / "data" / "emphasis_items.jsonl"


def _items_pairs(**kwargs) -> set[tuple[str, str]]:
    # SaudiNewsNet 2015-07-23 and 2015-08-10 (one compare of the two days): whole articles
    # with their claims
    from narratives.compare.emphasis import repeat_pairs

    st = pl.read_ndjson(_ITEMS)
    claims = st.select("statement_id", claim_id=pl.coalesce("claim_id", "statement_id"))
    return set(repeat_pairs(st.drop("claim_id"), claims, **kwargs).select("a", "b").iter_rows())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the cabinet's decision on Saudia's board: «أ - تجديد عضوية الآتية أسماؤهم ...» /
        # «ب - تعيين الآتية أسماؤهم أعضاء ...», two items of a lettered list
        ("2015-08-10:690:33", "2015-08-10:690:35"),
        # the Riyadh emir received the heads of the audit bureau and the courts / «كما
        # استقبل» the emirate's deputies and staff: two receptions told in one template
        ("2015-07-23:317:1", "2015-07-23:317:6"),
        # Al-Rabeeah met the OIC's secretary general / «من جهة أخرى استقبل» the Kuwaiti
        # relief committee
        ("2015-08-10:528:1", "2015-08-10:528:5"),
        # the King's cable to Sultan Qaboos / the Crown Prince's, one claim for the
        # clustering, two senders named in full
        ("2015-07-23:700:1", "2015-07-23:700:6"),
        # each template sentence of the two receptions: the visitors «سائلين الله العلي
        # القدير أن يعيده على الجميع باليمن والخير والبركات» after each
        ("2015-07-23:317:2", "2015-07-23:317:7"),
        # «وأعرب الملك المفدى ... لجلالته، ولحكومة وشعب سلطنة عُمان» after the cable to
        # Sultan Qaboos / «... لفخامته، ولحكومة وشعب جمهورية مصر العربية» after «كما بعث
        # خادم الحرمين الشريفين برقية تهنئة لفخامة الرئيس عبدالفتاح السيسي»
        ("2015-07-23:700:2", "2015-07-23:700:4"),
    ],
)
def test_two_items_of_one_template_are_no_repetition(a: str, b: str) -> None:
    assert (min(a, b), max(a, b)) not in _items_pairs()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the visitors' «سائلين الله العلي القدير أن يعيده على الجميع باليمن والخير والبركات»
        # / the emir's «داعياً الله جل جلاله أن يتقبل من الجميع صيامهم وقيامهم ...»
        ("2015-07-23:525:2", "2015-07-23:525:4"),
        # that prayer joined by the clustering to «جاء ذلك لدى استقباله أمس ...»
        ("2015-07-23:1189:3", "2015-07-23:1189:6"),
    ],
)
def test_a_prayer_is_no_repetition(a: str, b: str) -> None:
    assert (min(a, b), max(a, b)) not in _items_pairs()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the emir "approves the development of the Okaz tent project" / "follows the
        # details of carrying out «مشروع تطوير خيمة سوق عكاظ»": the project's name only
        ("2015-08-10:1192:0", "2015-08-10:1192:4"),
        # Aramco launched its carbon capture and enhanced recovery projects / «مشروع
        # الاستخلاص المحسَّن للنفط باستخدام ثاني أكسيد الكربون» is the largest in the region
        ("2015-08-03:567:1", "2015-08-03:567:2"),
    ],
)
def test_sharing_a_projects_name_is_no_repetition(a: str, b: str) -> None:
    assert (min(a, b), max(a, b)) not in _items_pairs()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # alweeam's link to the page, cut after «بالصور..»: «كاميرا طائرة تكتشف مشهداً ...»
        ("2015-07-23:972:0", "2015-07-23:972:7"),
        # the link glued to the last sentence: «... www.uj.edu.sa رابط الخبر بصحيفة الوئام:
        # جامعة جده تعلن عن وظائف محاضر ...»
        ("2015-07-23:968:0", "2015-07-23:968:7"),
    ],
)
def test_the_pages_link_line_is_no_repetition_of_its_headline(a: str, b: str) -> None:
    assert (min(a, b), max(a, b)) not in _items_pairs()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # «كانت قوات الأمن المصرية قد تمكنت من تفجير 7 عبوات ناسفة ...» / «كما تمكنت قوات
        # الأمن المصرية من تفجير 7 عبوات ناسفة ...»: «كما» and the same act again
        ("2015-08-10:380:4", "2015-08-10:380:7"),
        # the Deputy Crown Prince's meeting with the US defence secretary, both opened on
        # «كما عقد»
        ("2015-07-23:820:12", "2015-07-23:820:4"),
        # the police officers killed in Sanliurfa: in the lede, and «من جهة ثانية» again
        ("2015-07-23:1023:1", "2015-07-23:1023:7"),
        # the headline and lede of the pages above still count
        ("2015-07-23:972:0", "2015-07-23:972:1"),
        ("2015-07-23:317:0", "2015-07-23:317:10"),
    ],
)
def test_a_claim_told_again_after_kama_still_counts(a: str, b: str) -> None:
    assert (min(a, b), max(a, b)) in _items_pairs()
