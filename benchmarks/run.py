"""Run every benchmark: each ``benchmarks/bench_*.py`` module's ``main()``.

Usage: ``.venv/bin/python benchmarks/run.py``. Each ``main()`` prints its measurements and
returns ``True`` when all its verdicts pass; this script exits 1 if any verdict failed
(or a benchmark raised), so CI can run it as one command.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys
import traceback

HERE = pathlib.Path(__file__).resolve().parent


def _load(path: pathlib.Path) -> object:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        msg = f"cannot load {path}"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    """Run each benchmark in name order; 0 if every verdict passed, else 1."""
    failed: list[str] = []
    paths = sorted(HERE.glob("bench_*.py"))
    if not paths:
        print("no benchmarks found")
        return 1
    for path in paths:
        print(f"=== {path.stem} ===")
        try:
            ok = bool(_load(path).main())  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a crashing benchmark is a failed verdict, reported
            traceback.print_exc()
            ok = False
        if not ok:
            failed.append(path.stem)
        print()
    if failed:
        print(f"FAILED: {', '.join(failed)}")
        return 1
    print(f"all {len(paths)} benchmark(s) passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
