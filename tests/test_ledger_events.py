"""Events of the service log (LED-EVENTS, LED-CLOCKS, LED-CHECK): built, checked, refused."""

import datetime as dt
import pickle
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import revisit_rules as rr

K = rr.EventKind
SH = ZoneInfo("Asia/Shanghai")
AT = dt.datetime(2026, 5, 6, 9, 30, tzinfo=SH)
DAY = dt.date(2026, 5, 6)
NOTICE = rr.Event.notice("N-1", "P-1", AT, category=rr.Category.WATERPROOFING)

#: The day events of LED-CLOCKS; every other kind is an instant.
DAY_KINDS = {
    K.CERTIFICATE_ISSUED,
    K.CERTIFICATE_DELIVERED,
    K.SITE_CLEARED,
    K.REVISIT_PLAN_MADE,
    K.SURVEY_SENT,
    K.SURVEY_RETURNED,
}
#: A valid details value for each kind that needs one.
DETAILS = {
    K.NOTICE: rr.NoticeDetails(rr.Category.DECORATION),
    K.REPAIR_DONE: rr.RepairDone(),
    K.REPAIR_REVISITED: rr.RepairRevisit(rr.RevisitRole.SUPERVISOR),
    K.COMPLAINT: rr.ComplaintDetails(),
    K.VISIT_DONE: rr.VisitDone(("P-1:HANDOVER:1",)),
    K.SURVEY_SENT: rr.Survey(40),
    K.SURVEY_RETURNED: rr.Survey(40, returned=21),
}


def valid(kind, event_id="E-1"):
    """A valid event of ``kind``."""
    return rr.Event(
        event_id,
        "P-1",
        kind,
        DAY if kind in DAY_KINDS else AT,
        follows="N-1" if kind.follows_another else None,
        details=DETAILS.get(kind),
    )


class TestKinds:
    """LED-EVENTS: 24 kinds, each with a Chinese label; six are day events."""

    def test_the_kinds_of_the_api(self):
        """The kinds API.md lists, in its order."""
        assert 24 == len(K)
        assert [k.name for k in K][:3] == ["NOTICE", "CONTRACTOR_NOTIFIED", "ARRIVED"]
        assert all(k.zh for k in K)
        assert len({k.zh for k in K}) == len(K)

    def test_day_events(self):
        """LED-CLOCKS: the certificate, the site, the revisit plan and surveys are days."""
        assert DAY_KINDS == {k for k in K if k.day_event}

    def test_the_kinds_that_follow_another(self):
        """The clock table's discharging events follow their trigger; triggers follow none."""
        starts = {K.NOTICE, K.COMPLAINT, K.VISIT_DONE} | DAY_KINDS
        assert set(K) - starts == {k for k in K if k.follows_another}

    @pytest.mark.parametrize("kind", list(K))
    def test_every_kind_builds(self, kind):
        """A valid event of each kind is a frozen, hashable, picklable value."""
        event = valid(kind)

        assert event == pickle.loads(pickle.dumps(event))
        assert hash(event) == hash(valid(kind))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            event.at = AT  # type: ignore[misc]


class TestConstructors:
    """The named constructors read best and build the same events."""

    def test_notice(self):
        """A notice carries its category and the details the clocks read."""
        n = rr.Event.notice(
            "N-2",
            "P-1",
            AT,
            category=rr.Category.HEATING,
            emergency=True,
            repair_kind=rr.RepairKind.LEAK,
            scale=rr.RepairScale.MAJOR,
        )
        assert (K.NOTICE, None) == (n.kind, n.follows)
        assert (
            rr.NoticeDetails(
                rr.Category.HEATING,
                emergency=True,
                repair_kind=rr.RepairKind.LEAK,
                scale=rr.RepairScale.MAJOR,
            )
            == n.details
        )

    def test_following_takes_the_project_of_the_event(self):
        """An event following an Event takes its id and project."""
        arrived = rr.Event.following(K.ARRIVED, "A-1", NOTICE, AT + dt.timedelta(hours=3))

        assert ("P-1", "N-1") == (arrived.project_id, arrived.follows)
        assert arrived == rr.Event(
            "A-1", "P-1", K.ARRIVED, AT + dt.timedelta(hours=3), follows="N-1"
        )

    def test_following_an_id_needs_the_project(self):
        """With an id, the project must be given; with an Event, it must agree."""
        with pytest.raises(rr.LedgerInputError, match=r"Event\(A-1\)\.project_id"):
            rr.Event.following(K.ARRIVED, "A-1", "N-1", AT)
        with pytest.raises(rr.LedgerInputError, match="the project of the event it follows"):
            rr.Event.following(K.ARRIVED, "A-1", NOTICE, AT, project_id="P-2")

    def test_repair_done_and_revisited(self):
        """A repair done (ok or not) and its revisit (who, and whether it found a problem)."""
        done = rr.Event.repair_done("R-1", NOTICE, AT, ok=False)
        revisit = rr.Event.repair_revisited(
            "V-1", done, AT, role=rr.RevisitRole.MANAGER, problem=True
        )

        assert rr.RepairDone(ok=False) == done.details
        assert ("R-1", rr.RepairRevisit(rr.RevisitRole.MANAGER, problem=True)) == (
            revisit.follows,
            revisit.details,
        )

    def test_complaint_visit_and_day_events(self):
        """A complaint, a visit done naming planned visits, a day event."""
        c = rr.Event.complaint("C-1", "P-1", AT, severity=rr.ComplaintSeverity.MAJOR)
        v = rr.Event.visit_done("VD-1", "P-1", AT, visit_ids=["P-1:HANDOVER:1"])
        d = rr.Event.on_day(K.SITE_CLEARED, "S-1", "P-1", DAY)

        assert (rr.ComplaintSeverity.MAJOR, None) == (c.details.severity, c.details.is_defect)
        assert ("P-1:HANDOVER:1",) == v.details.visit_ids
        assert DAY == d.at

    def test_an_on_request_visit_names_no_planned_visit(self):
        """A visit that matches no plan has no visit ids (S002 特殊回访), and is still built."""
        assert () == rr.Event.visit_done("VD-2", "P-1", AT).details.visit_ids

    def test_constructor_errors_name_the_event(self):
        """A bad detail given to a named constructor is named through the event."""
        with pytest.raises(rr.LedgerTypeError) as info:
            rr.Event.notice("N-9", "P-1", AT, category="roof")  # type: ignore[arg-type]
        assert "Event(N-9).details.category" == info.value.field
        assert "LED-CHECK" == info.value.rule


class TestRefused:
    """LED-CHECK: a bad event is refused at construction, naming the event and the field."""

    @pytest.mark.parametrize(
        ("at", "error"),
        [
            (dt.datetime(2026, 5, 6, 9, 30), rr.LedgerInputError),  # naive
            (DAY, rr.LedgerTypeError),
            ("2026-05-06T09:30+08:00", rr.LedgerTypeError),
        ],
    )
    def test_an_instant_must_be_aware(self, at, error):
        """An instant kind needs an aware datetime: a naive one, a date or text is refused."""
        with pytest.raises(error, match=r"^Event\(N-1\)\.at = "):
            rr.Event("N-1", "P-1", K.NOTICE, at, details=DETAILS[K.NOTICE])

    @pytest.mark.parametrize("at", [AT, "2026-05-06", None])
    def test_a_day_event_takes_a_date(self, at):
        """A day event takes a datetime.date, not an instant (LED-CLOCKS)."""
        with pytest.raises(rr.LedgerTypeError) as info:
            rr.Event("S-1", "P-1", K.SITE_CLEARED, at)
        assert ("Event(S-1).at", "LED-CLOCKS") == (info.value.field, info.value.rule)

    @pytest.mark.parametrize("kind", sorted((k for k in K if k.follows_another), key=str))
    def test_a_following_kind_names_what_it_follows(self, kind):
        """LED-EVENTS: an arrival, a repair, an answer … names the event it follows."""
        at = DAY if kind.day_event else AT
        for follows in (None, "", " "):
            with pytest.raises(rr.LedgerInputError) as info:
                rr.Event("E-1", "P-1", kind, at, follows=follows, details=DETAILS.get(kind))
            assert ("Event(E-1).follows", "LED-EVENTS") == (info.value.field, info.value.rule)

    def test_an_event_does_not_follow_itself(self):
        """The id it follows is another event's."""
        with pytest.raises(rr.LedgerInputError, match="another event's id"):
            rr.Event("A-1", "P-1", K.ARRIVED, AT, follows="A-1")

    @pytest.mark.parametrize("kind", [K.NOTICE, K.COMPLAINT, K.VISIT_DONE, K.SITE_CLEARED])
    def test_a_trigger_follows_nothing(self, kind):
        """A notice, a complaint, a visit done and day events start clocks: no follows."""
        event = valid(kind)
        with pytest.raises(rr.LedgerInputError, match=r"\.follows = 'N-1': expected None"):
            attrs.evolve(event, follows="N-1")

    @pytest.mark.parametrize("kind", sorted(DETAILS, key=str))
    def test_required_details(self, kind):
        """The kinds with details need them; another kind's details are refused."""
        event = valid(kind)
        if kind is not K.SURVEY_RETURNED:  # SURVEY_SENT and SURVEY_RETURNED share a class
            with pytest.raises(rr.LedgerInputError, match=r"\.details = None"):
                attrs.evolve(event, details=None)
        with pytest.raises(rr.LedgerTypeError, match=r"\.details = "):
            attrs.evolve(event, details=rr.Excused("dry weather"))

    def test_no_details_where_the_kind_has_none(self):
        """An arrival carries no details; an excused repair start may."""
        with pytest.raises(rr.LedgerTypeError, match="None for a ARRIVED"):
            attrs.evolve(valid(K.ARRIVED), details=rr.RepairDone())
        started = attrs.evolve(valid(K.REPAIR_STARTED), details=rr.Excused("应待天晴后方可处理"))
        assert "应待天晴后方可处理" == started.details.reason

    def test_survey_counts(self):
        """Sent forms have no returned count yet; returned ones must have it, <= sent."""
        with pytest.raises(rr.LedgerInputError, match=r"details\.returned = 3"):
            rr.Event.on_day(K.SURVEY_SENT, "S-1", "P-1", DAY, details=rr.Survey(40, returned=3))
        with pytest.raises(rr.LedgerInputError, match=r"details\.returned = None"):
            rr.Event.on_day(K.SURVEY_RETURNED, "S-2", "P-1", DAY, details=rr.Survey(40))
        with pytest.raises(rr.InvalidInputError, match="SAT-RESPONSE"):
            rr.Survey(40, returned=41)

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda: rr.NoticeDetails("roof"), "NoticeDetails.category"),
            (lambda: rr.NoticeDetails(rr.Category.OTHER, emergency=1), "NoticeDetails.emergency"),
            (lambda: rr.NoticeDetails(rr.Category.OTHER, scale="big"), "NoticeDetails.scale"),
            (lambda: rr.ComplaintDetails("major"), "ComplaintDetails.severity"),
            (lambda: rr.ComplaintDetails(is_defect="yes"), "ComplaintDetails.is_defect"),
            (lambda: rr.RepairDone(ok=None), "RepairDone.ok"),
            (lambda: rr.RepairRevisit("boss"), "RepairRevisit.role"),
            (lambda: rr.VisitDone("P-1:HANDOVER:1"), "VisitDone.visit_ids"),
            (lambda: rr.VisitDone(["a", "a"]), "VisitDone.visit_ids"),
            (lambda: rr.VisitDone([""]), "VisitDone.visit_ids"),
            (lambda: rr.Survey(-1), "Survey.sent"),
            (lambda: rr.Excused(""), "Excused.reason"),
        ],
    )
    def test_details_refuse_junk(self, build, field):
        """Each detail is checked with a typed error naming it."""
        with pytest.raises(rr.InvalidInputError) as info:
            build()
        assert field == info.value.field
        assert info.value.rule in rr.RULES

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"id": ""}, "Event.id"),
            ({"id": 7}, "Event.id"),
            ({"project_id": None}, "Event(E-1).project_id"),
            ({"kind": "notice"}, "Event(E-1).kind"),
        ],
    )
    def test_event_fields_refuse_junk(self, kwargs, field):
        """The id, the project and the kind are checked first, the id named in the rest."""
        args = {"id": "E-1", "project_id": "P-1", "kind": K.ARRIVED, "at": AT, "follows": "N-1"}
        with pytest.raises(rr.LedgerInputError) as info:
            rr.Event(**{**args, **kwargs})
        assert field == info.value.field

    def test_errors_are_builtins(self):
        """A LedgerInputError is a ValueError; a LedgerTypeError a TypeError too."""
        assert issubclass(rr.LedgerInputError, rr.InvalidInputError)
        assert issubclass(rr.LedgerTypeError, rr.LedgerInputError)
        assert issubclass(rr.LedgerTypeError, TypeError)


@given(
    st.sampled_from(list(K)),
    st.datetimes(timezones=st.sampled_from([SH, dt.UTC])) | st.dates(),
)
def test_an_event_is_built_or_refused_with_the_packages_error(kind, at):
    """Whatever the time, an event is built, or refused with a LedgerInputError naming ``at``.

    Built exactly when the time suits the kind: a date for a day event, an aware instant else.
    """
    fits = (not isinstance(at, dt.datetime)) if kind.day_event else isinstance(at, dt.datetime)
    build = lambda: rr.Event(  # noqa: E731 - the one call, two outcomes
        "E-1",
        "P-1",
        kind,
        at,
        follows="N-1" if kind.follows_another else None,
        details=DETAILS.get(kind),
    )
    if fits:
        assert at == build().at
    else:
        with pytest.raises(rr.LedgerInputError, match=r"^Event\(E-1\)\.at = "):
            build()
