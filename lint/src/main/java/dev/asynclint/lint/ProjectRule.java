package dev.asynclint.lint;

/** A rule that looks at the whole project at once, such as lock orders across modules. */
public interface ProjectRule extends Rule {
  void checkProject(ProjectContext context);
}
