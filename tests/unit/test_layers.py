"""The architecture's rules, checked on the source: layers and where time comes from."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "followthrough"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def sources(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", ["store", "domain"])
def test_store_and_domain_import_no_qt(layer: str) -> None:
    for path in sources(layer):
        qt = {m for m in imported_modules(path) if m.startswith(("PySide6", "shiboken6"))}
        assert not qt, f"{path.name} imports {qt}"


def test_domain_knows_no_database() -> None:
    for path in sources("domain"):
        found = {
            m
            for m in imported_modules(path)
            if m.startswith(("peewee", "playhouse", "sqlite3", "followthrough.store"))
        }
        assert not found, f"{path.name} imports {found}"


def test_services_use_no_widgets() -> None:
    for path in sources("services"):
        widgets = {m for m in imported_modules(path) if m.startswith("PySide6.QtWidgets")}
        assert not widgets, f"{path.name} imports {widgets}"
        assert not any(m.startswith("followthrough.ui") for m in imported_modules(path))


def test_lower_layers_do_not_import_upper_ones() -> None:
    order = ["store", "domain", "services", "ui"]
    allowed_below = {"domain": set(), "store": {"domain"}, "services": {"domain", "store"}}
    for layer, allowed in allowed_below.items():
        for path in sources(layer):
            for module in imported_modules(path):
                parts = module.split(".")
                if parts[0] == "followthrough" and len(parts) > 1 and parts[1] in order:
                    assert parts[1] in allowed | {layer}, f"{path.name} imports {module}"


def test_now_comes_only_from_the_clock() -> None:
    clock_module = PACKAGE / "domain" / "clock.py"
    for path in PACKAGE.rglob("*.py"):
        if path == clock_module:
            continue
        text = path.read_text(encoding="utf-8")
        for forbidden in ("datetime.now(", "date.today(", "datetime.utcnow(", "time.time("):
            # Not preceded by a dot: "self.time.time()" is a widget's value, not the clock.
            pattern = r"(?<![\w.])" + re.escape(forbidden)
            assert not re.search(pattern, text), f"{path.relative_to(PACKAGE)} calls {forbidden}"


def _module_sources(*names: str) -> list[Path]:
    return [PACKAGE / name for name in names]


@pytest.mark.parametrize(
    "path",
    [*sources("ui"), *_module_sources("app.py")],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_the_window_reaches_the_database_only_through_store_functions(path: Path) -> None:
    """No SQL, no models in ui/ or the start-up: the store's functions are the way in, so
    every read and write keeps the store's rules (read-only opens, one transaction)."""
    found = {
        m
        for m in imported_modules(path)
        if m.startswith(("peewee", "playhouse", "sqlite3", "followthrough.store.models"))
    }
    assert not found, f"{path.relative_to(PACKAGE)} imports {found}"


@pytest.mark.parametrize("path", _module_sources("demo.py", "selftest.py"), ids=lambda p: p.name)
def test_sample_data_and_self_test_stay_out_of_the_widgets(path: Path) -> None:
    """The sample data writes through store/; the self-test may build the main window
    (that is what it checks) but no other screen's internals."""
    for module in imported_modules(path):
        if module.startswith("followthrough.ui"):
            assert path.name == "selftest.py" and module.startswith("followthrough.ui.shell"), (
                f"{path.name} imports {module}"
            )
    if path.name == "demo.py":
        assert not {m for m in imported_modules(path) if m.startswith("PySide6")}


def test_no_private_name_is_imported_from_another_module() -> None:
    """A leading underscore means "this module's own": another module that needs it gets
    a public name (and the owner knows it has a caller)."""
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("followthrough"):
                private = [
                    a.name
                    for a in node.names
                    if a.name.startswith("_") and not a.name.startswith("__")
                ]
                assert not private, f"{path.relative_to(PACKAGE)} imports {private}"
