"""The junk of the robustness tests, and how a case of it is written and checked.

Like python-stdnum's ``test_robustness``: every argument of every public callable gets the
same junk, and must answer with a :class:`~revisit_rules.RevisitRulesError` naming the
argument, the value and a rule, never a bare ``AttributeError``/``TypeError``/
``ValueError`` from deep inside (decisions § 9). A junk value that is a valid input for an
argument (``None`` for ``policy=``, ``0`` for ``n``) is listed as valid: it is not fed
as junk, and is checked to be accepted.

>>> sorted(idx(None, 0))
[0, 3]
"""

import datetime as dt
import enum
import inspect

import attrs
import pytest

import revisit_rules as rr

NAN = float("nan")
JUNK = (None, "", "😴", 0, -1, 1.5, True, NAN, dt.datetime(2026, 1, 1), "2026-01-01")
ALL = frozenset(range(len(JUNK)))


def idx(*values):
    """The indexes in JUNK of ``values`` (compared by identity or equality and type)."""
    out = set()
    for i, j in enumerate(JUNK):
        for v in values:
            if j is v or (type(j) is type(v) and j == v):
                out.add(i)
    return frozenset(out)


#: No junk is valid: the argument refuses every value of JUNK.
NOTHING = frozenset()
#: The junk that is text; valid where any string is.
STRINGS = idx("", "😴", "2026-01-01")
#: The junk that is non-empty text; valid where any non-empty string is.
TEXT = idx("😴", "2026-01-01")
#: The junk that is a bool; valid for flags.
TRUE = idx(True)  # noqa: FBT003 - the junk value True, not a flag
NONE = idx(None)
ZERO = idx(0)


def case(name, call, field, *, valid=NOTHING, tag=None):
    """One argument: ``call(junk)`` must raise a RevisitRulesError naming ``field``.

    ``name`` starts with the public name fed (``Class.method.argument`` for a method).
    ``tag``: the error's rule may be this tag instead of a key of ``RULES`` (``registry``
    for the rule table's arguments, ``trace`` for tracing's own).
    """
    return (name, call, field, valid, tag)


def fields(cls, valid_kwargs, valid, *, prefix=None, tag=None, build=None):
    """A case per field of ``cls``: each gets the junk, the others their ``valid_kwargs``.

    ``valid`` maps each field to the junk valid for it; every field of ``valid_kwargs``
    must be listed (so that a new field is not forgotten). The error names
    ``{prefix}.{field}`` (``prefix`` defaults to the class's name).
    """
    assert set(valid) == set(valid_kwargs), set(valid) ^ set(valid_kwargs)
    prefix = prefix or cls.__name__
    make = build or cls
    return [
        case(
            f"{cls.__name__}.{name}",
            lambda j, name=name: make(**{**valid_kwargs, name: j}),
            f"{prefix}.{name}",
            valid=ok,
            tag=tag,
        )
        for name, ok in valid.items()
    ]


def params(cases):
    """The pytest params of ``cases``: one per case and junk value not valid for it."""
    out = []
    for name, call, field, valid, tag in cases:
        for index, junk in enumerate(JUNK):
            if index in valid:
                continue
            out.append(pytest.param(call, field, junk, tag, id=f"{name}-{junk!r}"))
    return out


def valid_params(cases):
    """The pytest params of the junk listed as valid: each call must then succeed."""
    out = []
    for name, call, _field, valid, _tag in cases:
        for index in sorted(valid):
            junk = JUNK[index]
            out.append(pytest.param(call, junk, id=f"{name}-{junk!r}"))
    return out


def assert_refused(call, field, junk, tag=None):
    """Junk raises a RevisitRulesError (a ValueError or TypeError) naming field, value, rule."""
    with pytest.raises(rr.RevisitRulesError) as info:
        call(junk)

    assert isinstance(info.value, ValueError | TypeError)
    assert field == info.value.field
    # a rule of the registry, never empty; or the case's own tag (registry, trace)
    assert info.value.rule in rr.RULES or info.value.rule == tag
    assert str(info.value).startswith(f"{field} = ")
    assert f"[rule {info.value.rule}]" in str(info.value)


#: Public callables fed no junk of their own, and why. Enums and errors are left out by
#: kind (see :func:`exempt`); every method of theirs that takes an argument is still fed.
EXEMPT = {
    "china_calendar": "takes no argument",
    "DesignLife": "takes no argument",
}


def exempt(obj):
    """Why ``obj`` is fed no junk of its own, or None if it must be."""
    if isinstance(obj, type) and issubclass(obj, BaseException):
        return "an error: it describes whatever value it is given, junk included"
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        return "an enum: looked up by value, it raises ValueError as Enum does"
    return None


def public_callables(*modules):
    """Every public callable of ``modules``, by name (what their ``__all__`` names)."""
    out = {}
    for module in modules:
        out.update((name, getattr(module, name)) for name in module.__all__)
    return {name: obj for name, obj in out.items() if callable(obj)}


def methods_with_arguments(cls):
    """``Class.method`` of the public methods ``cls`` defines that take an argument."""
    out = set()
    for name, raw in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(raw, classmethod | staticmethod):
            taken = inspect.signature(getattr(cls, name)).parameters
        elif inspect.isfunction(raw):
            taken = list(inspect.signature(raw).parameters)[1:]  # without self
        else:
            continue
        if taken:
            out.add(f"{cls.__name__}.{name}")
    return out


def init_fields(cls):
    """``Class.field`` of every argument of an attrs class's constructor (else nothing)."""
    if not attrs.has(cls):
        return set()
    return {f"{cls.__name__}.{field.alias}" for field in attrs.fields(cls) if field.init}
