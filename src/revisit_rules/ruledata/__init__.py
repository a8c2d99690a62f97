"""The rule registry's data, one module per area of the rules.

Each module holds a ``RULES`` tuple of :class:`~revisit_rules.Rule`; this package
lists them in the order of the decisions page (docs/decisions.md), and :data:`revisit_rules.RULES` is built from them.
"""

from __future__ import annotations

from revisit_rules.ruledata import cal, led, lia, sat, sea, sla, vis, wty

ALL = (wty.RULES, cal.RULES, sea.RULES, vis.RULES, lia.RULES, sla.RULES, sat.RULES, led.RULES)
