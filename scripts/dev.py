"""Set up the project's virtual environment and run its jobs.

Needs nothing but ``python3`` (3.11 or newer). The environment lives in ``.venv`` at the
top of the repository and is rebuilt only when ``pyproject.toml`` changes.

Usage::

    python3 scripts/dev.py plan    # the main job: the example portfolio's plan
    python3 scripts/dev.py test    # ruff, mypy, pytest, the docs, the notebook example
    python3 scripts/dev.py bench   # the benchmarks
    python3 scripts/dev.py docs    # build the documentation (docs/_build/html)
    python3 scripts/dev.py floor   # the calendar tests against the oldest holidays allowed
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".revisit-rules-stamp"
EXTRAS = "test,dev,docs,notebook"
LINTED = ["src", "tests", "benchmarks", "scripts", "examples", "docs"]
DOCS_HTML = "docs/_build/html"


def _stamp() -> str:
    data = (ROOT / "pyproject.toml").read_bytes() + EXTRAS.encode()
    return hashlib.sha256(data).hexdigest()


def ensure_venv() -> None:
    """Create ``.venv`` and install the package with its extras, unless already current."""
    if sys.version_info < (3, 11):  # noqa: UP036 - the script must say so on an old Python
        sys.exit(f"revisit-rules needs Python >= 3.11, this is {sys.version.split()[0]}")
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if STAMP.exists() and STAMP.read_text() == _stamp():
        return
    print("installing revisit-rules and its development tools into .venv", flush=True)
    run([str(PY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([str(PY), "-m", "pip", "install", "--quiet", "-e", f".[{EXTRAS}]"])
    STAMP.write_text(_stamp())


def run(cmd: list[str]) -> None:
    """Run ``cmd`` in the repository; stop with its exit status if it fails."""
    print("$", " ".join(cmd), flush=True)
    done = subprocess.run(cmd, cwd=ROOT, check=False)
    if done.returncode != 0:
        sys.exit(done.returncode)


def tool(name: str) -> str:
    """The path of a console script installed in ``.venv``."""
    return str(BIN / name)


def cmd_test(args: list[str]) -> None:
    """Every check CI runs, failing on the first that fails."""
    run([tool("ruff"), "format", "--check", *LINTED])
    run([tool("ruff"), "check", *LINTED])
    run([tool("mypy"), "--strict", "src"])
    run([str(PY), "-m", "pytest", "--cov", "--cov-report=term", *args])
    cmd_docs([])
    run_notebook()
    # Opens the built rule table page in headless Chromium; SKIPPED (not failed) without one.
    run([str(PY), "scripts/check_docs_render.py", "--html", DOCS_HTML])


def run_notebook() -> None:
    """Run the notebook example; its chart goes to a temporary directory, then is checked."""
    out = Path(tempfile.mkdtemp(prefix="revisit-rules-notebook-"))
    try:
        png = out / "plan.png"
        run([str(PY), "examples/notebook_plan.py", str(png)])
        if not png.is_file() or png.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            sys.exit(f"examples/notebook_plan.py wrote no PNG chart to {png}")
    finally:
        shutil.rmtree(out, ignore_errors=True)


def cmd_plan(args: list[str]) -> None:
    """The main job: this year's revisit plan of the example portfolio."""
    # The script, not the library, reads the clock: the rules take the year as input.
    year = str(dt.datetime.now(tz=dt.timezone(dt.timedelta(hours=8))).year)  # Asia/Shanghai
    run([tool("revisit-rules"), "plan", "--year", year, *args])


def cmd_bench(args: list[str]) -> None:
    """All benchmarks, each printing its measurements and its verdict."""
    run([str(PY), "benchmarks/run.py", *args])


def cmd_docs(args: list[str]) -> None:
    """The documentation, from scratch (-E: the tables are generated), warnings as errors."""
    run(
        [
            tool("sphinx-build"),
            "-E",
            "-W",
            "--keep-going",
            "-b",
            "html",
            "docs",
            DOCS_HTML,
            *args,
        ]
    )


#: The tests whose answers rest on the holidays data: run against the floor release too.
CALENDAR_TESTS = [
    "tests/test_calendar.py",
    "tests/test_periods.py",
    "tests/test_deadlines.py",
    "tests/test_warranty.py",
]
FLOOR_VENV = ROOT / ".venv-floor"


def holidays_floor() -> str:
    """The oldest ``holidays`` release pyproject.toml allows (its ``holidays>=X`` bound)."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    for dep in deps:
        name, _, version = dep.partition(">=")
        if name.strip() == "holidays":
            return version.split(",")[0].strip()
    sys.exit("pyproject.toml has no 'holidays>=X' dependency")


def cmd_floor(args: list[str]) -> None:
    """The calendar tests in ``.venv-floor``, with the oldest holidays release allowed.

    The floor is the first release whose China data the tests pin (2019's make-up working
    days); this shows the bound is right, not only the newest release.
    """
    floor = holidays_floor()
    py = FLOOR_VENV / PY.relative_to(VENV)
    stamp = FLOOR_VENV / ".revisit-rules-stamp"
    want = _stamp() + floor
    if not (py.exists() and stamp.exists() and stamp.read_text() == want):
        print(f"creating {FLOOR_VENV} with holidays=={floor}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(FLOOR_VENV)
        run([str(py), "-m", "pip", "install", "--quiet", "-e", ".[test]", f"holidays=={floor}"])
        stamp.write_text(want)
    run([str(py), "-c", "import holidays; print('holidays', holidays.__version__)"])
    run([str(py), "-m", "pytest", "-q", "-p", "no:cacheprovider", *CALENDAR_TESTS, *args])


COMMANDS = {
    "test": cmd_test,
    "plan": cmd_plan,
    "bench": cmd_bench,
    "docs": cmd_docs,
    "floor": cmd_floor,
}


def main() -> None:
    """Dispatch ``sys.argv[1]`` to one of the jobs."""
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:  # noqa: PLR2004
        sys.exit(f"usage: python3 scripts/dev.py {{{'|'.join(COMMANDS)}}} [args...]")
    if sys.argv[1] != "floor":  # the floor job has an environment of its own
        ensure_venv()
    COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
