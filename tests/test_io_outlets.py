"""Outlet lexicon and inference: URL, credit lines, datelines, site markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from narratives._resources import load_yaml
from narratives.io import clean_article, infer_outlet, load_outlets

SAUDINEWSNET_SOURCES = [
    "aawsat", "aleqtisadiya", "aljazirah", "almadina", "alriyadh", "alwatan", "alweeam",
    "alyaum", "arreyadi", "arriyadiyah", "okaz", "sabq", "was", "3alyoum",
]  # fmt: skip


def test_shipped_outlets_cover_seeds_and_saudinewsnet() -> None:
    ids = set(load_outlets().ids)
    assert {"sana", "rt-arabic", "al-ittihad", *SAUDINEWSNET_SOURCES} <= ids


def test_every_shipped_outlet_has_names_and_a_domain() -> None:
    for entry in load_yaml("outlets.yaml")["outlets"]:
        assert entry.get("name_ar") and entry.get("name_en"), entry["id"]
        assert entry.get("domains"), entry["id"]


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://sana.sy/?p=123", "sana"),
        ("https://arabic.rt.com/news/1", "rt-arabic"),
        ("http://www.alittihad.ae/details.php?id=1", "al-ittihad"),
        ("http://www.spa.gov.sa/1", "was"),
        ("http://www.al-jazirah.com/2015/x", "aljazirah"),
        ("https://notsana.sy.example.com/", None),
    ],
)
def test_outlet_from_url(url: str, outlet: str | None) -> None:
    found, method, evidence = infer_outlet("نص الخبر.", url)
    assert found == outlet
    assert method == ("inferred" if outlet else "unknown")
    if outlet:
        assert evidence.startswith("url domain: ")


@pytest.mark.parametrize(
    ("prefix", "outlet", "evidence"),
    [
        ("000", "sana", "dateline: موسكو-سانا"),
        ("001", "sana", "dateline: موسكو-سانا"),
        ("002", "rt-arabic", "credit line: المصدر: روسيا اليوم"),
        ("003", "sana", "site marker: الشريط الاخباريدولي"),
        ("004", "al-ittihad", "credit line: جميع الحقوق محفوظة لمركز الاتحاد للأخبار 2024©"),
    ],
)
def test_seed_outlets(seeds_dir: Path, prefix: str, outlet: str, evidence: str) -> None:
    raw = next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    found, method, why = infer_outlet(raw, None)
    assert (found, method) == (outlet, "inferred")
    assert why.startswith(evidence)


def test_body_mentions_do_not_name_the_outlet() -> None:
    raw = "قال لافروف في حديث نقله موقع روسيا اليوم ووكالة سانا إن التعاون مستمر."
    outlet, method, evidence = infer_outlet(raw, None)
    assert (outlet, method) == (None, "unknown")
    assert "no outlet metadata" in evidence


def test_spans_can_be_passed_in() -> None:
    raw = "القاهرة - سانا\nقال المتحدث إن الاجتماع انتهى."
    spans = clean_article(raw).spans
    assert infer_outlet(raw, None, spans=spans)[0] == "sana"


@pytest.mark.parametrize(
    ("value", "outlet"),
    [("sana", "sana"), ("روسيا اليوم", "rt-arabic"), ("Russia Today", "rt-arabic"),
     ("arreyadiyah", "arriyadiyah"), ("SANA", "sana"), ("unknown-paper", None)],
)  # fmt: skip
def test_metadata_values_map_to_ids(value: str, outlet: str | None) -> None:
    assert load_outlets().canonical(value) == outlet


def test_user_outlets_extend_and_replace(tmp_path: Path) -> None:
    mine = tmp_path / "o.yaml"
    mine.write_text(
        "outlets:\n"
        "  - id: al-watan-sy\n    name_ar: [الوطن السورية]\n    domains: [alwatan.sy]\n"
        "  - id: sana\n    name_ar: [سانا]\n    name_en: [SANA]\n    credits: [سانا الجديدة]\n",
        encoding="utf-8",
    )
    outlets = load_outlets(mine)
    assert infer_outlet("نص.", "https://alwatan.sy/a", outlets)[0] == "al-watan-sy"
    assert "sana.sy" not in [d for d, _ in outlets.domains]  # the entry was replaced
    assert "rt-arabic" in outlets.ids  # shipped ones kept


def test_bad_user_outlets_file_names_itself(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("outlets:\n  - name_ar: [بلا معرف]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.yaml: outlet entry 0 has no 'id'"):
        load_outlets(bad)
