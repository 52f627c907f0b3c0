package dev.asynclint.rules.blocking;

import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/** ASY203: the file-io calls of {@code blocking-apis.tsv} made in async context. */
@RuleInfo(
    code = "ASY203",
    name = "blocking-file-io",
    severity = Severity.WARNING,
    equivalents = {"ASYNC230", "ASYNC240"},
    summary =
        "File-system I/O (`open()`, `pathlib.Path` reads and writes, `os` and `shutil`"
            + " file operations, pandas readers) in async context: the event loop waits for the"
            + " disk.")
public final class BlockingFileIo extends BlockingCallRule {
  public BlockingFileIo() {
    super(BlockingCategory.FILE_IO);
  }
}
