"""Rules of DOMAIN.md for the LIA area (filled by the issue that implements it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from revisit_rules.rules import Rule

RULES: tuple[Rule, ...] = ()
