"""Statement boundaries: whole claims, on excerpts of SaudiNewsNet copy (July 2015).

Each case is a real sentence (shortened where marked) on which the segmenter
used to cut a claim into fragments, or to leave two claims together.
"""

from __future__ import annotations

import polars as pl
import pytest

import narratives
from narratives.statements import extract_statements
from narratives.statements._predicates import load_predicates, verbish
from narratives.statements.segment import HARD_LIMIT


def _statements(text: str, role: str = "body") -> list[str]:
    frame = pl.DataFrame(
        {
            "article_id": ["a"],
            "raw_text": [text],
            "spans": [[{"role": role, "start": 0, "end": len(text)}]],
        },
        schema_overrides={"spans": narratives.schemas.ARTICLES["spans"]},
    )
    rows = extract_statements(frame)
    for row in rows.iter_rows(named=True):
        assert text[row["start"] : row["end"]] == row["text"]
    return rows["text"].to_list()


# (kind, text, a stretch that must stay inside one statement)
WHOLE = [
    (
        "coordinated noun phrase (Bahrain statement, 2015-07-25)",
        "وأدانت المنامة بشدة في نبأ أوردته وكالة أنباء البحرين اليوم استمرار التصريحات "
        "العدائية من قبل المسؤولين الإيرانيين تجاه مملكة البحرين دون أدنى مراعاة لمبادئ "
        "حسن الجوار أو التزام بالقوانين والأعراف الدولية وميثاق الأمم المتحدة ومنظمة "
        "التعاون الإسلامي التي تمنع وترفض كل صور التدخل في الشؤون الداخلية للدول.",
        "بالقوانين والأعراف الدولية",
    ),
    (
        "verbs sharing a subject",
        "وأدانت المنامة بشدة في نبأ أوردته وكالة أنباء البحرين اليوم استمرار التصريحات "
        "العدائية من قبل المسؤولين الإيرانيين تجاه مملكة البحرين دون أدنى مراعاة لمبادئ "
        "حسن الجوار أو التزام بالقوانين والأعراف الدولية وميثاق الأمم المتحدة ومنظمة "
        "التعاون الإسلامي التي تمنع وترفض كل صور التدخل في الشؤون الداخلية للدول.",
        "التي تمنع وترفض كل صور التدخل",
    ),
    (
        "list of places (sabq)",
        "منذ إبريل، وصل برنامج الأغذية العالمي إلى أكثر من مليوني شخص متضررين من النزاع "
        "ويعانون انعدام الأمن الغذائي بشدة في ثلاث عشرة محافظة من المحافظات اليمنية بما في "
        "ذلك أبين، وعدن، والضالع، والمحويت، وعمران، وذمار، وحجة، والحديدة، ولحج، وصنعاء، "
        "وصعدة، وشبوة، وتعز.",
        "أبين، وعدن، والضالع، والمحويت، وعمران",
    ),
    (
        "coordinated verbal nouns (sabq)",
        "قالت المسؤولة عن الركن هاجر التاروتي إن الركن ينقسم إلى عدة أجنحة من بينها كيفية "
        "خياطة وصناعة الدمية باليد من خلال استخدام مواد بسيطة من الأقمشة الملونة والخامات "
        "والخيوط الصوفية والقطنية والخرز البلاستيكية وأعواد الآيس كريم والصمغ والعيون "
        "المتحركة.",
        "كيفية خياطة وصناعة الدمية",
    ),
    (
        "adverbial with no predicate after وذلك (sabq)",
        "أطلق مريض نفسي النار عشوائياً من سلاح رشاش؛ ما أسفر عن مقتل شخصَيْن، وإصابة "
        "ثلاثة آخرين، فارق أحدهم الحياة، وذلك بخيبر الجنوب شرق منطقة عسير.",
        "فارق أحدهم الحياة، وذلك بخيبر الجنوب",
    ),
    (
        "'as the memo says' aside (aawsat)",
        "وتهدف هذه الخطوة إلى تقليص النفقات مع توقف إنتاج النفط كما تقول المذكرة.",
        "مع توقف إنتاج النفط كما تقول المذكرة",
    ),
    (
        "'as the authorities said' aside after a comma (aljazirah)",
        "وقتل ثلاثة أشخاص في انفجار سيارة مفخخة قرب سوق شعبي في المدينة، كما ذكرت السلطات المحلية.",
        "في المدينة، كما ذكرت السلطات المحلية.",
    ),
    (
        "participle-shaped noun after a preposition (aawsat)",
        "فبالأمس تحصلت «الشرق الأوسط» على مذكرة مشتركة صادرة من الشركتين المسؤولتين عن "
        "الإنتاج من حقول الوفرة البرية.",
        "على مذكرة مشتركة",
    ),
    (
        "يُدعى 'is named' is not يدعي 'claims' (sabq)",
        'وذكر أحد ملاك الاستراحات القريبة من البحر، ويدعى "بدر الحربي"، أن نسبة الإشغال '
        "وصلت إلى 100 % رغم ارتفاع أسعار الإيجارات هذه الأيام.",
        'القريبة من البحر، ويدعى "بدر الحربي"، أن نسبة',
    ),
    (
        "أما ... فيقول is one clause (sabq)",
        'أما "رامي الصيعري" فيقول: الاستراحات هي المنتزه الوحيد للعوائل الذين يبحثون عن الخصوصية.',
        '"رامي الصيعري" فيقول',
    ),
    (
        "رغم ... إلا أن is one claim (sabq)",
        "وقالت التاروتي إن عدد زوار المكتبة في اليوم الواحد يتجاوز الخمسين طفلاً، وإنه على "
        "الرغم من انتشار وسائل الترفيه والتكنولوجيا إلا أن مسرح الدمى شهد تفاعلاً كبيراً.",
        "والتكنولوجيا إلا أن مسرح الدمى",
    ),
    (
        "reporting frame joins the قائلا that carries its content (sabq)",
        "وأوضح رئيس لجنة التنمية الاجتماعية بطبرجل عبدالله أبو أذينة، قائلاً: إن عدداً من "
        "المشاركات في المهرجان قمن بنسج شعارَيْ (عاصفة الحزم) و(إعادة الأمل).",
        "عبدالله أبو أذينة، قائلاً: إن عدداً",
    ),
    (
        "coordinated أنْ + verb: one wish",
        "وسأل الله العلي القدير أن يحفظ هذه البلاد من كل مكروه وأن يرد كيد الكائدين.",
        "من كل مكروه وأن يرد كيد الكائدين",
    ),
    (
        "predicate of an أن clause stays with its subject (Bahrain statement)",
        "وتؤكد مملكة البحرين أن استمرار التصريحات الاستفزازية المتعمدة من جانب مسؤولي "
        "الجمهورية الإسلامية الإيرانية وعلى اختلاف مستوياتهم وتدخلاتهم بدعم التخريب واثارة "
        "الفتن ، يعكس بجلاء موقفها العدائي ويكشف بكل وضوح استراتيجيتها الحقيقية القائمة على "
        "التدخل في شؤون مملكة البحرين وإثارة القلاقل وإشاعة التوتر في المنطقة وذلك بدل "
        "الانخراط بشكل إيجابي وبناء في البحث عن سبل تعزيز الأمن والاستقرار.",
        "واثارة الفتن ، يعكس بجلاء",
    ),
    (
        "reporting frame stays with its أن clause in an overlong sentence (alriyadh)",
        "وأوضح مدير المشروع خالد بن علي دوشي في تصريح صحفي بمناسبة انتهاء البرنامج الذي "
        "نظمته الجمعية الخيرية لرعاية المرضى في منطقة جازان خلال أيام العيد المبارك , أن "
        "زيارات المعايدة شملت نحو 900 مريض خلال أيام العيد في كل من مستشفى الملك فهد "
        "المركزي , ومركز الأمير سلطان لأمراض الكلى , والمستشفيات العامة في المحافظات.",
        "خلال أيام العيد المبارك , أن زيارات المعايدة",
    ),
    (
        "title chain (alriyadh)",
        "ورسمت الطائرات في سماء المدينة صور خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز "
        "، وسمو ولي عهده الأمين ، وسمو ولي ولي العهد - حفظهم الله - حيث حلقت بها طائرات "
        "العروض الخفيفة في احتفالية عيد الفطر التي نظمتها أمانة المنطقة على الواجهة البحرية "
        "بحضور عدد كبير من الأهالي والزوار.",
        "وسمو ولي عهده الأمين ، وسمو ولي ولي العهد",
    ),
    (
        "web address (aawsat)",
        "وقالت صحيفة «صول» التركية إن إدارة موقع «darulhilafe.com» الناطق بالتركية نشرت "
        "بيانا هددت فيه تركيا.",
        "darulhilafe.com",
    ),
    (
        "elision (...) inside a quotation (aawsat)",
        "وحاول أن تكون حالك حال بقية الشباب (...) وتحت جنح الظلام اركب تاكسي إلى الحدود السورية.",
        "الشباب (...) وتحت جنح الظلام",
    ),
]


@pytest.mark.parametrize(("kind", "text", "whole"), WHOLE, ids=[c[0] for c in WHOLE])
def test_a_claim_is_not_cut_into_fragments(kind: str, text: str, whole: str) -> None:
    statements = _statements(text)
    assert any(whole in s for s in statements), statements


# (kind, text, role, statements expected)
SPLIT = [
    (
        "headline with two clauses (Bahrain, 2015-07-25)",
        "البحرين تستدعي سفيرها لدى طهران وتدين استمرار تصريحات إيران العدائية تجاه المنامة",
        "headline",
        ["البحرين تستدعي سفيرها لدى طهران", "وتدين استمرار تصريحات إيران العدائية تجاه المنامة"],
    ),
    (
        "headline: two verbs sharing an object stay together (sabq)",
        'مريض نفسي يقتل ويصيب 5 أشخاص رمياً بالرصاص في "عسير"',
        "headline",
        ['مريض نفسي يقتل ويصيب 5 أشخاص رمياً بالرصاص في "عسير"'],
    ),
    (
        "headline label joins the clause after it (aawsat)",
        "تركيا و«داعش».. نهاية شهر العسل",
        "headline",
        ["تركيا و«داعش».. نهاية شهر العسل"],
    ),
    (
        "did A and said B",
        "ووصل وزير الخارجية عادل الجبير إلى موسكو أمس وقال إن المحادثات مع نظيره الروسي "
        "كانت مثمرة.",
        "body",
        [
            "ووصل وزير الخارجية عادل الجبير إلى موسكو أمس",
            "وقال إن المحادثات مع نظيره الروسي كانت مثمرة.",
        ],
    ),
    (
        "a second that-clause after a comma is a second claim (aawsat)",
        "ورأى أن هذا الهجوم أثبت أن تركيا هي هدف لـ«داعش»، وأن هذا التنظيم هو تهديد "
        "لتركيا التي كانت أول من أعلنه منظمة إرهابية.",
        "body",
        [
            "ورأى أن هذا الهجوم أثبت أن تركيا هي هدف لـ«داعش»",
            "وأن هذا التنظيم هو تهديد لتركيا التي كانت أول من أعلنه منظمة إرهابية.",
        ],
    ),
]


@pytest.mark.parametrize(("kind", "text", "role", "expected"), SPLIT, ids=[c[0] for c in SPLIT])
def test_claims_split_at_clause_boundaries(
    kind: str, text: str, role: str, expected: list[str]
) -> None:
    assert [s.rstrip("،,") for s in _statements(text, role)] == expected


def test_an_overlong_sentence_is_cut_where_a_clause_opens() -> None:
    # aawsat 2015-07-22: one 330-character sentence, a comma before each clause
    text = (
        "واعترف توز في حديث لـ«الشرق الأوسط» بأن ثمة كثيرا من الباحثين والجماعات والدول "
        "تتهم تركيا بدعم تنظيم داعش في سوريا والعراق منذ سنوات طويلة، لكنه رأى أن هذه "
        "العملية أثبتت بوضوح خطأ الاتهامات التي وجهت إلى تركيا، وأن هذا التنظيم هو تهديد "
        "لتركيا التي كانت أول من أعلنه منظمة إرهابية في المنطقة كلها."
    )
    statements = _statements(text)
    assert len(statements) >= 2
    assert all(len(s) <= 250 * HARD_LIMIT for s in statements)
    assert statements[1].startswith(("لكنه رأى", "وأن هذا"))


def test_a_paragraph_without_any_clause_boundary_is_still_cut() -> None:
    text = "وعدن والضالع والمحويت وعمران وذمار وحجة والحديدة ولحج وصنعاء وصعدة وشبوة " * 10
    statements = _statements(text.strip())
    assert len(statements) > 1
    assert max(map(len, statements)) <= 250 * HARD_LIMIT


@pytest.mark.parametrize(
    ("word", "verb"),
    [
        ("ويقول", True),
        ("تشهد", True),
        ("سيتم", True),
        ("ليوضح", True),
        ("استقبل", True),
        ("ارتفع", True),
        ("شاركوا", True),
        ("وقد", True),
        ("تطوير", False),  # verbal noun
        ("تنميه", False),
        ("تاريخ", False),
        ("وتدخلاتهم", False),  # plural noun with a pronoun
        ("والاعراف", False),
        ("يونيو", False),
        ("سياسي", False),
        ("فيصل", False),  # a name, not ف + يصل
    ],
)
def test_verb_shapes(word: str, verb: bool) -> None:
    assert verbish(word) is verb
    assert load_predicates().verbs  # the shipped lexicon loads
