"""The command line's reports: its text tables, short labels, CSV cells and JSON records.

Formats: ``table`` is aligned text for a terminal (CJK characters count two columns), with
short Chinese labels; ``csv`` and ``json`` carry the enums' names, the JSON through
:func:`~revisit_rules.to_plain`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, Final

from revisit_rules.categories import Category
from revisit_rules.render.plain import to_plain
from revisit_rules.render.tables import csv_table
from revisit_rules.render.text import table
from revisit_rules.revisits import VisitKind
from revisit_rules.warranty import warranty_schedule

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from revisit_rules.grading import Grading, ServiceRating
    from revisit_rules.project import Project
    from revisit_rules.revisits import Plan

__all__ = [
    "CATEGORY_SHORT",
    "EXPIRY_HEAD",
    "KIND_SHORT",
    "PLAN_HEAD",
    "cell",
    "csv_records",
    "expiry_records",
    "expiry_table",
    "grade_record",
    "grade_table",
    "json_records",
    "plan_table",
]


def cell(value: object) -> str:
    """A CSV cell: sequences joined by ``;``, booleans ``true``/``false``, dates ISO."""
    if isinstance(value, tuple | list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_records(records: list[dict[str, Any]], head: Sequence[str]) -> str:
    """Records as CSV: the columns ``head``, each value a :func:`cell`."""
    return csv_table(head, [[cell(r[k]) for k in head] for r in records])


def json_records(records: object) -> str:
    """Records as JSON through to_plain, as the JSON exports all are (dates ISO, enums by name)."""
    return json.dumps(to_plain(records, labels=False), ensure_ascii=False, indent=2) + "\n"


PLAN_HEAD: Final = (
    "target",
    "project",
    "name",
    "kinds",
    "categories",
    "window",
    "lead",
)


# Short labels for a terminal's width; csv and json carry the enum names.
KIND_SHORT: Final = {
    VisitKind.HANDOVER: "交工",
    VisitKind.PERIODIC: "定期",
    VisitKind.RAINY_SEASON: "雨季",
    VisitKind.HEATING_SEASON: "采暖期",
    VisitKind.WINTER: "冬季",
    VisitKind.COMMISSIONING: "运行后",
    VisitKind.TECHNICAL: "技术性",
    VisitKind.PRE_EXPIRY: "期满前",
}


CATEGORY_SHORT: Final = {
    Category.FOUNDATION_STRUCTURE: "地基主体",
    Category.WATERPROOFING: "防水",
    Category.HEATING: "供热",
    Category.COOLING: "供冷",
    Category.ELECTRICAL_PLUMBING: "电气给排水",
    Category.EQUIPMENT_INSTALLATION: "设备安装",
    Category.DECORATION: "装修",
    Category.OTHER: "其他",
}


def plan_table(plan: Plan, projects: Sequence[Project], source: str) -> str:
    """The plan as an aligned text table for a terminal, its notes and findings below."""
    names = {p.id: p.name for p in projects}
    rows = [
        (
            v.target.isoformat() + (" *" if v.provisional else ""),
            v.project_id,
            names.get(v.project_id, ""),
            "、".join(KIND_SHORT[VisitKind[k]] for k in v.kind_names)
            + (" +调查" if v.survey else ""),
            "、".join(CATEGORY_SHORT[Category[c]] for c in v.category_names),
            f"{v.earliest} – {v.latest}",
            v.lead.zh,
        )
        for v in plan
    ]
    lines = [f"回访计划 revisit plan {plan.year}: {len(plan)} visits, {source}"]
    lines += table(PLAN_HEAD, rows) if rows else ["(no visit targeted in this year)"]
    if any(v.provisional for v in plan):
        lines.append("* provisional: the year's holiday arrangement is not yet published")
    if any(v.survey for v in plan):
        lines.append("+调查: the trip carries the end-of-warranty owner survey (SAT-SURVEY)")
    lines += [f"! {f.project_id} {f.code} ({f.rule}): {f.detail}" for f in plan.findings]
    return "\n".join(lines) + "\n"


EXPIRY_HEAD: Final = (
    "project_id",
    "name",
    "accepted_on",
    "category",
    "statutory_period",
    "statutory_last_day",
    "contract_period",
    "contract_last_day",
    "last_day",
    "provisional",
    "findings",
    "rules",
)


def expiry_records(projects: Sequence[Project]) -> list[dict[str, Any]]:
    """One record per project and category: the expiry's days, periods, findings, rules."""
    return [
        {
            "project_id": project.id,
            "name": project.name,
            "accepted_on": project.accepted_on,
            "category": e.category.name,
            "statutory_period": str(e.statutory_period) if e.statutory_period else None,
            "statutory_last_day": e.statutory_last_day,
            "contract_period": str(e.contract_period) if e.contract_period else None,
            "contract_last_day": e.contract_last_day,
            "last_day": e.last_day,
            "provisional": e.provisional,
            "findings": e.findings,
            "rules": e.rules,
        }
        for project in projects
        for e in warranty_schedule(project)
    ]


def expiry_table(records: list[dict[str, Any]], count: int, source: str) -> str:
    """The expiry records of ``count`` projects as an aligned text table, with its notes."""

    def day(value: dt.date | None) -> str:
        return value.isoformat() if value else "—"

    head = ("project", "category", "accepted", "statutory", "contract", "last day", "findings")
    rows = [
        (
            r["project_id"],
            r["category"],
            day(r["accepted_on"]),
            day(r["statutory_last_day"]),
            day(r["contract_last_day"]),
            day(r["last_day"]) + (" *" if r["provisional"] else ""),
            ", ".join(r["findings"]),
        )
        for r in records
    ]
    lines = [f"保修期 warranty expiry: {count} projects, {source}"]
    lines += table(head, rows) if rows else ["(no project)"]
    if any(r["provisional"] for r in records):
        lines.append("* provisional: rests on a year whose holiday arrangement is not published")
    return "\n".join(lines) + "\n"


def grade_record(grading: Grading, score: Decimal, service: ServiceRating) -> dict[str, Any]:
    """A visit's grading as one record: the score, the service, the grades and the rules."""
    return {
        "quality_score": str(score),
        "service": service.name,
        "grade": grading.grade.value,
        "quality_grade": grading.quality_grade.value,
        "service_grade": grading.service_grade.value,
        "requires_corrective_action": grading.requires_corrective_action,
        "rules": grading.rules,
    }


def grade_table(grading: Grading, score: Decimal, service: ServiceRating) -> str:
    """A visit's grading as an aligned text table, and the corrective action it calls for."""
    rows = [
        ("grade", grading.grade.value, f"({grading.grade.zh})"),
        ("quality", grading.quality_grade.value, f"(score {score})"),
        ("service", grading.service_grade.value, f"({service.name} {service.zh})"),
        ("rules", ", ".join(grading.rules), ""),
    ]
    lines = table(rows[0], rows[1:])
    if grading.requires_corrective_action:
        lines.append("grade C: a corrective-action record is due (SAT-ACTION)")
    return "\n".join(lines) + "\n"
