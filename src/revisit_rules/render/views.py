"""The views of a plan and of a warranty schedule: their rows, events, text and HTML.

What a :class:`~revisit_rules.Plan` or a :class:`~revisit_rules.WarrantySchedule` shows,
and in which words, is decided here; the classes' ``to_ics()``, ``__str__`` and
``_repr_html_`` are one-line calls. The functions read the values' attributes only, so
this module imports no rule module at run time and stays among the writers.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from revisit_rules.render import ics
from revisit_rules.render.html import html_table
from revisit_rules.render.text import table

if TYPE_CHECKING:
    from revisit_rules.revisits.plan import Plan
    from revisit_rules.revisits.visits import Visit
    from revisit_rules.warranty import WarrantySchedule

__all__ = [
    "PLAN_HEAD",
    "SCHEDULE_HEAD",
    "plan_events",
    "plan_html",
    "plan_ics",
    "plan_rows",
    "schedule_html",
    "schedule_rows",
    "schedule_text",
]

#: The columns of a plan's table.
PLAN_HEAD: Final = ("target", "project", "kinds", "categories", "window", "lead", "")
#: The columns of a warranty schedule's table.
SCHEDULE_HEAD: Final = ("category", "类别", "statutory", "contract", "last day", "findings")


def _kinds_zh(visit: Visit) -> str:
    """The visit's kinds in Chinese, in the order of ``kind_names``."""
    by_name = {k.name: k for k in visit.kinds}
    return "、".join(by_name[n].zh for n in visit.kind_names)


def plan_rows(plan: Plan) -> list[tuple[str, ...]]:
    """One row per visit of ``plan``, the columns of :data:`PLAN_HEAD`."""
    return [
        (
            v.target.isoformat(),
            v.project_id,
            _kinds_zh(v),
            ", ".join(v.category_names),
            f"{v.earliest} – {v.latest}",
            v.lead.zh,
            "、".join((["满意度调查"] if v.survey else []) + (["暂定"] if v.provisional else [])),
        )
        for v in plan.visits
    ]


def plan_html(plan: Plan) -> str:
    """``plan`` as an HTML table for notebooks, its findings below it."""
    return html_table(
        PLAN_HEAD,
        plan_rows(plan),
        caption=f"回访计划 {plan.year}: {len(plan.visits)} visits",
        notes=[f"{f.project_id} {f.code} ({f.rule}): {f.detail}" for f in plan.findings],
    )


def plan_events(plan: Plan) -> list[ics.AllDayEvent]:
    """One all-day event per visit of ``plan``, on its target day."""
    events = []
    for v in plan.visits:
        cats = {c.name: c for c in v.categories}
        description = (
            f"窗口 window: {v.earliest} – {v.latest}\n"
            f"类别 categories: {'、'.join(cats[n].zh for n in v.category_names)}\n"
            f"负责 lead: {v.lead.zh}\n"
            f"规则 rules: {', '.join(v.rules)}"
            + ("\n暂定 provisional calendar" if v.provisional else "")
        )
        summary = (
            ("回访 ", "summary"),
            (v.project_id, "Visit.project_id"),
            (": ", "summary"),
            (_kinds_zh(v), "kinds"),
        )
        events.append(ics.AllDayEvent(v.ics_uid, v.target, summary, description, v.kind_names))
    return events


def plan_ics(plan: Plan, *, stamp: dt.datetime | None, name: str) -> str:
    """``plan`` as an iCalendar file named ``name year``; DTSTAMP ``stamp`` (default 1 Jan UTC)."""
    if stamp is None:
        stamp = dt.datetime(plan.year, 1, 1, tzinfo=dt.UTC)
    return ics.calendar(
        f"{name} {plan.year}",
        plan_events(plan),
        product="annual revisit plan",
        stamp=stamp,
        rule="VIS-ANNUAL",
    )


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def schedule_rows(schedule: WarrantySchedule) -> list[tuple[str, ...]]:
    """One row per expiry of ``schedule``, the columns of :data:`SCHEDULE_HEAD`."""
    return [
        (
            e.category.name,
            e.category.zh,
            _day(e.statutory_last_day),
            _day(e.contract_last_day),
            _day(e.last_day) + (" *" if e.provisional else ""),
            ", ".join(e.findings),
        )
        for e in schedule.expiries
    ]


def _caption(schedule: WarrantySchedule) -> str:
    return f"project {schedule.project_id}, accepted {schedule.accepted_on}"


def schedule_text(schedule: WarrantySchedule) -> str:
    """``schedule`` as an aligned text table; ``*`` marks provisional days."""
    return "\n".join([_caption(schedule), *table(SCHEDULE_HEAD, schedule_rows(schedule))])


def schedule_html(schedule: WarrantySchedule) -> str:
    """``schedule`` as an HTML table for notebooks."""
    return html_table(SCHEDULE_HEAD, schedule_rows(schedule), caption=_caption(schedule))
