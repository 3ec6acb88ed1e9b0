"""aipark.extract: recall and precision on annotated sentences, and its cost against the parser.

Run with ``uv run python benchmarks/extraction.py`` (``--quick`` for a smoke
run).  Recall and precision are measured on the sentences of
``tests/extraction_corpus.py``.  The speed goal: ``aipark.extract`` on an
article takes at most 5 times as long as aipark's parser
(``aipark.units.read_figure``) on that article's figures alone, given as
ready-cut texts.  The article is the corpus's sentences run together, and the
primary source article when ``../shared/reference/`` is beside the project.
Like ``bench.py``, the script reports and exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
from bench import best_of, report

import aipark
from aipark import Mention, MentionKind, extraction
from aipark.units import FLOPS_DIMENSION, read_figure

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from extraction_corpus import CORPUS, HELD_OUT, HELD_OUT_2, score  # noqa: E402

ARTICLE = ROOT.parent / "shared" / "reference" / "source-article-2023-02-27.txt"


def parser_texts(text: str) -> list[tuple[str, str | None]]:
    """The figures of ``text`` as the parser reads them: each mention's text, and its context.

    Only the figures the parser reads as printed: numbers in digits, with
    their units (a year or a count is a bare number to the parser).  Dates,
    number words and Chinese numerals are read by extraction itself and have
    no parser baseline.
    """
    out = []
    for m in aipark.extract(text):
        if m.kind is MentionKind.DATE or (not m.text[:1].isdigit() and m.text[:1] not in "$€R"):
            continue
        dimension = FLOPS_DIMENSION if m.kind is MentionKind.COMPUTE else None
        try:
            read_figure(m.text, dimension=dimension)
        except aipark.ValidationError:
            continue  # counts with a measure word ("100余家"): extraction cuts them
        out.append((m.text, dimension))
    return out


def bench_article(label: str, text: str, rounds: int) -> bool:
    figures = parser_texts(text)
    mentions = aipark.extract(text)
    fields = [attrs.asdict(m, recurse=False) for m in mentions]

    def extract() -> None:
        extraction._read.cache_clear()  # extraction's own cache must not hide the parsing
        aipark.extract(text)

    def parse() -> None:
        for figure, dimension in figures:
            read_figure(figure, dimension=dimension)

    def floor() -> None:
        """What any extractor built on the parser must do: find, match, parse, build.

        Where a figure can start, one match of the scanning pattern there, the
        parser on the figures, and the mentions built: none of the reading of
        units, bounds, ranges, nouns and pairs.
        """
        scan = extraction._SCAN
        for start, _ in extraction._anchors(text):
            c = text[start]
            first = "digit" if c.isdigit() else "letter" if c.isascii() and c.isalpha() else "other"
            scan[first].match(text, start)
        parse()
        for f in fields:
            Mention(**f)

    extract()
    parse()
    first, second, least = best_of(rounds, extract, parse, floor)
    print(
        f"{label}: {len(text):,} characters, {len(figures)} figures the parser reads as "
        f"printed, {len(mentions)} mentions"
    )
    met = report("extract(article) vs read_figure(each figure)", first, second, goal=("<=", 5))
    report("floor: find, match, parse, build vs read_figure", least, second)
    budget = (5 * second - least) / len(mentions) * 1e6
    spent = (first - least) / len(mentions) * 1e6
    print(f"   reading logic per mention: {spent:.1f} µs spent, {budget:.1f} µs within the goal")
    return met


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args(argv)
    rounds = 3 if args.quick else 30
    for name, corpus in (
        ("annotated sentences", CORPUS),
        ("held-out sentences", HELD_OUT),
        ("held-out sentences, second set", HELD_OUT_2),
    ):
        recall, precision, misses = score(corpus)
        figures = sum(len(f) for _, f in corpus)
        print(
            f"{name}: {len(corpus)} sentences, {figures} figures: "
            f"recall {recall:.1%}, precision {precision:.1%}"
        )
        for miss in misses:
            print(f"   {miss}")
    met = [
        bench_article(
            "the annotated sentences as one article", "\n".join(s for s, _ in CORPUS), rounds
        )
    ]
    if ARTICLE.exists():
        met.append(bench_article("the primary source article", ARTICLE.read_text("utf-8"), rounds))
    print(f"{sum(met)} of {len(met)} goals met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
