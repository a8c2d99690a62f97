"""The service ledger (LED-OBLIGATION, LED-CLOCKS, LED-STATE, LED-CHECK): obligations and states."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import revisit_rules as rr

K = rr.EventKind
S = rr.ObligationState
C = rr.Category
SH = ZoneInfo("Asia/Shanghai")
US = dt.timedelta(microseconds=1)
H = dt.timedelta(hours=1)
P = rr.Project("P-1", dt.date(2026, 3, 2), "shanghai", {C.WATERPROOFING, C.DECORATION})
T0 = dt.datetime(2026, 5, 6, 9, 0, tzinfo=SH)  # a Wednesday
LATER = dt.datetime(2026, 12, 1, tzinfo=SH)


def at(days=0, hours=0, micro=0):
    """T0 plus the offset."""
    return T0 + dt.timedelta(days=days, hours=hours, microseconds=micro)


def notice(event_id="N-1", when=T0, **details):
    """A repair notice to P-1 (waterproofing unless said)."""
    details.setdefault("category", C.WATERPROOFING)
    return rr.Event.notice(event_id, "P-1", when, **details)


def book(events, as_of=LATER, policy=None, projects=(P,)):
    """The ledger of ``projects`` as of ``as_of``."""
    return rr.ledger(list(projects), list(events), as_of, policy=policy)


def one(ledger, rule, subject=None):
    """The single obligation of ``rule`` (and ``subject``)."""
    found = [o for o in ledger.where(rule=rule) if subject is None or o.subject == subject]
    assert 1 == len(found), [o.id for o in found]
    return found[0]


class TestAcceptance:
    """The acceptance day's obligations: certificate, delivery, site, revisit plan."""

    def test_the_four_arise_at_acceptance(self):
        """SLA-CERTIFICATE and SLA-REVISIT-PLAN are due that day; delivery 7, site 10 days on."""
        ledger = book([])
        due = {
            r: one(ledger, r).due_day
            for r in ("SLA-CERTIFICATE", "SLA-CERTIFICATE-DELIVERY", "SLA-SITE-CLEAR")
        }

        assert dt.date(2026, 3, 2) == due["SLA-CERTIFICATE"]
        assert dt.date(2026, 3, 9) == due["SLA-CERTIFICATE-DELIVERY"]
        assert dt.date(2026, 3, 12) == due["SLA-SITE-CLEAR"]
        assert dt.datetime(2026, 3, 3, tzinfo=SH) == one(ledger, "SLA-REVISIT-PLAN").due_at
        assert all(
            o.obligor is rr.Role.GENERAL_CONTRACTOR for o in ledger.where(rule="SLA-SITE-CLEAR")
        )

    @pytest.mark.parametrize(
        ("day", "state"),
        [
            (dt.date(2026, 3, 11), S.MET),
            (dt.date(2026, 3, 12), S.MET),
            (dt.date(2026, 3, 13), S.LATE),
        ],
    )
    def test_day_events_against_the_due_day(self, day, state):
        """A day event discharges a due day when dated on or before it (LED-CLOCKS)."""
        cleared = rr.Event.on_day(K.SITE_CLEARED, "S-1", "P-1", day)
        site = one(book([cleared]), "SLA-SITE-CLEAR")

        assert (state, "S-1") == (site.state, site.discharged_by)
        assert (dt.timedelta(days=1) if state is S.LATE else None) == site.lateness

    def test_the_certificate_may_come_first(self):
        """A certificate issued before the acceptance is allowed, and MET."""
        issued = rr.Event.on_day(K.CERTIFICATE_ISSUED, "C-1", "P-1", dt.date(2026, 2, 20))
        assert S.MET == one(book([issued]), "SLA-CERTIFICATE").state

    def test_nothing_before_the_acceptance(self):
        """As of a time before the acceptance, the project owes nothing yet."""
        assert 0 == len(book([], as_of=dt.datetime(2026, 3, 1, 23, tzinfo=SH)))


class TestNotice:
    """A notice's obligations (LED-CLOCKS, SLA-*): the clocks and who discharges them."""

    def test_an_ordinary_notice(self):
        """Arrive, plan, dispatch and the project manager's arrival; no repair clock unset."""
        ledger = book([notice()])
        rules = {o.rule for o in ledger if o.trigger == "N-1"}

        assert {"SLA-ARRIVE", "SLA-PLAN", "SLA-DISPATCH", "SLA-PM-ARRIVE"} == rules
        assert at(hours=48) == one(ledger, "SLA-ARRIVE").due_at
        assert at(hours=24) == one(ledger, "SLA-PLAN").due_at
        assert dt.date(2026, 5, 13) == one(ledger, "SLA-DISPATCH").due_day
        assert rr.Role.PROJECT_MANAGER is one(ledger, "SLA-PM-ARRIVE").obligor

    def test_emergency_and_structural(self):
        """An emergency is due at once; a structural defect is the owner's report, not a plan."""
        ledger = book([notice(emergency=True, structural=True)])

        assert T0 == one(ledger, "SLA-EMERGENCY").due_at
        assert not ledger.where(rule="SLA-ARRIVE")
        assert not ledger.where(rule="SLA-PLAN")
        report = one(ledger, "SLA-STRUCTURAL-REPORT")
        assert (rr.Role.OWNER, dt.date(2026, 5, 6)) == (report.obligor, report.due_day)

    def test_the_repair_clock_only_once_the_company_sets_it(self):
        """SLA-SIMPLE and SLA-MAJOR arise only when the policy sets their blank numbers."""
        simple = notice(scale=rr.RepairScale.SIMPLE)
        major = notice("N-2", scale=rr.RepairScale.MAJOR)
        assert not book([simple, major]).where(rule="SLA-SIMPLE")

        policy = rr.Policy(simple_repair_days=3, major_repair_working_days=3)
        ledger = book([simple, major], policy=policy)
        assert dt.date(2026, 5, 9) == one(ledger, "SLA-SIMPLE").due_day
        # 3 working days: Saturday 2026-05-09 is a make-up working day (Labour Day)
        assert dt.date(2026, 5, 9) == one(ledger, "SLA-MAJOR").due_day

    @pytest.mark.parametrize(
        ("offset", "state", "lateness"),
        [(-US, S.MET, None), (dt.timedelta(0), S.MET, None), (US, S.LATE, US)],
    )
    def test_hour_rule_on_both_sides(self, offset, state, lateness):
        """An hour rule: due − 1 µs and due are MET, due + 1 µs is LATE by 1 µs."""
        n = notice()
        arrived = rr.Event.following(K.ARRIVED, "A-1", n, at(hours=48) + offset)
        arrive = one(book([n, arrived]), "SLA-ARRIVE")

        assert (state, lateness, "A-1") == (arrive.state, arrive.lateness, arrive.discharged_by)

    @pytest.mark.parametrize(
        ("as_of", "state"),
        [(at(hours=48) - US, S.OPEN), (at(hours=48), S.OPEN), (at(hours=48) + US, S.OVERDUE)],
    )
    def test_open_then_overdue(self, as_of, state):
        """Not discharged: OPEN up to its due instant, OVERDUE after it."""
        assert state == one(book([notice()], as_of=as_of), "SLA-ARRIVE").state

    @pytest.mark.parametrize(
        ("day", "state"),
        [
            (dt.date(2026, 5, 12), S.MET),
            (dt.date(2026, 5, 13), S.MET),
            (dt.date(2026, 5, 14), S.LATE),
        ],
    )
    def test_day_rule_on_both_sides(self, day, state):
        """A day rule: the day before and the due day are MET, the day after is LATE."""
        n = notice()
        sent = rr.Event.following(
            K.DISPATCHED, "D-1", n, dt.datetime.combine(day, dt.time(23, 59), SH)
        )
        assert state == one(book([n, sent]), "SLA-DISPATCH").state

    def test_the_first_discharging_event_counts(self):
        """SLA-DISPATCH is discharged by a dispatch or an arrival, whichever comes first."""
        n = notice()
        arrived = rr.Event.following(K.ARRIVED, "A-1", n, at(hours=5))
        sent = rr.Event.following(K.DISPATCHED, "D-1", n, at(hours=6))
        assert "A-1" == one(book([n, sent, arrived]), "SLA-DISPATCH").discharged_by

    def test_after_the_warranty(self):
        """A notice after its category's last day is listed and creates nothing (LED-CLOCKS)."""
        late = notice(when=dt.datetime(2028, 3, 10, 9, tzinfo=SH), category=C.DECORATION)
        ledger = book([late], as_of=dt.datetime(2028, 4, 1, tzinfo=SH))

        assert (late,) == ledger.after_warranty
        assert not [o for o in ledger if o.trigger == "N-1"]

    def test_events_after_as_of_are_not_seen(self):
        """The ledger as it stood: an arrival after the instant does not discharge yet."""
        n = notice()
        arrived = rr.Event.following(K.ARRIVED, "A-1", n, at(hours=10))
        assert S.OPEN == one(book([n, arrived], as_of=at(hours=9)), "SLA-ARRIVE").state
        assert S.MET == one(book([n, arrived], as_of=at(hours=10)), "SLA-ARRIVE").state


class TestComplaint:
    """A complaint to the property manager, and its routing to the contractor."""

    def test_a_defect_is_routed(self):
        """Contact, notify the contractor, start the repair; the routed notice is a receipt."""
        c = rr.Event.complaint("C-1", "P-1", T0, is_defect=True)
        routed = rr.Event.following(
            K.CONTRACTOR_NOTIFIED, "CN-1", c, at(hours=20), details=rr.NoticeDetails(C.DECORATION)
        )
        started = rr.Event.following(K.REPAIR_STARTED, "RS-1", routed, at(days=4))
        ledger = book([c, routed, started])

        assert S.MET == one(ledger, "SLA-PM-NOTIFY").state
        assert (S.LATE, "RS-1") == (
            one(ledger, "SLA-REPAIR-START").state,
            one(ledger, "SLA-REPAIR-START").discharged_by,
        )
        assert S.LATE == one(ledger, "SLA-SUB-NOACTION").state  # no start within 24 h
        assert at(hours=20 + 48) == one(ledger, "SLA-ARRIVE", "CN-1").due_at
        assert S.OVERDUE == one(ledger, "SLA-COMPLAINT").state
        assert rr.Role.PROPERTY_MANAGER is one(ledger, "SLA-PM-NOTIFY").obligor

    def test_an_excused_repair_start(self):
        """A repair start marked excused (dry weather) is EXCUSED, however late."""
        c = rr.Event.complaint("C-1", "P-1", T0, is_defect=True)
        started = rr.Event.following(
            K.REPAIR_STARTED, "RS-1", c, at(days=9), details=rr.Excused("应待天晴后方可处理")
        )
        assert S.EXCUSED == one(book([c, started]), "SLA-REPAIR-START").state

    def test_no_defect_is_answered(self):
        """A complaint that is no defect is answered within 24 h; answering is contact too."""
        c = rr.Event.complaint("C-1", "P-1", T0, is_defect=False)
        answered = rr.Event.following(K.COMPLAINT_ANSWERED, "CA-1", c, at(hours=23))
        ledger = book([c, answered])

        assert S.MET == one(ledger, "SLA-NOT-DEFECT-REPLY").state
        assert "CA-1" == one(ledger, "SLA-COMPLAINT").discharged_by
        assert not ledger.where(rule="SLA-PM-NOTIFY")

    def test_closing_starts_the_revisit(self):
        """SLA-COMPLAINT-REVISIT: within 3 days of closing."""
        c = rr.Event.complaint("C-1", "P-1", T0)
        closed = rr.Event.following(K.COMPLAINT_CLOSED, "CC-1", c, at(days=1))
        # closed 05-07: due 05-10, a Sunday, rolled to 05-11 (CC 203); revisited 05-13
        revisited = rr.Event.following(K.COMPLAINT_REVISITED, "CR-1", closed, at(days=7))
        revisit = one(book([c, closed, revisited]), "SLA-COMPLAINT-REVISIT")

        assert (S.LATE, "CC-1") == (revisit.state, revisit.trigger)

    def test_a_routed_notice_follows_a_complaint_with_details(self):
        """LED-CHECK: the contractor's notice follows the complaint and says the category."""
        c = rr.Event.complaint("C-1", "P-1", T0, is_defect=True)
        bare = rr.Event.following(K.CONTRACTOR_NOTIFIED, "CN-1", c, at(hours=1))
        with pytest.raises(rr.LedgerInputError, match=r"Event\(CN-1\)\.details"):
            book([c, bare])


class TestRepairs:
    """A repair done starts its revisit; a revisit's problem starts the fix notice."""

    @pytest.mark.parametrize(
        ("kind", "due"),
        [
            (rr.RepairKind.SAFETY, dt.date(2026, 5, 9)),  # 2 days; a make-up working Saturday
            (rr.RepairKind.LEAK, dt.date(2026, 5, 11)),  # 3 days: Sunday 05-10 rolls on
            (rr.RepairKind.OTHER, dt.date(2026, 5, 14)),  # 7 days
        ],
    )
    def test_the_revisit_by_the_repair_kind(self, kind, due):
        """SLA-REPAIR-REVISIT: safety 2 days, leak 3, any other 7, from the repair (05-07)."""
        n = notice(repair_kind=kind)
        done = rr.Event.repair_done("R-1", n, at(days=1))
        assert due == one(book([n, done]), "SLA-REPAIR-REVISIT").due_day

    def test_a_problem_found_is_notified(self):
        """SLA-REVISIT-FIX: a problem found at the revisit is notified in writing within 24 h."""
        n = notice()
        done = rr.Event.repair_done("R-1", n, at(days=1))
        seen = rr.Event.repair_revisited(
            "V-1", done, at(days=2), role=rr.RevisitRole.SUPERVISOR, problem=True
        )
        fix = one(book([n, done, seen]), "SLA-REVISIT-FIX")
        assert (at(days=3), S.OVERDUE) == (fix.due_at, fix.state)
        fine = attrs.evolve(seen, details=rr.RepairRevisit(rr.RevisitRole.SUPERVISOR))
        assert not book([n, done, fine]).where(rule="SLA-REVISIT-FIX")


class TestVisits:
    """VIS-TARGET: each planned visit, done inside its window; VIS-RECORD within 24 h."""

    def test_every_planned_visit_is_owed(self):
        """One obligation per planned visit (not per trip), named by its uid."""
        planned = {i for v in rr.plan_revisits(P) for i in v.visit_ids}
        assert planned == {o.subject for o in book([]).where(rule="VIS-TARGET")}

    def test_a_visit_done_in_its_window(self):
        """Done inside the window: MET; before it opens: discharges nothing; after: LATE."""
        handover = one(book([]), "VIS-TARGET", "P-1:HANDOVER:1")
        window = (handover.starts.date(), handover.due_day)
        inside = rr.Event.visit_done(
            "VD-1", "P-1", handover.starts + H * 10, visit_ids=[handover.subject]
        )
        ledger = book([inside])
        assert S.MET == one(ledger, "VIS-TARGET", handover.subject).state
        assert S.OVERDUE == one(ledger, "VIS-RECORD").state
        late = attrs.evolve(inside, at=handover.due_at + H)
        assert S.LATE == one(book([late]), "VIS-TARGET", handover.subject).state
        assert window[0] <= window[1]

    def test_an_on_request_visit(self):
        """A visit that names no planned visit is listed as on request, and still recorded."""
        visit = rr.Event.visit_done("VD-9", "P-1", T0)
        ledger = book([visit])
        assert (visit,) == ledger.on_request
        assert "VD-9" == one(ledger, "VIS-RECORD").trigger

    def test_an_unknown_visit_id_is_refused(self):
        """LED-CHECK: a visit id the plan does not have is an error, not a silent drop."""
        visit = rr.Event.visit_done("VD-9", "P-1", T0, visit_ids=["P-1:PERIODIC:99"])
        with pytest.raises(rr.LedgerInputError, match=r"Event\(VD-9\)\.details\.visit_ids"):
            book([visit])


class TestSurvey:
    """SAT-SURVEY: a survey sent each fourth quarter while a warranty runs on 1 October."""

    def test_one_a_year_in_the_fourth_quarter(self):
        """Due at the year's end; sent in the quarter: MET; in January: LATE."""
        ledger = book([], as_of=dt.datetime(2027, 3, 1, tzinfo=SH))
        survey = one(ledger, "SAT-SURVEY")
        assert (dt.date(2026, 12, 31), S.OVERDUE) == (survey.due_day, survey.state)

        sent = rr.Event.on_day(
            K.SURVEY_SENT, "SV-1", "P-1", dt.date(2027, 1, 5), details=rr.Survey(20)
        )
        late = one(book([sent], as_of=dt.datetime(2027, 3, 1, tzinfo=SH)), "SAT-SURVEY")
        assert (S.LATE, dt.timedelta(days=5)) == (late.state, late.lateness)


class TestCheck:
    """LED-CHECK: the log as a whole is checked; each error names the event and the field."""

    @pytest.mark.parametrize(
        ("event", "field"),
        [
            (rr.Event.notice("N-1", "P-9", T0, category=C.DECORATION), "Event(N-1).project_id"),
            (
                rr.Event.following(K.ARRIVED, "A-1", "N-0", T0, project_id="P-1"),
                "Event(A-1).follows",
            ),
            (
                rr.Event.notice(
                    "N-1", "P-1", dt.datetime(2026, 3, 1, tzinfo=SH), category=C.DECORATION
                ),
                "Event(N-1).at",
            ),
            (rr.Event.notice("N-1", "P-1", T0, category=C.HEATING), "Event(N-1).details.category"),
        ],
    )
    def test_a_bad_event(self, event, field):
        """An unknown project or followed event, before acceptance, a category not the project's."""
        with pytest.raises(rr.LedgerInputError) as info:
            book([event])
        assert field == info.value.field

    def test_before_the_event_it_follows(self):
        """An arrival before its notice is refused."""
        n = notice()
        with pytest.raises(rr.LedgerInputError, match=r"Event\(A-1\)\.at.*the event it follows"):
            book([n, rr.Event.following(K.ARRIVED, "A-1", n, at(hours=-1))])

    def test_following_another_projects_event(self):
        """An event follows an event of its own project."""
        other = rr.Project("P-2", dt.date(2026, 3, 2), "shanghai", {C.DECORATION})
        n = notice()
        stray = rr.Event.following(K.ARRIVED, "A-1", "N-1", at(hours=1), project_id="P-2")
        with pytest.raises(rr.LedgerInputError, match="an event of project P-2"):
            book([n, stray], projects=(P, other))

    def test_duplicated_ids(self):
        """Two events with one id are refused."""
        with pytest.raises(rr.LedgerInputError, match=r"Event\(N-1\)\.id"):
            book([notice(), notice(when=at(hours=1))])

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            (lambda: rr.ledger([P], [], dt.datetime(2026, 5, 1)), "as_of"),
            (lambda: rr.ledger(P, [], LATER), "projects"),
            (lambda: rr.ledger([P, P], [], LATER), "projects[].id"),
            (lambda: rr.ledger([P], [notice(), "N-2"], LATER), "events[]"),
            (lambda: rr.ledger([P], notice(), LATER), "events"),
        ],
    )
    def test_bad_arguments(self, call, field):
        """The arguments are checked with typed errors naming them."""
        with pytest.raises(rr.InvalidInputError) as info:
            call()
        assert field == info.value.field


class TestViews:
    """The views: overdue, open, due between, where; unused events reported."""

    def test_views(self):
        """Each view keeps the obligations it says, in the ledger's order."""
        ledger = book([notice()], as_of=at(hours=30))
        assert all(o.state is S.OVERDUE for o in ledger.overdue())
        assert all(o.state is S.OPEN for o in ledger.open())
        assert {"SLA-PLAN"} <= {o.rule for o in ledger.overdue()}
        week = ledger.due_between(dt.date(2026, 5, 6), dt.date(2026, 5, 8))
        assert {"SLA-ARRIVE", "SLA-PLAN"} <= {o.rule for o in week}
        assert all(
            o.obligor is rr.Role.PROJECT_MANAGER
            for o in ledger.where(obligor=rr.Role.PROJECT_MANAGER)
        )
        keys = [(o.due_at, o.project_id, o.id) for o in ledger]
        assert sorted(keys) == keys
        assert len(ledger) == len(ledger.to_records())

    def test_unused_events_are_reported(self):
        """An event no rule reads (a repair accepted, a second arrival) is unused, not dropped."""
        n = notice()
        first = rr.Event.following(K.ARRIVED, "A-1", n, at(hours=1))
        second = rr.Event.following(K.ARRIVED, "A-2", n, at(hours=2))
        accepted = rr.Event.following(K.REPAIR_ACCEPTED, "RA-1", n, at(hours=3))
        assert {"A-2", "RA-1"} == {e.id for e in book([n, first, second, accepted]).unused}

    def test_a_ledger_traces(self):
        """A ledger is a result: it traces, naming the obligations' rules."""
        assert "SLA-ARRIVE" in rr.trace(rr.ledger, [P], [notice()], LATER).rules


# --- properties -------------------------------------------------------------------------------


def _log(draw_times):
    """A small realistic log of P-1, at the drawn times (hours after T0)."""
    n = notice()
    c = rr.Event.complaint("C-1", "P-1", T0, is_defect=True)
    kinds = [
        (K.ARRIVED, n),
        (K.PLAN_ISSUED, n),
        (K.DISPATCHED, n),
        (K.PM_ARRIVED, n),
        (K.COMPLAINT_CONTACTED, c),
        (K.REPAIR_STARTED, c),
    ]
    events = [n, c]
    for i, ((kind, parent), hours) in enumerate(zip(kinds, draw_times, strict=False)):
        events.append(rr.Event.following(kind, f"E-{i}", parent, at(hours=hours)))
    return events


hours = st.lists(st.integers(min_value=0, max_value=24 * 40), min_size=0, max_size=6)


@settings(max_examples=60)
@given(hours, st.randoms(use_true_random=False))
def test_permuting_the_log_gives_an_equal_ledger(times, rnd):
    """Events may come in any order: the ledger sorts them."""
    events = _log(times)
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert book(events) == book(shuffled)


@settings(max_examples=60)
@given(
    hours, st.integers(min_value=0, max_value=24 * 60), st.integers(min_value=1, max_value=24 * 60)
)
def test_states_only_move_forward(times, first, step):
    """As ``as_of`` moves later: OPEN → any, OVERDUE → LATE or EXCUSED; MET, LATE, EXCUSED final."""
    events = _log(times)
    earlier = {o.id: o.state for o in book(events, as_of=at(hours=first))}
    later = {o.id: o.state for o in book(events, as_of=at(hours=first + step))}
    allowed = {
        S.OPEN: set(S),
        S.OVERDUE: {S.OVERDUE, S.LATE, S.EXCUSED},
        S.MET: {S.MET},
        S.LATE: {S.LATE},
        S.EXCUSED: {S.EXCUSED},
    }
    for oid, state in earlier.items():
        assert later[oid] in allowed[state], oid


@settings(max_examples=60)
@given(hours, st.integers(min_value=0, max_value=24 * 60))
def test_with_no_discharge_every_obligation_is_overdue_or_open(times, hours_after):
    """With no discharging events, an obligation due before as_of is OVERDUE, else OPEN."""
    as_of = at(hours=hours_after)
    ledger = book([notice(), rr.Event.complaint("C-1", "P-1", T0)], as_of=as_of)
    for o in ledger:
        assert (S.OVERDUE if o.due_at < as_of else S.OPEN) is o.state
    assert times is not None


@settings(max_examples=60)
@given(hours, st.sampled_from(sorted(K, key=str)))
def test_a_later_event_never_undoes_a_final_state(times, kind):
    """Appending a valid event at or after every event never changes MET, LATE or EXCUSED."""
    events = _log(times)
    before = book(events)
    last = max(e.at for e in events if isinstance(e.at, dt.datetime)) + H
    parent = events[0]  # the notice
    if kind.day_event or kind in {K.NOTICE, K.COMPLAINT, K.VISIT_DONE, K.CONTRACTOR_NOTIFIED}:
        return
    extra = rr.Event.following(
        kind,
        "X-1",
        parent,
        last,
        details={
            K.REPAIR_DONE: rr.RepairDone(),
            K.REPAIR_REVISITED: rr.RepairRevisit(rr.RevisitRole.MANAGER),
        }.get(kind),
    )
    after = {o.id: o for o in book([*events, extra])}
    for o in before:
        if o.state.final:
            assert o.state is after[o.id].state


class TestOutputs:
    """The ledger as reminders (ICS) and as a notebook table (HTML)."""

    def test_ics_reminds_of_what_is_still_owed(self):
        """OPEN and OVERDUE obligations are reminders on their due day; stable UIDs."""
        n = notice()
        arrived = rr.Event.following(K.ARRIVED, "A-1", n, at(hours=2))
        ledger = book([n, arrived], as_of=at(hours=30))
        text = ledger.to_ics()

        still = [o for o in ledger if o.state in {S.OPEN, S.OVERDUE}]
        assert len(still) == text.count("BEGIN:VEVENT")
        assert "CATEGORIES:SLA-ARRIVE" not in text  # met: no reminder
        assert "CATEGORIES:SLA-PLAN" in text
        assert text == book([n, arrived], as_of=at(hours=30)).to_ics()
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))

    def test_html_shows_the_states_and_the_names(self):
        """Chinese labels, the project's name, a colour per state."""
        named = attrs.evolve(P, name="滨江花园")
        html = book([notice()], as_of=at(hours=30), projects=(named,))._repr_html_()

        assert "滨江花园" in html
        assert S.OVERDUE.zh in html
        assert "background:#ffd6d6" in html  # overdue
        assert rr.RULES["SLA-ARRIVE"].title_zh in html


class TestLiabilityReadsTheLedger:
    """LED-CONSEQUENCE: allocate_liability reads the manager's arrival from the ledger."""

    @staticmethod
    def defect(**kwargs):
        """A covered workmanship defect of the notice N-1."""
        return rr.Defect(
            C.WATERPROOFING,
            dt.date(2026, 5, 6),
            rr.Cause.WORKMANSHIP,
            Decimal("800.00"),
            notice_id="N-1",
            **kwargs,
        )

    def test_a_late_manager_is_read_from_the_ledger(self):
        """No PM_ARRIVED within 10 days: LIA-PM, as pm_arrived_in_time=False would give."""
        ledger = book([notice()], as_of=at(days=20))
        by_ledger = rr.allocate_liability(P, self.defect(), ledger=ledger)
        by_flag = rr.allocate_liability(P, attrs.evolve(self.defect(), pm_arrived_in_time=False))

        assert "PM_LATE" in by_ledger.findings
        assert by_flag == by_ledger

    def test_a_manager_in_time(self):
        """A PM_ARRIVED within the 10 days: no LIA-PM."""
        n = notice()
        arrived = rr.Event.following(K.PM_ARRIVED, "PM-1", n, at(days=3))
        allocation = rr.allocate_liability(P, self.defect(), ledger=book([n, arrived]))
        assert "LIA-PM" not in allocation.rules
        assert ledger_says(book([n, arrived]), "N-1") is True

    @pytest.mark.parametrize(
        ("defect_kwargs", "match"),
        [
            ({"notice_id": None}, r"defect\.notice_id = None"),
            ({"notice_id": "N-404"}, r"defect\.notice_id = 'N-404'"),
        ],
    )
    def test_the_notice_must_be_the_ledgers(self, defect_kwargs, match):
        """With a ledger the defect names its notice, one the ledger has."""
        defect = attrs.evolve(self.defect(), **defect_kwargs)
        with pytest.raises(rr.InvalidInputError, match=match):
            rr.allocate_liability(P, defect, ledger=book([notice()]))

    def test_the_flag_may_not_contradict_the_ledger(self):
        """pm_arrived_in_time=False where the ledger says in time is refused."""
        n = notice()
        arrived = rr.Event.following(K.PM_ARRIVED, "PM-1", n, at(days=3))
        defect = attrs.evolve(self.defect(), pm_arrived_in_time=False)
        with pytest.raises(rr.InvalidInputError, match=r"defect\.pm_arrived_in_time"):
            rr.allocate_liability(P, defect, ledger=book([n, arrived]))

    def test_not_a_ledger(self):
        """Anything that cannot say the manager's arrival is a typed error."""
        with pytest.raises(rr.InvalidTypeError, match="ledger"):
            rr.allocate_liability(P, self.defect(), ledger=["N-1"])


def ledger_says(ledger, notice_id):
    """The ledger's answer to the liability rules' question."""
    return ledger.pm_arrived_in_time(notice_id)


class TestKpis:
    """LED-KPI: the indicators over a period, each with numerator, denominator, target."""

    def log(self):
        """Two notices: one arrived in 20 h and repaired twice, one arrived late; a revisit."""
        n1, n2 = notice(), notice("N-2", at(days=1), category=C.DECORATION)
        a1 = rr.Event.following(K.ARRIVED, "A-1", n1, at(hours=20))
        a2 = rr.Event.following(K.ARRIVED, "A-2", n2, at(days=1, hours=50))
        r1 = rr.Event.repair_done("R-1", n1, at(days=2), ok=False)
        r2 = rr.Event.repair_done("R-2", n1, at(days=4))
        v1 = rr.Event.repair_revisited(
            "V-1", r1, at(days=3), role=rr.RevisitRole.SUPERVISOR, problem=True
        )
        fix = rr.Event.following(K.FIX_NOTICE_SENT, "F-1", v1, at(days=3, hours=2))
        v2 = rr.Event.repair_revisited(
            "V-2", r2, at(days=5), role=rr.RevisitRole.MANAGER, problem=True
        )
        c = rr.Event.complaint("C-1", "P-1", at(days=6))
        back = rr.Event.on_day(
            K.SURVEY_RETURNED,
            "SR-1",
            "P-1",
            dt.date(2026, 11, 20),
            details=rr.Survey(40, returned=19),
        )
        return [n1, n2, a1, a2, r1, r2, v1, fix, v2, c, back]

    def test_the_figures(self):
        """On time per rule, handling, sampling, rework, repeat repairs, surveys, arrival."""
        k = book(self.log()).kpis(units=50, households=200)

        arrive = k.on_time["SLA-ARRIVE"]
        assert (1, 2, False) == (arrive.numerator, arrive.denominator, arrive.meets_target)
        assert (1, 2) == (k.handling_rate.numerator, k.handling_rate.denominator)
        assert k.sampling[rr.SamplingTarget.SUPERVISOR].numerator == 1
        assert k.sampling[rr.SamplingTarget.SUPERVISOR].denominator == 2
        assert (2, 50) == (k.rework_rate.numerator, k.rework_rate.denominator)
        assert (1, 1) == (k.repeat_repair_rate.numerator, k.repeat_repair_rate.denominator)
        assert (1, 200, True) == (
            k.complaint_rate.numerator,
            k.complaint_rate.denominator,
            k.complaint_rate.meets_target,
        )
        assert (19, 40, False) == (
            k.survey_return.numerator,
            k.survey_return.denominator,
            k.survey_return.meets_target,
        )
        assert Decimal("35.00") == k.median_arrival  # 20 h and 50 h
        assert "LED-KPI" in k.rules

    def test_the_callers_denominators(self):
        """Without units or households, those rates are None, not guessed."""
        k = book(self.log()).kpis()
        assert (None, None) == (k.rework_rate, k.complaint_rate)

    def test_a_period(self):
        """Only what falls in the period counts: events by their day, obligations by due."""
        k = book(self.log()).kpis(dt.date(2026, 5, 6), dt.date(2026, 5, 6))
        assert 0 == k.handling_rate.denominator  # the revisits came later
        assert k.median_arrival == Decimal("20.00")  # the first notice only

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"first": dt.datetime(2026, 5, 6, tzinfo=SH)}, "first"),
            ({"first": dt.date(2026, 6, 1), "last": dt.date(2026, 5, 1)}, "first"),
            ({"projects": "P-1"}, "projects"),
            ({"projects": ["P-9"]}, "projects"),
        ],
    )
    def test_bad_arguments(self, kwargs, field):
        """Bad periods or projects are typed errors naming the argument (LED-KPI)."""
        with pytest.raises(rr.InvalidInputError) as info:
            book(self.log()).kpis(**kwargs)
        assert (field, "LED-KPI") == (info.value.field, info.value.rule)
