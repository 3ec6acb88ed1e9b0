"""Tests for aipark.formatting: exact strings in a few locales, crash-only in all of them."""

from __future__ import annotations

import datetime
import html
import io
import re
from html.parser import HTMLParser

import attrs
import pytest
from babel import Locale
from babel.localedata import locale_identifiers
from babel.units import get_unit_name
from hypothesis import given, settings
from hypothesis import strategies as st
from IPython.lib.pretty import RepresentationPrinter, pretty

import aipark
from aipark import Bound, Park, Target, ValidationError
from aipark.factsheet import describe
from aipark.formatting import CLDR_UNITS, Length, format_quantity, plain_quantity
from aipark.models import Term
from aipark.units import parse_unit, unit_name

NBSP = "\xa0"
QINGDAO = aipark.QINGDAO


# --------------------------------------------------------------------------
# format_quantity: exact strings


@pytest.mark.parametrize(
    ("text", "locale", "length", "compact", "expected"),
    [
        # money, compact and full
        ("600亿元", "en_US", "short", True, "CN¥60B"),
        ("600亿元", "en_US", "short", False, "CN¥60,000,000,000.00"),
        ("600亿元", "en_US", "long", True, "60 billion Chinese yuan"),
        ("600亿元", "en_US", "long", False, "60,000,000,000.00 Chinese yuan"),
        ("600亿元", "zh_CN", "short", True, "¥600亿"),
        ("600亿元", "zh_CN", "short", False, "¥60,000,000,000.00"),
        ("600亿元", "zh_CN", "long", True, "600亿元"),
        ("600亿元", "zh_CN", "long", False, "60,000,000,000.00元"),
        ("600亿元", "de_DE", "short", True, f"60{NBSP}Mrd.{NBSP}CN¥"),
        ("600亿元", "de_DE", "short", False, f"60.000.000.000,00{NBSP}CN¥"),
        ("600亿元", "de_DE", "long", True, "60 Milliarden Renminbi Yuan"),
        ("8690000000 USD", "en_US", "short", True, "$8.69B"),
        ("8690000000 USD", "zh_CN", "long", True, "86.9亿美元"),
        ("8690000000 USD", "de_DE", "long", True, "8,69 Milliarden US-Dollar"),
        # hectares (CLDR), with plural forms
        ("194.6 hectare", "en_US", "short", False, "194.6 ha"),
        ("194.6 hectare", "en_US", "long", False, "194.6 hectares"),
        ("1 hectare", "en_US", "long", False, "1 hectare"),
        ("194.6 hectare", "zh_CN", "long", False, "194.6公顷"),
        ("194.6 hectare", "de_DE", "long", False, "194,6 Hektar"),
        ("2 acre", "en_US", "long", False, "2 acres"),
        ("12.5 km**2", "de_DE", "short", False, "12,5 km²"),
        # mu and qing (aipark's labels); compact leaves measurements in full
        ("2918 mu", "en_US", "short", False, "2,918 mu"),
        ("2918 mu", "en_US", "short", True, "2,918 mu"),
        ("2918 mu", "zh_CN", "short", False, "2,918亩"),
        ("2918 mu", "zh_Hant", "short", False, "2,918畝"),
        ("2918 mu", "de_DE", "long", False, "2.918 Mu"),
        ("3 qing", "zh_CN", "long", False, "3顷"),
        # FLOPS and its prefixes, with plural forms
        ("150 PFLOPS", "en_US", "short", False, "150 PFLOPS"),
        ("150 PFLOPS", "en_US", "long", False, "150 petaFLOPS"),
        ("150 PFLOPS", "zh_CN", "short", False, "150 PFLOPS"),
        ("150 PFLOPS", "de_DE", "short", False, "150 PFLOPS"),
        ("1.5 EFLOPS", "de_DE", "short", False, "1,5 EFLOPS"),
        ("1 FLOPS", "en_US", "long", False, "1 floating-point operation per second"),
        ("2 FLOPS", "en_US", "long", False, "2 floating-point operations per second"),
        ("1 FLOPS", "de_DE", "long", False, "1 Gleitkommaoperation pro Sekunde"),
        ("2 FLOPS", "de_DE", "long", False, "2 Gleitkommaoperationen pro Sekunde"),
        ("2 FLOPS", "zh_CN", "long", False, "每秒2次浮点运算"),
        ("3 TFLOP", "en_US", "short", False, "3 TFLOP"),
        # counts, other units, tiny figures
        ("100", "en_US", "short", False, "100"),
        ("1500000", "en_US", "long", True, "1.5 million"),
        ("1500000", "zh_CN", "short", True, "150万"),
        ("6.9028 CNY/USD", "en_US", "short", False, "6.903 CNY/USD"),
        ("0.00001234 hectare", "en_US", "short", False, "0.0000123 ha"),
        ("0.00001234", "de_DE", "short", False, "0,0000123"),
    ],
)
def test_format_quantity_exact(
    text: str, locale: str, length: str, compact: bool, expected: str
) -> None:
    """Each locale writes numbers, currencies and units its own way."""
    assert format_quantity(text, locale=locale, length=length, compact=compact) == expected  # type: ignore[arg-type]


def test_format_quantity_default_locale_is_en_US() -> None:
    """No locale given means en_US, never the process's locale."""
    q = aipark.Q_(194.6, "hectare")
    assert format_quantity(q) == format_quantity(q, locale="en_US") == "194.6 ha"


def test_format_quantity_accepts_bcp47_tags() -> None:
    """'zh-Hans-CN' and 'zh_CN' are the same locale."""
    assert format_quantity("2918 mu", locale="zh-Hans-CN") == "2,918亩"


@pytest.mark.parametrize(
    "locale",
    [
        "xx",
        "en_ZZ",
        "und",
        "C",
        "POSIX",
        "zh_Hans_TW",
        "en_US.UTF-8",
        "de_DE@euro",
        "",
        "  ",
        "../etc",
        "en_US;rm",
        "a" * 80,
    ],
)
def test_unknown_locale_is_a_validation_error(locale: str) -> None:
    """babel would guess (en_ZZ -> en_US) or raise its own error; aipark refuses clearly."""
    with pytest.raises(ValidationError, match="unknown locale"):
        format_quantity("1 hectare", locale=locale)
    with pytest.raises(ValidationError, match="unknown locale"):
        describe(QINGDAO, locale=locale)


@pytest.mark.parametrize("locale", [None, 42, b"en_US"])
def test_locale_must_be_text(locale: object) -> None:
    with pytest.raises(ValidationError, match="expected a locale identifier"):
        format_quantity("1 hectare", locale=locale)  # type: ignore[arg-type]


def test_a_babel_locale_object_is_a_locale() -> None:
    """``babel.Locale`` objects work wherever a locale identifier does, with the same output."""
    for identifier in ("zh_CN", "de_DE", "en_US", "zh_Hant_TW"):
        loc = Locale.parse(identifier)
        for text in ("2918 mu", "600亿元", "194.6 hectare", "150 PFLOPS"):
            assert format_quantity(text, locale=loc) == format_quantity(text, locale=identifier)
        assert describe(QINGDAO, locale=loc) == describe(QINGDAO, locale=identifier)
    assert format_quantity("2918 mu", locale=Locale.parse("zh_CN")) == "2,918亩"


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("194.5 hectare", "en_US", "194.5ha"),
        ("3 kilowatt", "en_US", "3kW"),
        ("3 kilowatt", "zh_CN", "3kW"),
        ("2918 mu", "zh_CN", "2,918亩"),  # aipark's own label: narrow is short
        ("150 PFLOPS", "de_DE", "150 PFLOPS"),
        ("600亿元", "en_US", "CN¥60,000,000,000.00"),
    ],
)
def test_narrow_length_is_cldr_narrow(text: str, locale: str, expected: str) -> None:
    """``length="narrow"`` is babel's narrow unit form; units CLDR lacks and money stay short."""
    assert format_quantity(text, locale=locale, length="narrow") == expected


@pytest.mark.parametrize(
    ("text", "locale", "length", "expected"),
    [
        ("1 km/hour", "en_US", "long", "1 kilometer per hour"),
        ("1 km/hour", "en_US", "short", "1 km/h"),
        ("1 km/hour", "de_DE", "long", "1 Kilometer pro Stunde"),
        ("5 m/s", "zh_CN", "long", "每秒5米"),
        ("2.5 kW/m**2", "en_US", "long", "2.5 kilowatts per square meter"),
        ("3 kWh/year", "de_DE", "short", "3 kWh/J"),
        # Only one part known to CLDR: pint's symbols for the whole.
        ("150 PFLOPS/MW", "en_US", "long", "150 petaFLOPS/megawatt"),
    ],
)
def test_ratios_of_cldr_units_are_babels_compound_units(
    text: str, locale: str, length: Length, expected: str
) -> None:
    """``"1 km/hour"`` reads "1 kilometer per hour", not "1 kilometer/hour"."""
    assert format_quantity(text, locale=locale, length=length) == expected


@pytest.mark.parametrize(
    "prefix", ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"]
)
@pytest.mark.parametrize("unit", ["FLOP", "FLOPS"])
def test_prefixed_flops_are_pints_symbols(prefix: str, unit: str) -> None:
    """SI prefixes on FLOP and FLOPS come from pint's ``~P`` (short) and ``P`` (long) formats."""
    q = aipark.Q_(3, f"{prefix}{unit}")
    for locale in ("en_US", "de_DE", "zh_CN"):
        assert format_quantity(q, locale=locale) == f"3 {q.units:~P}"
        assert format_quantity(q, locale=locale, length="long") == f"3 {prefix}{unit}"
    assert format_quantity(aipark.Q_(150, "petaFLOPS")) == "150 PFLOPS"


def test_bad_arguments_are_validation_errors() -> None:
    with pytest.raises(ValidationError, match="length must be"):
        format_quantity("1 hectare", length="wide")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="compact must be"):
        format_quantity("1 hectare", compact="yes")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="unknown unit"):
        format_quantity("1 parsec_per_mu")
    with pytest.raises(ValidationError, match="expected a Park"):
        describe(QINGDAO.zones[0])  # type: ignore[arg-type]


def test_cldr_table_names_real_units() -> None:
    """Every key is a canonical aipark unit name and every value a CLDR unit id."""
    for name, cldr in CLDR_UNITS.items():
        assert unit_name(parse_unit(name)._units) == name
        assert get_unit_name(cldr, locale="en"), cldr


def test_plain_quantity_reads_back() -> None:
    """The command line's locale-neutral text is readable by aipark's parser."""
    assert plain_quantity(aipark.convert("2918 mu", "hectare"), digits=10) == "194.5333333 ha"
    assert plain_quantity(aipark.Q_(2918, "shi_mu")) == "2,918 mu"
    text = plain_quantity(aipark.convert("600亿元", "USD", rate="6.9028 CNY/USD"), digits=10)
    assert text == "8,692,124,935 USD"
    assert aipark.convert(text, "USD").magnitude == 8692124935


# --------------------------------------------------------------------------
# describe: names, units and dates per locale


def test_describe_en_US() -> None:
    """The default fact sheet: English names with their Chinese ones, hectares and acres."""
    lines = describe(QINGDAO).splitlines()
    assert describe(QINGDAO) == describe(QINGDAO, locale="en_US")
    assert lines[0] == "Qingdao Artificial Intelligence Industrial Park (青岛人工智能产业园)"
    assert "  Location: Laoshan District, Qingdao, Shandong, China" in lines
    assert (
        "  Area: 194.533 hectares (480.7 acres); stated as 2,918 mu; reported as 194.6 hectares;"
        " contested: CD-2022-05-16 gives 180 hectares"
    ) in lines
    assert "  Launched: February 23, 2023" in lines
    assert "    core: Qingdao Smart Computing Valley (青岛智算谷)" in lines
    assert (
        "    wing: Haier Science and Technology Innovation Ecosystem Park"
        " (海尔科创生态园, unverified Chinese name)"
    ) in lines
    assert (
        '    "Heart of the Sea" Artificial Intelligence Computing Center'
        ' ("海之心"人工智能计算中心): 150 PFLOPS (precision not stated); phase 1;'
        " built by Sugon; contested: CD-2024-04-19 gives Inspur"
    ) in lines
    assert (
        "    Qingdao Artificial Intelligence Computing Center (青岛人工智能计算中心):"
        " 100 PFLOPS (precision not stated); equivalent to 50,000 PCs; phase 1;"
        " investment 390 million Chinese yuan"
    ) in lines
    assert (
        "    industrial revenue of the Qingdao Smart Computing Valley (产业营收规模):"
        " more than 60 billion Chinese yuan by 2028; reported as 8.69 billion US dollars;"
        " scope contested: CD-2024-04-19 gives the whole park"
    ) in lines
    assert "    application scenarios (应用场景): about 100" in lines
    observations = lines.index("  Observations:")
    assert lines[observations + 1 : observations + 3] == [
        "    operating income: 17 billion Chinese yuan in 2023;"
        " reported as 2.35 billion US dollars",
        "    AI enterprises: more than 200 as of April 16, 2024",
    ]
    (domains,) = [line for line in lines if line.startswith("  Application domains: ")]
    assert domains.count("contested: ") == 2
    assert "STD-2023-03-02 gives six domains" in domains
    assert (
        "    Shandong Institutes of Industrial Technology (山东产业技术研究院):"
        " 40 incubated enterprises"
    ) in lines
    assert (
        "    October 14, 2019: Jinan–Qingdao AI Innovation and Application Pilot Zone"
        + (" (济南-青岛人工智能创新应用先导区)")
        in lines
    )
    assert (
        "    China Daily: Qingdao industrial park unveils new chapter in AI (February 27, 2023)"
    ) in lines


def test_describe_zh_CN() -> None:
    """Chinese names, mu first, Chinese dates and bounds; unverified names marked."""
    text = describe(QINGDAO, locale="zh_CN")
    lines = text.splitlines()
    assert lines[:4] == [
        "青岛人工智能产业园",
        "  位置：中国山东省青岛市崂山区",
        "  面积：2,918亩（194.533公顷）；报道为194.6公顷；有争议：CD-2022-05-16称180公顷",
        "  开园：2023年2月23日",
    ]
    assert "    核心区：青岛智算谷" in lines
    assert (
        "    翼：海尔科创生态园（暂译；英文名："
        "Haier Science and Technology Innovation Ecosystem Park）"
    ) in lines
    assert (
        "    青岛人工智能计算中心：100 PFLOPS（精度未注明）；相当于50,000台个人电脑；第1期；"
        "投资3.9亿元"
    ) in lines
    assert (
        '    "海之心"人工智能计算中心：150 PFLOPS（精度未注明）；第1期；建设方：中科曙光；'
        "有争议：CD-2024-04-19称Inspur（未翻译）"
    ) in lines
    assert (
        "    产业营收规模：到2028年超过600亿元；报道为86.9亿美元；"
        "范围有争议：CD-2024-04-19称the whole park（未翻译）"
    ) in lines
    assert "    operating income（未翻译）：2023年170亿元；报道为23.5亿美元" in lines
    assert "    AI enterprises（未翻译）：截至2024年4月16日超过200" in lines
    assert "    应用场景：约100" in lines
    assert "  定位：算力服务支撑；软硬件融合创新；产业智能化应用" in lines
    assert "  重点产业：AI信创硬件制造；AI算法软件研发；AI模型训练与数据服务" in lines
    assert "  应用领域：智慧家居；工业智能；智慧城市；智慧金融；生命健康；有争议：" in text
    assert "  布局：one valley and two wings（未翻译）" in lines
    assert "    山东产业技术研究院：已孵化40家企业" in lines
    assert "    2019年10月14日：济南-青岛人工智能创新应用先导区" in lines
    assert (
        "    China Daily：Qingdao industrial park unveils new chapter in AI（2023年2月27日）"
        in lines
    )


def test_describe_zh_CN_has_no_english_that_a_source_gives_in_chinese() -> None:
    """Every name with a sourced Chinese form shows only that; other English is marked.

    Above the sources (whose titles and publishers are the publications' own),
    English appears only with a mark: untranslated, or beside an unconfirmed
    Chinese rendering.
    """
    text = describe(QINGDAO, locale="zh_CN")
    body = text.split("\n  资料来源")[0]
    named = [
        *QINGDAO.goals,
        *QINGDAO.sectors,
        *QINGDAO.application_domains,
        *QINGDAO.targets,
        *QINGDAO.zones,
        *QINGDAO.computing_centers,
        *QINGDAO.platforms,
        *QINGDAO.milestones,
    ]
    unmarked = re.sub(r"（暂译；英文名：[^）]*）|[^：；\n]*（未翻译）", "", body)
    for obj in named:
        if obj.local_name is not None and obj.local_name_verified:
            assert obj.local_name in body
            assert obj.name not in unmarked, obj.name
    for line in body.splitlines():
        if re.search(r"[A-Za-z]+[ -][A-Za-z&]+", line):  # two English words or more
            assert "（未翻译）" in line or "暂译；英文名" in line, line


def test_terms_without_a_chinese_name_are_marked_untranslated() -> None:
    park = Park(name="P", local_name="某园", goals=["g", Term("h", local_name="乙")])
    assert describe(park, locale="zh_CN").splitlines()[-1] == "  定位：g（未翻译）；乙"
    assert describe(park, locale="zh_TW").splitlines()[-1] == "  定位：g（未翻譯）；乙"
    assert describe(park, locale="en_US").splitlines()[-1] == "  Goals: g; h (乙)"


def test_describe_de_DE() -> None:
    """German headings, numbers and dates; hectares only, the stated mu beside them."""
    lines = describe(QINGDAO, locale="de_DE").splitlines()
    assert lines[0] == "Qingdao Artificial Intelligence Industrial Park (青岛人工智能产业园)"
    assert (
        "  Fläche: 194,533 Hektar; angegeben: 2.918 Mu; berichtet: 194,6 Hektar;"
        " umstritten: CD-2022-05-16 nennt 180 Hektar"
    ) in lines
    assert "  Eröffnet: 23. Februar 2023" in lines
    assert (
        "    Qingdao Artificial Intelligence Computing Center (青岛人工智能计算中心):"
        " 100 PFLOPS (Genauigkeit nicht angegeben); entspricht 50.000 PCs; Phase 1;"
        " Investition 390 Millionen Renminbi Yuan"
    ) in lines
    assert (
        "    industrial revenue of the Qingdao Smart Computing Valley (产业营收规模):"
        " mehr als 60 Milliarden Renminbi Yuan bis 2028; berichtet: 8,69 Milliarden US-Dollar;"
        " Geltungsbereich umstritten: CD-2024-04-19 nennt the whole park"
    ) in lines
    assert "    application scenarios (应用场景): etwa 100" in lines
    assert "  Messwerte:" in lines
    assert (
        "    operating income: 17 Milliarden Renminbi Yuan im Jahr 2023;"
        " berichtet: 2,35 Milliarden US-Dollar"
    ) in lines
    assert "    AI enterprises: mehr als 200, Stand 16. April 2024" in lines


@pytest.mark.parametrize(
    ("locale", "area"),
    [
        (
            "en",
            "  Area: 194.533 hectares (480.7 acres); stated as 2,918 mu;"
            " reported as 194.6 hectares; contested: CD-2022-05-16 gives 180 hectares",
        ),
        (
            "en_GB",
            "  Area: 194.533 hectares (480.7 acres); stated as 2,918 mu;"
            " reported as 194.6 hectares; contested: CD-2022-05-16 gives 180 hectares",
        ),
        (
            "en_IN",
            "  Area: 194.533 hectares; stated as 2,918 mu; reported as 194.6 hectares;"
            " contested: CD-2022-05-16 gives 180 hectares",
        ),
        (
            "zh_TW",
            "  面積：2,918畝（194.533 公頃）；報導為194.6 公頃；有爭議：CD-2022-05-16稱180 公頃",
        ),
    ],
)
def test_area_units_follow_the_locale(locale: str, area: str) -> None:
    """US and UK customary territories add acres; a bare language uses its likely territory."""
    assert area in describe(QINGDAO, locale=locale).splitlines()


@pytest.mark.parametrize(
    "locale", ["zh", "zh_Hans", "zh_CN", "zh-CN", "zh_Hant", "zh_TW", "zh_Hant_HK", "zh_SG"]
)
def test_chinese_locales_show_local_names(locale: str) -> None:
    """Every Chinese locale shows the Chinese name, and never an unverified one bare."""
    text = describe(QINGDAO, locale=locale)
    assert text.splitlines()[0] == "青岛人工智能产业园"
    for zone in QINGDAO.zones:
        assert zone.local_name is not None
        at = text.index(zone.local_name)
        marked = text[at + len(zone.local_name) :].startswith(("（暂译", "（暫譯"))
        assert marked is not zone.local_name_verified, zone.name


@pytest.mark.parametrize("locale", ["en_US", "de_DE", "fr", "ja", "ar", "zh_Latn"])
def test_other_locales_show_english_names(locale: str) -> None:
    text = describe(QINGDAO, locale=locale)
    assert text.splitlines()[0].startswith("Qingdao Artificial Intelligence Industrial Park")


@pytest.mark.parametrize(
    ("bound", "en", "zh"),
    [
        (Bound.EXACTLY, "t: 5 by 2030", "t（未翻译）：到2030年5"),
        (Bound.ABOUT, "t: about 5 by 2030", "t（未翻译）：到2030年约5"),
        (Bound.MORE_THAN, "t: more than 5 by 2030", "t（未翻译）：到2030年超过5"),
        (Bound.AT_LEAST, "t: at least 5 by 2030", "t（未翻译）：到2030年至少5"),
        (Bound.LESS_THAN, "t: less than 5 by 2030", "t（未翻译）：到2030年不足5"),
        (Bound.AT_MOST, "t: at most 5 by 2030", "t（未翻译）：到2030年至多5"),
    ],
)
def test_target_bounds(bound: Bound, en: str, zh: str) -> None:
    """'more than' is not 'about': every bound has its own words."""
    park = Park(name="P", targets=[Target(name="t", value="5", year=2030, bound=bound)])
    assert describe(park).splitlines()[-1].strip() == en
    assert describe(park, locale="zh_CN").splitlines()[-1].strip() == zh


def test_describe_minimal_park() -> None:
    """A park with only a name is a one-line sheet; a Chinese name is kept as given."""
    assert describe(Park(name="P")) == "P"
    park = Park(name="P", local_name="某园", local_name_verified=False)
    assert describe(park) == "P (某园, unverified Chinese name)"
    assert describe(park, locale="zh_CN") == "某园（暂译；英文名：P）"


def test_place_mixes_scripts_only_with_separators() -> None:
    """Without Chinese names for every part, a Chinese address keeps separators."""
    park = Park(name="P", location=aipark.Location(country="China", city="Qingdao"))
    assert "  位置：中国，Qingdao" in describe(park, locale="zh_CN").splitlines()
    assert "  Lieu : Qingdao, Chine" not in describe(park, locale="fr").splitlines()
    assert "  Location: Qingdao, Chine" in describe(park, locale="fr").splitlines()


def test_milestone_without_date_shows_its_year() -> None:
    park = Park(name="P", milestones=[aipark.Milestone(name="m", year=2019)])
    assert describe(park).splitlines()[-1] == "    2019: m"


# --------------------------------------------------------------------------
# Every locale babel ships: no crash


def _quantities() -> list[aipark.Quantity]:
    q = aipark.Q_
    return [
        q(60000000000, "CNY"),
        q(8.69e9, "USD"),
        q(194.6, "hectare"),
        q(2918, "shi_mu"),
        q(150, "petaFLOPS"),
        q(1, "FLOPS"),
        q(100, ""),
        q(12.5, "kilometer ** 2"),
    ]


_LENGTHS_AND_COMPACT: tuple[tuple[Length, bool], ...] = (
    ("short", False),
    ("short", True),
    ("long", False),
    ("long", True),
    ("narrow", False),
)


def test_every_locale_formats_and_describes() -> None:
    """Crash-only: every babel locale formats each kind of quantity and the whole park."""
    failures = []
    quantities = _quantities()
    for locale in locale_identifiers():
        try:
            for q in quantities:
                for length, compact in _LENGTHS_AND_COMPACT:
                    assert format_quantity(q, locale=locale, length=length, compact=compact)
            sheet = describe(QINGDAO, locale=locale)
            assert sheet.count("\n") > 20
        except Exception as exc:  # collect them all, then fail once
            failures.append(f"{locale}: {exc!r}")
    assert not failures, "\n".join(failures[:20])


# --------------------------------------------------------------------------
# REPL display


def test_ipython_pretty_park_is_one_screen() -> None:
    """IPython shows a summary of the park that fits a screen; repr() is still attrs'."""
    text = pretty(QINGDAO)
    lines = text.splitlines()
    assert len(lines) <= 24
    assert max(len(line) for line in lines) <= 120
    assert lines[:5] == [
        "Park: Qingdao Artificial Intelligence Industrial Park (青岛人工智能产业园)",
        "  Location: Laoshan District, Qingdao, Shandong, China",
        "  Area: 194.533 ha (480.7 ac); stated as 2,918 mu",
        "  Launched: February 23, 2023",
        "  Zones: core: 1; wing: 2; functional: 4",
    ]
    assert (
        '    "Heart of the Sea" Artificial Intelligence Computing Center'
        ' ("海之心"人工智能计算中心): 150 PFLOPS (precision not stated)'
    ) in lines
    assert (
        "    industrial revenue of the Qingdao Smart Computing Valley (产业营收规模):"
        " more than CN¥60B by 2028"
    ) in lines
    assert "  Sources: 12" in lines
    assert repr(QINGDAO).startswith("Park(name='Qingdao Artificial Intelligence Industrial Park'")


def _every_model() -> list[object]:
    park = QINGDAO
    return [
        park,
        park.location,
        *park.zones,
        *park.computing_centers,
        *park.platforms,
        *park.targets,
        *park.milestones,
        *park.sources,
        *park.citations,
    ]


def test_ipython_pretty_every_model() -> None:
    """Every model has a short summary titled with its class and name."""
    for obj in _every_model():
        text = pretty(obj)
        assert text.startswith(f"{type(obj).__name__}: "), text
        assert len(text.splitlines()) <= 24
        assert text != repr(obj)


def test_ipython_pretty_examples() -> None:
    center = QINGDAO.computing_centers[0]
    assert pretty(center).splitlines() == [
        "ComputingCenter: Qingdao Artificial Intelligence Computing Center (青岛人工智能计算中心)",
        "  Compute power: 100 PFLOPS (precision not stated)",
        "  PC equivalents: 50,000",
        "  Phase: 1",
        "  Hardware: Huawei Ascend AI chips",
        "  Investment: CN¥390M",
        "  Citations: 13",
    ]
    milestone = QINGDAO.milestones[0]
    assert "  Year: 2019" in pretty(milestone).splitlines()
    assert "  Date: Oct 14, 2019" in pretty(milestone).splitlines()
    area = QINGDAO.citations[4]
    assert pretty(area).splitlines()[:4] == [
        "Citation: area",
        "  Source: China Daily, Feb 27, 2023",
        "  Reported: 194.6 ha",
        "  Note: the article's own conversion; 2,918 mu is exactly 194.533 hectares at 15 mu"
        " per hectare",
    ]


def test_ipython_pretty_cycle() -> None:
    """On a reference cycle the printer gets a placeholder, not a recursion."""
    out = io.StringIO()
    printer = RepresentationPrinter(out)
    QINGDAO._repr_pretty_(printer, True)
    printer.flush()
    assert out.getvalue() == "Park(...)"


class _Table(HTMLParser):
    """Collects a display's title row, its rows of cell texts and its Chinese runs."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self.chinese: list[str] = []
        self.model = ""
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if tag == "table":
            self.model = found.get("data-aipark-model") or ""
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and not self.in_head:
            self.rows.append([])
        elif tag in ("th", "td") and not self.in_head:
            self.rows[-1].append("")
        elif tag == "span" and found.get("lang") == "zh-Hans":
            self.chinese.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self.in_head = False
        while self.tags and self.tags.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "span" in self.tags and self.chinese:
            self.chinese[-1] += data
        if self.in_head:
            self.title += data
        elif self.rows and {"th", "td"} & set(self.tags):
            self.rows[-1][-1] += data


def test_repr_html_is_a_small_escaped_table() -> None:
    """Jupyter gets a table of the same summary; names with & and quotes are escaped."""
    table = _Table()
    table.feed(QINGDAO._repr_html_())
    assert (
        table.title == "Park: Qingdao Artificial Intelligence Industrial Park (青岛人工智能产业园)"
    )
    assert table.rows[0] == ["Location", "Laoshan District, Qingdao, Shandong, China"]
    assert ["Sources", "12"] in table.rows
    assert all(len(row) == 2 for row in table.rows)
    assert len(table.rows) <= 12

    hisense = QINGDAO.zones[2]
    markup = hisense._repr_html_()
    assert "Hisense Global R&amp;D Center" in markup
    assert "R&D" not in markup
    heart = QINGDAO.computing_centers[1]._repr_html_()
    assert "&quot;Heart of the Sea&quot;" in heart


def test_every_model_has_the_same_html_display() -> None:
    """One layout for every model: a title row, then headings in words with their values."""
    for obj in _every_model():
        table = _Table()
        markup = obj._repr_html_()  # type: ignore[attr-defined]
        table.feed(markup)
        assert table.model == type(obj).__name__
        assert table.title.startswith(type(obj).__name__ + ": ")
        assert "<caption" not in markup
        assert table.rows
        for heading, _ in table.rows:
            assert heading[0].isupper(), heading
            assert "_" not in heading, heading


def test_html_display_marks_chinese_and_never_breaks_it() -> None:
    """Chinese runs are lang="zh-Hans" spans with Chinese fonts, kept whole on a line."""
    zone = QINGDAO.zones[6]
    table = _Table()
    markup = zone._repr_html_()
    table.feed(markup)
    assert table.title == "Zone: comprehensive services (综合服务区)"
    assert table.chinese == ["综合服务区"]
    span = re.search(r'<span lang="zh-Hans" style="([^"]*)">', markup)
    assert span is not None
    style = html.unescape(span[1])
    assert "word-break:keep-all" in style
    assert style.index("Noto Sans CJK SC") < style.index("sans-serif")
    heart = _Table()
    heart.feed(QINGDAO.computing_centers[1]._repr_html_())
    assert heart.chinese == ['"海之心"人工智能计算中心', "中科曙光"]
    assert ["Builder (Chinese)", "中科曙光"] in heart.rows


def test_compute_power_always_carries_its_precision() -> None:
    """The center's display says what the park's does: the precision, or that none is stated."""
    for center in QINGDAO.computing_centers:
        table = _Table()
        table.feed(center._repr_html_())
        assert dict(table.rows)["Compute power"].endswith(" PFLOPS (precision not stated)")
    stated = aipark.ComputingCenter("C", compute_power="2 EFLOPS", precision=aipark.Precision.FP16)
    table = _Table()
    table.feed(stated._repr_html_())
    assert dict(table.rows)["Compute power"] == "2 EFLOPS (FP16)"
    assert "Precision" not in dict(table.rows)
    target = aipark.Target("compute", value="300 PFLOPS")
    table = _Table()
    table.feed(target._repr_html_())
    assert dict(table.rows)["Value"] == "300 PFLOPS (precision not stated)"


def test_display_hooks_are_the_classes_own() -> None:
    """IPython uses a class's own __repr__ before an inherited _repr_pretty_."""
    for obj in _every_model():
        assert "_repr_pretty_" in vars(type(obj))
        assert "_repr_html_" in vars(type(obj))
    assert attrs.has(Park)


def test_dates_in_locale_formats() -> None:
    """Launch dates: 'February 23, 2023', '2023年2月23日', '23. Februar 2023'."""
    park = Park(name="P", launched=datetime.date(2023, 2, 23))
    assert describe(park, locale="en_US").splitlines()[1] == "  Launched: February 23, 2023"
    assert describe(park, locale="zh_CN").splitlines()[1] == "  开园：2023年2月23日"
    assert describe(park, locale="de_DE").splitlines()[1] == "  Eröffnet: 23. Februar 2023"


_UNITS = ["CNY", "kiloCNY", "USD", "hectare", "shi_mu", "qing", "petaFLOPS", "FLOP", "", "acre"]


@settings(max_examples=200, deadline=None)
@given(
    magnitude=st.one_of(
        st.integers(min_value=-(10**40), max_value=10**40),
        st.floats(allow_nan=False, allow_infinity=False),
    ),
    unit=st.sampled_from([*_UNITS, "CNY / USD", "shi_mu / hectare", "kilometer ** 2"]),
    locale=st.sampled_from(["en_US", "zh_CN", "zh_Hant", "de_DE", "ar", "hi", "fr"]),
    length=st.sampled_from(["short", "long", "narrow"]),
    compact=st.booleans(),
)
def test_any_finite_figure_formats(
    magnitude: float, unit: str, locale: str, length: str, compact: bool
) -> None:
    """Huge, tiny and negative figures format without babel's decimal errors."""
    text = format_quantity(
        aipark.Q_(magnitude, unit),
        locale=locale,
        length=length,  # type: ignore[arg-type]
        compact=compact,
    )
    assert text.strip()


@pytest.mark.parametrize(
    ("text", "locale", "length", "expected"),
    [
        ("1e300 hectare", "en_US", "long", "1E300 hectares"),
        ("1e30 CNY", "en_US", "short", "1E30 CNY"),
        ("1e30 CNY", "zh_CN", "long", "1E30元"),
        ("2.5e-7 hectare", "de_DE", "short", "2,5E-7 ha"),
        ("3 kCNY", "en_US", "short", "CN¥3,000.00"),
        ("1.7e308 kCNY", "en_US", "short", "1.7E308 kCNY"),  # no finite amount of CNY
    ],
)
def test_extreme_figures(text: str, locale: str, length: str, expected: str) -> None:
    """Figures beyond fixed-point patterns go scientific; prefixed currencies convert."""
    assert format_quantity(text, locale=locale, length=length) == expected  # type: ignore[arg-type]
