"""The package's layers (docs/architecture.md): no module imports a layer above its own,
nothing below the command line imports the package facade, and no two modules import
each other, not even through a function-level import."""

from __future__ import annotations

import ast
from pathlib import Path

import dateline

PACKAGE = Path(dateline.__file__).resolve().parent

# Lowest first. A module may import its own layer and the layers below it.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"version", "errors", "model", "escaping", "progress", "text", "furniture"}),
    frozenset({"options", "engine", "embed", "memo"}),
    frozenset({"annotate"}),
    frozenset({"ingest"}),
    frozenset({"pipeline"}),
    frozenset({"timeline", "expectations"}),
    frozenset({"briefing"}),
    frozenset({"render", "store"}),
    frozenset({"evaluate"}),
    frozenset({"cli", "serve"}),
)
FACADE = "dateline"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((FACADE, *parts))


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _runtime_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import that runs, at any depth; imports under ``if TYPE_CHECKING:`` do not."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _imported(module: str) -> set[str]:
    """The dateline modules ``module`` imports (``from pkg import sub`` names ``pkg.sub``)."""
    names: set[str] = set()
    for node in _runtime_imports(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name in MODULES}
        elif node.module in MODULES:
            subs = {f"{node.module}.{a.name}" for a in node.names}
            inside = subs & MODULES.keys()
            names |= inside if inside == subs else {node.module} | inside
    names.discard(module)
    return names


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else FACADE
    for rank, layer in enumerate(LAYERS):
        if top in layer:
            return rank
    raise AssertionError(f"{module}: its package {top!r} is in no layer; add it to LAYERS")


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = [
        f"{module} imports {name}"
        for module in MODULES
        if module != FACADE
        for name in _imported(module)
        if name != FACADE and _layer(name) > _layer(module)
    ]
    assert upward == []


def test_only_the_command_line_imports_the_package_facade() -> None:
    users = [m for m in MODULES if m != FACADE and FACADE in _imported(m)]
    assert all(_layer(m) == len(LAYERS) - 1 for m in users), users


def test_no_import_cycle() -> None:
    graph = {m: _imported(m) for m in MODULES}
    # A package's __init__ re-exporting its submodules is not a cycle with them.
    for module, names in graph.items():
        graph[module] = {n for n in names if not module.startswith(f"{n}.")}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan's strongly connected components
        order[node] = low[node] = len(order)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in order:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], order[nxt])
        if low[node] == order[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in graph:
        if module not in order:
            connect(module)
    assert cycles == []


def test_every_package_has_an_init() -> None:
    folders = {p.parent for p in PACKAGE.rglob("*.py")}
    assert [f for f in folders if not (f / "__init__.py").exists()] == []


def test_the_layer_check_sees_real_imports() -> None:
    # guards the checks above against passing because they read nothing
    assert "dateline.model" in _imported("dateline.timeline")
    assert "dateline.annotate.timex.calendar" in _imported("dateline.annotate.timex.rules")
    assert _layer("dateline.render.html") > _layer("dateline.briefing.build")
