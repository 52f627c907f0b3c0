"""CPython's side of the conformance check.

Reads file paths from stdin, one per line, and writes one line per file:
    OK <TAB> path <TAB> ast.dump(ast.parse(source), include_attributes=True)
    ERROR <TAB> path <TAB> why CPython rejects the file
A dump never contains a raw newline or tab (reprs escape them), so the format needs no quoting.
"""
import ast
import sys
import warnings


def describe(path):
    try:
        with open(path, "rb") as f:
            source = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source)
        if sys.version_info >= (3, 13):
            # From 3.13 on, empty fields are hidden unless asked for; earlier versions show them.
            dump = ast.dump(tree, include_attributes=True, show_empty=True)
        else:
            dump = ast.dump(tree, include_attributes=True)
        return "OK\t%s\t%s" % (path, dump)
    except (SyntaxError, ValueError, UnicodeError, RecursionError, MemoryError, OverflowError) as e:
        message = " ".join(("%s: %s" % (type(e).__name__, e)).split())
        return "ERROR\t%s\t%s" % (path, message)


def main():
    sys.setrecursionlimit(10000)
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    for line in sys.stdin:
        path = line.rstrip("\n")
        if path:
            out.write(describe(path) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
