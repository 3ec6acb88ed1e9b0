"""aipark.extract: figures found in English, Simplified and Traditional Chinese text."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import aipark
from aipark import Bound, Mention, MentionKind, Precision, _spellings, extract, extraction
from aipark.cli import run
from aipark.extraction import CLASSIFIERS, reading_rules
from aipark.units import parse_quantity
from extraction_corpus import CORPUS, HELD_OUT, HELD_OUT_2, score

ARTICLE = Path(__file__).parents[2] / "shared" / "reference" / "source-article-2023-02-27.txt"


def only(text: str) -> Mention:
    """The one mention in ``text``."""
    found = extract(text)
    assert len(found) == 1, found
    return found[0]


def only_read(text: str, figure: str, kind: MentionKind, value: str) -> Mention:
    """The one mention in ``text``: ``figure``, of ``kind``, read as the parser reads ``value``."""
    m = only(text)
    assert (m.text, m.kind) == (figure, kind)
    assert m.quantity == parse_quantity(value)
    return m


def only_unreadable(text: str, figure: str, reason: str) -> Mention:
    """The one mention in ``text``: ``figure``, unread, with a reason that says ``reason``."""
    m = only(text)
    assert m.text == figure
    assert m.quantity is None
    assert m.reason is not None
    assert reason in m.reason
    return m


def test_a_figure_with_its_unit_span_and_reading() -> None:
    """The span is the figure as printed; the reading comes from aipark's parser."""
    text = "The new zone covers 1,250 mu along the coast."
    m = only(text)
    assert (m.text, m.start, m.end) == ("1,250 mu", 20, 28)
    assert text[m.start : m.end] == m.text
    assert m.kind is MentionKind.AREA
    assert m.quantity == parse_quantity("1250 mu")
    assert m.bound is None
    assert m.reason is None
    assert m.readable


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value"),
    [
        ("项目总投资120亿元，", "120亿元", MentionKind.MONEY, "12000000000 CNY"),
        ("园区规划面积3000亩。", "3000亩", MentionKind.AREA, "3000 mu"),
        ("園區規劃面積1.5萬畝。", "1.5萬畝", MentionKind.AREA, "15000 mu"),
        ("總投資80億元", "80億元", MentionKind.MONEY, "8000000000 CNY"),
        ("a budget of 2.5 billion yuan", "2.5 billion yuan", MentionKind.MONEY, "2.5e9 CNY"),
        ("worth $1.2 billion", "$1.2 billion", MentionKind.MONEY, "1200000000 USD"),
        ("a 150 PFLOPS cluster", "150 PFLOPS", MentionKind.COMPUTE, "150 PFLOPS"),
        ("占地12平方公里", "12平方公里", MentionKind.AREA, "12 km**2"),
        ("covering 40 hectares", "40 hectares", MentionKind.AREA, "40 hectare"),
        ("五千亩土地", "五千亩", MentionKind.AREA, "5000 mu"),
        ("投资两百亿元", "两百亿元", MentionKind.MONEY, "20000000000 CNY"),
        ("兩百億元的投資", "兩百億元", MentionKind.MONEY, "20000000000 CNY"),
        ("利用率达到85%", "85%", MentionKind.RATIO, "85 percent"),
        ("up 12 percent", "12 percent", MentionKind.RATIO, "12 percent"),
    ],
)
def test_quantities_in_three_scripts(text: str, figure: str, kind: MentionKind, value: str) -> None:
    only_read(text, figure, kind, value)


def test_compute_shorthand_where_the_text_speaks_of_compute() -> None:
    """ "300P算力" and "a computing power of 150P" are PFLOPS; a bare "150P" is not read."""
    assert only("园区建成300P算力").quantity == parse_quantity("300 PFLOPS")
    assert only("with a computing power of 150P").quantity == parse_quantity("150 PFLOPS")
    assert only("the center adds 5E of computing capacity").quantity == parse_quantity("5 EFLOPS")
    m = only("Model 150P sold well.")
    assert m.quantity is None
    assert m.reason is not None
    assert "compute" in m.reason


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("a cluster of 2.5 EFLOPS (FP16) in total", "2.5 EFLOPS (FP16)", "2.5 EFLOPS"),
        ("建成300P FP16算力", "300P FP16算力", "300 PFLOPS"),
        ("智算中心算力达到150P（FP16）。", "150P（FP16）", "150 PFLOPS"),
    ],
)
def test_a_precision_beside_a_compute_figure_is_kept(text: str, figure: str, value: str) -> None:
    m = only(text)
    assert (m.text, m.quantity, m.precision) == (figure, parse_quantity(value), Precision.FP16)


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("is expected to exceed 60 billion yuan", Bound.MORE_THAN),
        ("more than 200 companies", Bound.MORE_THAN),
        ("some 100 scenarios", Bound.ABOUT),
        ("nearly 3,000 engineers", Bound.ABOUT),
        ("up to 40 hectares", Bound.AT_MOST),
        ("at least 15 projects", Bound.AT_LEAST),
        ("超过600亿元", Bound.MORE_THAN),
        ("约3000亩", Bound.ABOUT),
        ("近5000台服务器", Bound.ABOUT),
        ("引进100余家企业", Bound.MORE_THAN),
        ("300多亿元", Bound.MORE_THAN),
        ("年产值100亿元以上", Bound.AT_LEAST),
        ("投資逾80億元", Bound.MORE_THAN),
        ("引進100餘家企業", Bound.MORE_THAN),
    ],
)
def test_bounds(text: str, bound: Bound) -> None:
    assert only(text).bound is bound


def test_paired_figures_are_linked_both_ways() -> None:
    text = "占地2,000 mu (133.3 hectares), with a fund of 30 billion yuan ($4.3 billion)."
    area, ha, cny, usd = extract(text)
    assert area.paired == (ha.start, ha.end)
    assert ha.paired == (area.start, area.end)
    assert cny.paired == (usd.start, usd.end)
    assert usd.paired == (cny.start, cny.end)
    assert usd.quantity == parse_quantity("4300000000 USD")


def test_figures_not_printed_together_are_not_paired() -> None:
    mentions = extract("It covers 2,000 mu. A second plot has 133.3 hectares.")
    assert [m.paired for m in mentions] == [None, None]


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("equivalent to 50,000 personal computers", 50000, "personal computers"),
        (
            "incubated 25 science and technology enterprises.",
            25,
            "science and technology enterprises",
        ),
        ("It has three functional zones that", 3, "functional zones"),
        ("two data centers, namely", 2, "data centers"),
        ("建成5万台高性能PC", 50000, "高性能PC"),
        ("建设两个人工智能计算中心", 2, "人工智能计算中心"),
        ("建成兩個計算中心", 2, "計算中心"),
        ("打造四大功能区", 4, "功能区"),
    ],
)
def test_counts_name_what_they_count(text: str, value: int, noun: str) -> None:
    m = only(text)
    assert m.kind is MentionKind.COUNT
    assert m.quantity is not None
    assert m.quantity.magnitude == value
    assert m.counts == noun


def test_counts_in_a_list_and_a_slogan() -> None:
    """ "one valley and two wings" and 一谷两翼 are counts; "one of" and 一个 alone are not."""
    assert [(m.text, m.counts) for m in extract("a layout of one valley and two wings")] == [
        ("one", "valley"),
        ("two", "wings"),
    ]
    assert [(m.text, m.counts) for m in extract("形成“一谷两翼”的格局")] == [
        ("一谷", "谷"),
        ("两翼", "翼"),
    ]
    assert extract("It is one of the largest parks, a leader in AI.") == ()
    assert extract("打造一个平台") == ()
    assert extract("统一规划，一直以来，千万不要") == ()


def test_ordinals_of_phases() -> None:
    found = extract("in its first phase; Phase two; 一期工程; 第二批")
    assert [(m.text, m.quantity.magnitude if m.quantity else None) for m in found] == [
        ("first", 1),
        ("Phase two", 2),
        ("一", 1),
        ("第二批", 2),
    ]
    assert all(m.kind is MentionKind.ORDINAL for m in found)


def test_years_and_dates() -> None:
    found = extract(
        "Approved in 2019, opened on Feb 23, 2023年3月2日正式运营, 到2028年, "
        "published 2023-02-27, on 5 March 2024, 2月23日开园"
    )
    got = [(m.kind.value, m.year, m.month, m.day) for m in found]
    assert got == [
        ("year", 2019, None, None),
        ("date", None, 2, 23),
        ("date", 2023, 3, 2),
        ("year", 2028, None, None),
        ("date", 2023, 2, 27),
        ("date", 2024, 3, 5),
        ("date", None, 2, 23),
    ]
    assert all(m.quantity is None and m.reason is None for m in found)


def test_a_four_digit_count_is_not_a_year() -> None:
    m = only("The park employs 2000 engineers.")
    assert m.kind is MentionKind.COUNT
    assert m.year is None


@pytest.mark.parametrize(
    ("text", "figure", "kind", "why"),
    [
        ("总投资20亿至30亿元", "20亿至30亿元", MentionKind.MONEY, "range"),
        ("a cost of $15-20 billion", "$15-20 billion", MentionKind.MONEY, "range"),
        (
            "between 15 and 20 billion yuan",
            "between 15 and 20 billion yuan",
            MentionKind.MONEY,
            "range",
        ),
        ("用地1.5万~2万亩", "1.5万~2万亩", MentionKind.AREA, "range"),
        ("grew 20-30 percent", "20-30 percent", MentionKind.RATIO, "range"),
        ("worth ¥5 billion", "¥5 billion", MentionKind.MONEY, "¥"),
    ],
)
def test_unreadable_figures_are_returned_with_a_reason(
    text: str, figure: str, kind: MentionKind, why: str
) -> None:
    m = only(text)
    assert (m.text, m.kind, m.quantity) == (figure, kind, None)
    assert m.reason is not None
    assert why in m.reason
    assert not m.readable


def test_names_are_not_figures() -> None:
    assert extract("5G base stations, 3D printing, GPT-4 and the A100 chip") == ()


def test_full_width_digits_keep_their_offsets() -> None:
    text = "占地３０００亩"
    m = only(text)
    assert (m.text, m.quantity) == ("３０００亩", parse_quantity("3000 mu"))
    assert text[m.start : m.end] == m.text


def test_mentions_are_frozen_values() -> None:
    m = only("3000亩")
    with pytest.raises(AttributeError):
        m.text = "x"  # type: ignore[misc]
    assert m == only("3000亩")


def test_text_must_be_a_string() -> None:
    with pytest.raises(aipark.ValidationError, match="string"):
        extract(b"3000 mu")  # type: ignore[arg-type]


def test_long_text_without_figures_is_quick_and_empty() -> None:
    assert extract("人工智能 artificial intelligence " * 2000) == ()


def test_recall_and_precision_on_the_annotated_sentences() -> None:
    """At least 150 figures written for this test; benchmarks/README.md records the scores."""
    assert sum(len(figures) for _, figures in CORPUS) >= 150
    for corpus in (CORPUS, HELD_OUT, HELD_OUT_2):
        recall, precision, misses = score(corpus)
        assert recall >= 0.95, misses
        assert precision >= 0.95, misses


@pytest.mark.skipif(not ARTICLE.exists(), reason="the reference article is not beside the project")
def test_every_figure_of_the_primary_article() -> None:
    """The article is read from the shared reference folder, never copied here."""
    found = extract(ARTICLE.read_text(encoding="utf-8"))
    readings = {(m.kind, m.quantity.magnitude if m.quantity else m.year) for m in found}
    assert (MentionKind.AREA, 2918) in readings
    assert (MentionKind.AREA, 194.6) in readings
    assert (MentionKind.MONEY, 60_000_000_000) in readings
    assert (MentionKind.MONEY, 8_690_000_000) in readings
    assert (MentionKind.COMPUTE, 150) in readings
    assert (MentionKind.COUNT, 50_000) in readings
    assert (MentionKind.COUNT, 40) in readings
    assert (MentionKind.YEAR, 2019) in readings
    assert (MentionKind.YEAR, 2028) in readings
    assert all(m.readable for m in found)
    assert len(found) == 19


# --------------------------------------------------------------------------
# aipark extract


def test_cli_extract_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text("园区占地约3000亩（200公顷），总投资超过120亿元。", encoding="utf-8")
    assert run(["extract", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["at", "text", "kind", "reading", "bound", "counts", "/", "note"]
    assert lines[1].split()[:5] == ["5-10", "3000亩", "area", "3,000", "mu"]
    assert "same fact as 11-16" in lines[1]
    assert lines[3].split()[1:6] == ["120亿元", "money", "12,000,000,000", "yuan", "more_than"]


def test_cli_extract_json_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("worth ¥5 billion, 150 PFLOPS".encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert run(["extract", "-", "--format", "json"]) == 0
    yen, compute = json.loads(capsys.readouterr().out)
    assert yen["quantity"] is None
    assert "yuan" in yen["reason"]
    assert compute["quantity"] == {"value": 150, "unit": "petaFLOPS"}
    assert compute["kind"] == "compute"


def test_cli_extract_refuses_what_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["extract", str(tmp_path / "missing.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("3000 m² à Qingdao".encode("latin-1"))
    assert run(["extract", str(latin1)]) == 1
    assert "not UTF-8" in capsys.readouterr().err


# --------------------------------------------------------------------------
# Units written with powers or operators, exponents: exact or unreadable


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value"),
    [
        ("占地5 km²的园区", "5 km²", MentionKind.AREA, "5 km**2"),
        ("a 3,000 m² data hall", "3,000 m²", MentionKind.AREA, "3000 m**2"),
        ("a plot of 667 m² in town", "667 m²", MentionKind.AREA, "667 m**2"),
        ("cooling water at 5 m³/s.", "5 m³/s", MentionKind.OTHER, "5 m**3/s"),
        ("a 1 km/h walk", "1 km/h", MentionKind.OTHER, "1 km/h"),
        ("priced at 6.9 CNY/USD today", "6.9 CNY/USD", MentionKind.OTHER, "6.9 CNY/USD"),
        ("written as 12 km**2 in plain text", "12 km**2", MentionKind.AREA, "12 km**2"),
        ("a budget of 2.5e9 USD", "2.5e9 USD", MentionKind.MONEY, "2.5e9 USD"),
        ("投资1E10元", "1E10元", MentionKind.MONEY, "1e10 CNY"),
    ],
)
def test_units_with_powers_and_operators_are_read_whole(
    text: str, figure: str, kind: MentionKind, value: str
) -> None:
    """Before, "5 km²" was a count of 5 and "2.5e9 USD" 2.5 elementary charges."""
    only_read(text, figure, kind, value)


@pytest.mark.parametrize(
    ("text", "figure", "reason"),
    [
        ("covering 5 km2 of land", "5 km2", "unknown unit 'km2'"),
        ("占地5 km2，", "5 km2", "unknown unit 'km2'"),
        ("a peak of 10^15 FLOP per second", "10^15", "power written with '^'"),
        ("1 m**99", "1 m**99", ""),
        ("2918 mu**9**9", "2918 mu**9**9", ""),
        ("1e999 m", "1e999", "too large"),
    ],
)
def test_powers_the_parser_refuses_are_unreadable_never_a_smaller_figure(
    text: str, figure: str, reason: str
) -> None:
    """Before, "5 km2" was 5 km, "10^15 FLOP per second" was 15 FLOPS."""
    only_unreadable(text, figure, reason)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("**2,918 mu** in bold", ["2,918 mu"]),
        ("总投资40亿元3个项目", ["40亿元", "3个"]),
        ("算力300 PFLOPS2025年", ["300 PFLOPS", "2025年"]),
        ("5 A100 GPUs", ["5"]),
        ("5 thouſand", ["5"]),
    ],
)
def test_digits_after_a_unit_that_are_no_power(text: str, figures: list[str]) -> None:
    assert [m.text for m in extract(text)] == figures


# --------------------------------------------------------------------------
# Spellings of Chinese and business sources that were misread


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value", "bound"),
    [
        ("总投资超千亿元，", "千亿元", MentionKind.MONEY, "1e11 CNY", Bound.MORE_THAN),
        ("百億元的基金", "百億元", MentionKind.MONEY, "1e10 CNY", None),
        ("投资1.2万億元", "1.2万億元", MentionKind.MONEY, "1.2e12 CNY", None),
        ("PUE低于1.25", "1.25", MentionKind.NUMBER, "1.25", Bound.LESS_THAN),
        ("PUE低於1.25", "1.25", MentionKind.NUMBER, "1.25", Bound.LESS_THAN),
        ("PUE不高于1.3", "1.3", MentionKind.NUMBER, "1.3", Bound.AT_MOST),
        ("功率大于40 MW", "40 MW", MentionKind.OTHER, "40 MW", Bound.MORE_THAN),
        ("存储容量达到10PB，", "10PB", MentionKind.OTHER, "10 PB", None),
        ("5 GB of memory", "5 GB", MentionKind.OTHER, "5 GB", None),
    ],
)
def test_spellings_chinese_and_business_sources_print(
    text: str, figure: str, kind: MentionKind, value: str, bound: Bound | None
) -> None:
    """Before: 超千亿元 and 百億元 were missed, 低于 was no bound, "10PB" was the number 10."""
    assert only_read(text, figure, kind, value).bound is bound


@pytest.mark.parametrize(
    ("text", "figure", "reason"),
    [
        ("峰值运算速度每秒12.5亿亿次，", "12.5亿亿", "two magnitude words"),
        ("worth $8.69B in", "$8.69B", "billion in business news and a byte"),
        ("a 17B deal", "17B", "billion in business news and a byte"),
    ],
)
def test_figures_that_read_two_ways_are_unreadable(text: str, figure: str, reason: str) -> None:
    """Before: 12.5亿 counting 亿次, 8.69 USD and 17 were read, each far from the figure."""
    only_unreadable(text, figure, reason)


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value", "bound", "counts"),
    [
        ("PUE值控制在1.2以下，", "1.2以下", MentionKind.NUMBER, 1.2, Bound.AT_MOST, None),
        ("约500左右", "500左右", MentionKind.NUMBER, 500, Bound.ABOUT, None),
        ("企业300家以上，", "300家以上", MentionKind.COUNT, 300, Bound.AT_LEAST, "家"),
        ("打造100个以上应用场景", "100个以上", MentionKind.COUNT, 100, Bound.AT_LEAST, "应用场景"),
    ],
)
def test_a_bound_word_after_a_number_or_its_measure_word(
    text: str,
    figure: str,
    kind: MentionKind,
    value: float,
    bound: Bound,
    counts: str | None,
) -> None:
    """Before: "1.2以下" counted 以下, "100个以上应用场景" counted 以上应用场景."""
    m = only(text)
    assert (m.text, m.kind, m.bound, m.counts) == (figure, kind, bound, counts)
    assert m.quantity is not None
    assert m.quantity.magnitude == value


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("超过300家以上", "300家以上"),
        ("超过600亿元以上", "600亿元以上"),
        ("超过20%以上", "20%以上"),
    ],
)
def test_two_different_bounds_are_refused_as_the_parser_does(text: str, figure: str) -> None:
    """Before, the bound before the figure won silently over the one after it."""
    m = only(text)
    assert m.text == figure
    assert m.quantity is None
    assert m.reason == f"{figure!r} bounds the figure twice (more_than and at_least)"


@pytest.mark.parametrize(
    ("text", "figure", "bound"),
    [
        ("约600亿元左右", "600亿元左右", Bound.ABOUT),
        ("增长20%以上，", "20%以上", Bound.AT_LEAST),
        ("a PUE below 1.3.", "1.3", Bound.LESS_THAN),
        ("under 40 MW", "40 MW", Bound.LESS_THAN),
    ],
)
def test_bounds_around_percentages_and_english_comparatives(
    text: str, figure: str, bound: Bound
) -> None:
    m = only(text)
    assert (m.text, m.bound) == (figure, bound)
    assert m.quantity is not None


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("年节电约3000万千瓦时。", "3000万千瓦时", "3e7 kWh"),
        ("装机功率5千瓦", "5千瓦", "5 kW"),
        ("年耗電5千瓦時", "5千瓦時", "5 kWh"),
    ],
)
def test_chinese_power_and_energy_units(text: str, figure: str, value: str) -> None:
    only_read(text, figure, MentionKind.OTHER, value)


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value"),
    [
        ("总投资5千亿元", "5千亿元", MentionKind.MONEY, "5e11 CNY"),
        ("投资1千万元", "1千万元", MentionKind.MONEY, "1e7 CNY"),
        ("3百万亩耕地", "3百万亩", MentionKind.AREA, "3e6 mu"),
        ("1.5千万元", "1.5千万元", MentionKind.MONEY, "1.5e7 CNY"),
        ("装机5千瓦", "5千瓦", MentionKind.OTHER, "5 kW"),
        ("全长5千米", "5千米", MentionKind.OTHER, "5 km"),
    ],
)
def test_digits_with_a_compound_magnitude(
    text: str, figure: str, kind: MentionKind, value: str
) -> None:
    """Before, "5千亿元" was a count of 5 (counting 千亿元), "1千万元" one of 1."""
    only_read(text, figure, kind, value)


@pytest.mark.parametrize(
    ("text", "figure", "reason"),
    [
        ("50亿港元", "50亿港元", "no Hong Kong dollar (港元)"),
        ("50亿日元", "50亿日元", "no yen (日元)"),
        ("100万英镑", "100万英镑", "no pound sterling (英镑)"),
        ("總投資新台幣120億元", "120億元", "'新台幣120億元': 元 here is the New Taiwan dollar"),
        ("港幣約50億元", "50億元", "'港幣約50億元': 元 here is the Hong Kong dollar"),
        ("3千家企业", "3千", "mixes digits and a Chinese numeral"),
    ],
)
def test_money_in_currencies_aipark_does_not_define_is_unreadable(
    text: str, figure: str, reason: str
) -> None:
    """Before, "新台幣120億元" was 12 billion CNY and "50亿港元" a count of 港元."""
    only_unreadable(text, figure, reason)


@pytest.mark.parametrize(
    ("text", "figure", "reason"),
    [
        ("exports doubled to $300m.", "$300m", "a currency sign and a unit ('m')"),
        ("€40m in funding", "€40m", "a currency sign and a unit ('m')"),
        ("$300 per mu", "$300 per mu", "a currency sign and a unit ('per mu')"),
        ("revenue of 300m yuan", "300m yuan", "'m' before a currency is a magnitude"),
        ("5k dollars", "5k dollars", "'k' before a currency is a magnitude"),
    ],
)
def test_money_with_a_letter_for_its_magnitude_is_unreadable(
    text: str, figure: str, reason: str
) -> None:
    """Before: 300 USD, 40 EUR, 300 USD, 300 meters and 5 Boltzmann constants."""
    assert only_unreadable(text, figure, reason).kind is MentionKind.MONEY


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("RMB300 million", "RMB300 million", "3e8 CNY"),
        ("RMB60bn", "RMB60bn", "6e10 CNY"),
        ("RMB15mn in fees", "RMB15mn", "1.5e7 CNY"),
        ("a US$1.2tn market", "US$1.2tn", "1.2e12 USD"),
        ("$300 in funding", "$300", "300 USD"),
    ],
)
def test_currency_codes_right_before_the_digits(text: str, figure: str, value: str) -> None:
    """ "RMB300 million", as English-language Chinese dailies print it, was not found at all."""
    m = only(text)
    assert m.text == figure
    assert m.quantity == parse_quantity(value)


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("20k users", "20k", "boltzmann_constant"),
        ("500K PCs", "500K", "kelvin"),
        ("over 10M people", "10M", "molar"),
        ("2m visitors", "2m", "meter"),
    ],
)
def test_letters_for_thousands_and_millions_are_unreadable(
    text: str, figure: str, unit: str
) -> None:
    """Before, "20k users" was 20 Boltzmann constants and "10M people" 10 molar."""
    only_unreadable(text, figure, f"business text but {unit} to pint")


@pytest.mark.parametrize(("text", "figure"), [("5m tall", "5m"), ("a 100m sprint", "100m")])
def test_meters_stay_meters(text: str, figure: str) -> None:
    m = only(text)
    assert m.text == figure
    assert m.quantity == parse_quantity(figure)


@pytest.mark.parametrize(
    ("text", "figure", "kind", "reason"),
    [
        ("on 2/23/2023", "2/23/2023", MentionKind.DATE, "order aipark cannot tell"),
        ("1/3 of the land", "1/3", MentionKind.NUMBER, "is a fraction"),
        ("1.000.000 EUR", "1.000.000", MentionKind.NUMBER, "write '1,000,000'"),
    ],
)
def test_numbers_the_parser_would_misread_are_unreadable(
    text: str, figure: str, kind: MentionKind, reason: str
) -> None:
    """Before: the numbers 2, 1 and 1.0."""
    assert only_unreadable(text, figure, reason).kind is kind


@pytest.mark.parametrize(
    ("text", "figure", "value", "counts"),
    [("the 14th Five-Year Plan", "14th", 14, "five"), ("the 1st phase", "1st", 1, "phase")],
)
def test_ordinal_suffixes(text: str, figure: str, value: int, counts: str) -> None:
    """Before, "14th" was 14 thou (thousandths of an inch)."""
    m = only(text)
    assert (m.text, m.kind, m.counts) == (figure, MentionKind.ORDINAL, counts)
    assert m.quantity is not None
    assert m.quantity.magnitude == value


@pytest.mark.parametrize(
    ("text", "figure", "value", "bound"),
    [
        ("近三年来，", "三年", "3 year", Bound.ABOUT),
        ("3年内建成", "3年", "3 year", None),
        ("1.5年", "1.5年", "1.5 year", None),
    ],
)
def test_a_number_of_years_is_a_duration(
    text: str, figure: str, value: str, bound: Bound | None
) -> None:
    assert only_read(text, figure, MentionKind.OTHER, value).bound is bound


def test_a_short_year_or_a_duration_is_unreadable() -> None:
    """ "23年实现营收" is 2023 to most readers; "20年前" 20 years ago: digits cannot tell."""
    m = extract("23年实现营收85亿元。")[0]
    assert (m.text, m.kind, m.quantity) == ("23年", MentionKind.YEAR, None)
    assert m.reason is not None
    assert "a year written short" in m.reason
    assert only("二十年来").quantity == parse_quantity("20 year")


def test_a_year_of_the_minguo_calendar() -> None:
    m = only("預計於民國115年完成")
    assert (m.text, m.kind, m.year) == ("民國115年", MentionKind.YEAR, 2026)
    bare = only("预计115年完成")
    assert (bare.text, bare.year) == ("115年", None)
    assert bare.reason is not None
    assert "Minguo calendar" in bare.reason


@pytest.mark.parametrize("text", ["二十年代", "三年级"])
def test_years_that_are_no_duration(text: str) -> None:
    assert extract(text) == ()


@pytest.mark.parametrize(
    ("text", "figure", "reason"),
    [
        ("电力容量为20兆瓦，", "20兆瓦", "兆 is 10^12 in Taiwan and 10^6 (mega) elsewhere"),
        ("5兆元的投资", "5兆元", "兆 is 10^12 in Taiwan"),
        ("年用电量约1.5亿度。", "1.5亿度", "度 is a kilowatt-hour of electricity and a degree"),
    ],
)
def test_chinese_units_that_read_two_ways(text: str, figure: str, reason: str) -> None:
    """Before: counts of 兆瓦, 兆元 and 度."""
    only_unreadable(text, figure, reason)


def test_yuan_after_renminbi_is_the_yuan() -> None:
    assert only("人民幣120億元").quantity == parse_quantity("1.2e10 CNY")


@pytest.mark.parametrize(
    ("text", "figure", "value", "bound"),
    [
        ("可容納逾百家企業", "百家", 100, Bound.MORE_THAN),
        ("近千家企业入驻", "千家", 1000, Bound.ABOUT),
    ],
)
def test_a_bare_hundred_or_thousand_after_a_bound_word(
    text: str, figure: str, value: int, bound: Bound
) -> None:
    m = only(text)
    assert (m.text, m.kind, m.bound) == (figure, MentionKind.COUNT, bound)
    assert m.quantity is not None
    assert m.quantity.magnitude == value


@pytest.mark.parametrize("text", ["打造千亿级产业", "千万不要忘记", "千亿", "百家争鸣", "千家万户"])
def test_bare_thousands_without_a_unit_are_words(text: str) -> None:
    assert extract(text) == ()


# --------------------------------------------------------------------------
# The rules the docs page lists


def test_the_rules_list_every_spelling_of_the_tables_they_come_from() -> None:
    """The how-to page's table is drawn from the parser's tables: none can go missing."""
    listed = " ".join(" ".join(row) for row in reading_rules())
    tables = (
        _spellings.BOUND_PREFIXES,
        _spellings.BOUND_SUFFIXES,
        _spellings.CHINESE_MAGNITUDES,
        _spellings.ENGLISH_MAGNITUDES,
        _spellings.CURRENCY_SIGNS,
        _spellings.REFUSED_SIGNS,
        _spellings.RANGE_WORDS,
        _spellings.COMPUTE_SHORTHAND,
        _spellings.PRECISIONS,
        _spellings.UNIT_SPELLINGS,
        _spellings.TRADITIONAL,
        CLASSIFIERS,
    )
    missing = [key for table in tables for key in table if f"`{key}`" not in listed]
    assert not missing
    page = Path(__file__).parents[1] / "docs" / "how-to" / "check-against-source.md"
    assert "```{aipark-extract-rules}" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("word", sorted(extraction._BOUND_PREFIXES))
def test_every_listed_bound_word_bounds_a_figure(word: str) -> None:
    m = only(f"{word} 300亿元" if word.isascii() else f"{word}300亿元")
    assert m.bound is Bound(extraction._BOUND_PREFIXES[word])
