"""Every write in ``store/`` goes through the one IMMEDIATE-transaction helper.

A deferred transaction that reads and then writes fails at once with "database is locked"
in WAL mode when another connection wrote meanwhile; ``store.transactions.writing`` and
``@writes`` take the write lock first. This reads the source of ``store/`` and fails on:

- any ``.atomic(`` / ``.transaction(`` outside ``store/transactions.py``;
- a write (a model's ``create/insert/update/delete/replace``, a row's ``save`` or
  ``delete_instance``, SQL text starting with INSERT/UPDATE/DELETE/REPLACE) that is not
  lexically inside ``with writing(...)``, not in a ``@writes`` function, and not in a
  private helper that is only called from such places.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import followthrough.store

STORE = Path(followthrough.store.__file__).parent
HELPER = STORE / "transactions.py"
MODEL_WRITES = {
    "create",
    "insert",
    "insert_many",
    "insert_from",
    "replace",
    "replace_many",
    "update",
    "delete",
    "delete_by_id",
    "get_or_create",
    "bulk_create",
    "bulk_update",
}
ROW_WRITES = {"save", "delete_instance"}
SQL_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


@dataclass
class Finding:
    function: str
    line: int
    what: str
    guarded: bool


@dataclass
class ModuleScan:
    path: Path
    findings: list[Finding] = field(default_factory=list)
    # function name -> is it guarded as a whole (@writes)?
    decorated: dict[str, bool] = field(default_factory=dict)
    # function name -> [(caller, guarded at the call)]
    calls: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    transactions: list[int] = field(default_factory=list)
    # Schema steps named in Migration(...): migrate_database applies each in writing().
    migration_steps: set[str] = field(default_factory=set)


def _is_writing_call(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and (
        (isinstance(node.func, ast.Name) and node.func.id == "writing")
        or (isinstance(node.func, ast.Attribute) and node.func.attr == "writing")
    )


def _string_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        first = node.values[0] if node.values else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def _write_of(call: ast.Call) -> str | None:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    if func.attr in ("atomic", "transaction"):
        return None
    receiver = func.value
    # Model.create(...), Model.update(...).where(...).execute(), Model.insert(...)...
    if func.attr in MODEL_WRITES and isinstance(receiver, ast.Name) and receiver.id[:1].isupper():
        return f"{receiver.id}.{func.attr}"
    if func.attr in ROW_WRITES:
        return f".{func.attr}()"
    if func.attr in ("execute_sql", "execute", "executemany") and call.args:
        text = _string_of(call.args[0])
        if text is not None and SQL_WRITE.match(text):
            return f"{func.attr}({text.split()[0].upper()} …)"
    return None


class _Scanner(ast.NodeVisitor):
    def __init__(self, scan: ModuleScan) -> None:
        self.scan = scan
        self.function = "<module>"
        self.guard_depth = 0

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        decorated = any(
            (isinstance(d, ast.Name) and d.id == "writes")
            or (isinstance(d, ast.Attribute) and d.attr == "writes")
            for d in node.decorator_list
        )
        outer, outer_depth = self.function, self.guard_depth
        # Nested functions (closures) count as part of the function that defines them.
        if outer == "<module>":
            self.function = node.name
            self.scan.decorated[node.name] = decorated
            self.guard_depth = 1 if decorated else 0
        self.generic_visit(node)
        self.function, self.guard_depth = outer, outer_depth

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_With(self, node: ast.With) -> None:
        guarded = any(_is_writing_call(item.context_expr) for item in node.items)
        for item in node.items:
            self.visit(item)
        if guarded:
            self.guard_depth += 1
        for statement in node.body:
            self.visit(statement)
        if guarded:
            self.guard_depth -= 1

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("atomic", "transaction"):
            self.scan.transactions.append(node.lineno)
        what = _write_of(node)
        if what is not None:
            self.scan.findings.append(
                Finding(self.function, node.lineno, what, self.guard_depth > 0)
            )
        if isinstance(func, ast.Name):
            self.scan.calls.setdefault(func.id, []).append((self.function, self.guard_depth > 0))
            if func.id == "Migration":
                self.scan.migration_steps |= {a.id for a in node.args if isinstance(a, ast.Name)}
        self.generic_visit(node)


def scan_module(path: Path) -> ModuleScan:
    scan = ModuleScan(path)
    _Scanner(scan).visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return scan


def _function_guarded(scan: ModuleScan, name: str, seen: frozenset[str] = frozenset()) -> bool:
    """A function is guarded when decorated, or private and called only from guarded
    places (inside ``writing()`` or from guarded functions) in its own module."""
    if scan.decorated.get(name) or name in scan.migration_steps:
        return True
    if not name.startswith("_") or name in seen:
        return False
    callers = scan.calls.get(name, [])
    return bool(callers) and all(
        guarded or _function_guarded(scan, caller, seen | {name}) for caller, guarded in callers
    )


def unguarded_writes(path: Path) -> list[str]:
    scan = scan_module(path)
    problems = []
    for finding in scan.findings:
        if finding.guarded or _function_guarded(scan, finding.function):
            continue
        problems.append(
            f"{path.name}:{finding.line} {finding.function}: {finding.what} outside writing()"
        )
    if path != HELPER:
        problems += [
            f"{path.name}:{line}: a transaction not made by store.transactions.writing()"
            for line in scan.transactions
        ]
    return problems


# The sample data writes through the store too, so it keeps the same rule; so do the
# features' packages in store/ (store/debriefs/, store/exchange/, …).
STORE_MODULES = [*sorted(STORE.rglob("*.py")), STORE.parent / "demo.py"]


@pytest.mark.parametrize("path", STORE_MODULES, ids=lambda p: str(p.relative_to(STORE.parent)))
def test_every_write_in_the_store_is_an_immediate_transaction(path: Path) -> None:
    assert unguarded_writes(path) == []


def test_the_scan_finds_what_it_is_meant_to_find(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        """
from followthrough.store.transactions import writes, writing

def bare_update(i):
    Reminder.update(done_at=1).where(Reminder.id == i).execute()

def bare_sql():
    db.execute_sql("UPDATE reminder SET done_at = 1")

def bare_atomic():
    with db.atomic():
        Thing.create(x=1)

def deferred_read_then_save(row):
    row.save()

@writes
def decorated(i):
    Reminder.delete().where(Reminder.id == i).execute()

def guarded():
    with writing():
        Thing.create(x=1)
        _helper()

def _helper():
    db.execute_sql(f"INSERT INTO thing VALUES ({1})")

def _helper_called_bare():
    Thing.insert(x=1).execute()

def caller():
    _helper_called_bare()

def reads_only(d):
    d.update({"a": 1})
    db.execute_sql("SELECT 1")
""",
        encoding="utf-8",
    )
    problems = unguarded_writes(sample)
    flagged = {p.split()[1].rstrip(":") for p in problems if "outside writing()" in p}
    assert flagged == {
        "bare_update",
        "bare_sql",
        "bare_atomic",
        "deferred_read_then_save",
        "_helper_called_bare",
    }
    assert any("a transaction not made by" in p for p in problems)
    assert STORE_MODULES and HELPER in STORE_MODULES
