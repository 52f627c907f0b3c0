r"""Writes the Unicode tables the tokenizer and the repr printer need, as this Python sees them.

CPython 3.11 follows Unicode 14.0 and Java 17 knows only 13.0, so the properties come from the
oracle interpreter itself. Each line of the output is "property start end" in hex, inclusive:
  nonprintable   code points str.isprintable() rejects
  id_start       code points that may begin an identifier (XID_Start, plus '_')
  id_continue    code points that may continue one (XID_Continue)
  unassigned     code points with no character (general category Cn)
  alias          "alias NAME code": the name aliases \N{...} accepts besides the characters'
                 own names (control names, abbreviations, corrections), which Java does not know
The aliases are candidates from Perl's copy of the Unicode 14 name list (Debian's perl-modules,
unicore/Name.pl), each kept only if this Python's unicodedata.lookup agrees.
Run: python3 conformance/unicode_tables.py > syntax/src/main/resources/dev/asynclint/syntax/unicode.txt
"""
import sys
import unicodedata


def ranges(predicate):
    start = None
    for cp in range(0x110000):
        if predicate(cp):
            if start is None:
                start = cp
        elif start is not None:
            yield start, cp - 1
            start = None
    if start is not None:
        yield start, 0x10FFFF


NAME_LIST = "/usr/share/perl/5.36.0/unicore/Name.pl"


def aliases():
    with open(NAME_LIST, encoding="utf-8") as f:
        body = f.read().split("return <<'END';\n", 1)[1].split("\nEND\n", 1)[0]
    entries = body.strip().split("\n\n")
    found = []
    for entry in entries:
        if "\n" not in entry:
            continue
        code, name = entry.split("\n", 1)
        if " " in code:
            continue  # a named sequence of several code points: not valid in \N{...}
        cp = int(code, 16)
        try:
            if unicodedata.lookup(name) != chr(cp):
                continue
        except KeyError:
            continue
        if unicodedata.name(chr(cp), None) != name:
            found.append((name, cp))
    return sorted(set(found), key=lambda item: (item[1], item[0]))


def main():
    out = sys.stdout
    out.write("# Unicode %s tables from CPython %s; see conformance/unicode_tables.py\n"
              % (unicodedata.unidata_version, sys.version.split()[0]))
    properties = [
        ("nonprintable", lambda cp: not chr(cp).isprintable()),
        ("id_start", lambda cp: chr(cp).isidentifier()),
        ("id_continue", lambda cp: ("a" + chr(cp)).isidentifier()),
        ("unassigned", lambda cp: unicodedata.category(chr(cp)) == "Cn"),
    ]
    for name, predicate in properties:
        for start, end in ranges(predicate):
            out.write("%s %x %x\n" % (name, start, end))
    for name, cp in aliases():
        out.write("alias %x %s\n" % (cp, name))


if __name__ == "__main__":
    main()
