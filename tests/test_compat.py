"""Old addresses keep working: the module paths users import, and objects pickled there.

The layout moved names between modules (decisions stay in CHANGELOG.md); a name users
could import from a module before stays importable from it, and an object pickled by an
earlier version (pickle stores the defining module's path) loads.
"""

import importlib
import pickle

import pytest

import revisit_rules as rr

#: module -> the public names it offered before the layout changed.
OLD_PATHS = {
    "revisit_rules.satisfaction": [
        "BELOW_RETURN_TARGET",
        "CustomerClass",
        "CustomerTier",
        "Grade",
        "Grading",
        "RateResult",
        "SamplingTarget",
        "Satisfaction",
        "ServiceRating",
        "SurveyResult",
        "VisitLead",
        "complaint_rate",
        "grade_visit",
        "handling_rate",
        "repeat_repair_rate",
        "response_rate",
        "rework_rate",
        "sampling_rate",
        "satisfaction_rate",
        "survey_counts",
        "survey_result",
        "survey_score",
        "visit_lead",
    ],
    "revisit_rules.warranty": ["Category", "Project", "Expiry", "WarrantySchedule"],
    "revisit_rules.seasons": ["REGIONS", "Region", "Season", "SeasonKind", "SeasonSpan"],
    "revisit_rules.revisits": ["Plan", "PlanFinding", "Visit", "VisitKind", "VisitRecord"],
    "revisit_rules.liability": [
        "Allocation",
        "Charge",
        "Defect",
        "Party",
        "Settlement",
        "settle",
        "split_amount",
    ],
    "revisit_rules.tracing": ["Trace", "to_plain", "trace"],
    "revisit_rules.rules": ["DOCUMENTS", "RULES", "Rule", "Source", "rule_table"],
    "revisit_rules.portfolio": [
        "CATEGORY_LABELS",
        "PortfolioRowError",
        "example_portfolio",
        "read_portfolio",
    ],
    "revisit_rules.periods": ["Days", "DesignLife", "Years", "period_end"],
}


@pytest.mark.parametrize(
    ("module", "name"), [(m, n) for m, names in OLD_PATHS.items() for n in names]
)
def test_an_old_path_still_imports(module, name):
    """The name is importable from its old module, and is the package's own object."""
    found = getattr(importlib.import_module(module), name)
    if hasattr(rr, name):
        assert found is getattr(rr, name)


#: Pickles as an earlier version wrote them (protocol 0, the text form): an enum member of
#: satisfaction, and a PortfolioRowError whose rebuilder lived in portfolio.
OLD_PICKLES = [
    (b"crevisit_rules.satisfaction\nCustomerClass\n(VA\ntR.", rr.CustomerClass.A),
    (b"crevisit_rules.satisfaction\nVisitLead\n(Vstaff\ntR.", rr.VisitLead.STAFF),
    (b"crevisit_rules.satisfaction\nGrade\n(VB\ntR.", rr.Grade.B),
    (
        (
            b"crevisit_rules.portfolio\n_rebuild_row_error\n(Vregion\nVmars\nVa region\n"
            b"VSEA-HEATING\nI3\nI5\ntR."
        ),
        rr.PortfolioRowError("region", "mars", "a region", rule="SEA-HEATING", row=3, line=5),
    ),
]


@pytest.mark.parametrize(("data", "expected"), OLD_PICKLES)
def test_an_old_pickle_loads(data, expected):
    """An object pickled under its old module path loads as today's object."""
    loaded = pickle.loads(data)
    if isinstance(expected, Exception):
        assert (type(expected), str(expected)) == (type(loaded), str(loaded))
    else:
        assert expected is loaded


def test_a_rate_result_round_trips():
    """Today's pickles load too (a result of the moved rates module)."""
    result = rr.complaint_rate(1, 200)
    assert result == pickle.loads(pickle.dumps(result))
