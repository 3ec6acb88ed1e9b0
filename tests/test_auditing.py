"""The audit of reported figures: area, money and compute for Qingdao, tolerances, the CLI."""

from __future__ import annotations

import datetime
import json
import math
import shlex
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import aipark
from aipark.auditing import DEFAULT_REL_TOL, FindingKind
from aipark.cli import run
from aipark.models import Citation, ComputingCenter, Park, Source, Target

ARTICLE = Source("An article", "A paper", datetime.date(2023, 3, 1), id="A-1")


def findings_by_kind() -> dict[FindingKind, aipark.Finding]:
    """The park's findings by kind; for money, the target's (the investment's is tested apart)."""
    findings = aipark.audit(aipark.QINGDAO)
    return {
        f.kind: f
        for f in findings
        if isinstance(f, aipark.Finding) and f.figure != "computing_centers[0].investment"
    }


def test_qingdao_has_the_findings_in_order_then_the_conflicts() -> None:
    """Area, money (investment, target) and compute; then each source that disagrees."""
    findings = aipark.audit(aipark.QINGDAO)
    assert [(f.kind, f.figure) for f in findings if isinstance(f, aipark.Finding)] == [
        (FindingKind.AREA, "area"),
        (FindingKind.MONEY, "computing_centers[0].investment"),
        (FindingKind.MONEY, "targets[0].value"),
        (FindingKind.COMPUTE, "computing_centers[0].pc_equivalents"),
    ]
    conflicts = [f for f in findings if isinstance(f, aipark.SourceConflict)]
    assert findings[4:] == tuple(conflicts)
    assert [(c.figure, c.sources[0].id) for c in conflicts] == [
        ("area", "CD-2022-05-16"),
        ("application_domains", "STD-2023-03-02"),
        ("application_domains", "EEO-2024-04-16"),
        ("computing_centers[1].builder", "CD-2024-04-19"),
        ("targets[0].scope", "CD-2024-04-19"),
    ]


def test_area_conflict_shows_the_gap() -> None:
    """180 ha (China Daily, 2022) against 2,918 mu: a 7.5 % gap, beside the 194.6 ha reading."""
    area = next(f for f in aipark.audit(aipark.QINGDAO) if isinstance(f, aipark.SourceConflict))
    assert area.kind is FindingKind.AREA
    assert (area.stated, area.reported) == (aipark.Q_(2918, "shi_mu"), aipark.Q_(180, "hectare"))
    assert area.exact is not None
    assert math.isclose(area.exact.magnitude, 2918 / 15, rel_tol=1e-12)
    assert area.relative_difference is not None
    assert math.isclose(area.relative_difference, 180 / (2918 / 15) - 1, rel_tol=1e-9)
    assert round(area.relative_difference, 3) == -0.075
    assert [s.id for s in area.sources] == ["CD-2022-05-16", "CD-2023-02-27"]
    assert "7.471% lower" in area.explanation
    assert "under construction" in area.explanation


def test_text_conflicts_keep_both_readings() -> None:
    conflicts = {
        f.figure: f for f in aipark.audit(aipark.QINGDAO) if isinstance(f, aipark.SourceConflict)
    }
    builder = conflicts["computing_centers[1].builder"]
    assert (builder.stated, builder.reported) == ("Sugon", "Inspur")
    assert (builder.exact, builder.relative_difference) == (None, None)
    assert builder.kind is FindingKind.OTHER
    assert [s.id for s in builder.sources] == ["CD-2024-04-19", "EEO-2024-04-16"]
    scope = conflicts["targets[0].scope"]
    assert (scope.stated, scope.reported) == ("Qingdao Smart Computing Valley", "the whole park")
    domains = conflicts["application_domains"]
    assert isinstance(domains.stated, str)
    assert domains.stated.startswith("smart homes; ")
    assert "空天地海" in str(domains.reported)


def test_investment_finding_uses_the_rate_of_its_report() -> None:
    """390 million yuan, $57.56 million on 2022-05-16: converted at that day's ECB rate."""
    (investment,) = [
        f
        for f in aipark.audit(aipark.QINGDAO)
        if isinstance(f, aipark.Finding) and f.figure == "computing_centers[0].investment"
    ]
    assert investment.stated == aipark.Q_(390_000_000, "CNY")
    assert investment.reported == aipark.Q_(57.56, "megaUSD")
    assert investment.rate is not None
    assert investment.rate.on == datetime.date(2022, 5, 16)
    assert [s.id for s in investment.sources] == ["CD-2022-05-16", "ECB-2022-05-16"]


def test_an_observation_reported_in_dollars_agrees_at_the_rate_of_its_report() -> None:
    """17 billion yuan as $2.35 billion on 2024-04-19 agrees then, not at the launch's rate."""
    figures = [f.figure for f in aipark.audit(aipark.QINGDAO)]
    assert not any(figure.startswith("observations") for figure in figures)
    (income,) = [
        f
        for f in aipark.audit(aipark.QINGDAO, on=datetime.date(2023, 2, 23))
        if f.figure.startswith("observations")
    ]
    assert income.figure == "observations[0].value"


def test_area_finding() -> None:
    """194.6 ha reported, 194.533 ha exact; the 1 mu ≈ 667 m² rounding explains it."""
    area = findings_by_kind()[FindingKind.AREA]
    assert area.figure == "area"
    assert area.subject == aipark.QINGDAO.name
    assert area.stated == aipark.Q_(2918, "shi_mu")
    assert area.reported == aipark.Q_(194.6, "hectare")
    exact_ha = 2918 * 10000 / 15 / 10000
    assert area.exact.units == aipark.ureg.hectare
    assert math.isclose(area.exact.magnitude, exact_ha, rel_tol=1e-12)
    assert area.relative_difference is not None
    assert math.isclose(area.relative_difference, (194.6 - exact_ha) / exact_ha, rel_tol=1e-9)
    (reading,) = area.readings
    assert "667" in reading.label
    assert math.isclose(reading.value.to("m**2").magnitude, 2918 * 667, rel_tol=1e-12)
    assert reading.agrees is True
    assert "194.533 ha" in area.explanation
    assert "1 mu ≈ 667 m²" in area.explanation
    assert [s.id for s in area.sources] == ["CD-2023-02-27"]


def test_money_finding() -> None:
    """$8.69 billion vs the ECB rate of the launch day, the implied rate and the central parity."""
    money = findings_by_kind()[FindingKind.MONEY]
    launch = datetime.date(2023, 2, 23)
    assert money.figure == "targets[0].value"
    assert money.stated == aipark.Q_(60_000_000_000, "CNY")
    assert money.reported == aipark.Q_(8_690_000_000, "USD")
    assert money.exact == aipark.convert("600亿元", "USD", on=launch)
    assert abs(money.exact.to("USD").magnitude - 8.69e9) / 8.69e9 < 0.005
    assert money.relative_difference is not None
    assert money.relative_difference < 0  # the article's figure is below the ECB conversion
    assert money.rate is not None
    assert money.rate.on == launch
    assert money.rate.source is not None
    assert money.rate.source.publisher == "European Central Bank"
    assert (money.rate.base, money.rate.quote) == ("USD", "CNY")
    assert money.implied_rate is not None
    assert round(money.implied_rate.rate.magnitude, 4) == 6.9045
    (parity,) = money.readings
    assert parity.rate is not None
    assert parity.rate.rate == aipark.Q_(6.9028, "CNY/USD")
    assert parity.rate.on == launch
    assert math.isclose(parity.value.to("USD").magnitude, 60e9 / 6.9028, rel_tol=1e-12)
    assert parity.agrees is True
    assert [s.id for s in money.sources] == ["CD-2023-02-27", "PBOC-2023-02-23", "ECB-2023-02-23"]
    for text in ("6.90449 CNY/USD", "6.9028 CNY/USD", "central parity", "2023-02-23"):
        assert text in money.explanation


def test_compute_finding() -> None:
    """The article's 50,000-PC "CPU performance" vs the Chinese source's 100 PFLOPS."""
    compute = findings_by_kind()[FindingKind.COMPUTE]
    assert compute.figure == "computing_centers[0].pc_equivalents"
    assert compute.subject == "Qingdao Artificial Intelligence Computing Center"
    assert compute.reported == aipark.Q_(50_000, "")
    assert compute.exact == aipark.Q_(100, "petaFLOPS")
    assert compute.relative_difference is None
    assert "CPU performance" in compute.explanation
    assert "precision not stated" in compute.explanation
    (per_pc,) = compute.readings
    assert per_pc.value == aipark.Q_(2, "teraFLOPS")
    assert per_pc.agrees is None
    assert "derived" in per_pc.label
    assert {s.id for s in compute.sources} == {"CD-2023-02-27", "QDD-2022-05-16"}


def test_rel_tol_is_explicit() -> None:
    """A looser tolerance drops the small discrepancies; compute is always reported."""
    assert DEFAULT_REL_TOL == 0

    def kinds(rel_tol: float) -> list[FindingKind]:
        found = aipark.audit(aipark.QINGDAO, rel_tol=rel_tol)
        return [f.kind for f in found if isinstance(f, aipark.Finding)]

    # area is off by 0.034 %, the investment by 0.243 %, the target by 0.097 %
    assert kinds(5e-4) == [FindingKind.MONEY, FindingKind.MONEY, FindingKind.COMPUTE]
    assert kinds(1e-2) == [FindingKind.COMPUTE]
    # Conflicts between sources are not a matter of tolerance.
    assert (
        sum(isinstance(f, aipark.SourceConflict) for f in aipark.audit(aipark.QINGDAO, rel_tol=0.5))
        == 5
    )


def park_with_area(reported: str, stated: str = "2918 mu", **kwargs: object) -> Park:
    return Park(
        "P",
        area=stated,
        citations=[Citation("area", ARTICLE, reported=reported)],
        **kwargs,  # type: ignore[arg-type]
    )


def test_rounding_to_printed_digits_agrees() -> None:
    """194.5 ha is 2,918 mu rounded to its printed digits: no finding unless rounding is off."""
    park = park_with_area("194.5 ha")
    assert aipark.audit(park) == ()
    assert aipark.audit(park, rounding=False, rel_tol=0) != ()
    assert aipark.audit(park_with_area("195 ha")) == ()
    assert aipark.audit(park_with_area("1.9e2 ha")) != ()  # the float 190.0: read as 190.0
    assert aipark.audit(park_with_area("190 ha")) != ()  # an integer is read as printed
    assert aipark.audit(park_with_area("1.9 km**2")) == ()  # two digits, in a larger unit
    (finding,) = aipark.audit(park_with_area("196 ha"))
    assert finding.readings[0].agrees is False
    assert "common rounding" not in finding.explanation


@given(st.integers(1, 10**8), st.integers(0, 6))
def test_any_correct_rounding_agrees(mu: int, decimals: int) -> None:
    """The exact hectares printed to any number of decimals is never a finding."""
    exact = aipark.convert(f"{mu} mu", "hectare").magnitude
    park = park_with_area(f"{exact:.{decimals}f} ha", stated=f"{mu} mu")
    assert aipark.audit(park, rel_tol=0) == ()


@pytest.mark.parametrize(
    ("stated", "reported"), [("1e300 mu", "1e-300 ha"), ("1 mu", "1e300 ha"), ("0 mu", "1 ha")]
)
def test_far_apart_figures_are_findings(stated: str, reported: str) -> None:
    """Wildly different figures give a finding, never an arithmetic error."""
    (finding,) = aipark.audit(park_with_area(reported, stated=stated))
    assert finding.kind is FindingKind.AREA


def test_exact_readings_agree() -> None:
    """A reported figure equal to the exact conversion is not a finding."""
    assert aipark.audit(park_with_area("1 qing", stated="100 mu")) == ()
    assert aipark.audit(park_with_area("1 ha", stated="15 mu"), rounding=False, rel_tol=0) == ()


def test_reported_figure_of_another_kind_is_a_finding() -> None:
    """A reading that no conversion links to the figure is reported, not skipped."""
    park = Park("P", area="15 mu", citations=[Citation("area", ARTICLE, reported="3 km")])
    (finding,) = aipark.audit(park)
    assert finding.kind is FindingKind.OTHER
    assert finding.relative_difference is None
    assert "measure different things" in finding.explanation


def money_park(launched: datetime.date | None) -> Park:
    target = Target(
        "T",
        value="100 CNY",
        citations=[Citation("value", ARTICLE, reported="20 USD")],
    )
    return Park("P", launched=launched, targets=[target])


def test_money_date_defaults() -> None:
    """Money converts at the launch date, else the citing source's date, unless on= is given."""
    launched = money_park(datetime.date(2023, 2, 23))
    (finding,) = aipark.audit(launched)
    assert finding.rate is not None
    assert finding.rate.on == datetime.date(2023, 2, 23)
    (finding,) = aipark.audit(money_park(None))
    assert finding.rate is not None
    assert finding.rate.on == ARTICLE.published
    (finding,) = aipark.audit(launched, on=datetime.date(2023, 2, 25))
    assert finding.rate is not None
    assert (finding.rate.on, finding.rate.requested) == (
        datetime.date(2023, 2, 24),
        datetime.date(2023, 2, 25),
    )
    assert "the last before 2023-02-25" in finding.explanation


def test_audit_of_an_empty_park_finds_nothing() -> None:
    """No readings, no findings."""
    assert aipark.audit(Park("P")) == ()
    assert aipark.audit(Park("P", computing_centers=[ComputingCenter("C", pc_equivalents=5)])) == ()


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("qingdao",), {}, "expected a Park"),
        ((None,), {}, "expected a Park"),
        ((aipark.QINGDAO,), {"rel_tol": -0.1}, "rel_tol"),
        ((aipark.QINGDAO,), {"rel_tol": float("nan")}, "rel_tol"),
        ((aipark.QINGDAO,), {"rel_tol": 1.5}, "rel_tol"),
        ((aipark.QINGDAO,), {"rel_tol": True}, "rel_tol"),
        ((aipark.QINGDAO,), {"rel_tol": "0.1"}, "rel_tol"),
        ((aipark.QINGDAO,), {"rounding": "yes"}, "rounding"),
        ((aipark.QINGDAO,), {"on": "2023-02-23"}, "date"),
        ((aipark.QINGDAO,), {"on": datetime.datetime(2023, 2, 23)}, "date"),
    ],
)
def test_bad_arguments(args: tuple[object, ...], kwargs: dict[str, object], message: str) -> None:
    """Every bad argument is a ValidationError naming it."""
    with pytest.raises(aipark.ValidationError, match=message):
        aipark.audit(*args, **kwargs)  # type: ignore[arg-type]


def test_audit_date_outside_the_rates_is_refused() -> None:
    """Money cannot be audited on a day without ECB data."""
    with pytest.raises(aipark.MissingRateError):
        aipark.audit(aipark.QINGDAO, on=datetime.date(1990, 1, 1))


def test_findings_are_json_native() -> None:
    """to_dict gives data json.dumps accepts, with the numbers of the findings."""
    data = aipark.to_dict(aipark.audit(aipark.QINGDAO))
    text = json.dumps(data)
    kinds = [f["kind"] for f in json.loads(text)]
    assert kinds == [
        "area",
        "money",
        "money",
        "compute",
        "area",
        "other",
        "other",
        "other",
        "other",
    ]
    assert data[2]["rate"]["on"] == "2023-02-23"
    assert data[0]["reported"] == {"value": 194.6, "unit": "hectare"}
    assert data[4]["reported"] == {"value": 180, "unit": "hectare"}
    assert data[7]["reported"] == "Inspur"
    assert data[7]["exact"] is None


def test_table() -> None:
    """format_findings: one row per finding, then each explanation and its sources."""
    text = aipark.format_findings(aipark.audit(aipark.QINGDAO), title="Audit")
    lines = text.splitlines()
    assert lines[0] == "Audit"
    assert lines[2].split() == ["kind", "figure", "reported", "exact", "difference"]
    assert lines[3].split() == ["area", "area", "194.6", "ha", "194.533", "ha", "+0.034%"]
    assert lines[5].split()[:2] == ["money", "targets[0].value"]
    assert lines[5].endswith("-0.097%")
    assert "50,000 PCs" in lines[6]
    assert lines[6].endswith("not comparable")
    assert lines[7].split() == ["conflict", "area", "180", "ha", "194.533", "ha", "-7.471%"]
    assert "Sources that disagree (the data keeps the value its other sources give):" in lines
    assert "8. conflict: computing_centers[1].builder" in "\n".join(lines)
    assert "   Sources: CD-2023-02-27, PBOC-2023-02-23, ECB-2023-02-23" in lines
    assert max(len(line) for line in lines) <= 100
    assert "No findings" in aipark.format_findings(())


def test_audit_command(capsys: pytest.CaptureFixture[str]) -> None:
    """aipark audit qingdao prints the table."""
    assert run(["audit", "qingdao"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Audit of {aipark.QINGDAO.name}\n")
    assert (
        out
        == f"Audit of {aipark.QINGDAO.name}\n\n"
        + aipark.format_findings(aipark.audit(aipark.QINGDAO))
        + "\n"
    )


def test_audit_command_json_and_options(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints the findings as data; --rel-tol and --on reach audit()."""
    assert run(["audit", "qingdao", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == aipark.to_dict(aipark.audit(aipark.QINGDAO))
    assert run(["audit", "qingdao", "--format", "json", "--rel-tol", "0.01"]) == 0
    kinds = [f["kind"] for f in json.loads(capsys.readouterr().out)]
    assert kinds == ["compute", "area", "other", "other", "other", "other"]
    assert run(["audit", "qingdao", "--format", "json", "--on", "2023-02-25"]) == 0
    assert json.loads(capsys.readouterr().out)[1]["rate"]["on"] == "2023-02-24"


def test_audit_command_errors(capsys: pytest.CaptureFixture[str]) -> None:
    """Bad input: exit code 1 and one line on stderr; bad options: a usage error, exit 2."""
    assert run(["audit", "atlantis"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("aipark: error: ")
    assert err.count("\n") == 1
    for option in (["--rel-tol", "-1"], ["--on", "23/02/2023"]):
        assert run(["audit", "qingdao", *option]) == 2
        assert f"argument {option[0]}" in capsys.readouterr().err


def test_functions_stay_functions_after_their_modules_are_imported() -> None:
    """Importing every submodule first leaves aipark.audit and aipark.convert functions."""
    code = (
        "import aipark.cli, aipark.auditing, aipark.conversion, aipark.formatting, aipark\n"
        "from aipark.auditing import Finding\n"
        "assert callable(aipark.audit), aipark.audit\n"
        "assert callable(aipark.convert), aipark.convert\n"
        "print(aipark.convert('15 mu', 'hectare').magnitude == 1)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def readme_console_output(command: str) -> str:
    """The lines the README shows after ``$ <command>``, up to the next command or fence."""
    lines = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"$ {command}") + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith(("$ ", "```")))
    return "\n".join(lines[start:end]) + "\n"


@pytest.mark.parametrize(
    "command", ["aipark audit qingdao", 'aipark convert "600亿元" USD --on 2023-02-23']
)
def test_readme_shows_the_real_output(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The audit table and the dated conversion in the README are what the CLI prints."""
    assert run(shlex.split(command)[1:]) == 0
    assert capsys.readouterr().out == readme_console_output(command)


# --------------------------------------------------------------------------
# The rounding interval of the printed digits decides


def test_integers_are_read_as_printed() -> None:
    """22,515 mu is 1,501 ha: a reported "2000 hectare" is a 33 % gap, not a rounding."""
    (finding,) = aipark.audit(park_with_area("2000 hectare", stated="22515 mu"))
    assert finding.kind is FindingKind.AREA
    assert finding.exact == aipark.Q_(1501, "hectare")
    assert finding.relative_difference == pytest.approx(499 / 1501)
    assert "rounded to its printed digits (1,501 ha" in finding.explanation.replace("hectare", "ha")
    assert aipark.audit(park_with_area("1501 hectare", stated="22515 mu")) == ()
    assert aipark.audit(park_with_area("15 km**2", stated="22515 mu")) == ()  # 14.5 to 15.5


def _printed(units: int, decimals: int) -> str:
    """``units / 10**decimals`` as a source would print it: "1501", "194.6", "0.05"."""
    if decimals == 0:
        return str(units)
    sign = "-" if units < 0 else ""
    whole, frac = divmod(abs(units), 10**decimals)
    return f"{sign}{whole}.{frac:0{decimals}d}"


@given(
    mu=st.integers(1, 10**9),
    decimals=st.integers(0, 4),
    offset=st.integers(-40, 40),
)
def test_a_reported_figure_is_a_finding_exactly_when_outside_its_rounding_interval(
    mu: int, decimals: int, offset: int
) -> None:
    """Generated stated/reported pairs: the audit flags a reading iff it is outside the interval.

    The stated figure is ``mu`` mu, exactly ``mu / 15`` ha; the reported one
    is that figure rounded to ``decimals`` decimals and moved a few units of
    its last digit, printed as a source would (an integer when ``decimals``
    is 0).  The interval is half a unit of the last digit either side,
    computed in fractions.
    """
    exact = Fraction(mu, 15)
    nearest = round(exact * 10**decimals)
    moved = nearest + offset // 10  # a few steps of the printed digits away, or none
    text = _printed(moved, decimals)
    reported = Fraction(text)
    # An integer claims every digit; a float's digits are those of its repr ("0.10" is 0.1).
    shown = repr(float(text)) if decimals else text
    step = Fraction(1, 10 ** len(shown.partition(".")[2]))
    gap = abs(reported - exact)
    assume(abs(gap - step / 2) > step / 10**6)  # not on the edge, where float rounding decides
    findings = aipark.audit(park_with_area(f"{text} ha", stated=f"{mu} mu"))
    assert (findings != ()) is (gap > step / 2)
    if findings:
        (finding,) = findings
        assert finding.kind is FindingKind.AREA
        assert finding.readings == () or finding.readings[0].label == "1 mu ≈ 667 m²"
