"""aipark.audit(park, against=text): a park's figures matched with those of an article."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import aipark
from aipark import Bound, TextFinding, TextProblem
from aipark.cli import run

ARTICLE = Path(__file__).parents[2] / "shared" / "reference" / "source-article-2023-02-27.txt"
SOURCE = "CD-2023-02-27"

# Written for these tests in the manner of a report on the park; not any article's words.
ENGLISH = (
    "Spanning 2,918 mu, the Qingdao AI park was launched on February 23, 2023. Its two "
    "computing centers are in their first phase; one of them offers 150P of computing power, "
    "and the other is likened to 50,000 personal computers. Revenue in its core zone should "
    "exceed 60 billion yuan by 2028, with some 100 scenarios planned. An institute there has "
    "incubated 40 enterprises. The city became a pilot zone in 2019."
)
CHINESE = (
    "青岛人工智能产业园占地2918亩，2月23日开园，形成“一谷两翼”布局，设有四个功能区。"
    "预计到2028年，智算谷产业营收规模超过600亿元。"
)
TRADITIONAL = "青島人工智能產業園佔地2918畝，園區內有兩個計算中心。"


def text_findings(text: str, source: str | None = None) -> list[TextFinding]:
    findings = aipark.audit(aipark.QINGDAO, against=text, source=source)
    return [f for f in findings if isinstance(f, TextFinding)]


def problems(text: str, source: str | None = None) -> list[tuple[str, str | None]]:
    return [
        (f.problem.value, f.figure or (f.mention.text if f.mention else None))
        for f in text_findings(text, source)
    ]


def test_every_figure_of_a_faithful_text_is_in_the_park() -> None:
    assert problems(ENGLISH, SOURCE) == []
    assert problems(CHINESE) == []
    assert problems(TRADITIONAL) == []


def test_the_usual_findings_come_first() -> None:
    findings = aipark.audit(aipark.QINGDAO, against="It covers 3,000 hectares.")
    assert [type(f).__name__ for f in findings] == (
        ["Finding"] * 4 + ["SourceConflict"] * 5 + ["TextFinding"]
    )


def test_a_figure_the_park_lacks() -> None:
    (f,) = text_findings("The park hosts 300 companies and covers 2,918 mu.")
    assert f.problem is TextProblem.NOT_IN_PARK
    assert f.mention is not None
    assert (f.mention.text, f.mention.counts) == ("300", "companies")
    assert "companies" in f.explanation


def test_counts_match_collections_and_count_fields() -> None:
    """Two computing centers, one core and two wings, four functional zones, 40 enterprises."""
    text = (
        "It has two computing centers, one valley and two wings, four functional zones, three "
        "goals, and an institute that incubated 40 enterprises; a center equals 50,000 PCs."
    )
    assert problems(text) == []
    assert problems("It has three computing centers.") == [("not in park", "three")]


def test_printed_figures_match_within_their_rounding_or_as_reported() -> None:
    """2,918 mu is 194.533 ha: "194.5" and "195" are it rounded, "194.6" is the reported figure."""
    assert problems("It covers 194.5 hectares.") == []
    assert problems("It covers 195 hectares.") == []
    assert problems("It covers 194.6 hectares.") == []
    assert problems("It covers 194.7 hectares.") == [("not in park", "194.7 hectares")]
    assert problems("a target of $8.69 billion") == [("bound differs", "targets[0].value")]


def test_bounds_that_differ() -> None:
    (f,) = text_findings("Revenue should reach about 60 billion yuan by 2028.")
    assert f.problem is TextProblem.BOUND_DIFFERS
    assert (f.figure, f.bound) == ("targets[0].value", Bound.MORE_THAN)
    assert f.mention is not None
    assert f.mention.bound is Bound.ABOUT
    (g,) = text_findings("园区占地约2918亩")
    assert (g.problem, g.figure, g.bound) == (TextProblem.BOUND_DIFFERS, "area", Bound.EXACTLY)
    assert "no bound" in g.explanation


def test_figures_cited_to_the_source_that_the_text_does_not_print() -> None:
    missing = problems("Spanning 2,918 mu, the park opened on Feb 23.", SOURCE)
    assert ("not in text", "area") not in missing
    assert ("not in text", "launched") not in missing
    assert ("not in text", "targets[0].value") in missing
    assert ("not in text", "computing_centers[1].compute_power") in missing
    assert ("not in text", "milestones[0].year") in missing
    (f,) = [f for f in text_findings("Feb 23", SOURCE) if f.figure == "targets[0].year"]
    assert f.stated == 2028
    assert f.source is not None
    assert f.source.id == SOURCE


def test_years_and_dates_match_the_parks() -> None:
    assert problems("Launched on 2023-02-23, approved in 2019, targets for 2028.") == []
    assert problems("2023年2月23日开园") == []
    assert problems("opened on Feb 24") == [("not in park", "Feb 24")]
    assert problems("by 2030") == [("not in park", "2030")]


def test_unreadable_figures_are_findings() -> None:
    (f,) = text_findings("Investment: 20亿至30亿元.")
    assert f.problem is TextProblem.UNREADABLE
    assert "range" in f.explanation


def test_bad_arguments() -> None:
    with pytest.raises(aipark.ValidationError, match="not an id of the park's sources"):
        aipark.audit(aipark.QINGDAO, against="2,918 mu", source="XX-1")
    with pytest.raises(aipark.ValidationError, match="against"):
        aipark.audit(aipark.QINGDAO, source=SOURCE)  # type: ignore[call-overload]
    with pytest.raises(aipark.ValidationError, match="string"):
        aipark.audit(aipark.QINGDAO, against=b"2,918 mu")  # type: ignore[call-overload]


def test_an_own_park_against_its_text() -> None:
    source = aipark.Source(
        "Harbour park opens", "Example Daily", datetime.date(2024, 5, 6), id="ED"
    )
    park = aipark.Park(
        "Harbour AI Park",
        area="1200 mu",
        launched=datetime.date(2024, 5, 2),
        sources=[source],
        citations=[aipark.Citation("area", source), aipark.Citation("launched", source)],
    )
    text = "The Harbour AI Park, covering 1,200 mu (80 hectares), opened on May 2."
    assert aipark.audit(park, against=text, source="ED") == ()
    (f,) = aipark.audit(park, against="It covers 1,300 mu.", source="ED")[:1]
    assert isinstance(f, TextFinding)
    assert f.problem is TextProblem.NOT_IN_PARK


def test_findings_serialize_to_json() -> None:
    findings = aipark.audit(aipark.QINGDAO, against="about 2,918 mu on Feb 24", source=SOURCE)
    data = json.loads(json.dumps(aipark.to_dict(findings)))
    text = [d for d in data if "problem" in d]
    assert text[0]["problem"] == "bound differs"
    assert text[0]["stated"] == {"value": 2918, "unit": "shi_mu"}
    assert text[0]["mention"]["text"] == "2,918 mu"
    assert {"problem": "not in text", "figure": "targets[0].year", "stated": 2028}.items() <= {
        k: v for d in text for k, v in d.items() if d.get("figure") == "targets[0].year"
    }.items()


@pytest.mark.skipif(not ARTICLE.exists(), reason="the reference article is not beside the project")
def test_the_prebuilt_park_against_its_primary_article() -> None:
    """No figure of the article is missing from the park, and no bound is unmatched."""
    assert problems(ARTICLE.read_text(encoding="utf-8"), SOURCE) == []


# --------------------------------------------------------------------------
# aipark audit --against


def test_cli_audit_against_a_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    assert run(["audit", "qingdao", "--against", str(article), "--source", SOURCE]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith(
        "Against the text: every figure of the text is in the park, with the same bound."
    )
    article.write_text("It covers about 2,918 mu.", encoding="utf-8")
    assert run(["audit", "qingdao", "--against", str(article), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["problem"] for d in data if "problem" in d] == ["bound differs"]


def test_cli_audit_source_needs_a_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["audit", "qingdao", "--source", SOURCE]) == 1
    assert "--against" in capsys.readouterr().err
