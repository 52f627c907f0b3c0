package dev.asynclint.semantic.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.parser.ParseResult;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.SourceDecoder;
import dev.asynclint.text.TextRange;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Our scopes agree with CPython's {@code symtable} module on which names are local, global
 * (declared or implicit), free, nonlocal, parameters, referenced, imported and assigned in every
 * scope of real files.
 *
 * <p>{@code symtable_dump.py} (a test resource) writes CPython's canonical dump of each file;
 * {@link #ourDump} writes the same text from {@link ModuleScopes}, and the two are compared per
 * file. By default a fixed sample of about 180 standard library modules is compared (asyncio and
 * the modules and tests that exercise scoping the most; a few seconds). The whole standard library,
 * or any directories, are compared with {@code -Dsymtable.dirs} (directories separated by the path
 * separator; {@code stdlib} names the interpreter's standard library without its site-packages):
 *
 * <pre>
 * mvn -pl semantic -am test -Dtest=SymtableConformanceTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsymtable.dirs=stdlib
 * </pre>
 *
 * The interpreter is {@code -Dsymtable.python} (default {@code python3}); without one the test is
 * skipped. The counts and the first differences are printed and written to {@code
 * target/symtable-report.txt}.
 *
 * <p>Accepted differences, where CPython's flags mean something other than ours; the dump of our
 * side reproduces CPython's view, and the report counts how often each adjustment applied:
 *
 * <ul>
 *   <li><b>Private name mangling.</b> CPython's symbol tables hold {@code __x} inside a class
 *       {@code C} (its body and every function in it) as {@code _C__x}; our scopes keep the names
 *       as written. Our dump mangles them. (Lookups of {@code __x} from a method therefore see a
 *       binding of {@code __x} outside the class where Python would look up {@code _C__x}.)
 *   <li><b>Augmented assignment.</b> {@code x += 1} reads {@code x}, and {@link
 *       Symbol#isReferenced} says so; CPython's symtable marks only {@code Load} names as used. Our
 *       dump drops "referenced" for names whose only read in a scope is an augmented assignment.
 *   <li><b>Pass-through free variables.</b> CPython adds to every function or class between a
 *       closure and the function whose variable it reads a "free" symbol of that name, which the
 *       compiler needs to pass the cell along; our scopes record only real uses. Our dump adds
 *       them, using {@link ModuleScopes#owner} to resolve the name.
 *   <li><b>Global declarations.</b> CPython marks the module's symbol of a name declared {@code
 *       global} in any function "declared global" too (even when the module never uses it); our
 *       module scope holds the bindings made under such declarations instead, which our dump does
 *       not count as the module's own. Our dump adds the mark.
 *   <li><b>Assignment expressions in comprehensions.</b> CPython records the target of {@code [y :=
 *       ... for ...]} in the comprehension too, as nonlocal (or, when it binds a global, as
 *       declared global), and at module level marks the module's name declared global instead of
 *       assigned. Our scopes bind the name only in the enclosing scope. Our dump reproduces
 *       CPython's symbols.
 *   <li><b>PEP 563.</b> Under {@code from __future__ import annotations}, CPython 3.11 analyses
 *       annotations in hidden blocks, so their names are not referenced in the enclosing scope. We
 *       analyse annotations as evaluated expressions either way (a name used only in annotations is
 *       still used, and most annotations are evaluated by {@code typing.get_type_hints} or
 *       dataclasses anyway). The oracle script rewrites that import in memory to a plain binding
 *       ({@code from __future__ import generator_stop as annotations}), so CPython analyses the
 *       annotations as evaluated.
 *   <li>Names CPython invents ({@code .0}, {@code __class__}) are left out of both dumps.
 * </ul>
 *
 * <p>The oracle script also works around a bug of 3.11's {@code symtable.py}, which takes every
 * table named {@code top} for the module (so the parameters of a {@code def top(a)} would be
 * "global").
 *
 * <p>Differences this check found and that were fixed in the scope package: {@code (x): int} made
 * {@code x} local (a parenthesized annotation target is an expression; only {@code x: int} makes
 * the name local).
 */
class SymtableConformanceTest {
  /** Standard library files compared by default, relative to the standard library directory. */
  private static final List<String> SAMPLE_FILES =
      List.of(
          "__future__.py",
          "_collections_abc.py",
          "_pydecimal.py",
          "_weakrefset.py",
          "abc.py",
          "argparse.py",
          "ast.py",
          "bdb.py",
          "calendar.py",
          "cmd.py",
          "code.py",
          "codeop.py",
          "collections/__init__.py",
          "collections/abc.py",
          "concurrent/futures/_base.py",
          "concurrent/futures/process.py",
          "concurrent/futures/thread.py",
          "configparser.py",
          "contextlib.py",
          "contextvars.py",
          "copy.py",
          "copyreg.py",
          "csv.py",
          "dataclasses.py",
          "datetime.py",
          "difflib.py",
          "dis.py",
          "doctest.py",
          "email/_header_value_parser.py",
          "email/feedparser.py",
          "email/message.py",
          "email/utils.py",
          "enum.py",
          "fractions.py",
          "functools.py",
          "gettext.py",
          "glob.py",
          "graphlib.py",
          "heapq.py",
          "http/client.py",
          "http/cookiejar.py",
          "http/cookies.py",
          "http/server.py",
          "importlib/__init__.py",
          "importlib/_bootstrap.py",
          "importlib/_bootstrap_external.py",
          "importlib/metadata/__init__.py",
          "importlib/resources/_common.py",
          "inspect.py",
          "ipaddress.py",
          "json/__init__.py",
          "json/decoder.py",
          "json/encoder.py",
          "json/scanner.py",
          "json/tool.py",
          "keyword.py",
          "linecache.py",
          "locale.py",
          "logging/__init__.py",
          "logging/config.py",
          "logging/handlers.py",
          "numbers.py",
          "operator.py",
          "os.py",
          "pathlib.py",
          "pdb.py",
          "pickle.py",
          "pprint.py",
          "pydoc.py",
          "queue.py",
          "random.py",
          "re/__init__.py",
          "re/_casefix.py",
          "re/_compiler.py",
          "re/_parser.py",
          "reprlib.py",
          "sched.py",
          "secrets.py",
          "selectors.py",
          "shlex.py",
          "shutil.py",
          "signal.py",
          "socket.py",
          "ssl.py",
          "statistics.py",
          "string.py",
          "subprocess.py",
          "symtable.py",
          "tempfile.py",
          "textwrap.py",
          "threading.py",
          "timeit.py",
          "tokenize.py",
          "tomllib/_parser.py",
          "tomllib/_re.py",
          "trace.py",
          "traceback.py",
          "tracemalloc.py",
          "types.py",
          "typing.py",
          "unittest/async_case.py",
          "unittest/case.py",
          "unittest/loader.py",
          "unittest/main.py",
          "unittest/mock.py",
          "unittest/result.py",
          "unittest/runner.py",
          "unittest/suite.py",
          "unittest/util.py",
          "urllib/parse.py",
          "urllib/request.py",
          "uuid.py",
          "warnings.py",
          "weakref.py",
          "zipapp.py",
          "zipfile.py",
          "test/test_asyncgen.py",
          "test/test_class.py",
          "test/test_compile.py",
          "test/test_contextlib_async.py",
          "test/test_coroutines.py",
          "test/test_dataclasses/__init__.py",
          "test/test_decorators.py",
          "test/test_dictcomps.py",
          "test/test_except_star.py",
          "test/test_exception_group.py",
          "test/test_exceptions.py",
          "test/test_funcattrs.py",
          "test/test_future_stmt/test_future.py",
          "test/test_genexps.py",
          "test/test_global.py",
          "test/test_grammar.py",
          "test/test_keywordonlyarg.py",
          "test/test_listcomps.py",
          "test/test_named_expressions.py",
          "test/test_opcodes.py",
          "test/test_patma.py",
          "test/test_positional_only_arg.py",
          "test/test_scope.py",
          "test/test_setcomps.py",
          "test/test_super.py",
          "test/test_symtable.py",
          "test/test_type_annotations.py",
          "test/test_typing.py",
          "test/test_unpack_ex.py",
          "test/test_with.py");

  @Test
  void scopesAgreeWithSymtable() throws Exception {
    Oracle oracle = Oracle.find();
    Assumptions.assumeTrue(
        oracle != null,
        "python3 (CPython) is not available: the symtable conformance check is skipped");
    Path stdlib = oracle.stdlib();
    String configured = System.getProperty("symtable.dirs", "");
    List<Root> roots = new ArrayList<>();
    boolean sample = configured.isBlank();
    if (sample) {
      try (Stream<Path> asyncio = Files.list(stdlib.resolve("asyncio"))) {
        asyncio
            .filter(p -> p.toString().endsWith(".py"))
            .sorted()
            .forEach(p -> roots.add(new Root(stdlib, p)));
      }
      for (String file : SAMPLE_FILES) {
        Path path = stdlib.resolve(file);
        if (Files.isRegularFile(path)) {
          roots.add(new Root(stdlib, path));
        }
      }
    } else {
      for (String dir : configured.split(File.pathSeparator)) {
        boolean isStdlib = dir.equals("stdlib");
        Path root = isStdlib ? stdlib : Path.of(dir);
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
              .filter(p -> !isStdlib || !root.relativize(p).startsWith("site-packages"))
              .sorted()
              .forEach(p -> roots.add(new Root(root, p)));
        }
      }
    }

    Report report = compare(oracle, roots);
    String summary = report.summary(sample ? 20 : 40);
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("symtable-report.txt"), summary);
    System.out.println(summary);

    assertThat(report.unanswered).as("files the oracle script did not answer for").isEmpty();
    assertThat(report.crashes).as("crashes").isEmpty();
    assertThat(report.rejectedOnlyByUs).as("files only we reject").isEmpty();
    assertThat(report.different).as("files whose scopes differ from symtable's").isEmpty();
    if (sample) {
      assertThat(report.identical).as("files compared").hasSizeGreaterThan(150);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The comparison

  /** A file and the directory its module name is relative to. */
  private record Root(Path dir, Path file) {
    /**
     * The dotted module name: {@code pkg/sub/mod.py} is pkg.sub.mod, {@code pkg/__init__.py} pkg.
     */
    String moduleName() {
      String relative = dir.relativize(file).toString().replace(File.separatorChar, '/');
      relative = relative.substring(0, relative.length() - ".py".length());
      if (isPackage()) {
        relative =
            relative.equals("__init__")
                ? "__init__"
                : relative.substring(0, relative.length() - "/__init__".length());
      }
      return relative.replace('/', '.');
    }

    boolean isPackage() {
      return file.getFileName().toString().equals("__init__.py");
    }
  }

  /** One side's verdict on a file: a dump, or why it was rejected. */
  private record Verdict(String dump, String error) {
    boolean accepted() {
      return dump != null;
    }
  }

  private static final class Report {
    final List<Path> identical = new ArrayList<>();
    final List<String> different = new ArrayList<>();
    final List<Path> rejectedByCpython = new ArrayList<>();
    final List<String> rejectedOnlyByUs = new ArrayList<>();
    final List<String> crashes = new ArrayList<>();
    final List<Path> unanswered = new ArrayList<>();
    final Map<String, Integer> adjustments = new TreeMap<>();
    int pep563;

    int compared() {
      return identical.size() + different.size();
    }

    String summary(int examples) {
      StringBuilder sb = new StringBuilder();
      sb.append("symtable conformance\n");
      sb.append(String.format("files compared:            %d%n", compared()));
      sb.append(String.format("identical:                 %d%n", identical.size()));
      sb.append(String.format("different:                 %d%n", different.size()));
      sb.append(
          String.format(
              "rejected by CPython:       %d (not compared)%n", rejectedByCpython.size()));
      sb.append(String.format("rejected only by us:       %d%n", rejectedOnlyByUs.size()));
      sb.append(String.format("crashes (ours):            %d%n", crashes.size()));
      sb.append(String.format("no answer from CPython:    %d%n", unanswered.size()));
      sb.append(String.format("PEP 563 files (rewritten): %d%n", pep563));
      sb.append("accepted differences adjusted in our dump (symbols):\n");
      for (Map.Entry<String, Integer> entry : adjustments.entrySet()) {
        sb.append(String.format("  %-40s %d%n", entry.getKey(), entry.getValue()));
      }
      section(sb, "different", different, examples);
      section(sb, "rejected only by us", rejectedOnlyByUs, examples);
      section(sb, "crashes", crashes, examples);
      return sb.toString();
    }

    private static void section(StringBuilder sb, String title, List<String> items, int examples) {
      if (items.isEmpty()) {
        return;
      }
      sb.append(String.format("%n%s (first %d):%n", title, Math.min(examples, items.size())));
      for (String item : items.subList(0, Math.min(examples, items.size()))) {
        sb.append("  ").append(item).append('\n');
      }
    }
  }

  private static Report compare(Oracle oracle, List<Root> roots) {
    PythonVersion version = oracle.pythonVersion();
    Map<Path, Verdict> ours = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> adjustments = new ConcurrentHashMap<>();
    Thread ourSide =
        new Thread(
            () ->
                roots.parallelStream()
                    .forEach(root -> ours.put(root.file(), ours(root, version, adjustments))));
    ourSide.start();
    Map<Path, Verdict> theirs = new HashMap<>();
    Set<Path> pep563 = new HashSet<>();
    oracle.dumps(roots.stream().map(Root::file).collect(Collectors.toList()), theirs, pep563);
    try {
      ourSide.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Report report = new Report();
    report.pep563 = pep563.size();
    adjustments.forEach((key, count) -> report.adjustments.put(key, count.get()));
    for (Root root : roots) {
      Path file = root.file();
      Verdict our = ours.get(file);
      Verdict their = theirs.get(file);
      if (their == null) {
        report.unanswered.add(file);
      } else if (!our.accepted() && our.error().startsWith("CRASH")) {
        report.crashes.add(file + ": " + our.error());
      } else if (!their.accepted()) {
        report.rejectedByCpython.add(file);
      } else if (!our.accepted()) {
        report.rejectedOnlyByUs.add(file + ": " + our.error());
      } else if (our.dump().equals(their.dump())) {
        report.identical.add(file);
      } else {
        report.different.add(file + "\n" + firstDifference(our.dump(), their.dump()));
      }
    }
    return report;
  }

  /** The first differing line of two dumps, with the table header it belongs to. */
  static String firstDifference(String ours, String theirs) {
    String[] a = ours.split("\n", -1);
    String[] b = theirs.split("\n", -1);
    int i = 0;
    while (i < a.length && i < b.length && a[i].equals(b[i])) {
      i++;
    }
    String header = "";
    for (int j = Math.min(i, a.length) - 1; j >= 0; j--) {
      if (isHeader(a[j])) {
        header = a[j].strip();
        break;
      }
    }
    return "    in:      "
        + header
        + "\n    ours:    "
        + (i < a.length ? a[i] : "<end>")
        + "\n    cpython: "
        + (i < b.length ? b[i] : "<end>");
  }

  /** Table headers end with their line number; symbol lines end with flags. */
  private static boolean isHeader(String line) {
    return !line.isEmpty() && Character.isDigit(line.charAt(line.length() - 1));
  }

  /** Our verdict on a file: the canonical dump of its scopes, or why we reject it. */
  private static Verdict ours(Root root, PythonVersion version, Map<String, AtomicInteger> counts) {
    try {
      byte[] bytes = Files.readAllBytes(root.file());
      DecodeResult decoded = SourceDecoder.decode(bytes, root.file().toString());
      if (decoded instanceof DecodeResult.Failed) {
        return new Verdict(null, ((DecodeResult.Failed) decoded).message());
      }
      String source = ((DecodeResult.Decoded) decoded).text();
      ParseResult result = Parser.parse(source, version);
      if (result.hasErrors()) {
        return new Verdict(null, "syntax error: " + result.errors().get(0).message());
      }
      ModuleScopes scopes =
          ModuleScopes.build(result.module(), source, root.moduleName(), root.isPackage());
      Facts facts = new Facts(scopes);
      facts.walkModule(result.module());
      return new Verdict(ourDump(scopes, facts, counts), null);
    } catch (IOException e) {
      return new Verdict(null, "cannot read: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return new Verdict(null, "CRASH " + e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Our dump

  /** What the dump needs beyond the scopes: who reads a name, and walruses in comprehensions. */
  private static final class Facts extends ScopeWalker {
    final Map<Scope, Set<String>> loads = new HashMap<>();
    final Map<Scope, Set<String>> augmented = new HashMap<>();

    /** The names bound by {@code :=} directly inside each comprehension. */
    final Map<Scope, Set<String>> comprehensionWalrus = new HashMap<>();

    /** The name ranges of those walruses, to tell their bindings apart. */
    final Set<TextRange> comprehensionWalrusRanges = new HashSet<>();

    Facts(ModuleScopes scopes) {
      super(scopes);
    }

    @Override
    protected void enterNode(Node node) {
      Scope scope = currentScope();
      if (node instanceof Expr.Name && ((Expr.Name) node).ctx() == ExprContext.LOAD) {
        loads.computeIfAbsent(scope, s -> new HashSet<>()).add(((Expr.Name) node).id());
      } else if (node instanceof Stmt.AugAssign
          && ((Stmt.AugAssign) node).target() instanceof Expr.Name) {
        augmented
            .computeIfAbsent(scope, s -> new HashSet<>())
            .add(((Expr.Name) ((Stmt.AugAssign) node).target()).id());
      } else if (node instanceof Expr.NamedExpr && scope.kind() == ScopeKind.COMPREHENSION) {
        Expr.Name target = (Expr.Name) ((Expr.NamedExpr) node).target();
        comprehensionWalrus.computeIfAbsent(scope, s -> new HashSet<>()).add(target.id());
        comprehensionWalrusRanges.add(target.range());
      }
    }

    boolean loads(Scope scope, String name) {
      return loads.getOrDefault(scope, Set.of()).contains(name);
    }

    boolean augments(Scope scope, String name) {
      return augmented.getOrDefault(scope, Set.of()).contains(name);
    }
  }

  private enum Flag {
    LOCAL("local"),
    GLOBAL_DECLARED("global_declared"),
    GLOBAL_IMPLICIT("global_implicit"),
    FREE("free"),
    NONLOCAL("nonlocal"),
    PARAMETER("parameter"),
    REFERENCED("referenced"),
    IMPORTED("imported"),
    ASSIGNED("assigned");

    final String text;

    Flag(String text) {
      this.text = text;
    }
  }

  private static final EnumSet<BindingKind> IMPORTS =
      EnumSet.of(BindingKind.IMPORT, BindingKind.FROM_IMPORT);

  /** A scope's dump: its symbols' flags (by source name) and what it passes up as free. */
  private static final class Table {
    final Map<String, EnumSet<Flag>> symbols = new LinkedHashMap<>();
    final Set<String> freeOut = new HashSet<>();
    List<String> lines;
    int line;
  }

  static String ourDump(ModuleScopes scopes, Facts facts, Map<String, AtomicInteger> adjustments) {
    LineIndex lines = LineIndex.of(scopes.source());
    Table table = table(scopes, scopes.moduleScope(), facts, lines, 0, adjustments);
    return String.join("\n", table.lines);
  }

  private static void count(Map<String, AtomicInteger> adjustments, String what) {
    adjustments.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  private static Table table(
      ModuleScopes scopes,
      Scope scope,
      Facts facts,
      LineIndex index,
      int depth,
      Map<String, AtomicInteger> adjustments) {
    Table table = new Table();
    List<Table> children = new ArrayList<>();
    for (Scope child : scope.children()) {
      children.add(table(scopes, child, facts, index, depth + 1, adjustments));
    }
    boolean module = scope.kind() == ScopeKind.MODULE;

    for (Symbol symbol : scope.symbols()) {
      String name = symbol.name();
      EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
      boolean ownBound = false;
      boolean imported = false;
      boolean assigned = false;
      boolean parameter = false;
      for (Binding binding : symbol.bindings()) {
        if (binding.scope() != scope) {
          continue; // made under `global` or `nonlocal` in a nested scope
        }
        if (module
            && binding.kind() == BindingKind.NAMED_EXPRESSION
            && facts.comprehensionWalrusRanges.contains(binding.range())) {
          // CPython: DEF_GLOBAL on the module's symbol, no DEF_LOCAL.
          flags.add(Flag.GLOBAL_DECLARED);
          count(adjustments, "walrus in comprehension (module)");
          continue;
        }
        ownBound = true;
        if (binding.kind() == BindingKind.PARAMETER) {
          parameter = true;
        } else if (IMPORTS.contains(binding.kind())) {
          imported = true;
        } else {
          assigned = true;
        }
      }
      if (symbol.isDeclaredGlobal()) {
        flags.add(Flag.GLOBAL_DECLARED);
      } else if (symbol.isDeclaredNonlocal()) {
        flags.add(Flag.FREE);
      } else if (ownBound) {
        flags.add(Flag.LOCAL);
      } else if (!flags.contains(Flag.GLOBAL_DECLARED) && symbol.isReferenced()) {
        Scope owner = scopes.owner(scope, name);
        flags.add(
            owner == null || owner.kind() == ScopeKind.MODULE ? Flag.GLOBAL_IMPLICIT : Flag.FREE);
      }
      if (module && ownBound) {
        flags.add(Flag.LOCAL);
      }
      if (symbol.isDeclaredNonlocal()) {
        flags.add(Flag.NONLOCAL);
      }
      if (parameter) {
        flags.add(Flag.PARAMETER);
      }
      if (symbol.isReferenced()) {
        if (!facts.loads(scope, name) && facts.augments(scope, name)) {
          count(adjustments, "read only by augmented assignment");
        } else {
          flags.add(Flag.REFERENCED);
        }
      }
      if (imported) {
        flags.add(Flag.IMPORTED);
      }
      if (assigned) {
        flags.add(Flag.ASSIGNED);
      }
      if (!flags.isEmpty()) {
        table.symbols.put(name, flags);
      }
    }

    // CPython marks the module's symbol of every name declared global anywhere.
    if (module) {
      for (String name : declaredGlobal(scope, new HashSet<>())) {
        EnumSet<Flag> flags = table.symbols.computeIfAbsent(name, n -> EnumSet.noneOf(Flag.class));
        if (!flags.contains(Flag.GLOBAL_DECLARED)) {
          flags.remove(Flag.GLOBAL_IMPLICIT);
          flags.add(Flag.GLOBAL_DECLARED);
          count(adjustments, "global declaration marks the module");
        }
      }
    }

    // CPython also records a walrus target in the comprehension it is written in.
    if (scope.kind() == ScopeKind.COMPREHENSION) {
      for (String name : facts.comprehensionWalrus.getOrDefault(scope, Set.of())) {
        Scope target = scope;
        while (target.kind() == ScopeKind.COMPREHENSION) {
          target = target.parent();
        }
        Symbol targetSymbol = target.symbol(name);
        boolean global =
            target.kind() == ScopeKind.MODULE
                || targetSymbol != null && targetSymbol.isDeclaredGlobal();
        EnumSet<Flag> flags = table.symbols.computeIfAbsent(name, n -> EnumSet.noneOf(Flag.class));
        flags.removeAll(EnumSet.of(Flag.FREE, Flag.GLOBAL_IMPLICIT));
        flags.add(global ? Flag.GLOBAL_DECLARED : Flag.FREE);
        if (!global) {
          flags.add(Flag.NONLOCAL);
        }
        flags.add(Flag.ASSIGNED);
        count(adjustments, "walrus in comprehension");
      }
    }

    // Free variables of nested scopes, passed through this one.
    Set<String> childFree = new HashSet<>();
    for (Table child : children) {
      childFree.addAll(child.freeOut);
    }
    for (String name : childFree) {
      if (table.symbols.containsKey(name) || module) {
        continue;
      }
      Scope owner = scopes.owner(scope, name);
      if (owner != null && owner != scope && owner.kind() != ScopeKind.MODULE) {
        table.symbols.put(name, EnumSet.of(Flag.FREE));
        count(adjustments, "pass-through free variable");
      }
    }
    for (Map.Entry<String, EnumSet<Flag>> entry : table.symbols.entrySet()) {
      if (entry.getValue().contains(Flag.FREE)) {
        table.freeOut.add(entry.getKey());
      }
    }
    for (String name : childFree) {
      EnumSet<Flag> flags = table.symbols.get(name);
      boolean captured =
          scope.kind().isFunctionLike() && flags != null && flags.contains(Flag.LOCAL);
      if (!captured) {
        table.freeOut.add(name);
      }
    }

    // The text.
    String indent = "  ".repeat(depth);
    table.line = module ? 0 : index.line(((Located) scope.node()).range().start());
    List<String> out = new ArrayList<>();
    out.add(indent + typeOf(scope) + " " + tableName(scope) + " " + table.line);
    String privateName = privateName(scope);
    TreeMap<String, EnumSet<Flag>> sorted = new TreeMap<>();
    for (Map.Entry<String, EnumSet<Flag>> entry : table.symbols.entrySet()) {
      String mangled = mangle(privateName, entry.getKey());
      if (!mangled.equals(entry.getKey())) {
        count(adjustments, "private name mangled");
      }
      if (entry.getKey().equals("__class__")) {
        continue;
      }
      sorted.put(mangled, entry.getValue());
    }
    for (Map.Entry<String, EnumSet<Flag>> entry : sorted.entrySet()) {
      out.add(
          indent
              + "  "
              + entry.getKey()
              + " "
              + entry.getValue().stream().map(f -> f.text).collect(Collectors.joining(",")));
    }
    children.sort(
        Comparator.comparingInt((Table t) -> t.line)
            .thenComparing(t -> String.join("\n", t.lines)));
    for (Table child : children) {
      out.addAll(child.lines);
    }
    table.lines = out;
    return table;
  }

  /** The names declared {@code global} in a scope and the scopes nested in it. */
  private static Set<String> declaredGlobal(Scope scope, Set<String> names) {
    for (Symbol symbol : scope.symbols()) {
      if (symbol.isDeclaredGlobal()) {
        names.add(symbol.name());
      }
    }
    for (Scope child : scope.children()) {
      declaredGlobal(child, names);
    }
    return names;
  }

  private static String typeOf(Scope scope) {
    switch (scope.kind()) {
      case MODULE:
        return "module";
      case CLASS:
        return "class";
      case TYPE_PARAMETERS:
        return "type_parameters";
      default:
        return "function";
    }
  }

  private static String tableName(Scope scope) {
    switch (scope.kind()) {
      case MODULE:
        return "top";
      case LAMBDA:
      case COMPREHENSION:
      case TYPE_PARAMETERS:
        return scope.name().replace("<", "").replace(">", "");
      default:
        return scope.name();
    }
  }

  /** The class whose name mangles private names in a scope: the innermost class around it. */
  private static String privateName(Scope scope) {
    for (Scope s = scope; s != null; s = s.parent()) {
      if (s.kind() == ScopeKind.CLASS) {
        return s.name();
      }
    }
    return null;
  }

  /** CPython's {@code _Py_Mangle}. */
  static String mangle(String className, String name) {
    if (className == null
        || !name.startsWith("__")
        || name.endsWith("__")
        || name.indexOf('.') >= 0) {
      return name;
    }
    int i = 0;
    while (i < className.length() && className.charAt(i) == '_') {
      i++;
    }
    if (i == className.length()) {
      return name;
    }
    return "_" + className.substring(i) + name;
  }

  // ---------------------------------------------------------------------------------------------
  // CPython's side

  /** Runs {@code symtable_dump.py} under CPython. */
  private static final class Oracle {
    private final String python;
    private final Path script;

    private Oracle(String python, Path script) {
      this.python = python;
      this.script = script;
    }

    /** The oracle with the interpreter of {@code -Dsymtable.python} (default python3), or null. */
    static Oracle find() throws URISyntaxException {
      String python =
          System.getProperty(
              "symtable.python", System.getProperty("conformance.python", "python3"));
      var resource =
          SymtableConformanceTest.class.getResource("/dev/asynclint/semantic/symtable_dump.py");
      if (resource == null || run(python, "pass") == null) {
        return null;
      }
      return new Oracle(python, Path.of(resource.toURI()));
    }

    /** What {@code python -c code} prints, or null when it cannot run. */
    private static String run(String python, String code) {
      try {
        Process process = new ProcessBuilder(python, "-c", code).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
          return null;
        }
        return out.trim();
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    Path stdlib() {
      return Path.of(run(python, "import sysconfig; print(sysconfig.get_paths()['stdlib'])"));
    }

    PythonVersion pythonVersion() {
      String minor = run(python, "import sys; print(sys.version_info[1])");
      PythonVersion version = minor == null ? null : PythonVersion.fromName("py3" + minor);
      if (version == null) {
        throw new IllegalStateException("unsupported oracle version 3." + minor);
      }
      return version;
    }

    /** CPython's dump of each file, or why it rejects it; files rewritten for PEP 563 noted. */
    void dumps(List<Path> files, Map<Path, Verdict> verdicts, Set<Path> pep563) {
      try {
        Process process =
            new ProcessBuilder(python, script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Thread feeder =
            new Thread(
                () -> {
                  try (BufferedWriter in =
                      new BufferedWriter(
                          new OutputStreamWriter(
                              process.getOutputStream(), StandardCharsets.UTF_8))) {
                    for (Path file : files) {
                      in.write(file.toString());
                      in.write('\n');
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        feeder.start();
        try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = out.readLine()) != null) {
            String[] parts = line.split("\t", 3);
            Path path = Path.of(parts[1]);
            if (parts[0].equals("ERROR")) {
              verdicts.put(path, new Verdict(null, parts[2]));
              continue;
            }
            if (parts.length > 2 && parts[2].contains("pep563")) {
              pep563.add(path);
            }
            List<String> dump = new ArrayList<>();
            while (!(line = out.readLine()).equals("END")) {
              dump.add(line);
            }
            verdicts.put(path, new Verdict(String.join("\n", dump), null));
          }
        }
        feeder.join();
        process.waitFor();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
