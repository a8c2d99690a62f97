"""Command line: ``revisit-rules`` (also ``python -m revisit_rules``).

Subcommands:

- ``revisit-rules rules [--format markdown|csv|html]``: the rule table under the default policy.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from revisit_rules.__about__ import __version__
from revisit_rules.errors import RevisitRulesError
from revisit_rules.rules import rule_table

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="revisit-rules",
        description="Construction warranty (保修) and revisit (回访) rules of Chinese practice.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    rules = sub.add_parser("rules", help="print the rule table")
    rules.add_argument("--format", choices=("markdown", "csv", "html"), default="markdown")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad input)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "rules":
            sys.stdout.write(rule_table(args.format))
    except RevisitRulesError as err:
        sys.stderr.write(f"revisit-rules: error: {err}\n")
        return 2
    return 0
