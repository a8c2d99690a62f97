"""Robustness of the policy, the rule registry and tracing: junk fed to every argument.

The same junk and the same verdict as ``test_robustness`` (see ``tests/junk.py``). Errors
about the rule book's own values carry the tag ``registry`` and those about tracing itself
the tag ``trace`` (neither is a rule of the registry): their cases say so.

The tables are run by ``test_robustness.py`` (one verdict for every table of the walk);
this file holds the cases and its own tests only.
"""

import datetime as dt

import attrs

import revisit_rules as rr
from revisit_rules import policy as policy_module

from .junk import (
    ALL,
    NAN,
    NONE,
    NOTHING,
    STRINGS,
    TEXT,
    TRUE,
    ZERO,
    case,
    fields,
    idx,
)

D = dt.date(2026, 3, 2)
SOURCE = rr.Source("CC", "Art. 201")
RULE = rr.RULES["CAL-PERIOD"]
GRADING = rr.grade_visit(90, rr.ServiceRating.GOOD)
TRACE = rr.trace(rr.grade_visit, 90, rr.ServiceRating.GOOD)
#: The junk ``to_plain`` converts: all but the floats (not exact).
PLAIN = ALL - idx(1.5, NAN)


def _policy_valid(field):
    """The junk a Policy field accepts: by its validator (flags, counts from 0, blanks)."""
    validator = field.validator
    if validator is policy_module._flag:
        return TRUE
    if validator is policy_module._nonneg_int:
        return ZERO
    if validator is policy_module._blank_or_nonneg_int:
        return NONE | ZERO
    if validator is policy_module._default_term:
        return NONE
    return NOTHING


POLICY = [
    case(
        f"Policy.{f.name}",
        lambda j, name=f.name: rr.Policy(**{name: j}),
        f"Policy.{f.name}",
        valid=_policy_valid(f),
    )
    for f in attrs.fields(rr.Policy)
]

_RULE = {
    "id": "X-Y",
    "title_zh": "标题",
    "title_en": "Title",
    "statement": "",
    "value": "",
    "sources": (SOURCE,),
    "effective_from": None,
    "checked_on": D,
    "policy_fields": (),
    "documentary": False,
    "assumption": False,
    "borrowed": False,
}
_ROW = {
    "id": "X-Y",
    "title_zh": "标题",
    "title_en": "Title",
    "value": "",
    "sources": (SOURCE,),
    "effective_from": "",
    "checked_on": "2026-01-01",
}

RULES = [
    *fields(
        rr.Rule,
        _RULE,
        {
            **dict.fromkeys(_RULE, NOTHING),
            "id": TEXT,
            "title_zh": TEXT,
            "title_en": TEXT,
            "statement": STRINGS,
            "value": STRINGS,
            "effective_from": NONE,
            "documentary": TRUE,
            "assumption": TRUE,
            "borrowed": TRUE,
        },
        tag="registry",
    ),
    case("Rule.value_in_force.policy", RULE.value_in_force, "policy", valid=NONE, tag="registry"),
    *fields(
        rr.Source,
        {"document": "CC", "ref": "", "quote": ""},
        {"document": NOTHING, "ref": STRINGS, "quote": STRINGS},
        tag="registry",
    ),
    *fields(
        rr.RuleRow,
        _ROW,
        {**dict.fromkeys(_ROW, STRINGS), "id": TEXT, "sources": NOTHING},
        tag="registry",
    ),
    case(
        "rule_rows.policy", lambda j: rr.rule_rows(policy=j), "policy", valid=NONE, tag="registry"
    ),
    case("rule_rows.area", lambda j: rr.rule_rows(area=j), "area", valid=NONE, tag="registry"),
    case("rule_table.fmt", rr.rule_table, "fmt", tag="registry"),
    case(
        "rule_table.policy", lambda j: rr.rule_table(policy=j), "policy", valid=NONE, tag="registry"
    ),
    case("rule_table.area", lambda j: rr.rule_table(area=j), "area", valid=NONE, tag="registry"),
]

TRACING = [
    case("trace.function", rr.trace, "function", tag="trace"),
    case("Trace.result", rr.Trace, "Trace.result", tag="trace"),
    case(
        "Trace.inputs",
        lambda j: rr.Trace(GRADING, inputs=j),
        "Trace.inputs",
        valid=NONE,
        tag="trace",
    ),
    case("Trace.policy", lambda j: rr.Trace(GRADING, policy=j), "Trace.policy", tag="trace"),
    case(
        "Trace.function",
        lambda j: rr.Trace(GRADING, function=j),
        "Trace.function",
        valid=NONE,
        tag="trace",
    ),
    case("Trace.of.result", rr.Trace.of, "Trace.result", tag="trace"),
    case(
        "Trace.of.inputs",
        lambda j: rr.Trace.of(GRADING, inputs=j),
        "Trace.inputs",
        valid=NONE,
        tag="trace",
    ),
    case(
        "Trace.of.policy",
        lambda j: rr.Trace.of(GRADING, policy=j),
        "Trace.policy",
        valid=NONE,
        tag="trace",
    ),
    case(
        "Trace.of.function",
        lambda j: rr.Trace.of(GRADING, function=j),
        "Trace.function",
        valid=NONE,
        tag="trace",
    ),
    case(
        "Trace.to_json.indent",
        lambda j: TRACE.to_json(indent=j),
        "indent",
        valid=NONE | ZERO,
        tag="trace",
    ),
    case("to_plain.value", rr.to_plain, "value", valid=PLAIN, tag="trace"),
    case("to_plain.labels", lambda j: rr.to_plain(1, labels=j), "labels", valid=TRUE, tag="trace"),
    case("to_plain.field", lambda j: rr.to_plain(1, field=j), "field", valid=STRINGS, tag="trace"),
]

#: Every case of this file.
REGISTRY_CASES = [*POLICY, *RULES, *TRACING]
