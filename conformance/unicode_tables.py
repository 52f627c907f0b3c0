"""Writes the Unicode tables the tokenizer and the repr printer need, as this Python sees them.

CPython 3.11 follows Unicode 14.0 and Java 17 knows only 13.0, so the properties come from the
oracle interpreter itself. Each line of the output is "property start end" in hex, inclusive:
  nonprintable   code points str.isprintable() rejects
  id_start       code points that may begin an identifier (XID_Start, plus '_')
  id_continue    code points that may continue one (XID_Continue)
  unassigned     code points with no character (general category Cn)
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


if __name__ == "__main__":
    main()
