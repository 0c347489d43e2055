"""State institutions named without their country («وزارة الداخلية») are qualified by the
country the text names, or kept to their article: real SaudiNewsNet excerpts (2015-07-23,
2015-08-09)."""

from __future__ import annotations

import polars as pl
import pytest

import narratives
from narratives.compare import voices
from narratives.statements import extract_statements
from narratives.statements._institutions import countries_in, qualified, state_institution


def _articles(*items: tuple[str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(items))],
            "outlet": [outlet for outlet, _ in items],
            "raw_text": [text for _, text in items],
            "spans": [[{"role": "body", "start": 0, "end": len(t)}] for _, t in items],
        },
        schema_overrides={"spans": narratives.schemas.ARTICLES["spans"]},
    )


# aleqtisadiya 2015-08-09:320: the Russian emergencies ministry, Moscow named just before
RUSSIA = (
    'وقال نائب محافظ منطقة موسكو لوكالة انترفاكس الروسية "نؤكد انه تم العثور حتى الآن على '
    'جثث ثمانية قتلى". واشارت وزارة الطوارىء الى وجود طفلين بين الضحايا. وقالت الوزارة ان '
    "طائرة مائية خاصة من طراز سيسنا ومروحية من نوع روبنسون آر44 اصطدمتا فوق موقع استرينسكوسس."
)
# alriyadh 2015-08-09:628: the Hajj ministry, no country named in the article
HAJJ = (
    "وأكدت وزارة الحج اهتمامها بتطوير الخدمة المقدمة لحجاج الداخل، بما في ذلك طريقة تقديم "
    "الخدمة ودورها في الإشراف على أداء المرخص لهم بالخدمة."
)
# alriyadh 2015-08-09 (Kunduz), with the ministry left bare
AFGHAN = (
    "قتل 21 شخصا على الأقل في هجوم تبنته حركة طالبان في مقاطعة ولاية قندوز المضطربة شمال "
    "أفغانستان. وقالت وزارة الداخلية إن جميع الأشخاص الذين قتلوا في الهجوم هم مدنيون."
)
# aleqtisadiya 2015-08-09:219 (Abha), the Saudi ministry in an article naming Yemen
SAUDI_WITH_YEMEN = (
    "أعلنت وزارة الداخلية عن هوية منفذ التفجير الغادر، الذي أدى إلى استشهاد 15 وإصابة 33. "
    "وكان المنفذ قد تدرب في اليمن."
)


def test_a_bare_ministry_takes_the_country_named_just_before() -> None:
    rows = extract_statements(_articles(("aleqtisadiya", RUSSIA)))
    said = rows.filter(pl.col("speaker").str.starts_with("وزاره"))["speaker"].to_list()
    # before: «وزاره الطواريء», one voice with every emergencies ministry of the corpus
    assert said == ["وزاره الطواريء الروسيه", "وزاره الطواريء الروسيه"]


def test_the_outlets_country_only_when_the_article_names_none() -> None:
    saudi = extract_statements(_articles(("alriyadh", HAJJ)))
    assert saudi["speaker"].to_list()[0] == "وزاره الحج السعوديه"
    unknown = extract_statements(_articles(("x", HAJJ)))
    assert unknown["speaker"].to_list()[0] == "وزاره الحج (a0)"
    # another country named elsewhere in the article, none near the ministry: not guessed
    other = extract_statements(_articles(("aleqtisadiya", SAUDI_WITH_YEMEN)))
    assert other["speaker"].to_list()[0] == "وزاره الداخليه (a0)"


def test_two_countries_ministries_are_two_voices() -> None:
    st = extract_statements(_articles(("alriyadh", AFGHAN), ("aleqtisadiya", SAUDI_WITH_YEMEN)))
    ids = set(st["speaker"].drop_nulls().to_list())
    assert "وزاره الداخليه الافغانيه" in ids
    assert "وزاره الداخليه" not in ids  # before: one id for both ministries
    rows = voices(st)
    assert rows.filter(pl.col("speaker").str.starts_with("وزاره الداخليه")).height == 2


@pytest.mark.parametrize(
    ("sid", "country", "out"),
    [
        ("وزاره الخارجيه الاميركيه", "usa", "وزاره الخارجيه الامريكيه"),
        ("وزاره الخارجيه الامريكيه", "usa", "وزاره الخارجيه الامريكيه"),
        ("القوات المسلحه الاماراتيه", "uae", "القوات المسلحه الاماراتيه"),
        ("الجيش", "israel", "الجيش الاسرائيلي"),
        ("شرطه جده", "saudi_arabia", "شرطه جده"),
        # 2015-08-10 (blind sample, seed 8805): was «الجيش الجنوبي الكوري»
        ("الجيش الكوري الجنوبي", "korea", "الجيش الكوري الجنوبي"),
    ],
)
def test_one_spelling_per_countrys_institution(sid: str, country: str, out: str) -> None:
    assert qualified(sid, country) == out


def test_only_generic_state_bodies_are_qualified() -> None:
    assert state_institution("وزاره الداخليه") == (True, None)
    assert state_institution("الداخليه الكويتيه") == (True, "kuwait")
    assert not state_institution("هيئه الهلال الاحمر")[0]
    assert not state_institution("جوش ارنست")[0]
    # a person's nationality is no country of the state body
    assert countries_in("وزارة الداخلية تقبض على مقيم من الجنسية اليمنية") == set()


def test_the_official_news_agency_is_its_countrys() -> None:
    # aawsat 2015-08-02 (blind sample, seed 8804): Sudan's SUNA, not every state's agency
    text = (
        "غادر الرئيس السوداني عمر البشير الخرطوم إلى العاصمة الموريتانية نواكشوط. وذكرت وكالة "
        "الأنباء الرسمية سونا أن البشير غادر الخرطوم إلى نواكشوط."
    )
    said = extract_statements(_articles(("aawsat", text)))["speaker"].to_list()
    assert said[-1] == "وكاله الانباء الرسميه السودانيه"


def test_the_outlets_country_when_the_article_names_only_its_places() -> None:
    # okaz 2015-08-09:1121 (voice3's reading): the Hajj ministry was kept to its article
    # (`وزاره الحج (2015-08-09:1121)`) because the article names Makkah, a Saudi place
    text = (
        "كشفت وزارة الحج عن فتح بوابة المسار الإلكتروني لحجاج الداخل لعموم المواطنين "
        "والمقيمين الراغبين في أداء الفريضة هذا العام.\n"
        "وأكدت الوزارة أنه باعتمادها لصيغة التعاقد الإلكتروني أصبح العقد نافذا بين طرفيه.\n"
        "وستتدرج الأسعار وفقا لفئة المخيم ووسيلة النقل وخدمة السكن في مكة المكرمة."
    )
    said = extract_statements(_articles(("okaz", text)))["speaker"].drop_nulls().to_list()
    assert said[:2] == ["وزاره الحج السعوديه", "وزاره الحج السعوديه"]


@pytest.mark.parametrize(
    ("outlet", "text", "said"),
    [
        # alyaum 2015-07-31:1762 and alriyadh 2015-07-31:1043 (voice3's reading of
        # 2015-07-31/08-01): «التركي» was no nationality (countries.tsv leaves out تركي, the
        # given name), so the Turkish army was kept to its article or qualified again as
        # `الجيش التركي السعودي` / `الجيش التركي التركي`
        (
            "alyaum",
            "أعلن الجيش التركي مقتل ثلاثة جنود أتراك الخميس حين فتح عناصر من حزب العمال "
            "الكردستاني النار على قافلة عسكرية في محافظة شرناق.\nوأشار الجيش الى ان عناصر "
            "من حزب العمال الكردستاني نصبوا كمينًا للقافلة العسكرية.",
            ["الجيش التركي", "الجيش التركي"],
        ),
        (
            "alriyadh",
            "قال الجيش التركي في بيان إن حزب العمال الكردستاني قتل ثلاثة جنود أتراك.\nوأضاف "
            "أن طائرات هليكوبتر وفرقة كوماندوس أرسلت إلى المنطقة.",
            ["الجيش التركي", "الجيش التركي"],
        ),
    ],
)
def test_a_masculine_nationality_with_the_article_names_the_state(
    outlet: str, text: str, said: list[str]
) -> None:
    assert extract_statements(_articles((outlet, text)))["speaker"].drop_nulls().to_list() == said


def test_a_family_name_like_a_nationality_names_no_country() -> None:
    # alwatan 2015-08-09:764: «اللواء منصور التركي» (the Saudi security spokesman) names
    # no Turkey, so the bare ministry after «وزارة الداخلية السعودية» stays Saudi
    text = (
        "ولم يتطرق بيان وزارة الداخلية السعودية إلى الطريقة التي اتبعها الإرهابي في دخول "
        "المسجد.\nواكتفى البيان بتحديد هوية الانتحاري.\nوفيما كشفت وزارة الداخلية بأن ستة "
        "من الشهداء هم من المتدربين، أكدت بأن الحادثة لا تزال محل متابعة.\nوأشار المتحدث "
        "الأمني بوزارة الداخلية اللواء منصور التركي إلى أن مثل تلك الأعمال الدنيئة لن تثني "
        "رجال الأمن."
    )
    said = extract_statements(_articles(("alwatan", text)))["speaker"].drop_nulls().to_list()
    assert said[0] == "وزاره الداخليه السعوديه"
