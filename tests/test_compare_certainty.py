"""How sure an omission row is (narratives.compare._certainty), on real SaudiNewsNet excerpts."""

from __future__ import annotations

import json
import re

import polars as pl
import pytest

from narratives import schemas
from narratives.compare import omission_rates, omissions
from narratives.compare._certainty import NOT_SURE, SURE, _fragment, certainty
from narratives.compare._closest import _figures, figures_agree
from narratives.evaluate.same_event import SAME_EVENT_ARTICLES
from narratives.stories import reliability_notes

# SaudiNewsNet 2015-07-21: alyaum's headline, and alwatan's article on the same news,
# which carries it in other words (scored 24 against it, below the carried score 35)
HAJAR_CLAIM = "هجر يغادر  الخميس إلى تركيا"
HAJAR_ALWATAN = [
    "هجر يعود للتدريبات ويطير  إلى معسكره الخارجي الخميس",
    "بحضور ومتابعة رئيس نادي هجر سامي الملحم عاود لاعبو الفريق الأول لكرة القدم بالنادي "
    "تدريباتهم اليومية على ملعبه الرئيس بالنادي وذلك بعد إجازة عيد الفطر المبارك التي "
    "منحهم إياه الجهاز الفني بقيادة المونتنيجري نيبوشا، وسيستكمل هجر المرحلة الأولى من "
    "برنامجه الإعدادي للموسم المقبل.",
    "من جهة أخرى، تقرر أن تغادر بعثة الفريق صباح بعد غد إلى تركيا وذلك لانطلاق المرحلة "
    "الثانية من البرنامج الإعدادي للفريق، وذلك عبر معسكر تدريبي يستمر لمدة 16 يوما، يشتمل "
    "على تدريبات صباحية ومسائية وعدد من المباريات الودية.",
]
# SaudiNewsNet 2015-07-23: alweeam and alyaum give the number of banks in the payment
# system; aljazirah's report on the same SAMA figures does not (a true omission)
BANKS_CLAIM = (
    "ويشكل النظام البنية الأساسية التي يعتمد عليها عدداً من أنظمة المدفوعات والتسويات "
    "المالية المتقدمة ,ويشارك حالياً 22 مصرفاً في النظام."
)
BANKS_ALJAZIRAH = [
    "نمو الشبكة السعودية للمدفوعات بـ(11.8) في المائة في جميع عملياتها",
    "حققت الشبكة السعودية للمدفوعات (SPAN) نموًا إيجابيًا في جميع عملياتها، وارتفع عدد "
    "أجهزة الصرف الآلي العامة في المملكة بنسبة 11.8 في المائة في العام الماضي 2014م لتبلغ "
    "15516 جهازًا مقارنة بزيادة بنسبة 9.8 في المائة في العام 2013م.",
    "وأبرز تقرير «ساما» جهود المؤسسة الرامية لتطوير الشبكة السعودية للمدفوعات ومن بينها "
    "مشروع ترقية أنظمة الشبكة لضمان استمرارية النظام دون انقطاع بوجود نظام مساند حال حدوث "
    "أي خلل فني للنظام الرئيس.",
]


# SaudiNewsNet 2015-08-02 (data/gold/same_event_dev2.yaml): aawsat's headline on the
# Yemenis, and aleqtisadiya's article, which gives the same figure rounded and exact
YEMENIS_CLAIM = "«الجوازات» السعودية: أكثر من 400000 يمني صححت أوضاع إقاماتهم بالمملكة"
YEMENIS_ALEQTISADIYA = [
    "تصحيح أوضاع أكثر من 400 ألف يمني في المملكة",
    "أعلنت المديرية العامة للجوازات أنه بلغ عدد الأخوة الأشقاء من أبناء الجمهورية اليمنية "
    "المصححين لأوضاع إقامتهم في المملكة (407516 ) حتى الساعة الواحدة ظهراً من هذا اليوم "
    "الأحد 17/10/1436هـ.",
]
# the same day: 3alyoum's wire on the Russian helicopter, whose lead sentence restates its
# headline; alriyadh's Reuters copy gives the crash in other words (score 24)
HELI_HEADLINE = "مصرع طيار روسي وإصابة آخر في استعراض جوي عسكري في روسيا"
HELI_CLAIM = (
    "ونقلت تقارير محلية عن متحدث باسم وزارة الدفاع الروسية قوله اليوم إن تحطم الطائرة "
    "المروحية حدث خلال استعراض جوي عسكري في روسيا."
)
HELI_ALRIYADH = [
    "مقتل طيار وإصابة آخر إثر تحطم هيلكوبتر بعرض جوي روسي",
    "قتل طيار وأصيب آخر عندما تحطمت طائرة هليكوبتر خلال عرض جوي في إقليم ريازان الروسي "
    "اليوم الأحد.",
    "ونسبت وكالة الإعلام الروسية الى الكولونيل جنرال فيكتور بونداريف قائد القوات الجوية "
    'الروسية قوله "القائد توفي. الطيار الثاني حي. قال الطيار الثاني إن عطلا في الأجهزة '
    'سبب الحادث."',
]


def _case(
    claim: str,
    carrier: str,
    other: list[str],
    other_outlet: str,
    score: float,
    *,
    headline: str | None = None,
):
    """Statements, stories and the omission row of ``other_outlet`` leaving ``claim`` out.

    The first statement of ``other`` is a headline; ``headline`` is the claim
    article's own (the claim itself is a headline when it is ``claim``).
    """
    rows = [("c:0", "c", carrier, claim, claim == headline)]
    if headline is not None and headline != claim:
        rows.append(("c:1", "c", carrier, headline, True))
    rows += [(f"o:{i}", "o", other_outlet, text, i == 0) for i, text in enumerate(other)]
    statements = pl.DataFrame(
        rows,
        schema=["statement_id", "article_id", "outlet", "text", "is_headline"],
        orient="row",
    )
    stories = pl.DataFrame(
        {"article_id": ["c", "o"], "outlet": [carrier, other_outlet], "story_id": ["s1", "s1"]}
    )
    row = pl.DataFrame(
        {
            "outlet": [other_outlet],
            "claim_id": ["c1"],
            "story_id": ["s1"],
            "statement_ids": [["c:0"]],
            "closest_score": [score],
            "containment": [0.2],
        }
    )
    return statements, stories, row


def test_a_claim_carried_in_other_words_is_not_a_sure_omission() -> None:
    statements, stories, row = _case(HAJAR_CLAIM, "alyaum", HAJAR_ALWATAN, "alwatan", 24.0)
    out = certainty(row, statements, stories, carried_score=35, carried_containment=0.5)
    assert out["certainty"].to_list() == [NOT_SURE]
    assert "words" in out["why"][0]  # Hajar, leave, Thursday, Turkey: all in alwatan's text


def test_a_missing_figure_keeps_an_omission_sure() -> None:
    statements, stories, row = _case(BANKS_CLAIM, "alweeam", BANKS_ALJAZIRAH, "aljazirah", 22.35)
    out = certainty(row, statements, stories, carried_score=35, carried_containment=0.5)
    assert out["certainty"].to_list() == [SURE]
    assert out["why"].to_list() == [None]


@pytest.mark.parametrize(
    ("claim", "why"),
    [
        ("«إنا لله وإنا إليه راجعون».", "short claim"),  # a formula, no claim
        (BANKS_CLAIM, "near miss"),  # scored just under the carried score
    ],
)
def test_near_misses_and_formulas_are_not_sure(claim: str, why: str) -> None:
    score = 33.0 if why == "near miss" else 3.0
    statements, stories, row = _case(claim, "alweeam", BANKS_ALJAZIRAH[1:], "aljazirah", score)
    # the figure 22 is absent from aljazirah's text: only a near miss without a missing
    # figure is unsure, so drop the figure for the near-miss case
    if why == "near miss":
        statements = statements.with_columns(pl.col("text").str.replace("22 ", ""))
    out = certainty(row, statements, stories, carried_score=35, carried_containment=0.5)
    assert out["certainty"].to_list() == [NOT_SURE]
    assert out["why"][0].startswith(why)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("أكثر من 400000 يمني", "بلغ (407516 )", True),  # "more than" rounds down
        ("تصحيح أوضاع 407 آلاف يمني", "(407516)", True),
        ("أكثر من ٤٠٠ ألف يمني", "أكثر من 400000 يمني", True),
        ("بتداولات قاربت خمسة مليارات ريال", "نحو 4.9 مليار ريال", True),  # a number word
        ("منخفضاً 71.08 نقطة", "تراجع 71 نقطة", True),
        ("تعيين 100 قاض", "ترقية 125 قاضيا", False),  # small round figures are exact
        ("الأحد 17/10/1436هـ", "الأحد 17 أغسطس", False),  # a date with slashes is no figure
        ("407 آلاف", "470 ألفا", False),
        ("بتكلفة مليوني ريال", "بتكلفة 2 مليون ريال", True),  # a dual
        ("مليوني ريال", "ملياري ريال", False),
        # an ordinal and a model name are no quantities of the claim
        ("الجامبوري الكشفي العالمي الـ23", "الجامبوري الكشفي العالمي الـ23", False),
        ("مروحية من طراز مي-28", "المروحية طراز مي-28", False),
        ("ارتفع بـ13.41 نقطة", "ارتفاع 13.41 نقطة", True),  # بـ is a preposition
    ],
)
def test_figures_agree_when_one_rounds_the_other(a: str, b: str, agree: bool) -> None:
    assert figures_agree(_figures(a), _figures(b)) is agree
    assert figures_agree(_figures(b), _figures(a)) is agree  # symmetric


def _gold_article(doc: str) -> list[str]:
    """Headline and sentences of a same-event dev gold article (SaudiNewsNet)."""
    for line in SAME_EVENT_ARTICLES.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] == doc:
            return [rec["title"], *[t for t in re.split(r"(?<=\.)\s+", rec["text"]) if t.strip()]]
    raise LookupError(doc)


def test_a_headline_given_in_the_body_is_carried() -> None:
    # aawsat's headline on the 2015-07-26 close; alyaum's own report (the next day) gives
    # the fall of 71 points, 0.76 %, in its own sentences, none of them close to it
    claim = "الأسهم السعودية تغلق على انخفاض بنسبة 0.76%"
    alyaum = _gold_article("snn-2015-07-27-1178")
    statements, stories, row = _case(claim, "aawsat", alyaum, "alyaum", 28.98, headline=claim)
    out = certainty(row, statements, stories, carried_score=35, carried_containment=0.5)
    assert out["carried"].to_list() == [True]  # the omission rule drops the row
    assert out["why"][0].startswith("headline carried")
    # the same words in a body sentence are not enough to drop the row
    statements = statements.with_columns(is_headline=pl.col("statement_id") == "o:0")
    out = certainty(row, statements, stories, carried_score=35, carried_containment=0.5)
    assert out["carried"].to_list() == [False]


def test_a_claim_restating_its_headline_is_not_sure() -> None:
    statements, stories, row = _case(
        HELI_CLAIM, "3alyoum", HELI_ALRIYADH, "alriyadh", 23.67, headline=HELI_HEADLINE
    )
    out = certainty(row, statements, stories, carried_score=35, carried_containment=0.5)
    assert out["certainty"].to_list() == [NOT_SURE]
    assert "restates its article's headline" in out["why"][0]
    # without its headline the same row is sure (nothing else says it is carried)
    plain = statements.filter(pl.col("statement_id") != "c:1")
    out = certainty(row, plain, stories, carried_score=35, carried_containment=0.5)
    assert out["certainty"].to_list() == [SURE]


def test_rates_set_not_sure_rows_aside_and_the_note_counts_them() -> None:
    claims = pl.DataFrame(
        {
            "claim_id": ["c1", "c2"],
            "statement_id": ["a:1", "a:2"],
            "article_id": ["a", "a"],
            "outlet": ["alyaum", "alyaum"],
        }
    )
    stories = pl.DataFrame(
        {"article_id": ["a", "b"], "outlet": ["alyaum", "alwatan"], "story_id": ["s1", "s1"]}
    )
    om = schemas.conform(
        pl.DataFrame(
            {
                "outlet": ["alwatan", "alwatan"],
                "claim_id": ["c1", "c2"],
                "story_id": ["s1", "s1"],
                "certainty": [SURE, NOT_SURE],
            }
        ),
        schemas.OMISSIONS,
    )
    rates = omission_rates(om, claims, stories, n_boot=50, min_stories=1)
    row = rates.filter(pl.col("outlet") == "alwatan").row(0, named=True)
    assert (row["n_claims"], row["n_omitted"], row["n_not_sure"]) == (1, 1, 1)
    every = omission_rates(om, claims, stories, n_boot=50, min_stories=1, sure_only=False)
    assert every.filter(pl.col("outlet") == "alwatan")["n_omitted"].to_list() == [2]
    notes = reliability_notes({"omissions": om, "omission_rates": rates})
    note = notes.filter(pl.col("level") == "omission")["note"][0]
    assert "1 of 2 omission rows are 'not sure'" in note


def test_a_figure_only_another_wording_gives_does_not_make_a_near_miss_sure() -> None:
    # SaudiNewsNet 2015-08-03: Prince Bandar's speech at the World Scout Jamboree, as
    # okaz gives it and as aljazirah gives it (adding the 32,000 scouts); alriyadh gives
    # the speech without the count (closest score 30)
    okaz = (
        "وأعرب سموه في كلمة ألقاها أمس الأول أثناء حضوره فعاليات الجامبوري الكشفي "
        "العالمي الـ23 المقام في اليابان،"
    )
    aljazirah = (
        "جاء ذلك في الكلمة التي ألقاها سموه أمس أثناء حضوره فعاليات الجامبوري الكشفي "
        "العالمي الثالث والعشرون المقام في اليابان الذي يضم أكثر من 32 ألف كشاف."
    )
    alriyadh = [
        "بندر بن عبدالله: نسعى عبر «رسل السلام» لتقديم الخدمات الإنسانية والخيرية",
        "ألقى صاحب السمو الملكي الأمير بندر بن عبدالله بن عبدالعزيز آل سعود عضو مجلس "
        "الأمناء في مؤسسة الملك عبدالله بن عبدالعزيز العالمية للأعمال الإنسانية، كلمة "
        '"المؤسسة" بعد تلقيه دعوة زيارة للجامبوري العالمي في اليابان.',
    ]
    statements, stories, row = _case(okaz, "okaz", alriyadh, "alriyadh", 30.22)
    statements = pl.concat(
        [
            statements,
            pl.DataFrame(
                {
                    "statement_id": ["j:0"],
                    "article_id": ["c"],
                    "outlet": ["aljazirah"],
                    "text": [aljazirah],
                    "is_headline": [False],
                }
            ),
        ]
    )
    row = row.with_columns(statement_ids=pl.lit(["c:0", "j:0"]))
    out = certainty(row, statements, stories, carried_score=35, carried_containment=0.5)
    assert out["certainty"].to_list() == [NOT_SURE]
    assert out["why"][0].startswith("near miss")


# the same day: the Reuters copy (aawsat, aleqtisadiya, alriyadh) quotes the air-force
# commander, and the sentence splitter cuts the quote at its full stops
HELI_QUOTE = [
    "ونسبت وكالة الإعلام الروسية الى الكولونيل جنرال فيكتور بونداريف قائد القوات الجوية "
    'الروسية قوله "القائد توفي.',
    "الطيار الثاني حي.",
    'قال الطيار الثاني إن عطلا في الأجهزة سبب الحادث."',
]
HELI_3ALYOUM = [
    HELI_HEADLINE,
    "لقي طيار روسي مصرعه وأصيب آخر في تحطم مروحية عسكرية خلال استعراض جوي عسكري في روسيا.",
    HELI_CLAIM,
    "وكانت المروحية طراز “مي28-” تقوم باستعراض جوي جنوب شرق موسكو عندما بدأت تقوم بهبوط "
    "لولبي، واشتعلت النيران في الطائرة بعد أن تحطمت لدى اصطدامها بالأرض.",
]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (HELI_QUOTE[0], True),  # ends in a quote cut after two words
        (HELI_QUOTE[2], False),  # the straight quote closes the quote opened before
        ("وقال سموه إن «المملكة ماضية في حربها على الإرهاب»", False),
        # a quote spanning several sentences: the first one holds a statement
        (
            'وقال في تصريحات إلى "الوطن" "وقعت خلال الأيام الماضية خلافات كبيرة بين أعضاء بارزين',
            False,
        ),
        ("سابك 95.50 1.25% 3,200,000", True),  # a line of a table
        ("ارتفع المؤشر 71.08 نقطة إلى 9,120 نقطة", False),
    ],
)
def test_fragments_and_table_rows_are_no_statements(text: str, fragment: bool) -> None:
    assert (_fragment(text) is not None) is fragment


def test_a_cut_quote_is_never_a_sure_omission() -> None:
    statements, stories, row = _case(HELI_QUOTE[0], "alriyadh", HELI_3ALYOUM, "3alyoum", 16.3)
    out = certainty(row, statements, stories, carried_score=35, carried_containment=0.5)
    assert out["certainty"].to_list() == [NOT_SURE]
    assert out["why"][0].startswith("not a statement")


def test_a_piece_of_a_cut_quote_is_nobodys_omission() -> None:
    # "the second pilot is alive" (three content words), a sentence of the commander's quote
    # carried by the three Reuters copies: 3alyoum's "one pilot killed, another hurt" says
    # it in other words; the row used to be listed (not sure), now it is not listed at all
    rows = [
        (f"r{o}:{i}", f"r{o}", outlet, text)
        for o, outlet in enumerate(["aawsat", "alriyadh"])
        for i, text in enumerate(["مقتل طيار وإصابة آخر بتحطم طائرة روسية", *HELI_QUOTE])
    ]
    rows += [(f"t:{i}", "t", "3alyoum", text) for i, text in enumerate(HELI_3ALYOUM)]
    statements = pl.DataFrame(
        rows, schema=["statement_id", "article_id", "outlet", "text"], orient="row"
    )
    claims = pl.DataFrame(
        {
            "claim_id": ["alive", "alive", "cause", "cause"],
            "statement_id": ["r0:2", "r1:2", "r0:3", "r1:3"],
            "article_id": ["r0", "r1", "r0", "r1"],
            "outlet": ["aawsat", "alriyadh", "aawsat", "alriyadh"],
        }
    )
    stories = pl.DataFrame(
        {
            "article_id": ["r0", "r1", "t"],
            "outlet": ["aawsat", "alriyadh", "3alyoum"],
            "story_id": ["s1"] * 3,
        }
    )
    om = omissions(statements, claims, stories)
    # the instrument failure (a statement) is 3alyoum's omission; the piece is nobody's
    assert om.select("outlet", "claim_id").rows() == [("3alyoum", "cause")]


# SaudiNewsNet 2015-07-23/24: alyaum's round-up on Egypt and Iran ends with the Morsi trial;
# 3alyoum's article in the story gives Egypt's answer to Khamenei only (the whole corpus
# run of session 21 listed it as 3alyoum's sure omission of the trial)
MORSI_CLAIM = (
    "قضائياً، أجلت محكمة جنايات القاهرة، الأربعاء، محاكمة الرئيس الأسبق، محمد مرسي و10 آخرين "
    'في القضية المعروفة إعلاميا بـ"التخابر مع قطر"، لجلسة 2 أغسطس المقبل، بعد تغيب الرئيس '
    "المعزول وتعذر حضوره عن الجلسه لأسباب صحية."
)
IRAN_3ALYOUM = [
    "مصر تؤكد رفضها تدخل إيران في الشؤون الداخلية للدول العربية",
    "أكدت الخارجية المصرية مجددًا رفض مصر الكامل للتدخل الإيراني في الشؤون الداخلية للدول "
    "العربية، مطالبة بضرورة الالتزام بسياسة حسن الجوار.",
    "وجاءت تصريحات المتحدث الرسمي المصري تعقيبًا على التصريحات الأخيرة لمرشد الجمهورية "
    "الإسلامية الإيرانية علي خامنئي التي تناول فيها الشأن الداخلي لعدد من الدول العربية.",
]
# 2015-07-31: aawsat's F-16 article goes on «على صعيد آخر» to the Al Jazeera trial
JAZEERA_CLAIM = (
    "على صعيد آخر، أرجأت محكمة مصرية أمس صدور الحكم في المحاكمة الجديدة لصحافيي قناة "
    "«الجزيرة» الثلاثة، الذين سبق أن صدرت بحقهم أحكام تصل إلى السجن عشرة أعوام."
)
F16_OKAZ = [
    "طائرات إف 16 جديدة لمصر",
    "أعلنت السفارة الأمريكية بالقاهرة أمس في بيان لها أن الولايات المتحدة ستسلم مصر ثماني "
    "طائرات (F-16) إلى القاعدة الجوية غرب القاهرة أمس واليوم «30 و31 يوليو الجاري» وذلك في "
    "إطار الدعم الأمريكي المستمر لمصر وللمنطقة بأكملها.",
]


@pytest.mark.parametrize(
    ("claim", "carrier", "other", "outlet", "marker"),
    [
        (MORSI_CLAIM, "alyaum", IRAN_3ALYOUM, "3alyoum", "قضائياً"),
        (JAZEERA_CLAIM, "aawsat", F16_OKAZ, "okaz", "على صعيد آخر"),
    ],
    ids=["morsi-trial", "al-jazeera-trial"],
)
def test_a_round_ups_other_matter_is_not_a_sure_omission(
    claim: str, carrier: str, other: list[str], outlet: str, marker: str
) -> None:
    statements, stories, row = _case(claim, carrier, other, outlet, 8.0)
    out = certainty(row, statements, stories, carried_score=35, carried_containment=0.5)
    assert out["certainty"].to_list() == [NOT_SURE]
    assert out["why"][0].startswith(f"another matter: the claim opens with «{marker}»")
    # the same sentence without its marker is the outlet's omission of a fact of the story
    plain = statements.with_columns(pl.col("text").str.replace(r"^(?:قضائياً|على صعيد آخر)، ", ""))
    again = certainty(row, plain, stories, carried_score=35, carried_containment=0.5)
    assert again["certainty"].to_list() == [SURE]


# all of SaudiNewsNet: almadina "left out" Van Gaal's spending from a story of the
# signing, which its 2015-08-08:596 gives in another story
_VAN_GAAL = (
    "وأنفق المدرب الهولندي لويس فان غال ما يقارب 77 مليون جنيه إسترليني بهدف تعزيز صفوف"
    " الفريق للموسم المقبل"
)
_VAN_GAAL_ALMADINA = "وأنفق فريق فان غال ما يقارب 77 مليون جنيه إسترليني بهدف تعزيز صفوفه"
_SIGNING = (
    "أعلن نادي مانشستر يونايتد الإنجليزي تعاقده مع لاعب الوسط الألماني باستيان شفاينشتايغر"
    " قادما من بايرن ميونيخ"
)
_OTHER = (
    "وقال المدرب إن الفريق يستعد للمباراة الافتتاحية في الدوري الإنجليزي الممتاز أمام توتنهام"
    " يوم السبت المقبل"
)


def _van_gaal_frames(elsewhere: bool) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    rows = [
        ("a:1", "a", "aljazirah", _SIGNING),
        ("a:2", "a", "aljazirah", _VAN_GAAL),
        ("b:1", "b", "okaz", _SIGNING),
        ("b:2", "b", "okaz", _VAN_GAAL),
        ("c:1", "c", "almadina", _SIGNING),
        ("c:2", "c", "almadina", _OTHER),
        ("d:1", "d", "almadina", _VAN_GAAL_ALMADINA if elsewhere else _OTHER),
    ]
    st = pl.DataFrame(rows, schema=["statement_id", "article_id", "outlet", "text"], orient="row")
    claim_rows = [("c1", "a:1"), ("c1", "b:1"), ("c1", "c:1"), ("c2", "a:2"), ("c2", "b:2")]
    if elsewhere:
        claim_rows.append(("c2", "d:1"))
    claims = pl.DataFrame(claim_rows, schema=["claim_id", "statement_id"], orient="row").join(
        st.select("statement_id", "article_id", "outlet"), on="statement_id"
    )
    stories = pl.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "story_id": ["s1", "s1", "s1", "s2"],
            "outlet": ["aljazirah", "okaz", "almadina", "almadina"],
        }
    )
    return st, claims, stories


def test_a_claim_the_outlet_gives_in_another_story_is_not_a_sure_omission():
    told = omissions(*_van_gaal_frames(elsewhere=True))
    assert told.select("outlet", "claim_id", "story_id").rows() == [("almadina", "c2", "s1")]
    row = told.row(0, named=True)
    assert row["certainty"] == NOT_SURE
    assert row["why"].startswith("told elsewhere") and "(d)" in row["why"]
    # the same row without almadina's other article stays sure
    alone = omissions(*_van_gaal_frames(elsewhere=False)).row(0, named=True)
    assert (alone["outlet"], alone["certainty"], alone["why"]) == ("almadina", SURE, None)
