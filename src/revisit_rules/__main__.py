"""``python -m revisit_rules``: the command line (see :mod:`revisit_rules.cli`)."""

from revisit_rules.cli import main

raise SystemExit(main())
