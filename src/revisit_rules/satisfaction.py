"""Satisfaction, as one module: grading, survey scores, rates, customer classes, leads (SAT).

The names of the satisfaction rules, at the address they have always had. Each lives in
the module of its layer: the grading and survey score in :mod:`revisit_rules.grading`,
the rates in :mod:`revisit_rules.rates`, the customer classes with the project
(:mod:`revisit_rules.project`) and who leads a visit with the revisits
(:mod:`revisit_rules.revisits.visits`). Objects pickled under these names load.

>>> from revisit_rules.satisfaction import ServiceRating, grade_visit, survey_counts
>>> grade_visit(85, ServiceRating.EXCELLENT).grade
<Grade.A: 'A'>
>>> survey_counts(sent=40, returned=20)  # 50 % is 50%以上
True
"""

from __future__ import annotations

from revisit_rules.grading import (
    Grade,
    Grading,
    Satisfaction,
    ServiceRating,
    grade_visit,
    survey_score,
)
from revisit_rules.project import CustomerClass, CustomerTier
from revisit_rules.rates import (
    BELOW_RETURN_TARGET,
    RateResult,
    SamplingTarget,
    SurveyResult,
    complaint_rate,
    handling_rate,
    repeat_repair_rate,
    response_rate,
    rework_rate,
    sampling_rate,
    satisfaction_rate,
    survey_counts,
    survey_result,
)
from revisit_rules.revisits.visits import VisitLead, visit_lead

__all__ = [
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
]
