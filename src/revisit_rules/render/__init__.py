"""Renderers: how results are written as text tables, HTML, iCalendar, CSV and plain data.

The modules here know formats, not rules: the value classes say what their rows or events
are and delegate the writing (``Plan.to_ics()``, the ``_repr_html_`` methods, the rule
table, the command line). :mod:`~revisit_rules.render.plain` converts any value of the
package to JSON-able data, dispatching on the value's kind, never on the planner's types.
"""
