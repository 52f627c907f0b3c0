package dev.asynclint.engine.discovery;

import dev.asynclint.engine.config.Configuration;
import dev.asynclint.engine.config.PathGlob;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the Python files to check under the paths of the command line.
 *
 * <p>A file named on the command line is checked when it ends in {@code .py} or {@code .pyi}, even
 * if excluded or git-ignored (as in ruff without {@code --force-exclude}); so is a directory named
 * on the command line walked. Below it, the walk takes {@code .py} and {@code .pyi} files and
 * skips:
 *
 * <ul>
 *   <li>hidden directories (their name starts with {@code .}), {@code __pycache__}, and virtual
 *       environments (directories holding {@code pyvenv.cfg}), whatever the configuration says;
 *   <li>files and directories matching {@code exclude} (by default {@link
 *       Configuration#DEFAULT_EXCLUDE}) or {@code extend-exclude};
 *   <li>what the {@code .gitignore} files of the git work tree ignore (see {@link GitignoreStack}).
 * </ul>
 *
 * <p>Symbolic links to directories are followed; a directory already walked (by its real path) is
 * not walked again, which ends link loops. Directories that cannot be read are reported in {@link
 * DiscoveryResult#errors()}, never thrown.
 */
public final class FileDiscovery {
  private final List<PathGlob> excludes = new ArrayList<>();
  private final String rootPrefix;
  private final Map<Path, InputFile> files = new LinkedHashMap<>();
  private final List<String> errors = new ArrayList<>();
  private final Set<Path> walked = new HashSet<>();

  private FileDiscovery(Configuration config) {
    for (String pattern : config.exclude()) {
      excludes.add(PathGlob.compile(pattern));
    }
    for (String pattern : config.extendExclude()) {
      excludes.add(PathGlob.compile(pattern));
    }
    String root = config.root().toString();
    this.rootPrefix = root.endsWith(File.separator) ? root : root + File.separator;
  }

  /** Discovers the files under {@code paths}, relative paths being relative to the process's. */
  public static DiscoveryResult discover(List<Path> paths, Configuration config) {
    return discover(paths, Path.of("").toAbsolutePath(), config);
  }

  /**
   * Discovers the files under {@code paths}.
   *
   * @param paths files and directories, absolute or relative to {@code workingDirectory}
   * @throws IllegalArgumentException if an exclude pattern of {@code config} is malformed (a
   *     configuration from {@code ConfigurationLoader} never has one)
   */
  public static DiscoveryResult discover(
      List<Path> paths, Path workingDirectory, Configuration config) {
    FileDiscovery discovery = new FileDiscovery(config);
    List<Path> missing = new ArrayList<>();
    Path base = workingDirectory.toAbsolutePath().normalize();
    for (Path given : paths) {
      Path absolute = base.resolve(given).normalize();
      Path display = given.normalize();
      if (Files.isDirectory(absolute)) {
        discovery.walk(absolute, display, GitignoreStack.above(absolute));
      } else if (Files.exists(absolute)) {
        if (isPython(absolute.getFileName().toString())) {
          discovery.add(absolute, display);
        }
      } else {
        missing.add(given);
      }
    }
    List<InputFile> found = new ArrayList<>(discovery.files.values());
    found.sort(Comparator.comparing(InputFile::displayPath));
    return new DiscoveryResult(found, discovery.errors, missing);
  }

  private void walk(Path directory, Path display, GitignoreStack above) {
    try {
      if (!walked.add(directory.toRealPath())) {
        return;
      }
    } catch (IOException e) {
      errors.add(display + ": " + reason(e));
      return;
    }
    GitignoreStack gitignores = above.enter(directory);
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path entry : stream) {
        entries.add(entry);
      }
    } catch (IOException | RuntimeException e) {
      errors.add(display + ": cannot read directory: " + reason(e));
      return;
    }
    entries.sort(Comparator.comparing(entry -> entry.getFileName().toString()));
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(entry, BasicFileAttributes.class);
      } catch (IOException e) {
        if (isPython(name) && Files.isSymbolicLink(entry)) {
          errors.add(display.resolve(name) + ": broken symbolic link");
        }
        continue;
      }
      if (attributes.isDirectory()) {
        if (!skipDirectory(entry, name, gitignores)) {
          walk(entry, display.resolve(name), gitignores);
        }
      } else if (isPython(name)
          && !excluded(entry, name, false)
          && !gitignores.ignored(entry, false)) {
        add(entry, display.resolve(name));
      }
    }
  }

  private boolean skipDirectory(Path directory, String name, GitignoreStack gitignores) {
    return name.startsWith(".")
        || name.equals("__pycache__")
        || excluded(directory, name, true)
        || gitignores.ignored(directory, true)
        || Files.exists(directory.resolve("pyvenv.cfg"), LinkOption.NOFOLLOW_LINKS);
  }

  private boolean excluded(Path path, String name, boolean isDirectory) {
    if (excludes.isEmpty()) {
      return false;
    }
    String absolute = path.toString();
    String relative = null;
    if (absolute.startsWith(rootPrefix)) {
      relative = absolute.substring(rootPrefix.length());
      if (File.separatorChar != '/') {
        relative = relative.replace(File.separatorChar, '/');
      }
    }
    for (PathGlob glob : excludes) {
      if (relative != null
          ? glob.matches(relative, isDirectory)
          : !glob.anchored() && glob.matches(name, isDirectory)) {
        return true;
      }
    }
    return false;
  }

  private void add(Path path, Path display) {
    files.putIfAbsent(path, new InputFile(path, display.toString()));
  }

  private static boolean isPython(String name) {
    return name.endsWith(".py") || name.endsWith(".pyi");
  }

  private static String reason(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
