"""read_corpus: every input format, the seed articles, and bad input."""

from __future__ import annotations

import io
import json
import shutil
import warnings
import zipfile
from pathlib import Path

import polars as pl
import pytest

from narratives import read_corpus, schemas
from narratives.io import IngestError, NarrativesIngestWarning

FIXTURES = Path(__file__).parent / "data" / "ingest"

SEED_EXPECTED = {
    "000_1bc6e33470cacd38": ("sana", None),
    "001_454dde020f160b0c": ("sana", None),
    "002_c253744d7154f1cd": ("rt-arabic", None),
    "003_ef9047099b731a3e": ("sana", None),
    "004_c08e0aaf86107938": ("al-ittihad", "2017-04-13"),
}
BOILERPLATE_IN_SEEDS = [
    "مواقيت الصلاة",
    "أبرز الأخبار",
    "تيلغرام",
    "telegram.me",
    "واتس أب",
    "0940777186",
    "جميع الحقوق محفوظة",
    "المصدر: روسيا اليوم",
    "الشريط الاخباري",
    "الأربعاء 24 ابريل 2024",
    "موسكو-سانا",
]


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> pl.DataFrame:
    return read_corpus(seeds_dir)


def read_quietly(*args: object, **kwargs: object) -> pl.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NarrativesIngestWarning)
        return read_corpus(*args, **kwargs)  # type: ignore[arg-type]


# --- the seed articles --------------------------------------------------------


def test_seeds_give_articles_schema(seeds: pl.DataFrame) -> None:
    schemas.require(seeds, schemas.ARTICLES, name="articles", stage="test")
    assert seeds.columns[: len(schemas.ARTICLES)] == list(schemas.ARTICLES)
    assert seeds.height == 5


@pytest.mark.parametrize(("article_id", "expected"), sorted(SEED_EXPECTED.items()))
def test_seed_outlet_and_date(
    seeds: pl.DataFrame, article_id: str, expected: tuple[str, str | None]
) -> None:
    row = seeds.filter(pl.col("article_id") == article_id).row(0, named=True)
    outlet, published = expected
    assert row["outlet"] == outlet
    assert row["outlet_method"] == "inferred"
    assert row["outlet_evidence"]
    assert (str(row["published"]) if row["published"] else None) == published
    assert row["published_evidence"]


def test_seed_002_year_left_unknown_with_the_fitting_years(seeds: pl.DataFrame) -> None:
    row = seeds.filter(pl.col("article_id").str.starts_with("002")).row(0, named=True)
    assert row["published"] is None
    assert row["published_method"] == "unknown"
    assert "الأربعاء 27 أبريل/نيسان" in row["published_evidence"]
    assert "2016" in row["published_evidence"] and "2022" in row["published_evidence"]


def test_seed_004_page_date_is_not_the_article_date(seeds: pl.DataFrame) -> None:
    row = seeds.filter(pl.col("article_id").str.starts_with("004")).row(0, named=True)
    assert str(row["published"]) == "2017-04-13"
    assert "13 ابريل 2017" in row["published_evidence"]
    assert "page-header" in row["published_evidence"]


def test_seed_003_outlet_says_which_cue(seeds: pl.DataFrame) -> None:
    row = seeds.filter(pl.col("article_id").str.starts_with("003")).row(0, named=True)
    assert row["outlet"] == "sana"
    assert row["outlet_evidence"].startswith("site marker: الشريط الاخباري")


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", None),
        ("001", None),
        ("002", "موسكو: تعاوننا مع واشنطن ساعد على تحقيق تقدم في سوريا"),
        ("003", "لافروف: سنجري مزيداً من الاتصالات مع الجهات الإقليمية حول الأزمة السورية"),
        ("004", "موسكو وواشنطن: هدفنا محاربة الإرهاب وحل أزمة سوريا"),
    ],
)
def test_seed_headline_separated_from_body(
    seeds: pl.DataFrame, prefix: str, title: str | None
) -> None:
    row = seeds.filter(pl.col("article_id").str.starts_with(prefix)).row(0, named=True)
    assert row["title"] == title
    if title:
        assert title not in row["text"]


@pytest.mark.parametrize("phrase", BOILERPLATE_IN_SEEDS)
def test_seed_text_has_no_boilerplate(seeds: pl.DataFrame, phrase: str) -> None:
    assert not seeds["text"].str.contains(phrase, literal=True).any()
    assert seeds["raw_text"].str.contains(phrase, literal=True).any()  # it was there


def test_seed_view_counter_removed(seeds: pl.DataFrame) -> None:
    text = seeds.filter(pl.col("article_id").str.starts_with("002"))["text"][0]
    assert "44" not in text.splitlines()
    assert text.endswith("مشيرا إلى أن التعاون مع واشنطن ساهم في ذلك.")  # summary kept


def test_raw_text_is_the_file_exactly(seeds: pl.DataFrame, seeds_dir: Path) -> None:
    for row in seeds.iter_rows(named=True):
        path = seeds_dir / f"{row['article_id']}.txt"
        assert row["raw_text"] == path.read_bytes().decode("utf-8")
        assert row["source_path"] == str(path)
        assert row["encoding"] == "utf-8"
        assert row["language"] == "ar"


def test_spans_slice_back_to_every_kept_line(seeds: pl.DataFrame) -> None:
    for row in seeds.iter_rows(named=True):
        raw, spans = row["raw_text"], row["spans"]
        kept = [raw[s["start"] : s["end"]] for s in spans if s["role"] in ("body", "subheadline")]
        assert "\n".join(kept) == row["text"]
        starts = [s["start"] for s in spans]
        assert starts == sorted(starts)
        assert all(0 <= s["start"] < s["end"] <= len(raw) for s in spans)
        covered = "".join(raw[s["start"] : s["end"]] for s in spans)
        assert "".join(raw.split()) == "".join(covered.split())  # every non-blank char


def test_gold_anchors_are_in_the_headline_or_cleaned_text(
    seeds: pl.DataFrame, gold_path: Path
) -> None:
    import yaml

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    text = {  # statements come from the headline and the kept body
        row["article_id"][:3]: f"{row['title'] or ''}\n{row['text']}"
        for row in seeds.iter_rows(named=True)
    }
    anchors = [m for claim in gold["claims"] for m in claim["mentions"]]
    missing = [m["anchor"] for m in anchors if m["anchor"] not in text[m["doc"]]]
    assert anchors and not missing


# --- formats ------------------------------------------------------------------


def test_txt_file_id_is_the_stem(seeds_dir: Path) -> None:
    path = next(seeds_dir.glob("002_*.txt"))
    df = read_corpus(path)
    assert df["article_id"].to_list() == [path.stem]


def test_passim_jsonl_series_is_outlet_metadata() -> None:
    df = read_corpus(FIXTURES / "passim.jsonl")
    assert df["article_id"].to_list() == ["p1", "p2"]
    assert df["outlet"].to_list() == ["sana", "rt-arabic"]  # "روسيا اليوم" → its id
    assert df["outlet_method"].to_list() == ["metadata", "metadata"]
    assert df["outlet_evidence"][1] == "series: روسيا اليوم"


def test_newspaper_json_title_date_url() -> None:
    df = read_corpus(FIXTURES / "newspaper.json")
    first = df.row(0, named=True)
    assert first["title"] == "لافروف يلتقي تيلرسون"
    assert first["text"] == "التقى وزير الخارجية الروسي نظيره الأميركي في موسكو."
    assert str(first["published"]) == "2017-04-12"
    assert first["published_method"] == "metadata"
    assert first["outlet"] == "al-ittihad"
    assert first["outlet_evidence"] == "url domain: alittihad.ae"
    assert str(df["published"][1]) == "2017-04-12"  # dd/mm/yyyy


def test_json_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "solo", "text": "قال الوزير كلاما."}), encoding="utf-8")
    assert read_corpus(path)["article_id"].to_list() == ["solo"]


def test_csv_with_custom_columns() -> None:
    df = read_corpus(
        FIXTURES / "custom.csv",
        id_column="doc",
        text_column="body",
        outlet_column="outlet_name",
        date_column="day",
    )
    assert df["article_id"].to_list() == ["c1", "c2"]
    assert df["outlet"].to_list() == ["sana", "al-ittihad"]
    assert [str(d) for d in df["published"]] == ["2016-04-27", "2017-04-13"]


def test_parquet_records(tmp_path: Path) -> None:
    path = tmp_path / "records.parquet"
    pl.DataFrame(
        {"id": ["q1"], "content": ["موسكو-سانا\nقال لافروف إن التعاون مستمر."], "url": [None]}
    ).write_parquet(path)
    row = read_corpus(path).row(0, named=True)
    assert (row["article_id"], row["outlet"], row["text"]) == (
        "q1",
        "sana",
        "قال لافروف إن التعاون مستمر.",
    )


def test_html_main_text_and_metadata() -> None:
    row = read_corpus(FIXTURES / "page.html").row(0, named=True)
    assert row["title"] == "لافروف: التعاون مع واشنطن ساعد في سوريا"
    assert "الرئيسية" not in row["raw_text"]  # navigation left out by the extractor
    assert row["text"].startswith("قال وزير الخارجية الروسي")
    assert str(row["published"]) == "2016-04-27"
    assert row["outlet"] == "rt-arabic"
    assert row["url"] == "https://arabic.rt.com/news/123-lavrov"


def test_saudinewsnet_layout_in_zip() -> None:
    with pytest.warns(NarrativesIngestWarning, match="empty text field 'content'; kept with its"):
        df = read_corpus(FIXTURES / "saudinewsnet_sample.zip")
    assert df["outlet"].to_list() == ["was", "aawsat", "okaz"]
    assert df["article_id"].to_list() == ["2015-07-21:0", "2015-07-21:1", "2015-07-21:2"]
    assert df["source_path"][0].endswith("saudinewsnet_sample.zip::2015-07-21.json")
    first = df.row(0, named=True)
    assert str(first["published"]) == "2015-07-21"
    assert "crawl date" in first["published_evidence"]
    assert first["title"] == "خادم الحرمين يستقبل وزير الخارجية"
    assert first["text"] == "استقبل خادم الحرمين الشريفين وزير الخارجية الروسي في قصره."
    assert df.row(2, named=True)["text"] == ""  # title-only record kept, not dropped


def test_folder_is_read_recursively(tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for i, path in enumerate(sorted(seeds_dir.glob("*.txt"))):
        shutil.copy(path, tmp_path / ("a/b" if i % 2 else "a") / path.name)
    df = read_corpus(tmp_path)
    # ids are paths below the folder given: same names in two folders never collide
    expected = sorted(("a/b/" if i % 2 else "a/") + k for i, k in enumerate(sorted(SEED_EXPECTED)))
    assert sorted(df["article_id"]) == expected


def test_zip_of_txt_files(tmp_path: Path, seeds_dir: Path) -> None:
    archive = tmp_path / "seeds.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(seeds_dir.glob("*.txt")):
            zf.write(path, f"seeds/{path.name}")
    df = read_corpus(archive)
    assert df.height == 5
    assert df["source_path"][0] == f"{archive}::seeds/000_1bc6e33470cacd38.txt"
    assert df["outlet"].to_list() == [o for o, _ in SEED_EXPECTED.values()]


def test_several_paths_and_user_outlets(tmp_path: Path) -> None:
    mine = tmp_path / "outlets.yaml"
    mine.write_text(
        "outlets:\n  - id: my-wire\n    name_ar: [وكالتي]\n    datelines: [وكالتي]\n",
        encoding="utf-8",
    )
    article = tmp_path / "w.txt"
    article.write_text("بيروت-وكالتي\nقال المتحدث إن الاجتماع انتهى.", encoding="utf-8")
    df = read_corpus([article, FIXTURES / "passim.jsonl"], outlets=mine)
    assert df["outlet"].to_list() == ["my-wire", "sana", "rt-arabic"]


# --- bad input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("broken.zip", "unreadable zip archive"),
        ("no_text.jsonl", "missing text field"),
        ("notes.pdf", "unsupported file type '.pdf'"),
    ],
)
def test_bad_file_is_named_in_a_warning_and_skipped(name: str, problem: str) -> None:
    good = FIXTURES / "passim.jsonl"
    with pytest.warns(NarrativesIngestWarning, match=problem) as record:
        df = read_corpus([good, FIXTURES / name])
    assert any(name in str(w.message) for w in record)
    assert df.height == 2  # the good file is still read


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("empty.txt", "empty file"),
        ("broken.zip", "unreadable zip archive"),
        ("no_text.jsonl", "missing text field"),
        ("bad_lines.jsonl", "line 2: not valid JSON"),
    ],
)
def test_bad_file_stops_the_run_when_asked(name: str, problem: str) -> None:
    with pytest.raises(IngestError, match=problem) as err:
        read_corpus([FIXTURES / "passim.jsonl", FIXTURES / name], on_error="stop")
    assert name in str(err.value)


def test_one_bad_file_in_a_folder_of_good_ones(tmp_path: Path, seeds_dir: Path) -> None:
    for path in seeds_dir.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "005_empty.txt").write_bytes(b"")
    with pytest.warns(NarrativesIngestWarning, match="005_empty.txt: empty file; file skipped"):
        df = read_corpus(tmp_path)
    assert df.height == 5
    with pytest.raises(IngestError, match=r"005_empty\.txt: empty file"):
        read_corpus(tmp_path, on_error="stop")


def test_cp1256_is_decoded_and_reported() -> None:
    with pytest.warns(
        NarrativesIngestWarning, match="sana_cp1256.txt: not UTF-8; decoded as cp1256"
    ):
        row = read_corpus(FIXTURES / "sana_cp1256.txt").row(0, named=True)
    assert row["encoding"] == "cp1256"
    assert row["raw_text"].startswith("دمشق-سانا")
    assert row["outlet"] == "sana"


def test_utf8_bom_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffقال الوزير إن المحادثات مثمرة.".encode())
    row = read_corpus(path).row(0, named=True)
    assert row["encoding"] == "utf-8-sig"
    assert row["raw_text"] == "قال الوزير إن المحادثات مثمرة."


def test_duplicate_ids_are_reported(tmp_path: Path, seeds_dir: Path) -> None:
    seed = next(seeds_dir.glob("000_*.txt"))
    (tmp_path / "copy").mkdir()
    shutil.copy(seed, tmp_path / "copy" / seed.name)
    with pytest.warns(NarrativesIngestWarning, match="duplicate of article '000_1bc6e33470cacd38'"):
        df = read_corpus([seed, tmp_path / "copy"])
    assert df.height == 1
    with pytest.raises(IngestError, match="duplicate of article"):
        read_corpus([seed, tmp_path / "copy"], on_error="stop")


def test_missing_explicit_column_names_the_file_and_columns() -> None:
    with pytest.raises(
        IngestError, match=r"custom.csv: no text column 'texte' \(columns: doc, body"
    ):
        read_corpus(FIXTURES / "custom.csv", text_column="texte", on_error="stop")


def test_records_without_text_and_title_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a", "text": "نص."}\n{"id": "b", "text": ""}\n', encoding="utf-8")
    with pytest.warns(NarrativesIngestWarning, match=r"r.jsonl line 2: no text in field 'text'"):
        df = read_corpus(path)
    assert df["article_id"].to_list() == ["a"]


def test_nothing_readable_is_an_error() -> None:
    with pytest.raises(IngestError, match="no articles read"):
        read_quietly(FIXTURES / "empty.txt")


def test_missing_path_is_reported(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file or folder"):
        read_corpus(tmp_path / "nope", on_error="stop")


def test_broken_member_in_good_zip(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "قال الوزير إن الاجتماع مفيد.")
        zf.writestr("b.txt", "")
    archive = tmp_path / "mixed.zip"
    archive.write_bytes(buf.getvalue())
    with pytest.warns(NarrativesIngestWarning, match=r"mixed.zip::b.txt: empty file"):
        df = read_corpus(archive)
    assert df["article_id"].to_list() == ["a"]


def test_non_arabic_text_is_read_and_flagged() -> None:
    row = read_corpus(FIXTURES / "english.txt").row(0, named=True)
    assert row["language"] == "en"
    assert row["text"].startswith("Russian Foreign Minister")


# --- corpus scale (python -m pytest -m slow) -------------------------------------


@pytest.mark.slow
def test_full_saudinewsnet_loads_with_outlets_from_source() -> None:
    from conftest import SAUDINEWSNET

    if not SAUDINEWSNET.is_dir():
        pytest.skip(f"SaudiNewsNet not found at {SAUDINEWSNET}")
    with pytest.warns(NarrativesIngestWarning):  # records without text are reported
        df = read_corpus(SAUDINEWSNET)
    assert df.height > 30_900  # 31,030 records, of which 57 have neither text nor title
    assert df["article_id"].n_unique() == df.height
    assert df["outlet"].n_unique() == 14
    assert (df["outlet_method"] == "metadata").all()
    assert df["published"].null_count() == 0


@pytest.mark.parametrize(("suffix", "sep"), [(".tsv", "\t"), (".csv", ",")])
def test_delimited_in_cp1256_is_decoded_and_reported(tmp_path: Path, suffix: str, sep: str) -> None:
    path = tmp_path / f"t{suffix}"
    path.write_bytes(f"id{sep}text\nt1{sep}قال الوزير إن الحوار مستمر.\n".encode("cp1256"))
    with pytest.warns(NarrativesIngestWarning, match="not UTF-8; decoded as cp1256"):
        row = read_corpus(path).row(0, named=True)
    assert (row["article_id"], row["text"], row["encoding"]) == (
        "t1",
        "قال الوزير إن الحوار مستمر.",
        "cp1256",
    )


@pytest.mark.parametrize("suffix", [".ndjson", ".jsonl"])
def test_json_lines_suffixes(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"r{suffix}"
    shutil.copy(FIXTURES / "passim.jsonl", path)
    assert read_corpus(path)["article_id"].to_list() == ["p1", "p2"]


def test_articles_from_records_matches_read_corpus(seeds_dir: Path, seeds: pl.DataFrame) -> None:
    from narratives.io import articles_from_records

    records = pl.DataFrame(
        {
            "article_id": seeds["article_id"],
            "raw_text": seeds["raw_text"],
            "source_path": seeds["source_path"],
            "encoding": seeds["encoding"],
        }
    )
    again = articles_from_records(records)
    assert again.equals(seeds)
    halves = [articles_from_records(part) for part in records.iter_slices(n_rows=3)]
    assert pl.concat(halves).equals(seeds)  # per partition gives the same rows


def test_a_day_read_in_parts_on_workers_gives_the_articles_of_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # from PARALLEL_ARTICLES articles a worker, read_corpus cleans records on forked
    # workers: the same rows in the same order, the same warnings, as in one process
    from narratives.io import _corpus
    from tests.conftest import SAUDINEWSNET

    day = SAUDINEWSNET / "2015-08-04.zip"
    if not day.exists():
        pytest.skip(f"SaudiNewsNet is not at {SAUDINEWSNET}")
    with warnings.catch_warnings(record=True) as one_warned:
        warnings.simplefilter("always")
        one = read_corpus(day)
    monkeypatch.setattr(_corpus, "PARALLEL_ARTICLES", 100)
    with warnings.catch_warnings(record=True) as parts_warned:
        warnings.simplefilter("always")
        parts = read_corpus(day)
    assert one.height > 1000
    assert parts.equals(one)
    assert [str(w.message) for w in parts_warned] == [str(w.message) for w in one_warned]
    # what a reader sees: outlets and dates inferred, the headline span first
    assert parts["outlet"].null_count() == 0 and parts["published"].null_count() < one.height
    assert parts["spans"][0][0]["role"] == "headline"


def test_article_rows_make_the_frame_polars_makes_of_them(seeds: pl.DataFrame) -> None:
    # the spans column is built as one Arrow list of structs (polars converts a column
    # of Python lists of dicts one dict at a time): the same frame
    from narratives.io._corpus import _frame

    rows = seeds.to_dicts()
    rows[0]["spans"] = []  # an article with no line
    built = _frame(rows)
    assert built.equals(pl.DataFrame(rows, schema=schemas.ARTICLES))
    assert built.schema == schemas.ARTICLES
    assert built["spans"].list.len().to_list()[:2] == [0, len(seeds["spans"][1])]
    assert built["spans"][1].to_list() == seeds["spans"][1].to_list()
    assert _frame([]).schema == schemas.ARTICLES


def test_a_past_or_coming_events_date_in_the_lede_is_not_the_publication(tmp_path: Path) -> None:
    # SaudiNewsNet 2015-08-04:437 (aljazirah): a column on the invasion of Kuwait was dated
    # 1990-08-02 from its lede; 2015-07-23:1293 dated 2015-08-12 by the event it announces
    records = [
        {
            "source": "aljazirah",
            "url": "http://www.al-jazirah.com/2015/20150804/ar2.htm",
            "date_extracted": "2015-08-04 18:35:54",
            "title": "2/ 8/ 1990م",
            "author": "",
            "content": "قبل خمسة وعشرين عاماً ميلادياً، وعلى وجه التحديد في فجر الخميس "
            "2 أغسطس 1990 م اجتاحت القوات العراقية الأراضي الكويتية.",
        },
        {
            "source": "alyaum",
            "url": "http://www.alyaum.com/article/1",
            "date_extracted": "2015-07-23 19:21:33",
            "title": "انطلاق الملتقى",
            "author": "",
            "content": "ينطلق الملتقى يوم الأربعاء 12 أغسطس 2015 في الدمام بمشاركة واسعة.",
        },
        {
            "source": "alyaum",
            "url": "http://www.alyaum.com/article/2",
            "date_extracted": "2015-08-10 19:45:21",
            "title": "افتتاح المعرض",
            "author": "",
            "content": "افتتح الأمير يوم الخميس 6 أغسطس 2015 المعرض في الرياض.",
        },
    ]
    path = tmp_path / "2015-08-04.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    rows = read_corpus(path).rows(named=True)
    assert [str(r["published"]) for r in rows] == ["2015-08-04", "2015-07-23", "2015-08-06"]
    assert "9133 days before the crawl date" in rows[0]["published_evidence"]
    assert "after the crawl date" in rows[1]["published_evidence"]
    assert rows[2]["published_method"] == "inferred"  # an event four days before: kept
