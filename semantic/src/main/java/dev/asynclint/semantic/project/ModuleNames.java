package dev.asynclint.semantic.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The dotted module name Python would import a project file by.
 *
 * <p>A file's package is the chain of directories above it holding an {@code __init__.py}. Above
 * the topmost package, directories between the project root (or its {@code src/} folder) and the
 * file count as namespace packages when their names are identifiers, so {@code
 * root/src/app/core.py} is {@code app.core} and {@code root/scripts/run.py} is {@code scripts.run}.
 */
public final class ModuleNames {
  private final Path root;
  private final Set<Path> projectFiles;

  /**
   * @param root the project root; namespace packages are not looked for above it
   * @param projectFiles the files of the run (absolute, normalized), consulted with the file system
   *     for {@code __init__.py} files
   */
  public ModuleNames(Path root, Set<Path> projectFiles) {
    this.root = root.toAbsolutePath().normalize();
    this.projectFiles = projectFiles;
  }

  /** The module name of a file; {@code __init__.py} names its package. */
  public String moduleName(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Deque<String> parts = new ArrayDeque<>();
    String stem = stem(absolute);
    if (!stem.equals("__init__")) {
      parts.addFirst(stem);
    }
    Path directory = absolute.getParent();
    while (directory != null && isPackage(directory) && isIdentifier(name(directory))) {
      parts.addFirst(name(directory));
      directory = directory.getParent();
    }
    Path base = namespaceBase(directory);
    while (directory != null && base != null && !directory.equals(base)) {
      parts.addFirst(name(directory));
      directory = directory.getParent();
    }
    if (parts.isEmpty()) {
      parts.add(stem);
    }
    return String.join(".", parts);
  }

  /** Whether the file is a package's {@code __init__} module. */
  public static boolean isPackageInit(Path file) {
    return stem(file.toAbsolutePath().normalize()).equals("__init__");
  }

  /** The directory namespace packages start below, or null when {@code directory} has none. */
  private Path namespaceBase(Path directory) {
    if (directory == null || !directory.startsWith(root)) {
      return null;
    }
    Path src = root.resolve("src");
    Path base = directory.startsWith(src) ? src : root;
    for (Path step = directory; !step.equals(base); step = step.getParent()) {
      if (!isIdentifier(name(step))) {
        return null;
      }
    }
    return base;
  }

  private boolean isPackage(Path directory) {
    Path init = directory.resolve("__init__.py");
    return projectFiles.contains(init)
        || projectFiles.contains(directory.resolve("__init__.pyi"))
        || Files.isRegularFile(init);
  }

  private static String stem(Path file) {
    String name = name(file);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static String name(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }

  static boolean isIdentifier(String name) {
    if (name.isEmpty()
        || name.charAt(0) == '$'
        || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
      return false;
    }
    return name.codePoints().allMatch(c -> Character.isJavaIdentifierPart(c) && c != '$');
  }
}
