"""Differential check of ASY706 (await-outside-async) against CPython's compiler.

Every file of the given directories that compiles and has an `async def` is copied with each
`async def` turned into `def`. CPython then names the first line it refuses; asynclint's first
ASY706 finding in the file must be on that line, and files CPython still compiles must have none.

    python3 conformance/await_outside_async.py cli/target/asynclint.jar DIR [DIR...]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import warnings

REFUSED = re.compile(
    r"outside async function|asynchronous comprehension outside|'await' outside function"
)


def mutants(roots, into):
    count = 0
    for root in roots:
        for folder, _, files in os.walk(root):
            for name in sorted(files):
                if not name.endswith(".py"):
                    continue
                path = os.path.join(folder, name)
                try:
                    with open(path, encoding="utf-8") as f:
                        source = f.read()
                    compile(source, path, "exec", dont_inherit=True)
                except (SyntaxError, ValueError, UnicodeDecodeError):
                    continue
                if "async def" not in source:
                    continue
                count += 1
                target = os.path.join(into, "m%05d_%s" % (count, name))
                with open(target, "w", encoding="utf-8") as f:
                    f.write(re.sub(r"(?m)^(\s*)async def", r"\1def", source))


def expected(folder):
    lines = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8") as f:
                compile(f.read(), path, "exec", dont_inherit=True)
            lines[name] = None
        except SyntaxError as error:
            lines[name] = error.lineno if REFUSED.search(error.msg) else "other"
    return lines


def found(jar, folder):
    run = subprocess.run(
        ["java", "-Xss16m", "-jar", jar, "check", "--select", "ASY706", "--no-cache",
         "--format", "json", folder],
        capture_output=True, text=True)
    first = {}
    for finding in json.loads(run.stdout):
        name = os.path.basename(finding["path"])
        line = finding["line"]
        first[name] = min(first.get(name, line), line)
    return first


def main():
    warnings.simplefilter("ignore")
    jar, roots = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory() as folder:
        mutants(roots, folder)
        want, got = expected(folder), found(jar, folder)
    agree = disagree = 0
    for name, line in want.items():
        if line == "other":
            continue
        if got.get(name) == line:
            agree += 1
        else:
            disagree += 1
            print("%s: CPython %s, asynclint %s" % (name, line, got.get(name)))
    print("%d files agree, %d disagree" % (agree, disagree))
    sys.exit(1 if disagree else 0)


if __name__ == "__main__":
    main()
