"""Rules LED-*: the service ledger, what was owed and what was done (decisions § 10).

The ledger reads an event log against the deadlines of the SLA, VIS and SAT rules; these
rules say what an event is, which event starts and which discharges each clock, the states
an obligation can be in, which breaches give someone a right, the indicators, and how the
log is checked. Quotes from the seeds are verbatim (their half-width punctuation kept).
"""

from __future__ import annotations

from revisit_rules.rulebook import Rule, Source
from revisit_rules.ruledata._checked import _CHECKED
from revisit_rules.ruledata._sources import MEAS_12, RET_9, S001_NO_ACTION, S004_RATES

RULES: tuple[Rule, ...] = (
    Rule(
        id="LED-EVENTS",
        title_zh="服务事件",
        title_en="Events of the service log",
        statement=(
            "An event is a fact with a time: a repair notice (a phone notice starts the "
            "clock, the written notice may follow), the property manager notifying the "
            "contractor, arrivals on site, the repair plan, the dispatch, the repair started "
            "and done (right or not, as the owner accepts it), repair revisits, fix notices, "
            "complaints and their handling, the revisit plan, planned visits done and their "
            "records, surveys sent and returned, the certificate and the site cleared. Each "
            "names its project and, where it follows another, that event; a visit done "
            "names the planned visits it discharges by their stable ids. A visit that "
            "matches no planned visit is an on-request visit, reported, not dropped."
        ),
        value="24 kinds of event; instants, or dates for day events",
        sources=(
            Source("S000", "回访保修程序", "或用电话通知,书面通知后补"),
            Source("MEAS", "Art. 11", "保修完成后，由建设单位或者房屋建筑所有人组织验收。"),
            Source("S002", "特殊回访"),
            Source("DECISIONS", "§ 10 LED-EVENTS"),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LED-CLOCKS",
        title_zh="时限的起算与解除",
        title_en="Which event starts and which discharges each clock",
        statement=(
            "Each deadline runs from its trigger (the notice's receipt, the complaint, the "
            "repair done, the acceptance day …) and is discharged by the first following "
            "event of the kind its rule names. N hours end at t + N h and never roll; N days "
            "end at 24:00 Asia/Shanghai of date(t) + N, counted from the next day and rolled "
            "only under roll_to_working_day; N working days end at 24:00 of the N-th working "
            "day after date(t). A day event discharges a due day if it is dated on or before "
            "it. A notice dated after the category's last day is listed and creates nothing."
        ),
        value="the clock table of decisions § 10",
        sources=(
            Source(
                "CC",
                "Art. 201",
                "按照小时计算期间的，自法律规定或者当事人约定的时间开始计算。",
            ),
            Source("CC", "Art. 203", "期间的最后一日的截止时间为二十四时"),
            Source("DECISIONS", "§ 10 LED-CLOCKS"),
        ),
        policy_fields=("roll_to_working_day", "timezone"),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LED-OBLIGATION",
        title_zh="义务的产生",
        title_en="When an obligation arises",
        statement=(
            "Each rule with a deadline becomes an obligation when its trigger occurs: "
            "acceptance owes the certificate, the site cleared, the revisit plan and every "
            "planned visit with its record; a notice owes the arrival, the plan, the "
            "dispatch, the project manager on site, the repair and its start; a repair done "
            "owes its revisit; a revisit that found a problem owes the fix notice; a "
            "complaint owes the contact, the reply and, once closed, its revisit; each year "
            "owes the fourth-quarter survey. Deadlines are computed as deadline() computes "
            "them."
        ),
        value="one obligation per trigger and rule",
        sources=(Source("DECISIONS", "§ 10 LED-OBLIGATION"),),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LED-STATE",
        title_zh="义务的状态",
        title_en="The state of an obligation as of an instant",
        statement=(
            "As of the instant T an obligation is MET (discharged by its due), LATE "
            "(discharged after it, with the lateness), OVERDUE (not discharged, due before "
            "T), OPEN (not discharged, due after T) or EXCUSED (an allowed exception the "
            "caller marks). Events after T are not seen, so a past audit can be re-run. A "
            "due day resting on an unpublished calendar year is provisional."
        ),
        value="MET, LATE, OVERDUE, OPEN, EXCUSED",
        sources=(Source("DECISIONS", "§ 10 LED-STATE"),),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LED-CONSEQUENCE",
        title_zh="违约的后果",
        title_en="What a breach entitles someone to",
        statement=(
            "The project manager not on site in time gives LIA-PM; the contractor with no "
            "repair arranged 24 hours after the property manager's notice, or the same "
            "defect not right after two repairs, lets the property manager repair after "
            "approval and deduct the retention (SLA-SUB-NOACTION, SLA-TWO-FAILURES). A "
            "deduction is a right only where the construction contract provides it, for a "
            "defect put on the contractor's work, while the retention is held: within "
            "defect_liability_period from acceptance (RET 2, RET 8) and before it is "
            "returned; never for defects caused by others (RET 9). Afterwards the "
            "consequence is MEAS 12: repair by another unit at the contractor's charge."
        ),
        value="a right named by its rule, within the retention's limits",
        sources=(
            Source(
                "RET",
                "Art. 2",
                "缺陷责任期一般为1年，最长不超过2年，由发、承包双方在合同中约定。",
            ),
            RET_9,
            MEAS_12,
            S001_NO_ACTION,
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LED-KPI",
        title_zh="服务指标",
        title_en="Service indicators over a period",
        statement=(
            "Over any period and set of projects: the on-time rate per rule, the revisit "
            "handling rate and the complaint rate (SAT-RATES), the sampling rates "
            "(SAT-SAMPLING), the rework rate (SAT-REWORK), the survey return rate "
            "(SAT-RESPONSE) and the median time to arrival of non-emergency notices, in "
            "hours. Each figure carries its numerator, denominator and target; denominators "
            "the log cannot know (units delivered, households) are the caller's."
        ),
        value="rates with numerator, denominator and target",
        sources=(
            Source(
                "S001",
                "物业 住宅区管理处回访制度 4",
                "回访处理率达100%,投诉率力争控制在1%以下。",
            ),
            S004_RATES,
            Source("DECISIONS", "§ 10 LED-KPI"),
        ),
        checked_on=_CHECKED,
    ),
    Rule(
        id="LED-CHECK",
        title_zh="事件记录的检查",
        title_en="The event log is checked like any input",
        statement=(
            "An event for an unknown project or followed event, an event before the "
            "acceptance or before the event it follows (except the certificate, the revisit "
            "plan and the site cleared, which may rightly come first), a naive datetime, a "
            "duplicated event id, a detail missing for its kind: each raises a typed error "
            "naming the event, the field and the value. Events may come in any order."
        ),
        value="typed errors naming event, field and value",
        sources=(Source("DECISIONS", "§ 9, § 10 LED-CHECK"),),
        checked_on=_CHECKED,
    ),
)
