"""Robustness of the service ledger: junk fed to every argument of the events and the ledger.

The same junk and the same verdict as ``test_robustness`` (see ``tests/junk.py``). An
event's errors name the event by its id, ``Event(E-1).at`` (a bad id itself is
``Event.id``), and a named constructor's details ``Event(E-1).details.category``; the
details classes, built alone, name ``NoticeDetails.category``. The results the ledger
builds (``Obligation``, ``Ledger``, ``Kpis``) are checked field by field like any input.

The tables are run by ``test_robustness.py`` (one verdict for every table of the walk);
this file holds the cases and its own tests only.
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest

import revisit_rules as rr

from .junk import (
    JUNK,
    NONE,
    NOTHING,
    STRINGS,
    TEXT,
    TRUE,
    ZERO,
    case,
    fields,
)

K = rr.EventKind
C = rr.Category
SH = ZoneInfo("Asia/Shanghai")
AT = dt.datetime(2026, 5, 6, 9, 30, tzinfo=SH)
DAY = dt.date(2026, 5, 6)
AS_OF = dt.datetime(2026, 12, 1, tzinfo=SH)
PROJECT = rr.Project("P-1", dt.date(2026, 3, 2), "shanghai", {C.WATERPROOFING})
NOTICE = rr.Event.notice("N-1", "P-1", AT, category=C.WATERPROOFING)
BOOK = rr.ledger([PROJECT], [NOTICE], AS_OF)
OBLIGATION = BOOK.where(rule="SLA-ARRIVE")[0]
KPIS = BOOK.kpis()
RATE = rr.handling_rate(0, 0)
BOTH = NONE | TRUE  # an optional flag (``is_defect``)
LATER = AT + dt.timedelta(hours=1)

# --- the details ------------------------------------------------------------------------

DETAILS = [
    *fields(
        rr.NoticeDetails,
        {
            "category": C.WATERPROOFING,
            "emergency": False,
            "repair_kind": rr.RepairKind.OTHER,
            "scale": None,
            "structural": False,
        },
        {
            "category": NOTHING,
            "emergency": TRUE,
            "repair_kind": NOTHING,
            "scale": NONE,
            "structural": TRUE,
        },
    ),
    *fields(
        rr.ComplaintDetails,
        {"severity": rr.ComplaintSeverity.MINOR, "is_defect": None},
        {"severity": NOTHING, "is_defect": BOTH},
    ),
    *fields(rr.RepairDone, {"ok": True}, {"ok": TRUE}),
    *fields(
        rr.RepairRevisit,
        {"role": rr.RevisitRole.MANAGER, "problem": False},
        {"role": NOTHING, "problem": TRUE},
    ),
    *fields(rr.VisitDone, {"visit_ids": ()}, {"visit_ids": NOTHING}),
    case(
        "VisitDone.visit_ids[]",
        lambda j: rr.VisitDone((j,)),
        "VisitDone.visit_ids",
        valid=TEXT,
    ),
    *fields(rr.Survey, {"sent": 40, "returned": None}, {"sent": ZERO, "returned": NONE | ZERO}),
    *fields(rr.Excused, {"reason": "雨天"}, {"reason": TEXT}),
]

# --- the event: its fields and its named constructors --------------------------------------

_EVENT = {
    "project_id": "P-1",
    "kind": K.NOTICE,
    "at": AT,
    "follows": None,
    "details": rr.NoticeDetails(C.WATERPROOFING),
}


def _event(**kwargs):
    """An event E-1: a NOTICE with its details, but for ``kwargs``."""
    return rr.Event(**{"id": "E-1", **_EVENT, **kwargs})


def _notice(**kwargs):
    """``Event.notice`` of N-2, valid but for ``kwargs``."""
    args = {"id": "N-2", "project_id": "P-1", "at": AT, "category": C.WATERPROOFING, **kwargs}
    return rr.Event.notice(args.pop("id"), args.pop("project_id"), args.pop("at"), **args)


def _complaint(**kwargs):
    """``Event.complaint`` of Q-1, valid but for ``kwargs``."""
    args = {"id": "Q-1", "project_id": "P-1", "at": AT, **kwargs}
    return rr.Event.complaint(args.pop("id"), args.pop("project_id"), args.pop("at"), **args)


def _following(**kwargs):
    """``Event.following``: an ARRIVED A-1 following NOTICE, valid but for ``kwargs``."""
    args = {"kind": K.ARRIVED, "id": "A-1", "follows": NOTICE, "at": LATER, **kwargs}
    positional = [args.pop(name) for name in ("kind", "id", "follows", "at")]
    return rr.Event.following(*positional, **args)


def _repair_done(**kwargs):
    """``Event.repair_done`` of D-1 following NOTICE, valid but for ``kwargs``."""
    args = {"id": "D-1", "follows": NOTICE, "at": LATER, **kwargs}
    return rr.Event.repair_done(args.pop("id"), args.pop("follows"), args.pop("at"), **args)


def _repair_revisited(**kwargs):
    """``Event.repair_revisited`` of V-1 following NOTICE, valid but for ``kwargs``."""
    args = {"id": "V-1", "follows": NOTICE, "at": LATER, "role": rr.RevisitRole.MANAGER, **kwargs}
    return rr.Event.repair_revisited(args.pop("id"), args.pop("follows"), args.pop("at"), **args)


def _visit_done(**kwargs):
    """``Event.visit_done`` of W-1, valid but for ``kwargs``."""
    args = {"id": "W-1", "project_id": "P-1", "at": AT, **kwargs}
    return rr.Event.visit_done(args.pop("id"), args.pop("project_id"), args.pop("at"), **args)


def _on_day(**kwargs):
    """``Event.on_day``: the site cleared (S-1), valid but for ``kwargs``."""
    args = {"kind": K.SITE_CLEARED, "id": "S-1", "project_id": "P-1", "day": DAY, **kwargs}
    positional = [args.pop(name) for name in ("kind", "id", "project_id", "day")]
    return rr.Event.on_day(*positional, **args)


def _calls(name, build, arguments, field_of):
    """A case per argument of the named constructor ``name``: ``{argument: valid junk}``."""
    return [
        case(
            f"Event.{name}.{argument}",
            lambda j, argument=argument: build(**{argument: j}),
            field_of(argument),
            valid=ok,
        )
        for argument, ok in arguments.items()
    ]


def _named(event_id, *, details=()):
    """The field an argument of a constructor of ``event_id`` names: its detail's or its own."""

    def field_of(argument):
        if argument == "id":
            return "Event.id"
        if argument in details:
            return f"Event({event_id}).details.{argument}"
        return f"Event({event_id}).{argument}"

    return field_of


EVENTS = [
    case("Event.id", lambda j: _event(id=j), "Event.id", valid=TEXT),
    *fields(
        rr.Event,
        _EVENT,
        {"project_id": TEXT, "kind": NOTHING, "at": NOTHING, "follows": NONE, "details": NOTHING},
        prefix="Event(E-1)",
        build=_event,
    ),
    # the kinds that follow another, the day events, the kinds without details
    case(
        "Event.follows(ARRIVED)",
        lambda j: _event(kind=K.ARRIVED, follows=j, details=None),
        "Event(E-1).follows",
        valid=TEXT,
    ),
    case(
        "Event.at(SITE_CLEARED)",
        lambda j: _event(kind=K.SITE_CLEARED, at=j, details=None),
        "Event(E-1).at",
    ),
    case(
        "Event.details(REPAIR_STARTED)",
        lambda j: _event(kind=K.REPAIR_STARTED, follows="N-1", details=j),
        "Event(E-1).details",
        valid=NONE,
    ),
    *_calls(
        "notice",
        _notice,
        {
            "id": TEXT,
            "project_id": TEXT,
            "at": NOTHING,
            "category": NOTHING,
            "emergency": TRUE,
            "repair_kind": NOTHING,
            "scale": NONE,
            "structural": TRUE,
        },
        _named("N-2", details={"category", "emergency", "repair_kind", "scale", "structural"}),
    ),
    *_calls(
        "complaint",
        _complaint,
        {"id": TEXT, "project_id": TEXT, "at": NOTHING, "severity": NOTHING, "is_defect": BOTH},
        _named("Q-1", details={"severity", "is_defect"}),
    ),
    *_calls(
        "following",
        _following,
        {"kind": NOTHING, "id": TEXT, "at": NOTHING, "project_id": NONE},
        _named("A-1"),
    ),
    # follows by its id: the project is then the caller's to give
    case(
        "Event.following.follows",
        lambda j: _following(follows=j, project_id="P-1"),
        "Event(A-1).follows",
        valid=TEXT,
    ),
    case(
        "Event.following.project_id(follows an id)",
        lambda j: _following(follows="N-1", project_id=j),
        "Event(A-1).project_id",
        valid=TEXT,
    ),
    case(
        "Event.following.details",
        lambda j: _following(kind=K.REPAIR_STARTED, details=j),
        "Event(A-1).details",
        valid=NONE,
    ),
    *_calls(
        "repair_done",
        _repair_done,
        {"id": TEXT, "at": NOTHING, "ok": TRUE, "project_id": NONE},
        _named("D-1", details={"ok"}),
    ),
    case(
        "Event.repair_done.follows",
        lambda j: _repair_done(follows=j, project_id="P-1"),
        "Event(D-1).follows",
        valid=TEXT,
    ),
    *_calls(
        "repair_revisited",
        _repair_revisited,
        {"id": TEXT, "at": NOTHING, "role": NOTHING, "problem": TRUE, "project_id": NONE},
        _named("V-1", details={"role", "problem"}),
    ),
    case(
        "Event.repair_revisited.follows",
        lambda j: _repair_revisited(follows=j, project_id="P-1"),
        "Event(V-1).follows",
        valid=TEXT,
    ),
    *_calls(
        "visit_done",
        _visit_done,
        {"id": TEXT, "project_id": TEXT, "at": NOTHING, "visit_ids": NOTHING},
        _named("W-1", details={"visit_ids"}),
    ),
    case(
        "Event.visit_done.visit_ids[]",
        lambda j: _visit_done(visit_ids=[j]),
        "Event(W-1).details.visit_ids",
        valid=TEXT,
    ),
    *_calls(
        "on_day",
        _on_day,
        {"kind": NOTHING, "id": TEXT, "project_id": TEXT, "details": NONE},
        _named("S-1"),
    ),
    # the day is the event's ``at``
    case("Event.on_day.day", lambda j: _on_day(day=j), "Event(S-1).at"),
]

# --- the ledger: the function, its methods, and the results it builds ---------------------

LEDGER = [
    case("ledger.projects", lambda j: rr.ledger(j, [], AS_OF), "projects"),
    case("ledger.projects[]", lambda j: rr.ledger([j], [], AS_OF), "projects[]"),
    case("ledger.events", lambda j: rr.ledger([PROJECT], j, AS_OF), "events"),
    case("ledger.events[]", lambda j: rr.ledger([PROJECT], [j], AS_OF), "events[]"),
    case("ledger.as_of", lambda j: rr.ledger([PROJECT], [], j), "as_of"),
    case(
        "ledger.policy", lambda j: rr.ledger([PROJECT], [], AS_OF, policy=j), "policy", valid=NONE
    ),
    case(
        "ledger.calendar",
        lambda j: rr.ledger([PROJECT], [], AS_OF, calendar=j),
        "calendar",
        valid=NONE,
    ),
    case("Ledger.due_between.first", lambda j: BOOK.due_between(j, DAY), "first"),
    case("Ledger.due_between.last", lambda j: BOOK.due_between(DAY, j), "last"),
    # any str filters (an unknown project or rule keeps nothing); another type is refused
    case("Ledger.where.project", lambda j: BOOK.where(project=j), "project", valid=NONE | STRINGS),
    case("Ledger.where.obligor", lambda j: BOOK.where(obligor=j), "obligor", valid=NONE),
    case("Ledger.where.rule", lambda j: BOOK.where(rule=j), "rule", valid=NONE | STRINGS),
    case("Ledger.kpis.first", BOOK.kpis, "first", valid=NONE),
    case("Ledger.kpis.last", lambda j: BOOK.kpis(last=j), "last", valid=NONE),
    case("Ledger.kpis.projects", lambda j: BOOK.kpis(projects=j), "projects", valid=NONE),
    case("Ledger.kpis.units", lambda j: BOOK.kpis(units=j), "units", valid=NONE | ZERO),
    case(
        "Ledger.kpis.households",
        lambda j: BOOK.kpis(households=j),
        "households",
        valid=NONE | ZERO,
    ),
    case("Ledger.to_ics.name", lambda j: BOOK.to_ics(name=j), "name", valid=STRINGS),
    # any str is looked up (None: no such notice)
    case(
        "Ledger.pm_arrived_in_time.notice_id",
        BOOK.pm_arrived_in_time,
        "notice_id",
        valid=STRINGS,
    ),
    *fields(
        rr.Obligation,
        {f.name: getattr(OBLIGATION, f.name) for f in attrs.fields(rr.Obligation)},
        {
            "id": TEXT,
            "project_id": TEXT,
            "rule": TEXT,
            "subject": TEXT,
            "obligor": NOTHING,
            "trigger": NONE | STRINGS,
            "starts": NOTHING,
            "due_at": NOTHING,
            "state": NOTHING,
            "discharged_by": NONE | STRINGS,
            "lateness": NONE,
            "provisional": TRUE,
            "rules": NOTHING,
        },
    ),
    *fields(
        rr.Ledger,
        {
            "as_of": AS_OF,
            "obligations": (OBLIGATION,),
            "on_request": (),
            "after_warranty": (),
            "unused": (),
            "names": {"P-1": "一号楼"},
            "events": (NOTICE,),
            "policy": rr.Policy(),
        },
        dict.fromkeys(
            (
                "as_of",
                "obligations",
                "on_request",
                "after_warranty",
                "unused",
                "names",
                "events",
                "policy",
            ),
            NOTHING,
        ),
    ),
    case(
        "Ledger.obligations[]",
        lambda j: rr.Ledger(AS_OF, (OBLIGATION, j)),
        "Ledger.obligations",
    ),
    case("Ledger.events[]", lambda j: rr.Ledger(AS_OF, (), events=(j,)), "Ledger.events"),
    case(
        "Ledger.names[]",
        lambda j: rr.Ledger(AS_OF, (), names={"P-1": j}),
        "Ledger.names",
        valid=STRINGS,
    ),
    *fields(
        rr.Kpis,
        {f.name: getattr(KPIS, f.name) for f in attrs.fields(rr.Kpis)},
        {
            "first": NONE,
            "last": NONE,
            "on_time": NOTHING,
            "handling_rate": NOTHING,
            "complaint_rate": NONE,
            "sampling": NOTHING,
            "rework_rate": NONE,
            "repeat_repair_rate": NOTHING,
            "survey_return": NONE,
            "median_arrival": NONE,
            "rules": NOTHING,
        },
    ),
    case(
        "Kpis.on_time[]",
        lambda j: attrs.evolve(KPIS, on_time={"SLA-ARRIVE": j}),
        "Kpis.on_time",
    ),
    case(
        "Kpis.sampling[]",
        lambda j: attrs.evolve(KPIS, sampling={rr.SamplingTarget.MANAGER: j}),
        "Kpis.sampling",
    ),
]

#: Every case of this file.
LEDGER_CASES = [*DETAILS, *EVENTS, *LEDGER]


@pytest.mark.parametrize("junk", [j for j in JUNK if not isinstance(j, str)])
def test_kpis_project_ids_of_the_wrong_type(junk):
    """A project id that is not a str is an InvalidTypeError naming ``projects[]``."""
    with pytest.raises(rr.InvalidTypeError) as info:
        BOOK.kpis(projects=[junk])

    assert ("projects[]", "LED-KPI") == (info.value.field, info.value.rule)


@pytest.mark.parametrize("junk", [j for j in JUNK if isinstance(j, str)])
def test_kpis_unknown_project_ids(junk):
    """A str that is no project of the ledger is an InvalidInputError naming ``projects``."""
    with pytest.raises(rr.InvalidInputError) as info:
        BOOK.kpis(projects=[junk])

    assert ("projects", [junk], "LED-KPI") == (info.value.field, info.value.value, info.value.rule)


def test_kpis_projects_of_several_types():
    """Ids of several types are refused by their type, not by sorting them (a bare TypeError)."""
    with pytest.raises(rr.InvalidTypeError) as info:
        BOOK.kpis(projects=["P-1", 0, "x"])

    assert ("projects[]", 0, "LED-KPI") == (info.value.field, info.value.value, info.value.rule)


def test_kpis_median_arrival_is_a_decimal():
    """The median arrival is a Decimal (not a float) when the ledger has one."""
    arrived = rr.Event.following(K.ARRIVED, "A-1", NOTICE, LATER)
    median = rr.ledger([PROJECT], [NOTICE, arrived], AS_OF).kpis().median_arrival

    assert Decimal("1.00") == median


@pytest.mark.parametrize("junk", [None, 0, 1.5, True, AT])
def test_following_names_follows_of_the_wrong_type(junk):
    """Neither an Event nor an id: the error names ``follows``, not the missing project."""
    with pytest.raises(rr.LedgerTypeError) as info:
        rr.Event.following(K.ARRIVED, "A-1", junk, LATER)

    assert ("Event(A-1).follows", "LED-EVENTS") == (info.value.field, info.value.rule)


def test_following_an_id_needs_the_project():
    """An id to follow, without ``project_id``: the error names the project (as it did)."""
    with pytest.raises(rr.LedgerInputError) as info:
        rr.Event.following(K.ARRIVED, "A-1", "N-1", LATER)

    assert "Event(A-1).project_id" == info.value.field


class _NoOffset(dt.tzinfo):
    """A zone that does not know its offset: its instants are naive."""

    def utcoffset(self, _when):
        return None


class _Plus8(dt.tzinfo):
    """A zone of the caller's own (neither ZoneInfo nor timezone), eight hours ahead."""

    def utcoffset(self, _when):
        return dt.timedelta(hours=8)

    def dst(self, _when):
        return dt.timedelta(0)


def test_obligation_in_a_zone_of_its_own():
    """An instant in another kind of zone is asked for its offset: aware, or refused."""
    aware = OBLIGATION.starts.replace(tzinfo=_Plus8())
    naive = OBLIGATION.starts.replace(tzinfo=_NoOffset())

    assert aware == attrs.evolve(OBLIGATION, starts=aware).starts
    with pytest.raises(rr.InvalidInputError) as info:
        attrs.evolve(OBLIGATION, starts=naive)
    assert ("Obligation.starts", "LED-OBLIGATION") == (info.value.field, info.value.rule)


def test_views_are_the_ledger_but_for_the_obligations():
    """A view is not checked again, and equals the ledger evolved to the obligations kept."""
    overdue = BOOK.overdue()
    kept = tuple(o for o in BOOK if o.state is rr.ObligationState.OVERDUE)

    assert attrs.evolve(BOOK, obligations=kept) == overdue
    assert (rr.Ledger, BOOK.events, BOOK.policy) == (type(overdue), overdue.events, overdue.policy)
