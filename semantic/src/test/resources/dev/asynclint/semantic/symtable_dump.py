"""CPython's side of the scope conformance check: a canonical dump of symtable's view of files.

Usage:
    python3 symtable_dump.py [--pep563] FILE...
    python3 symtable_dump.py [--pep563] < list-of-paths

For each file, writes one block:
    FILE <TAB> path <TAB> notes
    <the dump, one line per table and per symbol>
    END
or, for a file that does not compile:
    ERROR <TAB> path <TAB> why CPython rejects it

The dump lists the tables depth first. A table is a header line
    <indent><type> <name> <line>
(type module, class or function; CPython 3.11 reports lambdas as functions named "lambda" and
comprehensions as functions named "listcomp", "genexpr"... and the module as "top" on line 0),
then one line per symbol, sorted by name:
    <indent>  <name> <flag,flag...>
with the flags, in this order, that hold:
    local            is_local()
    global_declared  is_declared_global()
    global_implicit  is_global() and not declared and not bound at module level
    free             is_free()
    nonlocal         is_nonlocal() (the DEF_NONLOCAL flag)
    parameter        is_parameter()
    referenced       is_referenced() (a Load of the name in this very table)
    imported         is_imported()
    assigned         is_assigned() (the DEF_LOCAL flag: a store, del, def, class...)
The children of a table are ordered by line, then by their own dump, so that two orders of
traversal for tables on one line give the same text.

Names CPython invents are left out: those starting with "." (".0", the iterator argument of a
comprehension; ".type_params", ".defaults"... of 3.12's annotation scopes), "__class__" (the
implicit cell of methods that use super() or __class__) and "__classdict__" (3.12).

Files with "from __future__ import annotations" (PEP 563): annotations are then never evaluated
and CPython 3.11 analyses them in hidden annotation blocks, so their names are not referenced in
the scope around them. asynclint analyses annotations as evaluated expressions either way. Unless
--pep563 is given, the import is rewritten in memory to "from __future__ import generator_stop as
annotations" (or "as" the name it was imported as: same lines, same binding, no PEP 563) and the
note "pep563" is written after the path.
"""
import ast
import importlib.util
import symtable
import sys
import warnings

SKIPPED = ("__class__", "__classdict__")

FLAGS = (
    "local",
    "global_declared",
    "global_implicit",
    "free",
    "nonlocal",
    "parameter",
    "referenced",
    "imported",
    "assigned",
)


def flags(symbol, module_scope):
    declared = symbol.is_declared_global()
    bound_at_module = module_scope and symbol.is_local()
    holds = {
        "local": symbol.is_local(),
        "global_declared": declared,
        "global_implicit": symbol.is_global() and not declared and not bound_at_module,
        "free": symbol.is_free(),
        "nonlocal": symbol.is_nonlocal(),
        "parameter": symbol.is_parameter(),
        "referenced": symbol.is_referenced(),
        "imported": symbol.is_imported(),
        "assigned": symbol.is_assigned(),
    }
    return [name for name in FLAGS if holds[name]]


def table_lines(table, depth):
    """The lines of one table and its children, and the line the table starts on."""
    indent = "  " * depth
    kind = table.get_type()
    lines = ["%s%s %s %d" % (indent, kind, table.get_name(), table.get_lineno())]
    module = kind == "module"
    for name in sorted(table.get_identifiers()):
        if name.startswith(".") or name in SKIPPED:
            continue
        # Not table.lookup(name): up to 3.11, symtable.py takes any table named "top" for the module
        # (so the parameters of a `def top(a)` are "global"); the type says which one is.
        symbol = symtable.Symbol(name, table._table.symbols[name], module_scope=module)
        held = flags(symbol, module)
        if held:
            lines.append("%s  %s %s" % (indent, name, ",".join(held)))
    children = [table_lines(child, depth + 1) for child in table.get_children()]
    children.sort(key=lambda child: (child[1], "\n".join(child[0])))
    for child_lines, _ in children:
        lines.extend(child_lines)
    return lines, table.get_lineno()


def without_pep563(source):
    """The source with `from __future__ import annotations` made a plain binding, or None."""
    tree = ast.parse(source)
    edits = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                if alias.name == "annotations":
                    edits.append(alias)
    if not edits:
        return None
    lines = source.splitlines(keepends=True)
    for alias in reversed(edits):
        line = lines[alias.lineno - 1].encode("utf-8")
        start, end = alias.col_offset, alias.end_col_offset
        binding = (alias.asname or alias.name).encode("utf-8")
        line = line[:start] + b"generator_stop as " + binding + line[end:]
        lines[alias.lineno - 1] = line.decode("utf-8")
    return "".join(lines)


def describe(path, keep_pep563):
    try:
        with open(path, "rb") as f:
            data = f.read()
        source = importlib.util.decode_source(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(data, path, "exec", dont_inherit=True)
            notes = ""
            if not keep_pep563:
                rewritten = without_pep563(source)
                if rewritten is not None:
                    source = rewritten
                    notes = "pep563"
            table = symtable.symtable(source, path, "exec")
    except (SyntaxError, ValueError, UnicodeError, RecursionError, MemoryError, OverflowError) as e:
        message = " ".join(("%s: %s" % (type(e).__name__, e)).split())
        return "ERROR\t%s\t%s\n" % (path, message)
    lines, _ = table_lines(table, 0)
    return "FILE\t%s\t%s\n%s\nEND\n" % (path, notes, "\n".join(lines))


def main(argv):
    sys.setrecursionlimit(10000)
    keep_pep563 = "--pep563" in argv
    paths = [arg for arg in argv if arg != "--pep563"]
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    source = paths if paths else (line.rstrip("\n") for line in sys.stdin)
    for path in source:
        if path:
            out.write(describe(path, keep_pep563))
    out.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
