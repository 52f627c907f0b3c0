package dev.asynclint.engine.discovery;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .gitignore} files in force in a directory of a walk: those of the directory and its
 * ancestors up to the root of its git work tree, and the work tree's {@code .git/info/exclude}.
 * Deeper files take precedence over shallower ones. As in ruff, {@code .gitignore} files count only
 * inside a git work tree (a directory holding {@code .git}, a directory or a file); a nested work
 * tree starts afresh. The global excludes file of the user's git configuration is not read.
 */
final class GitignoreStack {
  /** Outside any git work tree: nothing is ignored. */
  static final GitignoreStack OUTSIDE_GIT = new GitignoreStack(null, null, null);

  private final GitignoreStack parent;
  private final GitignoreFile file;

  /** The directory {@link #file} is relative to, as a string ending with the separator. */
  private final String directory;

  private GitignoreStack(GitignoreStack parent, GitignoreFile file, String directory) {
    this.parent = parent;
    this.file = file;
    this.directory = directory;
  }

  /**
   * The stack in force in the parent of {@code directory} (absolute and normalized): what applies
   * to the entries of a directory the user named, before entering it.
   */
  static GitignoreStack above(Path directory) {
    List<Path> ancestors = new ArrayList<>();
    for (Path ancestor = directory.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
      ancestors.add(ancestor);
      if (Files.exists(ancestor.resolve(".git"))) {
        GitignoreStack stack = OUTSIDE_GIT;
        for (int i = ancestors.size() - 1; i >= 0; i--) {
          stack = stack.enter(ancestors.get(i));
        }
        return stack;
      }
    }
    return OUTSIDE_GIT;
  }

  /** The stack in force inside {@code directory}, a child of this stack's directory. */
  GitignoreStack enter(Path directory) {
    Path git = directory.resolve(".git");
    GitignoreStack base = this;
    if (Files.exists(git)) {
      base = new GitignoreStack(null, null, null);
      Path exclude = git.resolve("info").resolve("exclude");
      base = base.push(read(exclude), directory);
    } else if (this == OUTSIDE_GIT) {
      return this;
    }
    return base.push(read(directory.resolve(".gitignore")), directory);
  }

  private GitignoreStack push(GitignoreFile gitignore, Path directory) {
    if (gitignore == null || gitignore.isEmpty()) {
      return this;
    }
    String prefix = directory.toString();
    return new GitignoreStack(
        this, gitignore, prefix.endsWith(File.separator) ? prefix : prefix + File.separator);
  }

  /** Whether {@code path} (absolute, normalized, below this stack's directory) is ignored. */
  boolean ignored(Path path, boolean isDirectory) {
    if (file == null) {
      return false;
    }
    String absolute = path.toString();
    for (GitignoreStack level = this; level.file != null; level = level.parent) {
      if (!absolute.startsWith(level.directory)) {
        continue;
      }
      String relative = absolute.substring(level.directory.length());
      if (File.separatorChar != '/') {
        relative = relative.replace(File.separatorChar, '/');
      }
      switch (level.file.match(relative, isDirectory)) {
        case IGNORED:
          return true;
        case KEPT:
          return false;
        default:
          break;
      }
    }
    return false;
  }

  private static GitignoreFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      // Lenient decoding: a stray byte spoils one pattern, not the file.
      return GitignoreFile.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      // An unreadable ignore file ignores nothing, as in git.
      return null;
    }
  }
}
