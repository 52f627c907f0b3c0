package dev.asynclint.lint;

import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import java.util.Map;

/** What a project rule sees, and where it reports: one file context per module. */
public final class ProjectContext {
  private final Project project;
  private final Resolver resolver;
  private final Settings settings;
  private final Map<SourceModule, FileContext> files;

  public ProjectContext(
      Project project, Resolver resolver, Settings settings, Map<SourceModule, FileContext> files) {
    this.project = project;
    this.resolver = resolver;
    this.settings = settings;
    this.files = files;
  }

  public Project project() {
    return project;
  }

  public Resolver resolver() {
    return resolver;
  }

  public Settings settings() {
    return settings;
  }

  /** The context to report findings in {@code module} through. */
  public FileContext file(SourceModule module) {
    return files.get(module);
  }
}
