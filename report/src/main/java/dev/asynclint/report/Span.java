package dev.asynclint.report;

/**
 * Where a range is as reports show it: 1-based lines, 1-based columns in characters (code points),
 * the end column exclusive (the column just after the last character), as ruff reports them.
 */
record Span(int line, int column, int endLine, int endColumn) {}
