package dev.asynclint.lint;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What a rule sees while checking one file, and where it reports. */
public final class FileContext {
  private final Project project;
  private final SourceModule module;
  private final Resolver resolver;
  private final Settings settings;
  private final String displayPath;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private volatile Map<Expr.Call, CallSite> sitesByCall;

  /**
   * @param resolver a resolver of this context's own: resolvers memoize and are not shared between
   *     threads
   * @param displayPath the file as the user named it
   */
  public FileContext(
      Project project,
      SourceModule module,
      Resolver resolver,
      Settings settings,
      String displayPath) {
    this.project = project;
    this.module = module;
    this.resolver = resolver;
    this.settings = settings;
    this.displayPath = displayPath;
  }

  public Project project() {
    return project;
  }

  /**
   * The call site of a call of this file; null when {@code call} is none of them. Indexed on first
   * use: a search through the file's sites for every question made a rule quadratic in files of
   * thousands of calls. Two threads may both index; either index will do.
   */
  public CallSite callSite(Expr.Call call) {
    Map<Expr.Call, CallSite> index = sitesByCall;
    if (index == null) {
      List<CallSite> sites = project.callSites(module);
      index = new IdentityHashMap<>(sites.size());
      for (CallSite site : sites) {
        index.putIfAbsent(site.call(), site);
      }
      sitesByCall = index;
    }
    return index.get(call);
  }

  public SourceModule module() {
    return module;
  }

  public Resolver resolver() {
    return resolver;
  }

  public Settings settings() {
    return settings;
  }

  public String displayPath() {
    return displayPath;
  }

  /** Reports a finding of {@code rule} at {@code range} of this file. */
  public void report(Rule rule, TextRange range, String message) {
    report(rule, range, message, List.of(), null);
  }

  /** Safe to call from several threads: project rules report into the same file side by side. */
  public void report(Rule rule, TextRange range, String message, List<Related> related, Fix fix) {
    Diagnostic diagnostic =
        new Diagnostic(rule.metadata(), message, displayPath, module.source(), range, related, fix);
    synchronized (diagnostics) {
      diagnostics.add(diagnostic);
    }
  }

  /** The findings reported so far, in the order reported. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
