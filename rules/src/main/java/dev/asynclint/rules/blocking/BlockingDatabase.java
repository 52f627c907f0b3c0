package dev.asynclint.rules.blocking;

import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/** ASY202: the database calls of {@code blocking-apis.tsv} made in async context. */
@RuleInfo(
    code = "ASY202",
    name = "blocking-database",
    severity = Severity.ERROR,
    summary =
        "A synchronous database driver call (`psycopg2`, sync `psycopg`, `pymysql`,"
            + " `mysql.connector`, `MySQLdb`, `sqlite3`, `pymongo`, sync `redis`,"
            + " `cx_Oracle`/`oracledb`, sync SQLAlchemy) in async context: the whole event loop"
            + " waits for the database.")
public final class BlockingDatabase extends BlockingCallRule {
  public BlockingDatabase() {
    super(BlockingCategory.DATABASE);
  }
}
