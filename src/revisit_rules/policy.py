"""Policy: every tunable number and switch of the rules, with the defaults the decisions give.

Where the sources leave a blank or disagree, the project takes a decision (the docs'
Decisions page); each decision is a default here, never a hidden constant. A user
changes a value with ``attrs.evolve``, and :func:`~revisit_rules.rule_table` shows the
values in force under a policy.

>>> import attrs
>>> from revisit_rules import Policy, Convention
>>> Policy().convention
<Convention.CIVIL_CODE: 'civil_code'>
>>> attrs.evolve(Policy(), roll_to_working_day=False).roll_to_working_day
False
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from revisit_rules._check import FrozenMap, check_bool, check_int, check_member
from revisit_rules.categories import Category
from revisit_rules.durations import Days, Months, Period, Years
from revisit_rules.errors import DateRangeError, InvalidInputError, InvalidTypeError
from revisit_rules.regions import SeasonSpan, region_of

__all__ = ["Cadence", "Convention", "PmLateScope", "Policy", "RevisitHorizon"]


class Convention(enum.Enum):
    """How a period's last day is computed (CAL-PERIOD)."""

    #: CC 201–203: the start day is not counted; rest days roll forward.
    CIVIL_CODE = "civil_code"
    #: 保修书 "自…起至…止": the start day counts; the last day is one day earlier.
    INCLUSIVE_START = "inclusive_start"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {"civil_code": "民法典期间计算", "inclusive_start": "起始日计入"}[self.value]


class Cadence(enum.Enum):
    """How often periodic revisits run (VIS-CADENCE)."""

    #: Every six months (S000 "保修期内每半年回访一次").
    SEMIANNUAL = "semiannual"
    #: Every three months (S003 "每三个月").
    QUARTERLY = "quarterly"
    #: 3, 6 and 12 months, then yearly (S000 竣工工程质量回访制度).
    MILESTONES = "milestones"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {
            "semiannual": "每半年",
            "quarterly": "每季度",
            "milestones": "3个月、6个月、1年及以后每年",
        }[self.value]


class PmLateScope(enum.Enum):
    """What a late project manager is charged (LIA-PM, decisions § 6)."""

    #: The part the company itself would have paid, plus the other team's extra outlay
    #: (default): every other party's charge stands (MEAS 13).
    COMPANY_PART = "company_part"
    #: S001's "所发生的一切费用", literally: the company's, the subcontractors' and the
    #: contractor-procured suppliers' parts as one charge, those parts then recourse
    #: credited to the manager; the owner's, designer's and user's parts stay theirs.
    ALL_COSTS = "all_costs"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {"company_part": "公司应承担部分", "all_costs": "所发生的一切费用"}[self.value]


class RevisitHorizon(enum.Enum):
    """How long routine revisits run (VIS-HORIZON; the seeds disagree, decisions § 5)."""

    #: While a warranty other than the structure is in force, up to its cut-off (default).
    WARRANTY = "warranty"
    #: Only in the first year after acceptance (S000 3.2 "工程验收交付一年后"); the
    #: pre-expiry visits stay owed (S003).
    ONE_YEAR = "one_year"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {"warranty": "保修期内", "one_year": "交付后一年内"}[self.value]


#: VIS-RAINY: the categories a rainy-season visit serves by default (S002 "雨季回访屋面及排水
#: 工程、制冷工程、通风工程", S000 "屋面防水及设备安装工程进行季节性回访").
RAINY_SEASON_CATEGORIES: Final = frozenset(
    {
        Category.WATERPROOFING,
        Category.ELECTRICAL_PLUMBING,
        Category.COOLING,
        Category.EQUIPMENT_INSTALLATION,
    }
)


def _category_set(value: object) -> frozenset[Category]:
    if isinstance(value, Iterable) and not isinstance(value, str | Category | Mapping):
        items = list(value)
        if all(isinstance(c, Category) for c in items):
            return frozenset(items)
    raise InvalidTypeError(
        "Policy.rainy_season_categories", value, "a set of Category", rule="VIS-RAINY"
    )


def _default_term(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    if value is None:
        return
    if not isinstance(value, Years | Months | Days):
        raise InvalidTypeError(
            f"Policy.{attribute.name}", value, "None, or Years, Months or Days", rule="WTY-OTHER"
        )
    if value.n <= 0:
        raise InvalidInputError(
            f"Policy.{attribute.name}", value, "a period longer than 0", rule="WTY-OTHER"
        )


def _spans(field: str, rule: str, value: object) -> FrozenMap[str, SeasonSpan]:
    """Season overrides keyed by region key; Chinese names become keys, unknown names fail."""
    if not isinstance(value, Mapping):
        raise InvalidTypeError(field, value, "a mapping region -> SeasonSpan", rule=rule)
    out: dict[str, SeasonSpan] = {}
    for key, span in value.items():
        if not isinstance(span, SeasonSpan):
            raise InvalidTypeError(field, {key: span}, "region -> SeasonSpan", rule=rule)
        region = region_of(key, field=field)
        if region.key in out:
            raise InvalidInputError(
                field, key, f"one entry per region ({region.key} twice)", rule=rule
            )
        out[region.key] = span
    return FrozenMap(out)


def _heating_spans(value: object) -> FrozenMap[str, SeasonSpan]:
    return _spans("Policy.heating_seasons", "SEA-HEATING", value)


def _cooling_spans(value: object) -> FrozenMap[str, SeasonSpan]:
    return _spans("Policy.cooling_seasons", "SEA-COOLING", value)


def _rainy_spans(value: object) -> FrozenMap[str, SeasonSpan]:
    return _spans("Policy.rainy_seasons", "SEA-RAINY", value)


def _one_span(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    if not isinstance(value, SeasonSpan):
        raise InvalidTypeError(
            f"Policy.{attribute.name}", value, "a SeasonSpan", rule=_rule_of(attribute)
        )


def _zone(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    field = f"Policy.{attribute.name}"
    if not isinstance(value, str):
        raise InvalidTypeError(
            field, value, "an IANA time zone name (str)", rule=_rule_of(attribute)
        )
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInputError(
            field, value, "an IANA time zone name such as 'Asia/Shanghai'", rule=_rule_of(attribute)
        ) from None


#: The most a duration field may hold, by the unit its name ends in: a longer one would
#: put every day it computes after 9999-12-31, the last day ``datetime.date`` has.
_MOST: Final[Mapping[str, int]] = FrozenMap(
    {"months": 12 * 9999, "days": 366 * 9999, "hours": 24 * 366 * 9999}
)


def _duration(attribute: attrs.Attribute[Any], value: object, minimum: int) -> None:
    field, rule = f"Policy.{attribute.name}", _rule_of(attribute)
    count = check_int(field, value, minimum=minimum, rule=rule)
    unit = attribute.name.rsplit("_", 1)[-1]
    most = _MOST.get(unit)
    if most is not None and count > most:
        raise DateRangeError(
            field, value, f"at most {most} {unit}: a longer one ends after 9999-12-31", rule=rule
        )


def _nonneg_int(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    _duration(attribute, value, 0)


def _blank_or_nonneg_int(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    """None (the source leaves the number blank) or a duration from 0 on."""
    if value is not None:
        _duration(attribute, value, 0)


def _pos_int(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    _duration(attribute, value, 1)


def _flag(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    check_bool(f"Policy.{attribute.name}", value, rule=_rule_of(attribute))


def _decimal(attribute: attrs.Attribute[Any], value: object) -> Decimal:
    if not isinstance(value, Decimal):
        raise InvalidTypeError(
            f"Policy.{attribute.name}", value, "a decimal.Decimal", rule=_rule_of(attribute)
        )
    return value


def _fraction(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    value = _decimal(attribute, value)
    if not value.is_finite() or not 0 <= value <= 1:
        raise InvalidInputError(
            f"Policy.{attribute.name}", value, "a Decimal from 0 to 1", rule=_rule_of(attribute)
        )


def _score(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
    value = _decimal(attribute, value)
    if not value.is_finite() or not 0 <= value <= 100:  # noqa: PLR2004
        raise InvalidInputError(
            f"Policy.{attribute.name}", value, "a Decimal from 0 to 100", rule=_rule_of(attribute)
        )


#: SAT-SCALE: the five answers of S003 5(2), best first, with the source's scores.
_SCALE: Final[tuple[tuple[str, int], ...]] = (
    ("VERY_SATISFIED", 100),
    ("SATISFIED", 80),
    ("FAIRLY_SATISFIED", 60),
    ("DISSATISFIED", 40),
    ("VERY_DISSATISFIED", 0),
)


def _scale(value: object) -> FrozenMap[str, int]:
    """The satisfaction scale: each answer (by name or member) -> a whole score 0..100.

    Every answer is scored, the scores fall strictly from the best answer to the worst
    (so a better answer never scores less), and they are whole numbers, as the source's.
    """
    field, rule = "Policy.satisfaction_scale", "SAT-SCALE"
    names = [name for name, _ in _SCALE]
    if not isinstance(value, Mapping):
        raise InvalidTypeError(field, value, "a mapping answer name -> score", rule=rule)
    out: dict[str, int] = {}
    for key, score in value.items():
        # An answer by name, or a Satisfaction member (an enum member: its name).
        name = key.name if isinstance(key, enum.Enum) else key
        if not isinstance(name, str) or name not in names:
            raise InvalidInputError(field, key, f"an answer of {', '.join(names)}", rule=rule)
        if name in out:
            raise InvalidInputError(field, key, f"one score per answer ({name} twice)", rule=rule)
        check_int(f"{field}[{name}]", score, minimum=0, maximum=100, rule=rule)
        out[name] = score
    if sorted(out) != sorted(names):
        missing = ", ".join(n for n in names if n not in out)
        raise InvalidInputError(field, value, f"a score for every answer ({missing})", rule=rule)
    scores = [out[name] for name in names]
    if any(better <= worse for better, worse in itertools.pairwise(scores)):
        raise InvalidInputError(
            field,
            value,
            "scores falling strictly from VERY_SATISFIED to VERY_DISSATISFIED",
            rule=rule,
        )
    return FrozenMap({name: out[name] for name in names})


def _enum(kind: type[enum.Enum]) -> Any:  # noqa: ANN401
    def check(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:  # noqa: ANN401
        check_member(f"Policy.{attribute.name}", value, kind, rule=_rule_of(attribute))

    return check


def _rule_of(attribute: attrs.Attribute[Any]) -> str:
    return str(attribute.metadata.get("rule", ""))


def _f(default: object, validator: Any, rule: str = "") -> Any:  # noqa: ANN401
    return attrs.field(default=default, validator=validator, metadata={"rule": rule})


@attrs.frozen(kw_only=True)
class Policy:
    """Every tunable value of the rules, defaulting to the decisions; change with ``attrs.evolve``.

    Each field names, in its metadata, the rule that reads it; the rule table shows the
    value in force. Durations are whole numbers in the unit their name says.
    """

    # --- CAL-PERIOD -------------------------------------------------------------------
    #: How a period's last day is computed.
    convention: Convention = _f(Convention.CIVIL_CODE, _enum(Convention), "CAL-PERIOD")
    #: CC 203: a last day that is a rest day moves to the first working day after it.
    #: Applies to the CIVIL_CODE convention.
    roll_to_working_day: bool = _f(default=True, validator=_flag, rule="CAL-PERIOD")
    #: Under INCLUSIVE_START, roll rest days too ("no roll unless asked").
    roll_inclusive_start: bool = _f(default=False, validator=_flag, rule="CAL-PERIOD")

    # --- WTY --------------------------------------------------------------------------
    #: WTY-OTHER: S000's company default for OTHER works without a contract term ("无合同约
    #: 定的…按5年计"); None (the default): such works need a term.
    no_contract_default: Period | None = _f(None, _default_term, "WTY-OTHER")

    # --- LIA --------------------------------------------------------------------------
    #: LIA-PM: what a late project manager is charged.
    pm_late_scope: PmLateScope = _f(PmLateScope.COMPANY_PART, _enum(PmLateScope), "LIA-PM")

    # --- SEA --------------------------------------------------------------------------
    #: SEA-COUNT: a season in progress at the start day counts as the first.
    count_partial_season: bool = _f(default=False, validator=_flag, rule="SEA-COUNT")
    #: SEA-HEATING: region key -> the heating season to use instead of the table's.
    heating_seasons: Mapping[str, SeasonSpan] = attrs.field(
        factory=FrozenMap, converter=_heating_spans, metadata={"rule": "SEA-HEATING"}
    )
    #: SEA-COOLING: region key -> the cooling season to use instead of the assumed one.
    cooling_seasons: Mapping[str, SeasonSpan] = attrs.field(
        factory=FrozenMap, converter=_cooling_spans, metadata={"rule": "SEA-COOLING"}
    )
    #: SEA-RAINY: the rainy season where no region override applies.
    rainy_season: SeasonSpan = attrs.field(
        factory=lambda: SeasonSpan.parse("04-01", "06-30"),
        validator=_one_span,
        metadata={"rule": "SEA-RAINY"},
    )
    #: SEA-RAINY: region key -> that region's rainy season.
    rainy_seasons: Mapping[str, SeasonSpan] = attrs.field(
        factory=FrozenMap, converter=_rainy_spans, metadata={"rule": "SEA-RAINY"}
    )

    # --- VIS --------------------------------------------------------------------------
    #: VIS-CADENCE: how often periodic revisits run.
    cadence: Cadence = _f(Cadence.SEMIANNUAL, _enum(Cadence), "VIS-CADENCE")
    #: VIS-HORIZON: how long routine revisits run.
    revisit_horizon: RevisitHorizon = _f(
        RevisitHorizon.WARRANTY, _enum(RevisitHorizon), "VIS-HORIZON"
    )
    #: VIS-RAINY: the categories a rainy-season visit serves.
    rainy_season_categories: frozenset[Category] = attrs.field(
        default=RAINY_SEASON_CATEGORIES, converter=_category_set, metadata={"rule": "VIS-RAINY"}
    )
    #: VIS-WINTER: a winter visit in the heart of each heating season.
    winter_visit: bool = _f(default=True, validator=_flag, rule="VIS-WINTER")
    #: VIS-WINTER: months after a heating season starts that its winter visit opens.
    winter_start_months: int = _f(1, _pos_int, "VIS-WINTER")
    #: VIS-OWNER: lead visits by customer class (borrowed from a tax firm's plan, S002 § 3).
    lead_by_customer_class: bool = _f(default=False, validator=_flag, rule="VIS-OWNER")
    #: VIS-MERGE: merge a project's visits into the fewest trips.
    merge_overlapping: bool = _f(default=True, validator=_flag, rule="VIS-MERGE")
    #: VIS-HANDOVER: the handover revisit's window, in months after acceptance.
    handover_months: int = _f(3, _pos_int, "VIS-HANDOVER")
    #: VIS-PERIODIC / VIS-TECHNICAL: a visit's window length, in months.
    visit_window_months: int = _f(1, _pos_int, "VIS-PERIODIC")
    #: VIS-TECHNICAL: months after acceptance that the technical revisit opens.
    technical_months: int = _f(6, _pos_int, "VIS-TECHNICAL")
    #: VIS-HEATING: months before a heating season that its revisit opens.
    heating_visit_months: int = _f(1, _pos_int, "VIS-HEATING")
    #: VIS-COMMISSIONING: months after operation start that its window opens ...
    commissioning_start_months: int = _f(1, _nonneg_int, "VIS-COMMISSIONING")
    #: ... and that its window closes (exclusive: the day before).
    commissioning_end_months: int = _f(2, _pos_int, "VIS-COMMISSIONING")
    #: VIS-PRE-EXPIRY: months before a warranty's last day that its revisit opens ...
    pre_expiry_start_months: int = _f(2, _pos_int, "VIS-PRE-EXPIRY")
    #: ... and by when it must be done.
    pre_expiry_end_months: int = _f(1, _nonneg_int, "VIS-PRE-EXPIRY")
    #: VIS-MIN: the least number of revisits a project gets.
    min_visits: int = _f(2, _nonneg_int, "VIS-MIN")
    #: VIS-RECORD: hours after a visit by which its record is filed.
    record_hours: int = _f(24, _nonneg_int, "VIS-RECORD")
    #: Reminder lead: a visit is "due" this many days before its window opens.
    reminder_days: int = _f(7, _nonneg_int, "VIS-TARGET")

    # --- SLA --------------------------------------------------------------------------
    #: Time zone of hour-based deadlines (CC 201 para. 2).
    timezone: str = attrs.field(
        default="Asia/Shanghai",
        validator=_zone,
        metadata={"rule": "SLA-ARRIVE"},
    )
    #: SLA-EMERGENCY: hours to reach the site after an emergency notice (MEAS 9: 立即).
    emergency_arrival_hours: int = _f(0, _nonneg_int, "SLA-EMERGENCY")
    #: SLA-ARRIVE: hours to reach the site after an ordinary repair notice (S003).
    arrival_hours: int = _f(48, _nonneg_int, "SLA-ARRIVE")
    #: SLA-PLAN: hours to complete the repair plan after the notice (S003).
    repair_plan_hours: int = _f(24, _nonneg_int, "SLA-PLAN")
    #: SLA-DISPATCH: days to dispatch the repair after the notice day (S000).
    dispatch_days: int = _f(7, _nonneg_int, "SLA-DISPATCH")
    #: SLA-PM-ARRIVE / LIA-PM: days for the project manager to reach the site (S001).
    pm_arrival_days: int = _f(10, _nonneg_int, "SLA-PM-ARRIVE")
    #: SLA-SIMPLE: days to solve a problem the team can solve itself. S000 "1~____天"
    #: leaves the bound blank and a range a~b means within b: None until the company sets it.
    simple_repair_days: int | None = _f(None, _blank_or_nonneg_int, "SLA-SIMPLE")
    #: SLA-MAJOR: working days to repair a larger problem. S000 "3~____个工作日" leaves the
    #: bound blank: None until the company sets it.
    major_repair_working_days: int | None = _f(None, _blank_or_nonneg_int, "SLA-MAJOR")
    #: SLA-COMPLAINT: hours to contact a complainant (S003).
    complaint_contact_hours: int = _f(24, _nonneg_int, "SLA-COMPLAINT")
    #: SLA-COMPLAINT-REVISIT: days to revisit after a complaint is closed (S001).
    complaint_revisit_days: int = _f(3, _nonneg_int, "SLA-COMPLAINT-REVISIT")
    #: SLA-REPAIR-REVISIT: days to revisit after a repair (S001 "一星期之内").
    repair_revisit_days: int = _f(7, _nonneg_int, "SLA-REPAIR-REVISIT")
    #: SLA-REPAIR-REVISIT: ... after a repair of safety installations (S001 "两天内").
    safety_repair_revisit_days: int = _f(2, _nonneg_int, "SLA-REPAIR-REVISIT")
    #: SLA-REPAIR-REVISIT: ... after a leak repair (S001 "三天内").
    leak_repair_revisit_days: int = _f(3, _nonneg_int, "SLA-REPAIR-REVISIT")
    #: SLA-SUB-NOACTION: hours after the notice when a silent subcontractor loses the repair.
    sub_noaction_hours: int = _f(24, _nonneg_int, "SLA-SUB-NOACTION")
    #: SLA-PM-NOTIFY: hours from an owner's complaint to the property manager notifying
    #: the contractor (S001 "时间不得超过24小时").
    pm_notify_hours: int = _f(24, _nonneg_int, "SLA-PM-NOTIFY")
    #: SLA-NOT-DEFECT-REPLY: hours to answer a complaint that is no defect (S001).
    not_defect_reply_hours: int = _f(24, _nonneg_int, "SLA-NOT-DEFECT-REPLY")
    #: SLA-REPAIR-START: days from the complaint to the start of the repair (S001 "3天").
    repair_start_days: int = _f(3, _nonneg_int, "SLA-REPAIR-START")
    #: SLA-REVISIT-FIX: hours to notify a problem found at a repair revisit (S001).
    revisit_fix_hours: int = _f(24, _nonneg_int, "SLA-REVISIT-FIX")
    #: SLA-CERTIFICATE: days after acceptance by which the certificate is issued (REG 39:
    #: with the completion report, so 0).
    certificate_days: int = _f(0, _nonneg_int, "SLA-CERTIFICATE")
    #: SLA-CERTIFICATE-DELIVERY: days after acceptance to deliver it (S000 "3~7d": within 7).
    certificate_delivery_days: int = _f(7, _nonneg_int, "SLA-CERTIFICATE-DELIVERY")
    #: SLA-SITE-CLEAR: days after acceptance to clear the site (S003 "十日内").
    site_clear_days: int = _f(10, _nonneg_int, "SLA-SITE-CLEAR")
    #: SLA-REVISIT-PLAN: days after acceptance to make the revisit plan (S003 "立即").
    revisit_plan_days: int = _f(0, _nonneg_int, "SLA-REVISIT-PLAN")
    #: SLA-STRUCTURAL-REPORT: days after a structural-safety notice to report it to the
    #: authority (MEAS 10 "立即").
    structural_report_days: int = _f(0, _nonneg_int, "SLA-STRUCTURAL-REPORT")

    # --- SAT --------------------------------------------------------------------------
    #: SAT-ABC: the least quality score graded A (以上: inclusive).
    quality_a_min: Decimal = _f(Decimal(85), _score, "SAT-ABC")
    #: SAT-ABC: the least quality score graded B (低于 75 is C).
    quality_b_min: Decimal = _f(Decimal(75), _score, "SAT-ABC")
    #: SAT-SCALE: the score of each answer of the five-level scale (S003 5(2)).
    satisfaction_scale: Mapping[str, int] = attrs.field(
        factory=lambda: FrozenMap(dict(_SCALE)),
        converter=_scale,
        metadata={"rule": "SAT-SCALE"},
    )
    #: SAT-RESPONSE: the least share of survey forms returned for a survey to count.
    survey_response_min: Decimal = _f(Decimal("0.5"), _fraction, "SAT-RESPONSE")
    #: SAT-RATES: the complaint rate must stay at most this (S001 "1%以下").
    complaint_rate_max: Decimal = _f(Decimal("0.01"), _fraction, "SAT-RATES")
    #: SAT-RATES: a complaint rate equal to ``complaint_rate_max`` meets the target (CC 1259
    #: reads "以下" as including the number); False reads it as strictly below.
    complaint_rate_inclusive: bool = _f(default=True, validator=_flag, rule="SAT-RATES")
    #: SAT-RATES: the revisit handling rate target.
    handling_rate_target: Decimal = _f(Decimal(1), _fraction, "SAT-RATES")
    #: SAT-SAMPLING: the least share of repairs each role revisits, and of complaints and
    #: repair works revisited (S001 "不低于10%/30%/60%", "100%", "30%"; 不低于 includes it).
    manager_revisit_min: Decimal = _f(Decimal("0.1"), _fraction, "SAT-SAMPLING")
    #: SAT-SAMPLING: the supervisor's share.
    supervisor_revisit_min: Decimal = _f(Decimal("0.3"), _fraction, "SAT-SAMPLING")
    #: SAT-SAMPLING: the repair lead's share.
    repair_lead_revisit_min: Decimal = _f(Decimal("0.6"), _fraction, "SAT-SAMPLING")
    #: SAT-SAMPLING: complaints revisited.
    complaint_revisit_min: Decimal = _f(Decimal(1), _fraction, "SAT-SAMPLING")
    #: SAT-SAMPLING: resident repair requests and repair works revisited.
    works_revisit_min: Decimal = _f(Decimal("0.3"), _fraction, "SAT-SAMPLING")

    def __attrs_post_init__(self) -> None:
        """Cross-field checks."""
        if self.quality_b_min > self.quality_a_min:
            raise InvalidInputError(
                "Policy.quality_b_min",
                self.quality_b_min,
                f"at most quality_a_min ({self.quality_a_min})",
                rule="SAT-ABC",
            )
        if self.commissioning_end_months <= self.commissioning_start_months:
            raise InvalidInputError(
                "Policy.commissioning_end_months",
                self.commissioning_end_months,
                f"more than commissioning_start_months ({self.commissioning_start_months})",
                rule="VIS-COMMISSIONING",
            )
        if self.pre_expiry_end_months >= self.pre_expiry_start_months:
            raise InvalidInputError(
                "Policy.pre_expiry_end_months",
                self.pre_expiry_end_months,
                f"less than pre_expiry_start_months ({self.pre_expiry_start_months})",
                rule="VIS-PRE-EXPIRY",
            )


def policy_or_default(policy: Policy | None, *, rule: str) -> Policy:
    """``policy``, or the default :class:`Policy` when ``None``; a typed error otherwise.

    ``rule`` is the ID of the rule the caller applies, named in the error.
    """
    if policy is None:
        return _DEFAULT
    if not isinstance(policy, Policy):
        raise InvalidTypeError("policy", policy, "a revisit_rules.Policy or None", rule=rule)
    return policy


_DEFAULT = Policy()
