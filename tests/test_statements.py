"""The statements stage on the seed articles and on small Arabic texts."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import narratives
from narratives.schemas import ENTITY_MENTIONS, STATEMENTS
from narratives.statements import StatementsWarning, extract_entities, extract_statements
from narratives.statements._nlp import make_tokenizer


def _articles(*texts: str, role: str = "body") -> pl.DataFrame:
    """Stand-in ARTICLES rows: every text one body span."""
    return pl.DataFrame(
        {
            "article_id": [f"t{i}" for i in range(len(texts))],
            "raw_text": list(texts),
            "spans": [[{"role": role, "start": 0, "end": len(t)}] for t in texts],
        },
        schema_overrides={"spans": narratives.schemas.ARTICLES["spans"]},
    )


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> pl.DataFrame:
    return narratives.read_corpus(seeds_dir)


@pytest.fixture(scope="module")
def statements(seeds: pl.DataFrame) -> pl.DataFrame:
    return extract_statements(seeds)


def _containing(statements: pl.DataFrame, needle: str) -> dict:
    rows = statements.filter(pl.col("text").str.contains(needle, literal=True))
    assert rows.height == 1, f"{rows.height} statements contain {needle!r}"
    return rows.row(0, named=True)


def test_output_follows_the_statements_schema(statements: pl.DataFrame) -> None:
    assert list(statements.columns[: len(STATEMENTS)]) == list(STATEMENTS)
    assert all(statements.schema[c] == t for c, t in STATEMENTS.items())
    ids = statements.select(pl.format("{}:{}", "article_id", "position")).to_series()
    assert ids.to_list() == statements["statement_id"].to_list()


def test_offsets_slice_raw_text_back(seeds: pl.DataFrame, statements: pl.DataFrame) -> None:
    raw = dict(zip(seeds["article_id"], seeds["raw_text"], strict=True))
    for row in statements.iter_rows(named=True):
        assert raw[row["article_id"]][row["start"] : row["end"]] == row["text"]


def test_outlet_and_date_are_copied(statements: pl.DataFrame) -> None:
    ittihad = statements.filter(pl.col("article_id").str.starts_with("004"))
    assert set(ittihad["outlet"]) == {"al-ittihad"}
    assert str(ittihad["published"][0]) == "2017-04-13"


def test_headline_comes_first_as_its_own_statement(statements: pl.DataFrame) -> None:
    first = statements.filter(pl.col("article_id").str.starts_with("002")).row(0, named=True)
    assert first["position"] == 0 and first["is_headline"]
    assert first["text"] == "موسكو: تعاوننا مع واشنطن ساعد على تحقيق تقدم في سوريا"


def test_wrapped_lines_are_joined(statements: pl.DataFrame) -> None:
    row = _containing(statements, "ضرورة\nالتخلي")
    assert row["speaker"] == "lavrov"


def test_long_paragraph_is_cut_into_claims(statements: pl.DataFrame) -> None:
    # 004 carries ~40 claims in one 4,000-character line
    body = statements.filter(pl.col("article_id").str.starts_with("004") & ~pl.col("is_headline"))
    assert body.height >= 30
    assert body["text"].str.len_chars().max() <= 250


@pytest.mark.parametrize(
    ("needle", "cue"),
    [
        ("مشيرا إلى أن “الإرهابيين", "أشار"),
        ("داعيا إلى تعزيز الجهود الدولية", "دعا"),
        ("موضحا أن الغارات", "أوضح"),
        ("لافتا إلى ضرورة الاهتمام", "لفت"),
        ("مؤكدا أن “روسيا لا تطلب", "أكد"),
        ("مجددا دعوته المجتمع الدولي", "جدد"),
        ("مشددا على ضرورة تحقيق نتائج", "شدد"),
        ("مبينا أن موسكو ستجري", "بين"),
    ],
)
def test_participial_clause_opens_a_statement_by_the_same_speaker(
    statements: pl.DataFrame, needle: str, cue: str
) -> None:
    row = _containing(statements, needle)
    assert row["text"].startswith(needle.split()[0])
    assert (row["speaker"], row["cue"]) == ("lavrov", cue)


@pytest.mark.parametrize(
    ("needle", "speaker", "cue", "cue_class"),
    [
        ("أكد وزير الخارجية الروسي سيرغي لافروف استحالة", "lavrov", "أكد", "assertive"),
        ("وأكد شويغو في كلمة", "shoigu", "أكد", "assertive"),
        ("وقال الوزير الروسي أن القوات الروسية", "shoigu", "قال", "neutral"),  # title in context
        ("كما أكد الوزير الروسي أن تعزيز", "lavrov", "أكد", "assertive"),
        ("وأكد وزير الدفاع الروسي أن موسكو", "shoigu", "أكد", "assertive"),
        ("من جهته قال تيلرسون", "tillerson", "قال", "neutral"),
        ("وقال المتحدث الرسمي باسم الكرملين", "peskov", "قال", "neutral"),
        ("وأعلن الكرملين أن", "kremlin", "أعلن", "neutral"),
        ("سيرجي ريابكوف قال قبل دقائق", "ryabkov", "قال", "neutral"),
        ("وأعرب بوتين قبيل استقباله", "putin", "أعرب", "expressive"),
        ("ودحض وزير الخارجية الروسي", "lavrov", "دحض", "denial"),
        ("ونقلت وكالة تاس عن لافروف", "lavrov", "نقل", "neutral"),
        ("وكان لافروف أكد خلال لقائه", "lavrov", "أكد", "assertive"),
    ],
)
def test_speaker_and_reporting_verb(
    statements: pl.DataFrame, needle: str, speaker: str, cue: str, cue_class: str
) -> None:
    row = _containing(statements, needle)
    assert (row["speaker"], row["cue"], row["cue_class"]) == (speaker, cue, cue_class)


def test_subjectless_verb_keeps_the_speaker(statements: pl.DataFrame) -> None:
    row = _containing(statements, "وقال في حديث تلفزيوني")
    assert row["speaker"] == "putin"  # after وأعرب بوتين ..., not Tillerson mentioned in between


def test_kerry_claim_as_sana_reports_it(statements: pl.DataFrame) -> None:
    row = _containing(statements, "وزعم فيها أن روسيا قررت")
    assert (row["speaker"], row["cue"], row["cue_class"]) == ("kerry", "زعم", "distancing")


def test_nested_report_goes_to_the_inner_speaker(statements: pl.DataFrame) -> None:
    row = _containing(statements, "«بوتين أكد الاستعداد لإحياء»")
    assert (row["speaker"], row["reported_by"]) == ("putin", "lavrov")


def test_capital_headline_stands_for_the_articles_speaker(statements: pl.DataFrame) -> None:
    row = _containing(statements, "موسكو: تعاوننا")
    assert (row["speaker"], row["speaker_mention"]) == ("lavrov", "موسكو")


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("وقال لافروف إن “غياب حل للقضية الفلسطينية يبقى من العوامل الرئيسية”.", "direct"),
        ("وأكد لافروف أن روسيا ملتزمة بتحريك مبادرة الرئيس.", "indirect"),
        (
            "وأكد شويغو أن أي محاولات للتعامل مع إرهابيين “ليست فقط قصيرة النظر بل وإجرامية”.",
            "mixed",
        ),
        ("ارتفعت أسعار النفط في الأسواق العالمية اليوم.", "none"),
    ],
)
def test_quote_type(text: str, quote: str) -> None:
    rows = extract_statements(_articles(text))
    assert rows["quote"].to_list() == [quote]


@pytest.mark.parametrize(
    ("verb", "cue", "cue_class"),
    [
        ("قال", "قال", "neutral"),
        ("أكد", "أكد", "assertive"),
        ("شدد", "شدد", "assertive"),
        ("زعم", "زعم", "distancing"),
        ("ادعى", "ادعى", "distancing"),
        ("نفى", "نفى", "denial"),
        ("حذر", "حذر", "warning"),
    ],
)
def test_cue_class_comes_from_the_lexicon(verb: str, cue: str, cue_class: str) -> None:
    row = extract_statements(_articles(f"{verb} لافروف إن الوضع في سوريا صعب.")).row(0, named=True)
    assert (row["speaker"], row["cue"], row["cue_class"]) == ("lavrov", cue, cue_class)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("تستند”.", ["تستند", "”", "."]),
        ("لافروف»لدى", ["لافروف", "»", "لدى"]),
        ("و”جبهة", ["و", "”", "جبهة"]),
        ("عام 2.5 مليون.", ["عام", "2.5", "مليون", "."]),
    ],
)
def test_tokenizer_splits_quotes_and_full_stops(text: str, pieces: list[str]) -> None:
    assert [t.text for t in make_tokenizer()(text)] == pieces


def test_tokenizer_keeps_the_tokens_of_every_chunk(seeds: pl.DataFrame) -> None:
    # spaCy 3.8 keeps the tokens of 10,000 space-separated chunks, then runs the affix
    # regexes again on every new one: the stage's tokenizer keeps them all, same tokens
    from spacy.tokenizer import Tokenizer

    from narratives.statements._nlp import _INFIX, _PREFIX, _SUFFIX, TOKENIZER_CACHE

    tokenizer = make_tokenizer()
    if not hasattr(tokenizer, "max_cache_size"):
        pytest.skip("this spaCy keeps every chunk")
    assert tokenizer.max_cache_size >= TOKENIZER_CACHE > 10_000
    small = Tokenizer(
        tokenizer.vocab,
        rules=tokenizer.rules,
        prefix_search=_PREFIX.search,
        suffix_search=_SUFFIX.search,
        infix_finditer=_INFIX.finditer,
    )
    small.max_cache_size = 10  # the affix rules run on nearly every chunk
    for text in seeds["raw_text"]:
        for _ in range(2):  # the second time from the cache
            assert [(t.idx, t.text) for t in tokenizer(text)] == [
                (t.idx, t.text) for t in small(text)
            ]


def test_token_kinds_of_the_fast_path_are_those_of_the_rules() -> None:
    # a token made of letters and digits is a word without looking at its characters
    # one by one; every other token goes through the rules as before
    from narratives.statements._nlp import _kind

    def by_rules(norm: str) -> str:
        if not norm:
            return "p"
        if norm in (".", "!", "?", "…", "..", "...") or set(norm) <= {".", "!", "?", "…"}:
            return "e"
        if norm in (",", ";"):
            return "c"
        if norm == '"':
            return "q"
        if norm == ":":
            return ":"
        return "w" if any(ch.isalnum() for ch in norm) else "p"

    tokens = [chr(c) for c in range(0x10000)] + ["قال", "2015", "x.", "٪5", "...", "؟!", "”."]
    assert [_kind(t) for t in tokens] == [by_rules(t) for t in tokens]


def test_statement_rows_make_the_frame_polars_makes_of_them(statements: pl.DataFrame) -> None:
    # the entities column is built as one Arrow list array (polars converts a column of
    # Python lists one by one): the same frame, empty lists and nulls included
    from narratives.statements.extract import _frame

    schema = {**STATEMENTS, "reported_by": pl.String}
    rows = statements.select(list(schema)).to_dicts()
    assert any(not r["entities"] for r in rows) and any(r["entities"] for r in rows)
    built = _frame(rows)
    assert built.equals(pl.DataFrame(rows, schema=schema))
    assert built.schema == pl.Schema(schema)
    assert _frame([]).schema == pl.Schema(schema)


def test_unbalanced_quote_does_not_swallow_the_paragraph() -> None:
    text = (
        "وقال لافروف إن “الوضع صعب جدا في المنطقة. وأضاف أن روسيا مستعدة للتعاون مع الجميع "
        "مشيرا إلى أن الحل سياسي."
    )
    rows = extract_statements(_articles(text))
    assert rows.height == 3
    assert rows["speaker"].to_list() == ["lavrov"] * 3


def test_user_gazetteer_adds_an_actor(tmp_path: Path) -> None:
    own = tmp_path / "actors.yaml"
    own.write_text(
        "actors:\n  jubeir_test:\n    type: person\n    names: [عادل الجبيري]\n", encoding="utf-8"
    )
    rows = extract_statements(_articles("وقال عادل الجبيري إن الحل سياسي."), actors=own)
    assert rows["speaker"].to_list() == ["jubeir_test"]
    own.write_text(
        "actors:\n  jubeir_renamed:\n    type: person\n    names: [عادل الجبيري]\n",
        encoding="utf-8",
    )
    rows = extract_statements(_articles("وقال عادل الجبيري إن الحل سياسي."), actors=own)
    assert rows["speaker"].to_list() == ["jubeir_renamed"]  # an edited file is read again


def test_unknown_speaker_keeps_the_words_used() -> None:
    rows = extract_statements(_articles("وقال وزير الخارجية البرازيلي إن الحل سياسي."))
    row = rows.row(0, named=True)
    # an office no gazetteer lists is a speaker of its own (issue 11), never Lavrov
    assert row["speaker"] == "وزير الخارجيه البرازيلي"
    assert row["speaker_mention"] == "وزير الخارجية البرازيلي"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "no headline or body text"),
        ("   \n\n  ", "no headline or body text"),
        ("The minister said the talks were useful. He added more.", "not in Arabic"),
    ],
)
def test_bad_article_warns_and_the_run_goes_on(text: str, problem: str) -> None:
    good = "قال لافروف إن الوضع صعب."
    with pytest.warns(StatementsWarning, match=problem):
        rows = extract_statements(_articles(text, good))
    assert "t1" in rows["article_id"].to_list()


def test_very_long_article_is_segmented() -> None:
    text = "وقال لافروف إن الوضع صعب في المنطقة، وأن الحل سياسي " * 2000  # ~100k chars
    rows = extract_statements(_articles(text))
    assert rows.height > 100
    assert rows["text"].str.len_chars().max() <= 250


def test_article_without_spans_is_segmented_with_a_warning() -> None:
    frame = _articles("قال لافروف إن الوضع صعب.").with_columns(
        pl.lit(None, dtype=narratives.schemas.ARTICLES["spans"]).alias("spans")
    )
    with pytest.warns(StatementsWarning, match="no spans"):
        rows = extract_statements(frame)
    assert rows["speaker"].to_list() == ["lavrov"]


def test_parallel_run_gives_the_same_statements(
    seeds: pl.DataFrame, statements: pl.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    from narratives.statements import extract

    monkeypatch.setattr(extract, "PARALLEL_MIN", 1)
    monkeypatch.setattr(extract, "CHUNK_CHARS", 3000)
    monkeypatch.setattr(extract, "LEAST_CHARS", 500)
    parallel = extract_statements(seeds, n_process=2)
    assert parallel.equals(statements)


def test_missing_column_is_a_clear_error() -> None:
    with pytest.raises(narratives.schemas.SchemaError, match="raw_text"):
        extract_statements(pl.DataFrame({"article_id": ["a"]}))


_ALPHABET = st.sampled_from(
    [
        *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى ",
        *[" ", "\n", "\n\n", ".", "،", ":", "“", "”", "«", "»", '"', "..", "؟", "ً", "ّ"],
        *["قال ", "وأضاف ", "مشيرا إلى أن ", "لافروف ", "وزير الخارجية الروسي ", "كما ", "إن "],
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=120).map("".join), st.sampled_from(["body", "headline"]))
def test_laws_hold_on_arbitrary_text(text: str, role: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StatementsWarning)
        rows = extract_statements(_articles(text, role=role))
    previous_end = 0
    for row in rows.iter_rows(named=True):
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["text"].strip() == row["text"] and row["text"]
        assert row["start"] >= previous_end  # in order, no overlap
        previous_end = row["end"]
        assert row["quote"] in ("direct", "indirect", "mixed", "none")


def test_entities_are_tight_and_canonical() -> None:
    text = (
        "وقال لافروف إن تنظيم “داعش” الإرهابي و”جبهة النصرة” يهددان سورية "
        "ويقاتل الدولة الإسلامية للولايات المتحدة."
    )
    arts = _articles(text)
    mentions = extract_entities(extract_statements(arts), arts)
    assert list(mentions.columns) == list(ENTITY_MENTIONS)
    pairs = list(zip(mentions["entity_id"], mentions["mention"], strict=True))
    assert ("isis", "داعش") in pairs
    assert ("nusra", "جبهة النصرة") in pairs
    assert ("isis", "الدولة الإسلامية") in pairs
    assert ("syria", "سورية") in pairs
    assert "usa" in mentions["entity_id"].to_list()
    for row in mentions.iter_rows(named=True):
        assert text[row["start"] : row["end"]] == row["mention"]


def test_statement_entities_list_canonical_ids(statements: pl.DataFrame) -> None:
    row = _containing(statements, "مؤتمر الحوار من أجل المستقبل")
    assert {"lavrov", "isis", "nusra"} <= set(row["entities"])


def test_entity_mentions_of_seed_statements(seeds: pl.DataFrame, statements: pl.DataFrame) -> None:
    mentions = extract_entities(statements, seeds)
    assert set(mentions["statement_id"]) <= set(statements["statement_id"])
    kinds = dict(zip(mentions["entity_id"], mentions["entity_type"], strict=False))
    assert (
        kinds["lavrov"] == "person" and kinds["isis"] == "group" and kinds["nato"] == "organisation"
    )


@pytest.mark.parametrize("n_process", [1, 2])
def test_statements_and_mentions_in_one_pass_equal_the_two_stages(
    seeds: pl.DataFrame, statements: pl.DataFrame, n_process: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from narratives.statements import extract

    monkeypatch.setattr(extract, "PARALLEL_MIN", 1)
    both, mentions = extract.statements_and_mentions(seeds, n_process=n_process)
    assert both.equals(statements)
    assert mentions.height > 100
    assert mentions.equals(extract_entities(statements, seeds))


def test_a_token_has_the_roles_of_the_markers_it_is() -> None:
    # make_feat looks a token's clause-marker roles up in the markers turned around
    # (one lookup), not by asking every role's forms
    from narratives.statements._lexicon import load_lexicon
    from narratives.statements._nlp import make_feat

    lex = load_lexicon(None, None, None, None)
    forms = {form for kept in lex.single_markers.values() for form in kept}
    words = [*forms, *("و" + f for f in forms), "قال", "الحكومة", "أن", "إن", "لكن", "حيث"]
    assert len(forms) > 20
    for word in words:
        feat = make_feat(word, lex)
        want = {role for role, kept in lex.single_markers.items() if feat.norm in kept}
        assert feat.roles == frozenset(want) if feat.kind == "w" else not feat.roles, word
    assert any(len(make_feat(f, lex).roles) > 1 for f in forms)  # a form with two roles


def test_worker_tasks_are_cut_by_text_length_and_end_small() -> None:
    # the statements' worker tasks: contiguous runs of articles of about equal text
    # (a task's cost), smaller and smaller at the end so that no worker runs alone long
    from conftest import SAUDINEWSNET

    from narratives.statements.extract import task_bounds

    path = SAUDINEWSNET / "2015-08-04.zip"
    if not path.exists():
        pytest.skip("SaudiNewsNet is not here")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = narratives.read_corpus(path)
    lengths = articles["raw_text"].str.len_chars().fill_null(0).to_list()
    bounds = task_bounds(lengths, 2, largest=200_000, least=10_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(lengths)
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in itertools.pairwise(bounds))
    chars = [sum(lengths[a:b]) for a, b in bounds]
    longest = max(lengths)
    assert max(chars) <= 200_000 + longest
    # the large tasks hold about the same text, not the same number of articles
    large = [(b - a, c) for (a, b), c in zip(bounds, chars, strict=True) if c >= 190_000]
    assert len(large) >= 3 and len({n for n, _ in large}) > 1
    # from the end of the corpus on, half of what is left a worker
    assert chars[-2] <= 10_000 + longest and chars[-1] <= chars[len(chars) // 2]
    # a small table: every worker gets a task
    assert task_bounds([1000] * 4, 4) == [(0, 1), (1, 2), (2, 3), (3, 4)]
