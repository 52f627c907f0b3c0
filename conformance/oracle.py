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
        return "OK\t%s\t%s" % (path, ast.dump(tree, include_attributes=True))
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
