"""The planner: every visit one project is owed under one policy and calendar (VIS)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from revisit_rules.errors import (
    CalendarRangeError,
    InvalidInputError,
    NoSeasonError,
)
from revisit_rules.periods import _add_months as add_months
from revisit_rules.policy import Cadence, Policy, RevisitHorizon
from revisit_rules.regions import SeasonKind, SeasonSpan
from revisit_rules.revisits._needs import (
    _before,
    _Need,
    _offsets,
    _shift,
    _weekday_bounds,
)
from revisit_rules.revisits.visits import (
    _ALWAYS_OWED,
    _CAT_ORDER,
    _DAY,
    _KIND_ORDER,
    _KIND_RULE,
    _ROUTINE,
    SHORT_TERM,
    SKIPPED_NO_WORKING_DAY,
    PlanFinding,
    Visit,
    VisitKind,
    VisitLead,
    visit_id,
    visit_lead,
)
from revisit_rules.seasons import span_of
from revisit_rules.warranty import Category, last_days

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from revisit_rules.calendar import WorkCalendar
    from revisit_rules.project import Project


# --- planning ------------------------------------------------------------------------------


class _Planner:
    """Plans one project's visits under one policy and calendar."""

    def __init__(self, project: Project, policy: Policy, calendar: WorkCalendar) -> None:
        self.project = project
        self.policy = policy
        self.cal = calendar
        days = last_days(project, policy)
        self.last = {c: day for c, (day, _) in days.items()}
        self.provisional = {c: provisional for c, (_, provisional) in days.items()}
        #: Each category's cut-off D(c): a visit other than PRE_EXPIRY serves it only if
        #: its window begins by then, and ends by the latest cut-off it serves (VIS-IN-FORCE).
        #: Found by :meth:`owe_all` (a year that :meth:`quiet` skips never needs them).
        self.cutoff: dict[Category, dt.date] = {}
        #: Under RevisitHorizon.ONE_YEAR, A + 12 months: routine windows begin before it and
        #: end by it (VIS-HORIZON).
        self.year_end = (
            _shift(project.accepted_on, 12)
            if policy.revisit_horizon is RevisitHorizon.ONE_YEAR
            else None
        )
        self._class_lead: VisitLead | None = None  # found when a visit is made (VIS-OWNER)
        self._spans: dict[SeasonKind, SeasonSpan] = {}
        if policy.winter_visit and Category.HEATING in project.categories:
            self._check_winter()
        self.needs: list[_Need] = []
        #: What the planner decided and says, each with the day that dates it in a year.
        self.findings: list[tuple[dt.date, PlanFinding]] = []
        #: Windows opening after ``horizon`` are not planned; ``truncated`` if one was owed.
        self.horizon: dt.date | None = None
        self.truncated = False
        #: Windows ending before ``since`` are not planned; ``cut`` if one may have been
        #: owed (``since`` after the acceptance day), ``cut_handover`` if the handover was.
        self.since: dt.date | None = None
        self.cut = self.cut_handover = False

    # -- windows ---------------------------------------------------------------------------
    def _bounds(
        self, earliest: dt.date, latest: dt.date
    ) -> tuple[tuple[dt.date, dt.date] | None, bool]:
        """First and last working day of a window (None if none), and if they are provisional.

        Outside the calendar's data (before 2000, after 2100) weekdays stand in for working
        days, marked provisional; the days of the window inside the data keep the calendar.
        """
        if earliest > latest:
            return None, False
        cal = self.cal
        lo, hi = cal.first_day, cal.last_day
        if lo <= earliest and latest <= hi:
            return cal._bounds(earliest, latest), False  # noqa: SLF001 - dates checked here
        parts = []  # the window's part before the data, inside it, after it
        if earliest < lo:
            parts.append(_weekday_bounds(earliest, min(latest, lo - _DAY)))
        if earliest <= hi and latest >= lo:
            parts.append(cal._bounds(max(earliest, lo), min(latest, hi)))  # noqa: SLF001
        if latest > hi:
            parts.append(_weekday_bounds(max(earliest, hi + _DAY), latest))
        found = [p for p in parts if p is not None]
        return ((found[0][0], found[-1][1]) if found else None), True

    def _check_winter(self) -> None:
        """VIS-WINTER: the winter window of every season holds a day, or the policy is wrong.

        Checked before any window, so that every call planning the project refuses it
        alike, whatever part of the life it plans.
        """
        try:
            span = self.span(SeasonKind.HEATING)
        except NoSeasonError:
            return  # no heating season: no winter visit (VIS-HEATING's note)
        (sm, sd), (em, ed) = span.start, span.end
        opens = dt.date(2001, sm, sd)  # any year: a season's months are the same each year
        closes = dt.date(2002 if span.wraps else 2001, em, ed)
        months = self.policy.winter_start_months
        if add_months(opens, months) > closes:
            raise InvalidInputError(
                "Policy.winter_start_months",
                months,
                f"a number of months within the heating season of {self.project.region} "
                f"({span.start[0]:02d}-{span.start[1]:02d} → {span.end[0]:02d}-"
                f"{span.end[1]:02d}), so that its winter window holds a day",
                rule="VIS-WINTER",
            )

    @functools.cached_property
    def whole_life(self) -> list[_Need]:
        """Every visit of the project's whole life, planned once by a planner of its own.

        VIS-MIN is decided on the whole life (:func:`_too_few_trips`, :func:`_owed`) while
        this planner may plan a part of it.
        """
        return _Planner(self.project, self.policy, self.cal).owe_all()

    @functools.cached_property
    def survey(self) -> str | None:
        """The category whose pre-expiry trip carries the owner survey (SAT-SURVEY).

        The last-ending warranty other than the structure (the last in Category order
        among those ending that day); None for a structure-only project.
        """
        last = self.last
        others = [c for c in last if c is not Category.FOUNDATION_STRUCTURE]
        return max(others, key=lambda c: (last[c], _CAT_ORDER[c])).name if others else None

    def note(
        self,
        day: dt.date,
        code: str,
        rule: str,
        detail: str,
        *,
        visit: tuple[VisitKind, int | str] | None = None,
        category: Category | None = None,
        window: tuple[dt.date, dt.date] | None = None,
    ) -> None:
        """Record a finding, dated by ``day`` for the annual plan (Plan findings)."""
        pid = self.project.id
        found = PlanFinding(
            pid,
            code,
            rule,
            detail,
            visit_id=visit_id(pid, *visit) if visit else "",
            category=category,
            window=window,
        )
        self.findings.append((day, found))

    def _clip(
        self, kind: VisitKind, earliest: dt.date, latest: dt.date, categories: Iterable[Category]
    ) -> tuple[dt.date, list[Category], bool, bool] | None:
        """VIS-IN-FORCE and VIS-HORIZON: the window's end, what it serves, how it was cut.

        Returns ``(latest, served, clipped, from_last)``, or None if the visit is not owed:
        it serves no warranty in force (the handover is always owed: it may serve none
        here), or, under ``ONE_YEAR``, a routine window opens after the first year.
        ``from_last`` says that the end follows a warranty's last day.
        """
        served = list(categories)
        if kind is VisitKind.PRE_EXPIRY:  # serves its own category, ends by its cut-off
            return latest, served, False, True
        clipped = from_last = False
        cut = self.cutoff
        served = [c for c in served if cut[c] >= earliest]
        if served:
            until = max([cut[c] for c in served]) if len(served) > 1 else cut[served[0]]
            if latest >= until:
                clipped, from_last, latest = latest > until, True, until
        elif kind is not VisitKind.HANDOVER:
            return None
        year_end = self.year_end
        if year_end is not None and kind in _ROUTINE:
            if earliest >= year_end:
                return None
            if latest > year_end:
                clipped, from_last, latest = True, False, year_end
        return latest, served, clipped, from_last

    def _outside(self, earliest: dt.date, latest: dt.date, *, handover: bool) -> bool:
        """Whether a window lies outside the part of the life planned (``horizon``, ``since``).

        Clipping only narrows a window; the handover's short-term window is checked against
        ``since`` once it is known.
        """
        if self.horizon is not None and earliest > self.horizon:
            self.truncated = True
            return True
        return self.since is not None and latest < self.since and not handover

    def add(
        self,
        kind: VisitKind,
        earliest: dt.date,
        latest: dt.date,
        categories: Iterable[Category],
        extra_rules: tuple[str, ...] = (),
        *,
        key: int | str = 1,
    ) -> bool:
        """Owe a visit, subject to VIS-IN-FORCE and VIS-HORIZON; whether it was planned.

        ``key`` tells the visit apart from the project's other visits of its kind (its
        stable id, :func:`visit_id`): 1 for the one-off kinds, the offset in months from
        acceptance for PERIODIC, the year its season starts for the seasonal kinds, the
        category's name for PRE_EXPIRY.
        """
        handover = kind is VisitKind.HANDOVER
        if self._outside(earliest, latest, handover=handover):
            return False
        # No window opens before the acceptance day; the handover's opens the day after
        # (the acceptance day itself is the handover, VIS-HANDOVER). One that ended before
        # is not owed.
        a = self.project.accepted_on
        opens = a + _DAY if handover else a
        clipped = earliest < opens
        if clipped:
            earliest = opens
            if latest < earliest and not handover:
                return False
        # VIS-IN-FORCE: a visit serves the categories whose cut-off its window begins by,
        # and ends by the latest of their cut-offs; a pre-expiry visit serves its own.
        cut = self._clip(kind, earliest, latest, categories)
        if cut is None:
            return False
        latest, served, cut_off, from_last = cut
        clipped = clipped or cut_off
        bounds, beyond = self._bounds(earliest, latest)
        short = handover and (not served or bounds is None)
        if short:
            # The cut-offs leave the handover no working day: its window runs to the
            # latest last day instead (VIS-IN-FORCE, SHORT_TERM).
            served = list(categories)
            latest = max(self.last[c] for c in served)
            from_last = True
            bounds, beyond = self._bounds(earliest, latest)
        if bounds is None:
            self._unplannable(kind, key, (earliest, latest), served, clipped=clipped)
            return False
        if handover and self.since is not None and latest < self.since:
            # The handover, never dropped, witnesses a trip before ``since`` (VIS-MIN).
            self.cut_handover = True
            return False
        if short:
            self.note(
                earliest,
                SHORT_TERM,
                "VIS-IN-FORCE",
                f"HANDOVER: no working day from {earliest} to the cut-offs a month before "
                f"the warranties end; the window runs to the last day, {latest}",
                visit=(kind, key),
                window=(earliest, latest),
            )
        provisional = from_last and any(self.provisional[c] for c in served)
        rules = (_KIND_RULE[kind], *extra_rules, "VIS-IN-FORCE")
        self.needs.append(
            _Need(
                kind, earliest, latest, frozenset(served), rules, provisional or beyond, bounds, key
            )
        )
        return True

    def _unplannable(
        self,
        kind: VisitKind,
        key: int | str,
        window: tuple[dt.date, dt.date],
        served: Sequence[Category],
        *,
        clipped: bool,
    ) -> None:
        """A window without a working day: noted if clipping emptied it, else an error.

        Clipped to the acceptance day, a cut-off or the first year, a routine window that
        holds no working day is not owed: the visit cannot be made while it is owed
        (SKIPPED_NO_WORKING_DAY). The handover and pre-expiry visits, always owed, and a
        window the policy's lengths leave empty are errors (VIS-TARGET).
        """
        earliest, latest = window
        if clipped and kind not in _ALWAYS_OWED:
            self.note(
                earliest,
                SKIPPED_NO_WORKING_DAY,
                "VIS-TARGET",
                f"{visit_id(self.project.id, kind, key)}: the window "
                f"{earliest} – {latest} left by clipping holds no working day",
                visit=(kind, key),
                window=window,
            )
            return
        why = (
            f"the warranties it serves ({', '.join(sorted(c.name for c in served))}) end "
            f"before a working day after acceptance on {self.project.accepted_on}"
            if clipped or kind in _ALWAYS_OWED
            else "change the policy's window lengths"
        )
        raise InvalidInputError(
            "window",
            (earliest.isoformat(), latest.isoformat()),
            f"a {kind.name} window of project {self.project.id} that holds a working day; {why}",
            rule="VIS-TARGET",
        )

    def owe_all(self, horizon: dt.date | None = None, since: dt.date | None = None) -> list[_Need]:
        """Every visit owed; only windows opening by ``horizon`` and ending from ``since``."""
        a = self.project.accepted_on
        if not self.cutoff:
            back = self.policy.pre_expiry_end_months
            last = self.last
            self.cutoff = {c: add_months(day, -back) for c, day in last.items()} if back else last
        self.needs, self.findings, self.horizon, self.since = [], [], horizon, since
        self.truncated = self.cut_handover = False
        self.cut = since is not None and since > a
        self.add(VisitKind.HANDOVER, a, _shift(a, self.policy.handover_months), self.cats)
        self._periodic()
        self._seasons()
        self._commissioning()
        if self.project.new_techniques:  # VIS-TECHNICAL: 四新
            start = self.policy.technical_months
            self.add(
                VisitKind.TECHNICAL,
                _shift(a, start),
                _before(a, start + self.policy.visit_window_months),
                self.cats,
            )
        self._pre_expiry()
        return self.needs

    def lead(self, group: Sequence[_Need]) -> VisitLead:
        """Who leads a trip (VIS-OWNER): its most senior lead, or the class lead if asked."""
        if self.policy.lead_by_customer_class:
            if self._class_lead is None:
                project = self.project
                self._class_lead = visit_lead(
                    project.customer_class,
                    many_complaints=project.many_complaints,
                    serious_problem=project.serious_problem,
                )
            return self._class_lead
        if self.policy.cadence is Cadence.QUARTERLY and any(
            n.kind is VisitKind.PERIODIC for n in group
        ):
            return VisitLead.MANAGING_DIRECTOR  # S003: 由公司主管经理或公司总工程师带队
        return VisitLead.PROJECT_MANAGER

    def span(self, season: SeasonKind) -> SeasonSpan:
        """The project's recurring ``season`` under the policy (SEA-*)."""
        span = self._spans.get(season)
        if span is None:
            span = self._spans[season] = span_of(season, self.project.region, policy=self.policy)
        return span

    @property
    def cats(self) -> frozenset[Category]:
        """The project's categories."""
        return self.project.categories

    def _periodic(self) -> None:
        """VIS-PERIODIC, VIS-CADENCE, VIS-HORIZON: up to the non-structural cut-offs."""
        served = [c for c in self.cats if c is not Category.FOUNDATION_STRUCTURE]
        if not served:
            return
        a, pol = self.project.accepted_on, self.policy
        horizon_day = max(self.cutoff[c] for c in served)
        if self.year_end is not None:
            horizon_day = min(horizon_day, self.year_end - _DAY)  # begins before A + 12 months
        # Windows that open at offset o end before A + (o + window) months: those of the
        # offsets below months(A -> since) - window end before ``since`` (not planned).
        since = self.since
        skip = (
            (since.year - a.year) * 12 + since.month - a.month - pol.visit_window_months
            if since is not None
            else 0
        )
        for offset in _offsets(pol.cadence, skip):
            start = _shift(a, offset)
            if start > horizon_day:
                return
            if self.horizon is not None and start > self.horizon:
                self.truncated = True
                return
            end = _before(a, offset + pol.visit_window_months)
            self.add(
                VisitKind.PERIODIC, start, end, served, ("VIS-CADENCE", "VIS-HORIZON"), key=offset
            )

    def _seasons(self) -> None:
        """VIS-RAINY, VIS-HEATING and VIS-WINTER, each serving its categories."""
        rainy = [c for c in Category if c in self.cats and c in self.policy.rainy_season_categories]
        if rainy:
            self._season(SeasonKind.RAINY, rainy)
        if Category.HEATING in self.cats:
            self._season(SeasonKind.HEATING, [Category.HEATING])

    def _season(self, season: SeasonKind, served: list[Category]) -> None:
        """The visits of each occurrence of ``season`` while a category served is in force.

        RAINY: the season itself. HEATING: the months before it starts and, with
        ``winter_visit``, its heart, from a month after it starts to its end (WINTER).
        """
        try:
            span = self.span(season)
        except NoSeasonError:
            # No heating season in the region: the HEATING warranty stands on its contract
            # term (NO_SEASON, SEA-NO-SEASON; without one last_days has refused already),
            # and there is no season to visit before or in (VIS-HEATING, VIS-WINTER).
            return
        (sm, sd), (em, ed) = span.start, span.end
        wraps, pol = span.wraps, self.policy
        until = max(self.cutoff[c] for c in served)
        # Every occurrence that can overlap acceptance .. the cut-off: a season that runs
        # into the next year may have begun the year before acceptance and still be
        # running (its window then opens on the acceptance day).
        first = self.project.accepted_on.year
        if wraps and first > dt.MINYEAR:
            first -= 1
        if self.since is not None:
            # Windows ending before ``since`` are not planned: those of the seasons that
            # start before ``since``'s year, but for a season running into the next.
            first = max(first, self.since.year - (1 if wraps else 0))
        rainy, winter = season is SeasonKind.RAINY, pol.winter_visit
        a = self.project.accepted_on
        # Each season's earliest window opens later than the one before: the loop ends when
        # one opens after the cut-off (a pre-season window may open years ahead).
        for year in range(first, dt.MAXYEAR + 1):
            opens = dt.date(year, sm, sd)
            if not wraps:
                closes = dt.date(year, em, ed)
            else:  # the last season there is runs past 9999-12-31, beyond every cut-off
                closes = dt.date(year + 1, em, ed) if year < dt.MAXYEAR else dt.date.max
            before = opens if rainy else _shift(opens, -pol.heating_visit_months)
            if before > until:
                return  # every later window opens later still
            if self.horizon is not None and before > self.horizon:
                self.truncated = True
                return
            if rainy:
                self.add(VisitKind.RAINY_SEASON, opens, closes, served, ("SEA-RAINY",), key=year)
                continue
            self.add(
                VisitKind.HEATING_SEASON, before, opens - _DAY, served, ("SEA-HEATING",), key=year
            )
            if winter:
                # The heart of the season; one already running at acceptance from A (its
                # start, cut at A like any window opening before it).
                heart = opens if opens <= a <= closes else _shift(opens, pol.winter_start_months)
                self.add(VisitKind.WINTER, heart, closes, served, ("SEA-HEATING",), key=year)

    def _commissioning(self) -> None:
        """VIS-COMMISSIONING: after MEP systems start running."""
        mep = [
            c
            for c in (Category.ELECTRICAL_PLUMBING, Category.EQUIPMENT_INSTALLATION)
            if c in self.cats
        ]
        started = self.project.operation_started_on
        if started is None or not mep:
            return
        self.add(
            VisitKind.COMMISSIONING,
            _shift(started, self.policy.commissioning_start_months),
            _before(started, self.policy.commissioning_end_months),
            mep,
        )

    def _pre_expiry(self) -> None:
        """VIS-PRE-EXPIRY: done a month before each warranty's last day; never dropped."""
        a, since = self.project.accepted_on, self.since
        for c in sorted(self.cats, key=_CAT_ORDER.__getitem__):
            last = self.last[c]
            if since is not None and last < since:
                continue  # the window ends by the last day: before the part planned
            start = _shift(last, -self.policy.pre_expiry_start_months)
            if self.horizon is not None and start > self.horizon:
                # Opens after the part planned, and so would a short term's window (below).
                self.truncated = True
                continue
            end = self.cutoff[c]
            short = end < a or (start < a and self._bounds(a, end)[0] is None)
            if short:
                # A term too short to visit a month before it ends: the window closes
                # before acceptance or, cut at the acceptance day, holds no working day.
                # The visit falls between the day after acceptance and the last day.
                start, end = a + _DAY, last
            if self.add(VisitKind.PRE_EXPIRY, start, end, (c,), key=c.name) and short:
                self.note(
                    start,
                    SHORT_TERM,
                    "VIS-IN-FORCE",
                    f"PRE_EXPIRY {c.name}: no working day from acceptance to a month before "
                    f"the last day, {last}; the window is {start} – {last}",
                    visit=(VisitKind.PRE_EXPIRY, c.name),
                    category=c,
                    window=(start, last),
                )

    # -- trips -----------------------------------------------------------------------------
    def visit(self, group: Sequence[_Need], *, merged: bool, extra: tuple[str, ...] = ()) -> Visit:
        """One Visit carrying ``group`` (one need, or a merged trip)."""
        rules: dict[str, None]
        if len(group) == 1:  # the common case, kept short
            (need,) = group
            earliest, latest, target = need.earliest, need.latest, need.first
            kinds, categories = frozenset((need.kind,)), need.categories
            rules = dict.fromkeys(need.rules)
            provisional = need.provisional
        else:
            earliest = max(n.earliest for n in group)
            latest = min(n.latest for n in group)
            target = max(n.first for n in group)  # the first working day of the intersection
            kinds = frozenset(n.kind for n in group)
            categories = frozenset().union(*(n.categories for n in group))
            rules = {}
            for need in sorted(group, key=lambda n: _KIND_ORDER[n.kind]):
                rules.update(dict.fromkeys(need.rules))
            provisional = any(n.provisional for n in group)
        rules["VIS-TARGET"] = rules["CAL-CN"] = None
        if merged:
            rules["VIS-MERGE"] = None
        rules.update(dict.fromkeys(extra))
        rules["VIS-OWNER"] = None
        if self.policy.lead_by_customer_class:
            rules["SAT-CLASS"] = None  # the class leads, borrowed, replace the construction ones
        survey = self.survey is not None and any(
            n.kind is VisitKind.PRE_EXPIRY and n.key == self.survey for n in group
        )
        if survey:
            rules["SAT-SURVEY"] = None
        try:
            provisional = provisional or self.cal.is_provisional(target)
        except CalendarRangeError:  # past the calendar's data: weekdays stood in
            provisional = True
        if provisional:
            rules["CAL-PROVISIONAL"] = None
        pid = self.project.id
        return Visit(
            project_id=pid,
            kinds=kinds,
            categories=categories,
            earliest=earliest,
            latest=latest,
            target=target,
            lead=self.lead(group),
            provisional=provisional,
            rules=tuple(rules),
            # The trip's own visit first (merge_needs puts it first), then as they joined.
            visit_ids=tuple(visit_id(pid, n.kind, n.key) for n in group),
            survey=survey,
        )
