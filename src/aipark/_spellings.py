"""The tables of how people write aipark's units, read by the parser and the docs.

Data only, no logic: :mod:`aipark.units` reads text with these tables, and the
documentation page "Units aipark reads" is generated from them and from the
registry, so the page and the parser cannot disagree.
"""

from __future__ import annotations

from typing import Final

#: Traditional characters (Hong Kong, Taiwan) to the Simplified ones the registry knows.
TRADITIONAL: Final = {
    "萬": "万",
    "億": "亿",
    "畝": "亩",
    "頃": "顷",
    "幣": "币",
    "歐": "欧",
    "過": "过",
    "於": "于",
    "將": "将",
    "約": "约",
    "餘": "余",
    "雙": "双",
    "單": "单",
    "時": "时",
}

#: Chinese magnitude words written after a number ("600亿元"), and their factors.
#: 千万, 百亿 and the like are one word, as sources print them ("5千万元", "3百亿元").
CHINESE_MAGNITUDES: Final = {
    "千万亿": 10**15,
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "万": 10**4,
}

#: English magnitude words written after a number ("60 billion yuan").
ENGLISH_MAGNITUDES: Final = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "bn": 10**9,
    "mn": 10**6,
    "tn": 10**12,
}

#: Unit spellings the registry's grammar cannot hold, and the unit text each means.
#: Longest first where one spelling starts another.
UNIT_SPELLINGS: Final = {
    "平方千米": "kilometer ** 2",
    "平方公里": "kilometer ** 2",
    "平方公尺": "meter ** 2",
    "平方米": "meter ** 2",
    "公顷": "hectare",
    "公頃": "hectare",
    "千米": "kilometer",
    "公里": "kilometer",
    "公尺": "meter",
    "千瓦时": "kilowatt_hour",
    "千瓦": "kilowatt",
    "square kilometers": "kilometer ** 2",
    "square kilometres": "kilometer ** 2",
    "square kilometer": "kilometer ** 2",
    "square kilometre": "kilometer ** 2",
    "square meters": "meter ** 2",
    "square metres": "meter ** 2",
    "square meter": "meter ** 2",
    "square metre": "meter ** 2",
    "sq km": "kilometer ** 2",
    "sq. km": "kilometer ** 2",
    "sq m": "meter ** 2",
    "sq. m": "meter ** 2",
    "℃": "degree_Celsius",
    "°C": "degree_Celsius",
    "℉": "degree_Fahrenheit",
    "°F": "degree_Fahrenheit",
    "%": "percent",
    "‰": "permille",
}

#: Currency signs written before a number, as CLDR's English data reads them.
CURRENCY_SIGNS: Final = {"US$": "USD", "$": "USD", "€": "EUR", "RMB": "CNY"}

#: Currency signs aipark refuses, with the reason.
REFUSED_SIGNS: Final = {
    "¥": "'¥' is both the yen and the yuan: write 元, 'CNY' or 'yuan' (aipark defines no yen)",
    "￥": "'￥' is both the yen and the yuan: write 元, 'CNY' or 'yuan' (aipark defines no yen)",
    "HK$": "aipark defines no Hong Kong dollar: convert the amount to CNY, USD or EUR first",
    "NT$": "aipark defines no New Taiwan dollar: convert the amount to CNY, USD or EUR first",
    "£": "aipark defines no pound sterling: convert the amount to CNY, USD or EUR first",
}

#: Chinese names of currencies aipark does not define, Simplified and Traditional, with
#: their English names: "50亿港元", and "新台幣120億元", where 元 is not the yuan.
FOREIGN_CURRENCY_NAMES: Final = {
    "新台币": "New Taiwan dollar",
    "新台幣": "New Taiwan dollar",
    "新臺幣": "New Taiwan dollar",
    "台币": "New Taiwan dollar",
    "台幣": "New Taiwan dollar",
    "臺幣": "New Taiwan dollar",
    "港元": "Hong Kong dollar",
    "港币": "Hong Kong dollar",
    "港幣": "Hong Kong dollar",
    "澳门币": "Macanese pataca",
    "澳門幣": "Macanese pataca",
    "日元": "yen",
    "日圆": "yen",
    "日圓": "yen",
    "英镑": "pound sterling",
    "英鎊": "pound sterling",
    "韩元": "won",
    "韓元": "won",
    "澳元": "Australian dollar",
    "加元": "Canadian dollar",
    "卢布": "rouble",
    "盧布": "rouble",
    "瑞士法郎": "Swiss franc",
}

#: Words before a figure that bound it, and the bound each means (a ``Bound`` value).
BOUND_PREFIXES: Final = {
    "不超过": "at_most",
    "不低于": "at_least",
    "不少于": "at_least",
    "超过": "more_than",
    "超": "more_than",
    "逾": "more_than",
    "将近": "about",
    "接近": "about",
    "近": "about",
    "大约": "about",
    "约": "about",
    "至少": "at_least",
    "突破": "more_than",
    "最多": "at_most",
    "不到": "less_than",
    "不足": "less_than",
    "不高于": "at_most",
    "不大于": "at_most",
    "不多于": "at_most",
    "不小于": "at_least",
    "低于": "less_than",
    "小于": "less_than",
    "少于": "less_than",
    "高于": "more_than",
    "大于": "more_than",
    "多于": "more_than",
    "more than": "more_than",
    "exceeding": "more_than",
    "exceeds": "more_than",
    "exceed": "more_than",
    "above": "more_than",
    "over": "more_than",
    "surpasses": "more_than",
    "surpass": "more_than",
    "nearly": "about",
    "close to": "about",
    "roughly": "about",
    "almost": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "some": "about",
    "at least": "at_least",
    "no less than": "at_least",
    "at most": "at_most",
    "no more than": "at_most",
    "up to": "at_most",
    "less than": "less_than",
    "fewer than": "less_than",
    "below": "less_than",
    "under": "less_than",
}

#: Words after a number ("600多亿元", "2900余亩") or after a figure ("100P以上").
BOUND_SUFFIXES: Final = {
    "多": "more_than",
    "余": "more_than",
    "以上": "at_least",
    "以下": "at_most",
    "左右": "about",
}

#: Words between two figures that make a range, which aipark refuses.
RANGE_WORDS: Final = ("至", "到", "~", "～", "-", "–", "—", "to")

#: Precisions written beside a compute figure, to ``Precision`` values.
PRECISIONS: Final = {
    "FP64": "FP64",
    "FP32": "FP32",
    "TF32": "TF32",
    "FP16": "FP16",
    "BF16": "BF16",
    "FP8": "FP8",
    "INT8": "INT8",
    "INT4": "INT4",
    "双精度": "FP64",
    "单精度": "FP32",
    "半精度": "FP16",
}

#: The word that marks a figure as compute power ("300P算力"), simplified and traditional.
COMPUTE_WORDS: Final = ("算力",)

#: Compute shorthand after a number in a compute context: "100P" is 100 PFLOPS.
COMPUTE_SHORTHAND: Final = {"P": "petaFLOPS", "E": "exaFLOPS", "T": "teraFLOPS"}

#: Prefixes before "flops"/"FLOPS" in any letter case; a lower-case letter
#: means the large prefix people write ("pflops" is petaFLOPS, "mflops" megaFLOPS).
FLOPS_PREFIXES: Final = {
    "": "",
    "k": "kilo",
    "kilo": "kilo",
    "m": "mega",
    "mega": "mega",
    "g": "giga",
    "giga": "giga",
    "t": "tera",
    "tera": "tera",
    "p": "peta",
    "peta": "peta",
    "e": "exa",
    "exa": "exa",
    "z": "zetta",
    "zetta": "zetta",
    "y": "yotta",
    "yotta": "yotta",
}

#: Sub-unit prefixes nobody means before "flops": refused.
FLOPS_REFUSED_PREFIXES: Final = (
    "milli",
    "micro",
    "nano",
    "pico",
    "femto",
    "atto",
    "zepto",
    "yocto",
    "centi",
    "deci",
    "u",
    "µ",
    "μ",
    "n",
    "f",
    "a",
    "c",
    "d",
)

#: aipark's domain units, each with the unit it is (a case trap differs only in letter case).
DOMAIN_UNITS: Final = {
    "mu": "shi_mu",
    "qing": "qing",
    "ha": "hectare",
    "hectare": "hectare",
    "yuan": "CNY",
    "CNY": "CNY",
    "RMB": "CNY",
    "USD": "USD",
    "EUR": "EUR",
    "euro": "EUR",
    "FLOP": "FLOP",
    "FLOPS": "FLOPS",
}
