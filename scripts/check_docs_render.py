"""Open the built rule table page in headless Chromium and check its tables rendered.

Usage::

    python scripts/check_docs_render.py [--html docs/_build/html] [--screenshot PATH]
                                        [--chromium PATH]

Loads ``<html>/rules.html`` in Debian's ``chromium`` (``--headless --dump-dom``), parses
the DOM the browser built, and checks that it holds one rule table per area of
``revisit_rules.rules.AREAS`` and one row per rule of ``revisit_rules.RULES``, each row
under its area's table. ``--screenshot`` also saves a PNG of the page (keep it out of the
repository; by default none is taken).

Exit status: 0 when the page rendered every rule, 1 when it did not (or the browser
failed, or the page was not built), 2 when ``--chromium PATH`` names no executable (a
browser asked for by name must be there), and 0 with a ``SKIPPED`` line when no
``--chromium`` is given and none is found on the machine: the docs build itself is
checked by ``sphinx-build -W`` either way.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from revisit_rules import RULES
from revisit_rules.rules import AREAS, area_of

ROOT = Path(__file__).resolve().parent.parent
PAGE = "rules.html"
TIMEOUT = 120  # seconds for the browser to load and dump the page
CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")


def find_chromium() -> str | None:
    """The Chromium executable, or ``None`` where there is none."""
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def browser_args(chromium: str, profile: Path) -> list[str]:
    """Headless Chromium with no network side trips and a fresh profile."""
    return [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]


def run_browser(cmd: list[str]) -> str:
    """Run Chromium in its own process group; kill the whole group on a timeout."""
    with subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,
    ) as proc:
        try:
            out, err = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise RuntimeError(f"chromium did not finish within {TIMEOUT} s") from None
    if proc.returncode != 0:
        tail = "\n".join(err.strip().splitlines()[-5:])
        raise RuntimeError(f"chromium exited with {proc.returncode}:\n{tail}")
    return out


class RuleTables(HTMLParser):
    """Collect, from a DOM dump, each ``table.rule-table``'s row IDs (its first cells)."""

    def __init__(self) -> None:
        """Start with no table seen."""
        super().__init__()
        self.tables: list[list[str]] = []
        self._in_table = False
        self._in_body = False
        self._cell = -1
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Track tables of class ``rule-table``, their body rows and first cells."""
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and "rule-table" in classes:
            self._in_table = True
            self.tables.append([])
        elif self._in_table and tag == "tbody":
            self._in_body = True
        elif self._in_body and tag == "tr":
            self._cell = -1
        elif self._in_body and tag == "td":
            self._cell += 1
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        """Record the first cell of each body row."""
        if tag == "table":
            self._in_table = self._in_body = False
        elif tag == "tbody":
            self._in_body = False
        elif self._in_body and tag == "td" and self._cell == 0:
            self.tables[-1].append("".join(self._text).strip())

    def handle_data(self, data: str) -> None:
        """Gather the text of the current cell."""
        if self._in_body and self._cell == 0:
            self._text.append(data)


def check_dom(dom: str) -> list[str]:
    """The problems found in the rendered page: none when every rule is where it belongs."""
    parser = RuleTables()
    parser.feed(dom)
    problems: list[str] = []
    areas = [a for a in AREAS if any(area_of(r) == a for r in RULES)]
    if len(parser.tables) != len(areas):
        problems.append(f"{len(parser.tables)} rule tables rendered, expected {len(areas)}")
    for table in parser.tables:
        if not table:
            problems.append("a rule table rendered without rows")
            continue
        mixed = sorted({area_of(r) for r in table})
        if len(mixed) != 1:
            problems.append(f"a table mixes areas {mixed}")
    shown = [r for table in parser.tables for r in table]
    missing = [r for r in RULES if r not in shown]
    extra = sorted(set(shown) - set(RULES))
    twice = sorted({r for r in shown if shown.count(r) > 1})
    if missing:
        problems.append(f"rules missing from the rendered page: {', '.join(missing)}")
    if extra:
        problems.append(f"rows that are no rule of RULES: {', '.join(extra)}")
    if twice:
        problems.append(f"rules shown twice: {', '.join(twice)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Render, check, report; see the module docstring for the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "docs" / "_build" / "html")
    parser.add_argument("--screenshot", type=Path, help="also save a PNG of the page here")
    parser.add_argument("--chromium", help="the browser to use (default: found on PATH)")
    args = parser.parse_args(argv)
    page = (args.html / PAGE).resolve()
    if not page.is_file():
        print(f"check_docs_render: {page} does not exist; build the docs first", file=sys.stderr)
        return 1
    if args.chromium is not None:
        chromium = shutil.which(args.chromium)
        if chromium is None:
            print(
                f"check_docs_render: FAILED: --chromium {args.chromium}: no such executable "
                "(give the path of an installed browser, or leave --chromium out to skip "
                "when none is installed)",
                file=sys.stderr,
            )
            return 2
    else:
        chromium = find_chromium()
    if chromium is None:
        print(
            "check_docs_render: SKIPPED: no chromium found (apt-get install chromium); "
            "the rule table page was built but not rendered in a browser"
        )
        return 0
    with tempfile.TemporaryDirectory(prefix="revisit-rules-chromium-") as tmp:
        base = browser_args(chromium, Path(tmp) / "profile")
        try:
            dom = run_browser([*base, "--dump-dom", page.as_uri()])
            if args.screenshot is not None:
                shot = args.screenshot.resolve()
                run_browser(
                    [*base, f"--screenshot={shot}", "--window-size=1400,2400", page.as_uri()]
                )
                print(f"check_docs_render: screenshot saved to {shot}")
        except (OSError, RuntimeError) as err:
            print(f"check_docs_render: FAILED: {err}", file=sys.stderr)
            return 1
    problems = check_dom(dom)
    if problems:
        for problem in problems:
            print(f"check_docs_render: FAILED: {problem}", file=sys.stderr)
        return 1
    print(
        f"check_docs_render: ok: {page.name} rendered {len(RULES)} rules in "
        f"{len({area_of(r) for r in RULES})} tables ({Path(chromium).name})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
