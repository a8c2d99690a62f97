"""The details events carry: a notice's category and clocks, a complaint's weight, … (LED-EVENTS).

One frozen, typed value per kind of event that needs details, each field checked when it
is built (LED-CHECK); :class:`~revisit_rules.Event` checks that an event carries the
details its kind needs.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Final

import attrs

from revisit_rules._check import check_bool, check_int, check_member
from revisit_rules.categories import Category
from revisit_rules.errors import LedgerInputError, LedgerTypeError

__all__ = [
    "ComplaintDetails",
    "ComplaintSeverity",
    "Details",
    "Excused",
    "NoticeDetails",
    "RepairDone",
    "RepairKind",
    "RepairRevisit",
    "RepairScale",
    "RevisitRole",
    "Survey",
    "VisitDone",
]

_RULE: Final = "LED-CHECK"


# --- the details' enums -------------------------------------------------------------------


class RepairKind(enum.Enum):
    """What a repair is about, for its revisit's deadline (SLA-REPAIR-REVISIT)."""

    SAFETY = "safety"
    LEAK = "leak"
    OTHER = "other"

    @property
    def zh(self) -> str:
        """The Chinese label, as S001 words it."""
        return {"safety": "安全设施维修", "leak": "漏水项目", "other": "其他维修"}[self.value]


class RepairScale(enum.Enum):
    """How big a repair is, when the notice says so (SLA-SIMPLE, SLA-MAJOR)."""

    SIMPLE = "simple"
    MAJOR = "major"

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return {"simple": "简单维修", "major": "较大维修"}[self.value]


class ComplaintSeverity(enum.Enum):
    """A complaint's weight (S001 投诉处理及回访制度 四: 轻微, 重要, 重大)."""

    MINOR = "minor"
    IMPORTANT = "important"
    MAJOR = "major"

    @property
    def zh(self) -> str:
        """The Chinese label, as S001 words it."""
        return {"minor": "轻微投诉", "important": "重要投诉", "major": "重大投诉"}[self.value]


class RevisitRole(enum.Enum):
    """Who made a repair revisit (S001 回访工作制度 一: 经理, 主管, 维修负责人; SAT-SAMPLING)."""

    MANAGER = "manager"
    SUPERVISOR = "supervisor"
    REPAIR_LEAD = "repair_lead"

    @property
    def zh(self) -> str:
        """The Chinese label, as S001 words it."""
        return {"manager": "经理", "supervisor": "主管", "repair_lead": "维修负责人"}[self.value]


# --- the details --------------------------------------------------------------------------


def _member(kind: type[enum.Enum], field: str) -> Any:  # noqa: ANN401 - an attrs validator
    def check(_instance: object, _attribute: object, value: object) -> None:
        check_member(field, value, kind, rule=_RULE)

    return check


def _optional_member(kind: type[enum.Enum], field: str) -> Any:  # noqa: ANN401
    def check(_instance: object, _attribute: object, value: object) -> None:
        if value is not None:
            check_member(field, value, kind, rule=_RULE)

    return check


def _flag(field: str) -> Any:  # noqa: ANN401 - an attrs validator
    def check(_instance: object, _attribute: object, value: object) -> None:
        check_bool(field, value, rule=_RULE)

    return check


@attrs.frozen
class NoticeDetails:
    """A repair notice: the category of work, and what the clocks depend on.

    Attributes:
        category: the category the defect is in (its warranty decides whether the notice
            creates obligations, LED-CLOCKS).
        emergency: structural safety or serious loss of use: on site at once (SLA-EMERGENCY).
        repair_kind: safety, leak or other: the repair revisit's deadline.
        scale: simple or major, where the notice says so (SLA-SIMPLE, SLA-MAJOR).
        structural: a defect of structural safety (SLA-STRUCTURAL-REPORT).
    """

    category: Category = attrs.field(validator=_member(Category, "NoticeDetails.category"))
    emergency: bool = attrs.field(
        default=False, kw_only=True, validator=_flag("NoticeDetails.emergency")
    )
    repair_kind: RepairKind = attrs.field(
        default=RepairKind.OTHER,
        kw_only=True,
        validator=_member(RepairKind, "NoticeDetails.repair_kind"),
    )
    scale: RepairScale | None = attrs.field(
        default=None, kw_only=True, validator=_optional_member(RepairScale, "NoticeDetails.scale")
    )
    structural: bool = attrs.field(
        default=False, kw_only=True, validator=_flag("NoticeDetails.structural")
    )


@attrs.frozen
class ComplaintDetails:
    """A complaint: its weight, and whether the site check found a defect.

    ``is_defect`` is ``None`` until the site check says (LED-CLOCKS): an owner's complaint
    with a defect is routed to the contractor (SLA-PM-NOTIFY), one without is answered
    (SLA-NOT-DEFECT-REPLY).
    """

    severity: ComplaintSeverity = attrs.field(
        default=ComplaintSeverity.MINOR,
        validator=_member(ComplaintSeverity, "ComplaintDetails.severity"),
    )
    is_defect: bool | None = attrs.field(default=None, kw_only=True)

    @is_defect.validator
    def _check_is_defect(self, _attribute: object, value: object) -> None:
        if value is not None:
            check_bool("ComplaintDetails.is_defect", value, rule=_RULE)


@attrs.frozen
class RepairDone:
    """A repair done: ``ok`` whether the owner found it right (MEAS 11; SLA-TWO-FAILURES)."""

    ok: bool = attrs.field(default=True, validator=_flag("RepairDone.ok"))


@attrs.frozen
class RepairRevisit:
    """A repair revisit: who made it, and whether it found a problem (SLA-REVISIT-FIX)."""

    role: RevisitRole = attrs.field(validator=_member(RevisitRole, "RepairRevisit.role"))
    problem: bool = attrs.field(
        default=False, kw_only=True, validator=_flag("RepairRevisit.problem")
    )


def _visit_ids(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise LedgerTypeError(
            "VisitDone.visit_ids", value, "a tuple of planned visits' uids", rule=_RULE
        )
    ids = tuple(value)
    for item in ids:
        if not isinstance(item, str) or not item.strip():
            raise LedgerTypeError(
                "VisitDone.visit_ids", item, "a planned visit's uid (a non-empty str)", rule=_RULE
            )
    if len(set(ids)) != len(ids):
        raise LedgerInputError("VisitDone.visit_ids", ids, "each visit once", rule=_RULE)
    return ids


@attrs.frozen
class VisitDone:
    """A visit done: the planned visits it discharges, by their uids (``Visit.visit_ids``).

    Empty for a visit that matches no planned visit (an on-request visit, S002 特殊回访).
    """

    visit_ids: tuple[str, ...] = attrs.field(default=(), converter=_visit_ids)


@attrs.frozen
class Survey:
    """A survey: the forms sent, and (on SURVEY_RETURNED) how many came back (SAT-RESPONSE)."""

    sent: int = attrs.field()
    returned: int | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        """Whole numbers >= 0; no more returned than sent."""
        check_int("Survey.sent", self.sent, minimum=0, rule="SAT-RESPONSE")
        if self.returned is not None:
            check_int(
                "Survey.returned", self.returned, minimum=0, maximum=self.sent, rule="SAT-RESPONSE"
            )


@attrs.frozen
class Excused:
    """An allowed exception to a clock, with its reason (LED-STATE ``EXCUSED``).

    SLA-REPAIR-START allows two: 重大、疑难问题 and 应待天晴后方可处理的维修项目 (S001).
    """

    reason: str = attrs.field()

    @reason.validator
    def _check_reason(self, _attribute: object, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            error = LedgerInputError if isinstance(value, str) else LedgerTypeError
            raise error("Excused.reason", value, "the reason, a non-empty str", rule=_RULE)


Details = (
    NoticeDetails | ComplaintDetails | RepairDone | RepairRevisit | VisitDone | Survey | Excused
)
