"""Money: amounts in yuan to the fen, checked, and split by shares exactly (LIA-MONEY).

Money is a ``decimal.Decimal`` in yuan of whole fen, never a float. The arithmetic is done
in whole fen (ints) and exact fractions, so it does not depend on the caller's ``Decimal``
context. A split by shares uses the largest-remainder method: the parts always add up to
the total exactly, each within one fen of its exact share.

The module knows nothing of parties: a split is keyed by any hashable value (the
liability rules key it by :class:`~revisit_rules.Party`, and the public
:func:`~revisit_rules.split_amount` refuses any other key).

Sources: decisions § 6 LIA-MONEY.

>>> from decimal import Decimal
>>> from fractions import Fraction
>>> split_by_shares(Decimal("0.10"), {"A": Fraction(5, 6), "B": Fraction(1, 6)})
{'A': Decimal('0.08'), 'B': Decimal('0.02')}
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeVar

from revisit_rules._check import FrozenMap, check_decimal_size
from revisit_rules.errors import InvalidInputError, InvalidTypeError, shown

__all__ = ["split_by_shares"]

K = TypeVar("K", bound=Hashable)

_FEN: Final = 100  # fen per yuan
#: A share of a cost: exact, never a float.
Share = Fraction | Decimal | int


def _money(field: str, value: object, *, rule: str = "LIA-MONEY") -> Decimal:
    """``value`` if it is a finite, non-negative ``Decimal`` of whole fen; else a typed error."""
    if not isinstance(value, Decimal):
        raise InvalidTypeError(
            field,
            value,
            "a decimal.Decimal in yuan, e.g. Decimal('1200.00') (never a float)",
            rule=rule,
        )
    if not value.is_finite():
        raise InvalidInputError(field, value, "a finite Decimal (not NaN or infinity)", rule=rule)
    if value < 0:
        raise InvalidInputError(field, value, "an amount >= 0", rule=rule)
    check_decimal_size(field, value, rule=rule, why=" (an amount in yuan)")
    if (Fraction(value) * _FEN).denominator != 1:
        raise InvalidInputError(field, value, "whole fen (at most 2 decimal places)", rule=rule)
    return value


def _yuan(fen: int) -> Decimal:
    """``fen`` fen as yuan with exactly 2 decimal places, built without rounding."""
    return Decimal((0, tuple(int(c) for c in str(fen)), -2))


def _fen(amount: Decimal) -> int:
    """A checked amount of whole fen as an int of fen, exactly (no Decimal context)."""
    return int(Fraction(amount) * _FEN)


def _cents(amount: Decimal) -> Decimal:
    """A checked amount of whole fen, written with exactly 2 decimal places."""
    return _yuan(_fen(_money("amount", amount)))


def _share(field: str, value: object, rule: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, Fraction | Decimal | int):
        raise InvalidTypeError(
            field, value, "a Fraction, Decimal or int (never a float)", rule=rule
        )
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidInputError(field, value, "a finite share (not NaN or infinity)", rule=rule)
        check_decimal_size(field, value, rule=rule, why=" (a share of the cost)")
    share = Fraction(value)
    if share < 0:
        raise InvalidInputError(field, value, "a share >= 0", rule=rule)
    return share


def _shares(
    field: str, value: object, rule: str = "LIA-MONEY", *, key: type[K] | None = None
) -> FrozenMap[K, Fraction]:
    """Shares as exact fractions, in the order given; typed errors for anything else.

    With ``key``, every key must be an instance of it (e.g. :class:`~revisit_rules.Party`).
    """
    name = key.__name__ if key is not None else "party"
    if not isinstance(value, Mapping):
        raise InvalidTypeError(field, value, f"a mapping {name} -> share", rule=rule)
    if not value:
        raise InvalidInputError(field, value, "at least one party", rule=rule)
    out: dict[K, Fraction] = {}
    for party, share in value.items():
        if key is not None and not isinstance(party, key):
            raise InvalidTypeError(f"{field} key", party, f"a revisit_rules.{name}", rule=rule)
        out[party] = _share(f"{field}[{party}]", share, rule)
    total = sum(out.values(), Fraction(0))
    if total != 1:
        raise InvalidInputError(
            field,
            dict(value),
            f"shares summing to exactly 1 (these sum to {shown(total)})",
            rule=rule,
        )
    return FrozenMap(out)


def split_by_shares(
    total: Decimal, shares: Mapping[K, Share], *, key: type[K] | None = None
) -> dict[K, Decimal]:
    """Split ``total`` by ``shares`` to the fen, the parts adding up to ``total`` exactly.

    The arithmetic of :func:`~revisit_rules.split_amount` (LIA-MONEY), for any hashable
    party; with ``key``, every party must be an instance of it.
    """
    amount = _money("total", total)
    fracs: FrozenMap[K, Fraction] = _shares("shares", shares, key=key)
    fen = _fen(amount)
    exact = [(party, fen * share) for party, share in fracs.items()]
    parts = {party: math.floor(x) for party, x in exact}
    left = fen - sum(parts.values())
    # Stable sort: equal remainders keep the order given.
    ranked = sorted(exact, key=lambda item: item[1] - parts[item[0]], reverse=True)
    for party, _ in ranked[:left]:
        parts[party] += 1
    return {party: _yuan(parts[party]) for party, _ in exact}
