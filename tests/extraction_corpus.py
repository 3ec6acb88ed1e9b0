"""Sentences written in the style of articles about parks and computing centers, annotated by hand.

Each sentence comes with every figure a careful reader would type into a park
file: its text as printed, its kind, and its value (a quantity as aipark text,
an int for counts, ordinals and years, ``"YYYY-MM-DD"`` with ``--`` for a
missing year for dates, None for a figure that cannot be read).  Invented
for aipark's tests; no sentence is copied from a published article.

:func:`score` gives extraction's recall and precision over them;
``benchmarks/extraction.py`` prints the same figures.
"""

from __future__ import annotations

from typing import Final

import aipark
from aipark.units import parse_quantity

Figure = tuple[str, str, "str | int | None"]

CORPUS: Final[list[tuple[str, list[Figure]]]] = [
    # English, in the manner of English-language Chinese dailies.
    (
        "The Yantai digital economy park, which covers 1,200 mu (80 hectares), opened on March 8.",
        [
            ("1,200 mu", "area", "1200 mu"),
            ("80 hectares", "area", "80 hectare"),
            ("March 8", "date", "--03-08"),
        ],
    ),
    (
        "By 2026, the park is expected to generate more than 30 billion yuan ($4.35 billion) "
        "in revenue.",
        [
            ("2026", "year", 2026),
            ("30 billion yuan", "money", "30e9 CNY"),
            ("$4.35 billion", "money", "4.35e9 USD"),
        ],
    ),
    (
        "Its computing center, with a computing power of 200P, is the largest in the province.",
        [("200P", "compute", "200 PFLOPS")],
    ),
    (
        "The city has attracted some 300 AI companies and 12 research institutes since 2018.",
        [("300", "count", 300), ("12", "count", 12), ("2018", "year", 2018)],
    ),
    (
        "Construction of the second phase began in June 2022 with an investment of "
        "4.5 billion yuan.",
        [
            ("second", "ordinal", 2),
            ("June 2022", "date", "2022-06"),
            ("4.5 billion yuan", "money", "4.5e9 CNY"),
        ],
    ),
    (
        "The center delivers 1.2 EFLOPS and is equivalent to 600,000 high-performance computers.",
        [("1.2 EFLOPS", "compute", "1.2 EFLOPS"), ("600,000", "count", 600000)],
    ),
    (
        "Nearly 5,000 engineers work in the three innovation clusters of the zone.",
        [("5,000", "count", 5000), ("three", "count", 3)],
    ),
    (
        "The project occupies 35 hectares, and its first phase will be completed by 2025.",
        [("35 hectares", "area", "35 hectare"), ("first", "ordinal", 1), ("2025", "year", 2025)],
    ),
    (
        "Revenue grew 18 percent year-on-year to 52 billion yuan in 2023.",
        [
            ("18 percent", "ratio", "18 percent"),
            ("52 billion yuan", "money", "52e9 CNY"),
            ("2023", "year", 2023),
        ],
    ),
    (
        "The province plans to build four computing hubs and two national laboratories.",
        [("four", "count", 4), ("two", "count", 2)],
    ),
    (
        "A fund of up to 10 billion yuan will support start-ups, officials said on Tuesday.",
        [("10 billion yuan", "money", "10e9 CNY")],
    ),
    (
        "The data center park spans 2.6 square kilometers and hosts 40,000 servers.",
        [("2.6 square kilometers", "area", "2.6 km**2"), ("40,000", "count", 40000)],
    ),
    (
        "Approved by the State Council in 2020, the pilot zone now counts 1,500 enterprises.",
        [("2020", "year", 2020), ("1,500", "count", 1500)],
    ),
    (
        "The total investment is estimated at $15-20 billion over the next decade.",
        [("$15-20 billion", "money", None)],
    ),
    (
        "Officials put the cost at ¥3 billion, without saying which currency.",
        [("¥3 billion", "money", None)],
    ),
    (
        "The facility's 500 PFLOPS of AI compute went online on Dec 28, 2023.",
        [("500 PFLOPS", "compute", "500 PFLOPS"), ("Dec 28, 2023", "date", "2023-12-28")],
    ),
    (
        "About 60 percent of the 2,000 mu site is reserved for manufacturing.",
        [("60 percent", "ratio", "60 percent"), ("2,000 mu", "area", "2000 mu")],
    ),
    (
        "The park will add 300 PFLOPS in its second phase and reach 1 EFLOPS by 2027.",
        [
            ("300 PFLOPS", "compute", "300 PFLOPS"),
            ("second", "ordinal", 2),
            ("1 EFLOPS", "compute", "1 EFLOPS"),
            ("2027", "year", 2027),
        ],
    ),
    (
        "It is one of the five national AI pilot zones and one of the largest in the region.",
        [("five", "count", 5)],
    ),
    (
        "Exports reached 1.8 billion US dollars, up 25 percent from 2021.",
        [
            ("25 percent", "ratio", "25 percent"),
            ("2021", "year", 2021),
            ("1.8 billion US dollars", "money", "1.8e9 USD"),
        ],
    ),
    (
        "More than 120 scenarios in smart manufacturing were opened to companies in 2022.",
        [("120", "count", 120), ("2022", "year", 2022)],
    ),
    (
        "The science city, covering 15 square kilometers, plans 3 billion yuan of new projects.",
        [("15 square kilometers", "area", "15 km**2"), ("3 billion yuan", "money", "3e9 CNY")],
    ),
    (
        "Its 5G network and 3D printing lines serve the park's 80 manufacturers.",
        [("80", "count", 80)],
    ),
    (
        "Phase two, due in 2026, will raise the capacity to 400P of computing power.",
        [("Phase two", "ordinal", 2), ("2026", "year", 2026), ("400P", "compute", "400 PFLOPS")],
    ),
    (
        "The cluster, launched on 18 May 2023, links seven data centers.",
        [("18 May 2023", "date", "2023-05-18"), ("seven", "count", 7)],
    ),
    (
        "An area of 3,600 mu, or 240 hectares, has been set aside for the expansion.",
        [("3,600 mu", "area", "3600 mu"), ("240 hectares", "area", "240 hectare")],
    ),
    (
        "The park aims for an output value exceeding 100 billion yuan by 2030.",
        [("100 billion yuan", "money", "100e9 CNY"), ("2030", "year", 2030)],
    ),
    (
        "Six industrial funds worth a combined 20 billion yuan were signed at the ceremony.",
        [("Six", "count", 6), ("20 billion yuan", "money", "20e9 CNY")],
    ),
    (
        "The center has trained 2,000 AI specialists and incubated 45 start-ups.",
        [("2,000", "count", 2000), ("45", "count", 45)],
    ),
    (
        "Its utilization rate stood at 92% last year, according to the operator.",
        [("92%", "ratio", "92 percent")],
    ),
    # Simplified Chinese, in the manner of Chinese dailies and government notices.
    (
        "该产业园规划面积约2800亩，总投资超过150亿元。",
        [("2800亩", "area", "2800 mu"), ("150亿元", "money", "15e9 CNY")],
    ),
    (
        "一期项目建成后，算力规模将达到300P，相当于10万台高性能计算机。",
        [("一", "ordinal", 1), ("300P", "compute", "300 PFLOPS"), ("10万台", "count", 100000)],
    ),
    (
        "园区已引进人工智能企业200余家，2023年实现营收85亿元。",
        [("200余家", "count", 200), ("2023年", "year", 2023), ("85亿元", "money", "8.5e9 CNY")],
    ),
    (
        "到2025年，全市智能算力将超过5E，建成3个大型数据中心。",
        [("2025年", "year", 2025), ("5E", "compute", "5 EFLOPS"), ("3个", "count", 3)],
    ),
    (
        "项目占地12平方公里，分三期建设，总投资20亿至30亿元。",
        [("12平方公里", "area", "12 km**2"), ("三期", "count", 3), ("20亿至30亿元", "money", None)],
    ),
    (
        "园区形成“一核两翼”的空间布局，设有四大功能区。",
        [("一核", "count", 1), ("两翼", "count", 2), ("四大", "count", 4)],
    ),
    (
        "2023年2月23日，开园仪式在崂山区举行。",
        [("2023年2月23日", "date", "2023-02-23")],
    ),
    (
        "该中心由中科曙光承建，一期算力100P，二期将新增200P。",
        [
            ("一", "ordinal", 1),
            ("100P", "compute", "100 PFLOPS"),
            ("二", "ordinal", 2),
            ("200P", "compute", "200 PFLOPS"),
        ],
    ),
    (
        "近三年来，园区累计孵化科技型企业300多家，带动就业1.2万人。",
        [("三年", "other", "3 year"), ("300多家", "count", 300), ("1.2万", "count", 12000)],
    ),
    (
        "预计到2028年，智算谷产业营收规模突破600亿元。",
        [("2028年", "year", 2028), ("600亿元", "money", "60e9 CNY")],
    ),
    (
        "新建5G基站1200个，数据中心机架超过3万个。",
        [("1200个", "count", 1200), ("3万个", "count", 30000)],
    ),
    (
        "园区规划用地5000亩，其中一期用地1500亩。",
        [("5000亩", "area", "5000 mu"), ("一", "ordinal", 1), ("1500亩", "area", "1500 mu")],
    ),
    (
        "算力中心PUE值低于1.3，可再生能源使用比例达到60%。",
        [("1.3", "number", "1.3"), ("60%", "ratio", "60 percent")],
    ),
    (
        "全省已建成两个国家级人工智能创新平台和五个省级实验室。",
        [("两个", "count", 2), ("五个", "count", 5)],
    ),
    (
        "总投资约50亿元的数据中心项目于3月18日开工。",
        [("50亿元", "money", "5e9 CNY"), ("3月18日", "date", "--03-18")],
    ),
    (
        "园区计划打造100个以上应用场景，培育10家龙头企业。",
        # The bound word after a figure belongs to its span, as in "600亿元以上".
        [("100个以上", "count", 100), ("10家", "count", 10)],
    ),
    (
        "该基地占地面积约为400公顷，分为六个片区。",
        [("400公顷", "area", "400 hectare"), ("六个", "count", 6)],
    ),
    (
        "2019年，工信部批复建设国家人工智能创新应用先导区。",
        [("2019年", "year", 2019)],
    ),
    (
        "项目用地1.5万~2万亩，预计年产值300多亿元。",
        [("1.5万~2万亩", "area", None), ("300多亿元", "money", "30e9 CNY")],
    ),
    (
        "截至2024年底，全市共有规模以上人工智能企业260家。",
        [("2024年", "year", 2024), ("260家", "count", 260)],
    ),
    (
        "平台已服务企业超过8000家，累计提供算力服务5000万卡时。",
        [("8000家", "count", 8000), ("5000万", "count", 50000000)],
    ),
    (
        "其中人工智能核心产业规模达到120亿元，同比增长25%。",
        [("120亿元", "money", "12e9 CNY"), ("25%", "ratio", "25 percent")],
    ),
    (
        "我们要统一思想，一直坚持创新驱动，千万不能松懈。",
        [],
    ),
    (
        "第二批项目共18个，计划投资总额约90亿元。",
        [("第二批", "ordinal", 2), ("18个", "count", 18), ("90亿元", "money", "9e9 CNY")],
    ),
    # Traditional Chinese, in the manner of Hong Kong and Taiwan reports.
    (
        "該園區佔地約3000畝，總投資逾120億元。",
        [("3000畝", "area", "3000 mu"), ("120億元", "money", "12e9 CNY")],
    ),
    (
        "園區已引進人工智能企業100餘家，建成兩個計算中心。",
        [("100餘家", "count", 100), ("兩個", "count", 2)],
    ),
    (
        "預計到2027年，產業規模將超過500億元，算力達到200P。",
        [
            ("2027年", "year", 2027),
            ("500億元", "money", "50e9 CNY"),
            ("200P", "compute", "200 PFLOPS"),
        ],
    ),
    (
        "該中心佔地1.2萬畝，一期投資約45億元。",
        [("1.2萬畝", "area", "12000 mu"), ("一", "ordinal", 1), ("45億元", "money", "4.5e9 CNY")],
    ),
    (
        "2023年5月18日，數據中心正式投入營運，設有三大功能區。",
        [("2023年5月18日", "date", "2023-05-18"), ("三大", "count", 3)],
    ),
    (
        "園區規劃面積為80公頃，就業人數近5000人。",
        [("80公頃", "area", "80 hectare"), ("5000", "count", 5000)],
    ),
    (
        "總投資20億至25億元，預計於2026年完工。",
        [("20億至25億元", "money", None), ("2026年", "year", 2026)],
    ),
    (
        "該市共有四個智算中心，總算力超過1000P。",
        [("四個", "count", 4), ("1000P", "compute", "1000 PFLOPS")],
    ),
    (
        "產業基金規模為兩百億元，投向十個重點項目。",
        [("兩百億元", "money", "20e9 CNY"), ("十個", "count", 10)],
    ),
    (
        "數據中心機櫃利用率達到85%，年增長18%。",
        [("85%", "ratio", "85 percent"), ("18%", "ratio", "18 percent")],
    ),
    (
        "The zone's 26 universities enrol about 180,000 students, officials said in April 2024.",
        [("26", "count", 26), ("180,000", "count", 180000), ("April 2024", "date", "2024-04")],
    ),
    (
        "Land prices rose to 1.5 million yuan per mu after the 2021 rezoning.",
        [("1.5 million yuan per mu", "other", "1.5e6 CNY / mu"), ("2021", "year", 2021)],
    ),
    (
        "The operator signed 14 contracts worth 6.8 billion yuan at the Sept 5 fair.",
        [
            ("14", "count", 14),
            ("6.8 billion yuan", "money", "6.8e9 CNY"),
            ("Sept 5", "date", "--09-05"),
        ],
    ),
    (
        "其中，软件和信息技术服务业收入增长12.5%，占比提高3个百分点。",
        [("12.5%", "ratio", "12.5 percent"), ("3个", "count", 3)],
    ),
    (
        "該項目第三期將於2025年完成，新增機櫃約8000個。",
        [("第三期", "ordinal", 3), ("2025年", "year", 2025), ("8000個", "count", 8000)],
    ),
    # Mixed, as bilingual briefings print them.
    (
        "青岛人工智能计算中心 (Qingdao AI Computing Center) 一期算力100P, equal to 50,000 PCs.",
        [("一", "ordinal", 1), ("100P", "compute", "100 PFLOPS"), ("50,000", "count", 50000)],
    ),
    (
        "The 智算谷 core zone targets RMB 60 billion in revenue by 2028.",
        [("RMB 60 billion", "money", "60e9 CNY"), ("2028", "year", 2028)],
    ),
    (
        "Park area: 2,918亩 (194.6 ha); launch: 2023-02-23.",
        [
            ("2,918亩", "area", "2918 mu"),
            ("194.6 ha", "area", "194.6 hectare"),
            ("2023-02-23", "date", "2023-02-23"),
        ],
    ),
]


#: Written after the extractor was finished and never used to tune it: the
#: figures on these measure how it does on sentences it has not seen.
HELD_OUT: Final[list[tuple[str, list[Figure]]]] = [
    (
        "Hefei's new AI town spans 3.2 square kilometers and opened its doors on Oct 12, 2023.",
        [("3.2 square kilometers", "area", "3.2 km**2"), ("Oct 12, 2023", "date", "2023-10-12")],
    ),
    (
        "Around 450 firms have registered there, and their combined output tops 90 billion yuan.",
        [("450", "count", 450), ("90 billion yuan", "money", "90e9 CNY")],
    ),
    (
        "The supercomputing center's third phase adds 800 PFLOPS, bringing the total to 2 EFLOPS.",
        [
            ("third", "ordinal", 3),
            ("800 PFLOPS", "compute", "800 PFLOPS"),
            ("2 EFLOPS", "compute", "2 EFLOPS"),
        ],
    ),
    (
        "Officials expect at least 25,000 jobs and 15 percent annual growth through 2027.",
        [("25,000", "count", 25000), ("15 percent", "ratio", "15 percent"), ("2027", "year", 2027)],
    ),
    (
        "The state-backed fund, worth $2.1 billion (15 billion yuan), was set up in 2022.",
        [
            ("$2.1 billion", "money", "2.1e9 USD"),
            ("15 billion yuan", "money", "15e9 CNY"),
            ("2022", "year", 2022),
        ],
    ),
    (
        "Nine research institutes and three universities share the 600-mu campus.",
        [("Nine", "count", 9), ("three", "count", 3), ("600-mu", "area", "600 mu")],
    ),
    (
        "成都智算中心一期算力300P，二期建成后总算力将达1000P。",
        [
            ("一", "ordinal", 1),
            ("300P", "compute", "300 PFLOPS"),
            ("二", "ordinal", 2),
            ("1000P", "compute", "1000 PFLOPS"),
        ],
    ),
    (
        "园区总规划面积约6.5平方公里，计划总投资超过200亿元。",
        [("6.5平方公里", "area", "6.5 km**2"), ("200亿元", "money", "20e9 CNY")],
    ),
    (
        "截至今年6月，已有150余家企业入驻，其中上市公司12家。",
        [("150余家", "count", 150), ("12家", "count", 12)],
    ),
    (
        "2024年3月15日，该市发布了三项人工智能产业扶持政策。",
        [("2024年3月15日", "date", "2024-03-15"), ("三项", "count", 3)],
    ),
    (
        "项目一期占地860亩，二期预留用地1200亩。",
        [
            ("一", "ordinal", 1),
            ("860亩", "area", "860 mu"),
            ("二", "ordinal", 2),
            ("1200亩", "area", "1200 mu"),
        ],
    ),
    (
        "全市数字经济核心产业增加值占GDP比重达到12%。",
        [("12%", "ratio", "12 percent")],
    ),
    (
        "該中心於2022年投入使用，算力規模為400P，相當於20萬台電腦。",
        [("2022年", "year", 2022), ("400P", "compute", "400 PFLOPS"), ("20萬台", "count", 200000)],
    ),
    (
        "園區內共有三個研發基地，佔地約500公頃。",
        [("三個", "count", 3), ("500公頃", "area", "500 hectare")],
    ),
    (
        "預計到2030年，產業營收將突破1000億元。",
        [("2030年", "year", 2030), ("1000億元", "money", "100e9 CNY")],
    ),
    (
        "The 智算 hub adds 50P this year, per a notice dated 2024-07-01.",
        [("50P", "compute", "50 PFLOPS"), ("2024-07-01", "date", "2024-07-01")],
    ),
]


#: Written after the second round of fixes (spellings of Chinese and business
#: sources, letters for magnitudes, years) and annotated before it was run:
#: sentences it has not seen, in the styles that round was about.
HELD_OUT_2: Final[list[tuple[str, list[Figure]]]] = [
    (
        "Wuhan's AI valley covers 1,500 mu and aims to draw 100 companies by 2027.",
        [("1,500 mu", "area", "1500 mu"), ("100", "count", 100), ("2027", "year", 2027)],
    ),
    (
        "Its computing center went online on June 30, 2022, with 100 PFLOPS of capacity.",
        [("June 30, 2022", "date", "2022-06-30"), ("100 PFLOPS", "compute", "100 PFLOPS")],
    ),
    (
        "The province plans to invest 12 billion yuan ($1.7 billion) over three years.",
        [
            ("12 billion yuan", "money", "12e9 CNY"),
            ("$1.7 billion", "money", "1.7e9 USD"),
            ("three years", "other", "3 year"),
        ],
    ),
    (
        "南京人工智能产业园规划面积3.5平方公里，已入驻企业280余家。",
        [("3.5平方公里", "area", "3.5 km**2"), ("280余家", "count", 280)],
    ),
    (
        "该项目总投资约25亿元，其中一期投资8亿元。",
        [("25亿元", "money", "25e8 CNY"), ("一", "ordinal", 1), ("8亿元", "money", "8e8 CNY")],
    ),
    (
        "到2030年，全市算力规模将超过10 EFLOPS，智能算力占比达到60%以上。",
        [
            ("2030年", "year", 2030),
            ("10 EFLOPS", "compute", "10 EFLOPS"),
            ("60%以上", "ratio", "60 percent"),
        ],
    ),
    (
        "園區內設有3座資料中心，總機櫃數逾8,000個。",
        [("3座", "count", 3), ("8,000個", "count", 8000)],
    ),
    (
        "The facility's PUE is below 1.2, and its solar panels supply 15% of its power.",
        [("1.2", "number", "1.2"), ("15%", "ratio", "15 percent")],
    ),
    (
        "A second campus of 80 hectares is under construction, with completion due in 2026.",
        [("80 hectares", "area", "80 hectare"), ("2026", "year", 2026)],
    ),
    (
        "Last year the park's output rose 18.5 percent to 46 billion yuan.",
        [("18.5 percent", "ratio", "18.5 percent"), ("46 billion yuan", "money", "46e9 CNY")],
    ),
    (
        "該中心第二期工程預計2025年底完工，屆時算力將提升至500P。",
        [("第二期", "ordinal", 2), ("2025年", "year", 2025), ("500P", "compute", "500 PFLOPS")],
    ),
    (
        "Over 60 universities and 120 research institutes take part.",
        [("60", "count", 60), ("120", "count", 120)],
    ),
    (
        "园区建设了5个创新平台和2个公共服务中心。",
        [("5个", "count", 5), ("2个", "count", 2)],
    ),
    (
        "The data center will hold 10PB of storage and 4,000 GPUs.",
        [("10PB", "other", "10 PB"), ("4,000", "count", 4000)],
    ),
]


def _expected_value(kind: str, value: str | int | None) -> object:
    if value is None or kind in ("year", "date"):
        return value
    if isinstance(value, int):
        return value
    return parse_quantity(value)


def _found_value(m: aipark.Mention) -> object:
    if m.reason is not None:
        return None
    if m.kind.value == "year":
        return m.year
    if m.kind.value == "date":
        year = f"{m.year:04d}" if m.year is not None else "-"
        return "-".join([year, *(f"{v:02d}" for v in (m.month, m.day) if v is not None)])
    assert m.quantity is not None
    if m.kind.value in ("count", "ordinal") or (
        m.kind.value == "number" and isinstance(m.quantity.magnitude, int)
    ):
        return m.quantity.magnitude
    return m.quantity


def score(corpus: list[tuple[str, list[Figure]]] = CORPUS) -> tuple[float, float, list[str]]:
    """Recall and precision of :func:`aipark.extract` on :data:`CORPUS`, and what it missed.

    A figure counts as found when a mention has its text, its kind and its
    value (or no value, for a figure that cannot be read).
    """
    expected = found = right = 0
    misses: list[str] = []
    for sentence, figures in corpus:
        want = [(text, kind, _expected_value(kind, value)) for text, kind, value in figures]
        got = [(m.text, m.kind.value, _found_value(m)) for m in aipark.extract(sentence)]
        expected += len(want)
        found += len(got)
        for item in got:
            if item in want:
                want.remove(item)
                right += 1
            else:
                misses.append(f"extra {item} in {sentence!r}")
        misses += [f"missed {item} in {sentence!r}" for item in want]
    return right / expected, right / found, misses
