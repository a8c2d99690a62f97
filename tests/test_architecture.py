"""The package's layout: small modules, imports at the top, one direction (docs/architecture.md).

These tests read the source (``ast``), never import it, and each has a companion that
plants a violation in a temporary package and checks it is found, so that none of them
passes for want of looking.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "revisit_rules"
DOCS = Path(__file__).resolve().parent.parent / "docs"

#: The most lines a module may have.
MAX_LINES = 600

#: Imports allowed inside a function: (module, imported name). A lazy import of the
#: third-party ``holidays`` (for start-up time) would be listed here; none is needed today.
LAZY_IMPORTS: frozenset[tuple[str, str]] = frozenset()

#: The layers, lowest first: a module may import (at run time) modules of its own layer or
#: of a lower one, never of a higher one. docs/architecture.md draws the same picture.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "writers and checks",
        (
            "errors",
            "__about__",
            "_check",
            "io",
            "io.text",
            "render",
            "render.text",
            "render.html",
            "render.tables",
            "render.ics",
            "render.views",
        ),
    ),
    (
        "values",
        ("calendar", "durations", "categories", "regions", "project", "money"),
    ),
    ("policy", ("policy",)),
    (
        "rule data",
        (
            "rulebook",
            "ruledata",
            "ruledata._borrowed",
            "ruledata._checked",
            "ruledata._sources",
            "ruledata.cal",
            "ruledata.led",
            "ruledata.lia",
            "ruledata.sat",
            "ruledata.sea",
            "ruledata.sla",
            "ruledata.vis",
            "ruledata.wty",
            "rules",
        ),
    ),
    (
        "rules of each area",
        (
            "seasons",
            "periods",
            "warranty",
            "revisits",
            "revisits.visits",
            "revisits._needs",
            "revisits._planner",
            "revisits._window",
            "revisits.plan",
            "revisits.status",
            "liability_values",
            "settlement",
            "liability",
            "grading",
            "rates",
            "deadlines",
            "service_ledger",
            "service_ledger.details",
            "service_ledger.events",
            "service_ledger.obligations",
            "service_ledger._log",
            "service_ledger._build",
            "service_ledger.kpis",
            "service_ledger.ledger",
        ),
    ),
    (
        "adapters and renderers",
        (
            "render.plain",
            "render.report",
            "tracing",
            "io.portfolio",
            "portfolio",
            "satisfaction",
        ),
    ),
    ("the package and its tools", ("", "cli", "__main__", "io.golden")),
)


def _name(path: Path, root: Path) -> str:
    """The module's dotted name below the package (``revisits.plan``; ``""`` the package)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(root: Path = SRC) -> dict[str, ast.Module]:
    return {_name(p, root): ast.parse(p.read_text(encoding="utf-8")) for p in root.rglob("*.py")}


def _type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) in {
        "TYPE_CHECKING",
        "typing.TYPE_CHECKING",
    }


def _absolute(module: str, node: ast.ImportFrom, package: str, packages: set[str]) -> str | None:
    """The dotted name below ``package`` that ``node`` imports from (relative ones too)."""
    if node.level:
        parts = module.split(".") if module else []
        # a module's package is its parent; a package (``__init__``) is its own
        base = parts if module in packages else parts[:-1]
        base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
        return ".".join([*base, *([node.module] if node.module else [])])
    if node.module and (node.module == package or node.module.startswith(f"{package}.")):
        return node.module.removeprefix(package).removeprefix(".")
    return None


def _parents(name: str, importer: str) -> set[str]:
    """The packages importing ``name`` runs first, but those ``importer`` is inside."""
    parts = name.split(".")
    found = {".".join(parts[:i]) for i in range(1, len(parts))}
    return {p for p in found if not (importer == p or importer.startswith(f"{p}."))}


def _runtime_imports(
    tree: ast.Module,
    module: str = "",
    packages: set[str] | None = None,
    package: str = "revisit_rules",
) -> set[str]:
    """The package's modules a module imports at run time (``if TYPE_CHECKING`` left out)."""
    found: set[str] = set()
    nodes: list[ast.AST] = []
    for node in tree.body:
        if _type_checking(node):
            nodes += node.orelse  # type: ignore[attr-defined]
        else:
            nodes.append(node)
    for node in nodes:
        for sub in ast.walk(node):
            if isinstance(sub, ast.ImportFrom):
                base = _absolute(module, sub, package, packages or {""})
                if base is None:
                    continue
                found.add(base)
                found |= _parents(base, module)
                # ``from revisit_rules.render import ics`` imports a submodule
                found.update(f"{base}.{a.name}".strip(".") for a in sub.names)
            elif isinstance(sub, ast.Import):
                for alias in sub.names:
                    if alias.name == package or alias.name.startswith(f"{package}."):
                        name = alias.name.removeprefix(package).removeprefix(".")
                        found |= {name} | _parents(name, module)
    return found


def _dynamic_imports(modules: dict[str, ast.Module]) -> list[tuple[str, int]]:
    """(module, line) of every ``importlib.import_module`` or ``__import__`` call."""
    found = []
    for name, tree in modules.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                called = ast.unparse(node.func)
                if called in {"importlib.import_module", "import_module", "__import__"}:
                    found.append((name, node.lineno))
    return sorted(found)


def _graph(modules: dict[str, ast.Module]) -> dict[str, set[str]]:
    return {
        name: _runtime_imports(tree, name) & set(modules) - {name} for name, tree in modules.items()
    }


def _in_function_imports(modules: dict[str, ast.Module]) -> list[tuple[str, str, int]]:
    """(module, imported name, line) of every import inside a function."""
    found = []
    for name, tree in modules.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Import):
                        found += [(name, a.name, sub.lineno) for a in sub.names]
                    elif isinstance(sub, ast.ImportFrom):
                        found.append((name, sub.module or ".", sub.lineno))
    return sorted(found)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the graph as a path, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def _upward(graph: dict[str, set[str]]) -> list[str]:
    level = {m: i for i, (_, members) in enumerate(LAYERS) for m in members}
    return sorted(
        f"{a or 'revisit_rules'} ({LAYERS[level[a]][0]}) imports {b} ({LAYERS[level[b]][0]})"
        for a, targets in graph.items()
        for b in targets
        if level[b] > level[a]
    )


MODULES = _modules()
GRAPH = _graph(MODULES)


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: _name(p, SRC) or "/")
def test_module_is_small(path):
    """No module of the package has more than 600 lines."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(SRC)}: {lines} lines"


def test_no_import_inside_a_function():
    """Imports stand at the top of a module: none inside a function dodges a cycle."""
    found = [f for f in _in_function_imports(MODULES) if (f[0], f[1]) not in LAZY_IMPORTS]
    assert [] == found


def test_no_dynamic_import():
    """No module imports another by name at run time (the graph could not see it)."""
    assert [] == _dynamic_imports(MODULES)


def test_every_module_has_a_layer():
    """Each module of the package is in exactly one layer."""
    placed = [m for _, members in LAYERS for m in members]
    assert len(placed) == len(set(placed))
    assert sorted(MODULES) == sorted(placed)


def test_imports_flow_down_the_layers():
    """No module imports a module of a higher layer at run time."""
    assert [] == _upward(GRAPH)


def test_imports_have_no_cycle():
    """The run-time import graph is acyclic, within a layer too."""
    assert _cycle(GRAPH) is None


def test_architecture_page_names_every_layer():
    """docs/architecture.md shows each layer by its name, so the page and the test agree."""
    page = (DOCS / "architecture.md").read_text(encoding="utf-8")
    assert [] == [name for name, _ in LAYERS if name not in page]


# --- the checks can fail -------------------------------------------------------------------


def _plant(tmp_path: Path, files: dict[str, str]) -> dict[str, ast.Module]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return _modules(tmp_path)


def test_planted_violations_are_found(tmp_path):
    """An import in a function, a cycle and an upward import are each found."""
    modules = _plant(
        tmp_path,
        {
            "__init__.py": "",
            "errors.py": "from revisit_rules.policy import Policy\n",
            "policy.py": (
                "from revisit_rules.errors import E\n"
                "import typing\n"
                "if typing.TYPE_CHECKING:\n"
                "    from revisit_rules.cli import main\n"
                "def f():\n"
                "    from revisit_rules.rules import RULES\n"
            ),
        },
    )
    graph = _graph(modules)

    assert [("policy", "revisit_rules.rules", 6)] == _in_function_imports(modules)
    assert {"errors", "policy"} <= set(_cycle(graph) or [])
    assert ["errors (writers and checks) imports policy (policy)"] == _upward(graph)
    assert "cli" not in graph["policy"]  # a TYPE_CHECKING import is not a run-time one


def test_planted_hidden_imports_are_found(tmp_path):
    """A relative import, an import in TYPE_CHECKING's else, a dynamic import, a parent."""
    modules = _plant(
        tmp_path,
        {
            "__init__.py": "",
            "errors.py": (
                "from . import cli\n"
                "import typing\n"
                "if typing.TYPE_CHECKING:\n"
                "    pass\n"
                "else:\n"
                "    from .policy import Policy\n"
                "import importlib\n"
                "importlib.import_module('revisit_rules.rules')\n"
            ),
            "policy.py": "from revisit_rules.render.html import html_table\n",
            "cli.py": "",
            "render/__init__.py": "from revisit_rules.cli import main\n",
            "render/html.py": "from .text import table\n",
            "render/text.py": "",
        },
    )
    graph = _graph(modules)

    assert {"cli", "policy"} <= graph["errors"]
    assert {"render", "render.html"} <= graph["policy"]  # importing a submodule runs its package
    assert "render.text" in graph["render.html"]  # relative to its own package
    assert "render" not in graph["render.html"]  # inside it: the package is already running
    assert [("errors", 8)] == _dynamic_imports(modules)
