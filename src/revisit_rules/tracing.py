"""Decision traces: a result with its inputs, its rules, their values and sources, as JSON.

An auditor checks a decision without reading Python: a :class:`Trace` holds the result of
one call (an :class:`~revisit_rules.Expiry`, a :class:`~revisit_rules.Visit`, an
:class:`~revisit_rules.Allocation`, a :class:`~revisit_rules.Grading`, a
:class:`~revisit_rules.DateResult` …), the inputs it was computed from and the
:class:`~revisit_rules.Policy` in force, and exports them as a plain dict or JSON with every
rule that fired — its titles, the value in force under that policy, its sources (document,
article, quote) — and the versions of this package and of the ``holidays`` data that the
working-day calendar comes from. Like OpenFisca's computation trace, it names which rules
gave which answer on whose authority.

Results do not carry their inputs, so :func:`trace` calls a public function and records
its arguments as bound by its signature; :meth:`Trace.of` wraps a result already computed.
The export is serialization kept out of the domain classes: :func:`to_plain` converts
library values to JSON-able data (dates ISO, ``Decimal`` and ``Fraction`` as strings,
never floats; enums by name with their Chinese label; attrs values as dicts of their
fields; sets sorted), for the traces and the command line's JSON. A trace is a frozen,
hashable value: its recorded inputs are made immutable (lists as tuples, sets as
frozensets, mappings as read-only mappings). It reads no clock: it has no timestamp.
(The module is ``tracing``: one named ``trace`` would shadow ``revisit_rules.trace``.)

>>> import datetime as dt
>>> import revisit_rules as rr
>>> project = rr.Project("P-1", dt.date(2020, 6, 30), "beijing", {rr.Category.WATERPROOFING})
>>> t = rr.trace(rr.warranty_expiry, project, rr.Category.WATERPROOFING)
>>> t.result.last_day
datetime.date(2025, 6, 30)
>>> data = t.to_dict()
>>> data["function"], data["inputs"]["category"]["name"], data["result"]["last_day"]
('warranty_expiry', 'WATERPROOFING', '2025-06-30')
>>> [r["id"] for r in data["rules"]]
['WTY-START', 'WTY-WATERPROOF', 'CAL-PERIOD', 'CAL-CN', 'WTY-MIN']
>>> data["rules"][1]["sources"][0]["document"], data["versions"]["revisit_rules"] == rr.__version__
('REG', True)
"""

from __future__ import annotations

import copy
import enum
import inspect
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, Final, Protocol, runtime_checkable

import attrs
from holidays.version import __version__ as _holidays_version

from revisit_rules.__about__ import __version__
from revisit_rules._check import FrozenMap, check_int, check_str
from revisit_rules.errors import InvalidInputError, InvalidTypeError
from revisit_rules.policy import Policy
from revisit_rules.render.plain import _plain, _public_fields, to_plain
from revisit_rules.rules import DOCUMENTS, RULES

__all__ = ["TRACE_FORMAT", "Trace", "to_plain", "trace"]

#: The version of the layout of :meth:`Trace.to_dict`; raised when a key changes meaning.
TRACE_FORMAT: Final = 1

# The rule tag of errors about tracing itself (not a rule of the registry, like the tag
# ``registry`` of the rule table's errors): a function that cannot be traced, a Trace
# built from values of the wrong kind. An error about a value of a trace whose result
# carries rules names the result's first rule instead.
_TRACE_RULE: Final = "trace"

_DEFAULT_POLICY: Final = Policy()


# --- results and their rules ------------------------------------------------------------------


@runtime_checkable
class ResultCollection(Protocol):
    """A value that holds results of rules without carrying ``rules`` itself.

    :class:`~revisit_rules.Plan` and :class:`~revisit_rules.WarrantySchedule` say so with the
    class attribute ``holds_results = True``; a trace accepts them as results, and their
    rules are those of the results they hold.
    """

    holds_results: ClassVar[bool]


def _carries_rules(value: object) -> bool:
    """A result of a rule: an attrs value with a ``rules`` tuple, other than a Trace."""
    return (
        attrs.has(type(value))
        and not isinstance(value, Trace)
        and isinstance(getattr(value, "rules", None), tuple)
    )


def _is_result(value: object) -> bool:
    """A value that a rule produced: it carries ``rules``, or is a sequence of such values."""
    if _carries_rules(value) or (isinstance(value, ResultCollection) and value.holds_results):
        return True
    return isinstance(value, tuple) and all(_carries_rules(v) for v in value)


def _rule_ids(value: object) -> Iterator[str]:
    """Every rule ID in ``value``: its own ``rules`` first, then those of its parts."""
    if isinstance(value, str | bytes | enum.Enum) or value is None:
        return
    own = getattr(value, "rules", None) if attrs.has(type(value)) else None
    if isinstance(own, tuple):
        yield from (r for r in own if isinstance(r, str))
    if attrs.has(type(value)):
        for name in _public_fields(value):
            if name != "rules":
                yield from _rule_ids(getattr(value, name))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _rule_ids(item)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _rule_ids(item)


def _type_name(value: object) -> str:
    if isinstance(value, tuple):
        kinds = sorted({type(v).__name__ for v in value})
        return f"tuple[{' | '.join(kinds)}]" if kinds else "tuple[()]"
    return type(value).__name__


def _rule_entry(rule_id: str, policy: Policy) -> dict[str, Any]:
    rule = RULES[rule_id]
    return {
        "id": rule.id,
        "title_zh": rule.title_zh,
        "title_en": rule.title_en,
        "statement": rule.statement,
        "value_in_force": rule.value_in_force(policy),
        "assumption": rule.assumption,
        "sources": [
            {
                "document": s.document,
                "document_title": DOCUMENTS[s.document],
                "ref": s.ref,
                "quote": s.quote,
            }
            for s in rule.sources
        ],
        "effective_from": to_plain(rule.effective_from),
        "checked_on": to_plain(rule.checked_on),
    }


# --- the trace --------------------------------------------------------------------------------


def public_function(name: str) -> Callable[..., Any] | None:
    """The public function of ``revisit_rules`` called ``name``, or None.

    Read from the package itself, which is whole by the time anything asks (this module is
    imported while the package is; it is never imported again to ask).
    """
    package = sys.modules[__name__.rpartition(".")[0]]
    found: object = getattr(package, name, None)
    if name in getattr(package, "__all__", ()) and callable(found) and not isinstance(found, type):
        return found
    return None


def _check_function(_instance: object, _attribute: object, value: str | None) -> None:
    if value is None:
        return
    check_str("Trace.function", value, rule=_TRACE_RULE)
    if public_function(value) is None:
        raise InvalidInputError(
            "Trace.function",
            value,
            "the name of a public function of revisit_rules, or None",
            rule=_TRACE_RULE,
        )


def _check_result(_instance: object, _attribute: object, value: object) -> None:
    if not _is_result(value):
        raise InvalidTypeError(
            "Trace.result",
            value,
            "a result of revisit_rules that carries its rules (Expiry, Visit, Allocation, "
            "Charge, Grading, DateResult, Settlement, RateResult, VisitState, Plan, "
            "WarrantySchedule, or a tuple of them)",
            rule=_TRACE_RULE,
        )
    unknown = [r for r in _rule_ids(value) if r not in RULES]
    if unknown:
        raise InvalidInputError(
            "Trace.result.rules", unknown[0], "a rule ID of revisit_rules.RULES", rule=_TRACE_RULE
        )


def _check_policy(_instance: object, _attribute: object, value: Policy) -> None:
    if not isinstance(value, Policy):
        raise InvalidTypeError("Trace.policy", value, "a revisit_rules.Policy", rule=_TRACE_RULE)


def _rule_of(result: object) -> str:
    """The first rule of the registry that ``result`` names, or the tag of tracing itself."""
    if _is_result(result):
        for rule_id in _rule_ids(result):
            if rule_id in RULES:
                return rule_id
    return _TRACE_RULE


def _frozen(value: object) -> object:
    """``value`` made immutable, recursively, so that it hashes.

    Lists and tuples become tuples, sets frozensets, mappings :class:`FrozenMap`; other
    values (the package's frozen values, scalars) stay as they are.
    """
    if isinstance(value, Mapping):
        return FrozenMap({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list) or type(value) is tuple:
        return tuple(_frozen(v) for v in value)
    if isinstance(value, set | frozenset):
        return frozenset(_frozen(v) for v in value)
    return value


def _inputs(value: object) -> FrozenMap[str, object]:
    """The inputs by argument name, frozen (so that every trace hashes)."""
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "Trace.inputs", value, "a mapping argument name -> value, or None", rule=_TRACE_RULE
        )
    for key in value:
        if not isinstance(key, str) or not key.isidentifier():
            raise InvalidInputError(
                "Trace.inputs", key, "argument names (identifiers) as keys", rule=_TRACE_RULE
            )
    if "policy" in value:
        raise InvalidInputError(
            "Trace.inputs",
            "policy",
            "the inputs without the policy: pass it as policy=",
            rule=_TRACE_RULE,
        )
    return FrozenMap({k: _frozen(v) for k, v in value.items()})


@attrs.frozen
class Trace:
    """One decision: its result, its inputs, the policy in force and the function that ran.

    Build one with :func:`trace` (calls the function and records its arguments) or
    :meth:`Trace.of` (wraps a result already computed). The values are checked at once:
    a result that carries no rules, an input that cannot be exported or hashed, an unknown
    rule ID raise a typed error here, not at export. Errors about the trace's own pieces
    (a result that carries no rules, inputs that are no mapping, a policy that is no
    Policy, an unknown function name) carry the rule tag ``trace``; errors about a value it
    records (a float, a foreign or unhashable object) name the result's first rule.

    Attributes:
        result: the result: a value carrying ``rules`` (``Expiry``, ``Visit``,
            ``Allocation``, ``Charge``, ``Grading``, ``DateResult``, ``Settlement``,
            ``RateResult``, ``VisitState``), a ``Plan``, a ``WarrantySchedule``, or a tuple
            of such values.
        inputs: the arguments it was computed from, by parameter name (without the policy),
            made immutable: lists become tuples, sets frozensets, mappings read-only
            mappings (recursively), so that a trace hashes and cannot change after the fact.
        policy: the policy in force (``Policy()`` by default).
        function: the name of the public function that produced it, where known.
    """

    result: object = attrs.field(validator=_check_result)
    inputs: Mapping[str, object] = attrs.field(default=None, converter=_inputs)
    policy: Policy = attrs.field(factory=Policy, validator=_check_policy)
    function: str | None = attrs.field(default=None, validator=_check_function)
    _data: dict[str, Any] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        """Convert everything once: bad values fail here, with the field that holds them.

        The errors name the result's first rule (or ``trace`` when it names none).
        """
        rule = _rule_of(self.result)

        def plain(value: object, field: str) -> Any:  # noqa: ANN401 - JSON-able data
            return _plain(value, labels=True, field=field, rule=rule)

        data = {
            "trace_format": TRACE_FORMAT,
            "function": self.function,
            "inputs": {k: plain(v, f"inputs.{k}") for k, v in self.inputs.items()},
            "policy": plain(self.policy, "policy"),
            "result_type": _type_name(self.result),
            "result": plain(self.result, "result"),
            "rules": [_rule_entry(r, self.policy) for r in self.rules],
            "versions": {"revisit_rules": __version__, "holidays": _holidays_version},
        }
        for key, value in self.inputs.items():
            try:
                hash(value)
            except TypeError:
                raise InvalidTypeError(
                    f"inputs.{key}",
                    value,
                    "a value that hashes (the package's frozen values, or tuples, sets and "
                    "mappings of them), so that the trace is a value",
                    rule=rule,
                ) from None
        object.__setattr__(self, "_data", data)

    @classmethod
    def of(
        cls,
        result: object,
        *,
        inputs: Mapping[str, object] | None = None,
        policy: Policy | None = None,
        function: str | None = None,
    ) -> Trace:
        """The trace of a result already computed, with the inputs and policy it came from.

        Args:
            result: the result (see :class:`Trace`).
            inputs: the arguments by parameter name, without the policy.
            policy: the policy the result was computed under (``None``: ``Policy()``).
            function: the name of the public function that produced it, if known.

        >>> import revisit_rules as rr
        >>> grading = rr.grade_visit(90, rr.ServiceRating.AVERAGE)
        >>> t = rr.Trace.of(
        ...     grading, inputs={"quality_score": 90, "service": rr.ServiceRating.AVERAGE}
        ... )
        >>> t.rules
        ('SAT-ABC', 'SAT-ACTION')
        """
        return cls(
            result,
            inputs=inputs,
            policy=_DEFAULT_POLICY if policy is None else policy,
            function=function,
        )

    @property
    def rules(self) -> tuple[str, ...]:
        """Every rule the result names, in order: its own ``rules``, then its parts'."""
        return tuple(dict.fromkeys(_rule_ids(self.result)))

    def to_dict(self) -> dict[str, Any]:
        """The trace as plain data (a fresh copy; JSON-able as it is).

        Keys: ``trace_format``; ``function``; ``inputs`` (by parameter name); ``policy``
        (only the fields that differ from ``Policy()``); ``result_type``; ``result``;
        ``rules`` (one entry per rule: ``id``, ``title_zh``, ``title_en``, ``statement``,
        ``value_in_force`` under the trace's policy, ``assumption``, ``sources`` as
        ``document``/``document_title``/``ref``/``quote``, ``effective_from``,
        ``checked_on``); ``versions`` (``revisit_rules`` and ``holidays``).
        """
        return copy.deepcopy(self._data)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The trace as JSON text (UTF-8 characters kept, not escaped).

        ``indent`` is a whole number of spaces from 0, or None for one line.

        >>> import datetime as dt
        >>> import revisit_rules as rr
        >>> t = rr.trace(rr.period_end, dt.date(2021, 10, 1), rr.Years(5))
        >>> print(t.to_json(indent=None)[:80])
        {"trace_format": 1, "function": "period_end", "inputs": {"start": "2021-10-01",
        """
        if indent is not None:
            check_int("indent", indent, minimum=0, rule=_TRACE_RULE)
        return json.dumps(self._data, ensure_ascii=False, indent=indent)


def trace(function: Callable[..., object], /, *args: object, **kwargs: object) -> Trace:
    """Call a public function of ``revisit_rules`` and trace its result with its arguments.

    The arguments are recorded as the function's signature binds them, defaults included
    (``calendar=None`` is the Chinese calendar of the ``holidays`` version in the trace).
    The ``policy`` argument becomes the trace's policy. Iterators among the arguments (a
    generator of projects) are read once into a tuple, which is both passed and recorded.
    The function gets the arguments as given; the trace records them made immutable (a
    list of projects as a tuple, a dict of balances as a read-only mapping).

    Args:
        function: a public function of ``revisit_rules`` whose result carries its rules,
            e.g. :func:`~revisit_rules.warranty_expiry`, :func:`~revisit_rules.period_end`,
            :func:`~revisit_rules.allocate_liability`, :func:`~revisit_rules.grade_visit`,
            :func:`~revisit_rules.annual_plan`, :func:`~revisit_rules.deadline` (day kinds).
        *args: its positional arguments.
        **kwargs: its keyword arguments.

    Raises:
        InvalidTypeError: ``function`` is not a public function of ``revisit_rules``; the
            arguments do not fit its signature; its result carries no rules (``in_warranty``
            gives a bool: trace ``warranty_expiry`` instead; an hour deadline gives a
            ``datetime``). These name the rule tag ``trace``.
        InvalidInputError: whatever the function itself raises for its input.

    >>> import revisit_rules as rr
    >>> t = rr.trace(rr.grade_visit, 85, rr.ServiceRating.GOOD)
    >>> t.inputs["quality_score"], t.result.grade, t.rules
    (85, <Grade.B: 'B'>, ('SAT-ABC',))
    >>> try:
    ...     rr.trace(print)
    ... except rr.InvalidTypeError as err:
    ...     print(err.field, "|", err.rule, "|", str(err).endswith("[rule trace]"))
    function | trace | True
    """
    name = getattr(function, "__name__", None)
    if not isinstance(name, str) or public_function(name) is not function:
        raise InvalidTypeError(
            "function",
            function,
            "a public function of revisit_rules, e.g. rr.warranty_expiry",
            rule=_TRACE_RULE,
        )
    signature = inspect.signature(function)
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError as err:
        raise InvalidTypeError(
            f"arguments of {name}",
            str(err),
            f"arguments that fit {name}{signature}",
            rule=_TRACE_RULE,
        ) from None
    bound.apply_defaults()
    for key, arg in bound.arguments.items():
        if isinstance(arg, Iterator):
            bound.arguments[key] = tuple(arg)
    result = function(*bound.args, **bound.kwargs)
    if not _is_result(result):
        raise InvalidTypeError(
            f"{name}(…)",
            result,
            "a function whose result carries its rules (a plain value has no rules to trace)",
            rule=_TRACE_RULE,
        )
    arguments = dict(bound.arguments)
    policy = arguments.pop("policy", None)
    return Trace(
        result,
        inputs=arguments,
        policy=policy if isinstance(policy, Policy) else _DEFAULT_POLICY,
        function=name,
    )
