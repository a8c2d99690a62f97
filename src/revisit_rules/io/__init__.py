"""Adapters between the rules and the text people write: the one text grammar, the readers.

* :mod:`revisit_rules.io.text`: the text grammar of periods, categories and enum members,
  behind :meth:`Period.from_text <revisit_rules.Period.from_text>`,
  :meth:`Category.from_text <revisit_rules.Category.from_text>` and the enums' readers.
  It needs nothing of the package but its errors, so that every layer may use it.
* :mod:`revisit_rules.io.portfolio`: the portfolio CSV reader (re-exported as
  :mod:`revisit_rules.portfolio`).
* :mod:`revisit_rules.io.golden`: the TOML format of the golden cases, read by the tests
  and rendered by the docs.

This package's ``__init__`` imports nothing, so that importing the grammar stays cheap.
"""
