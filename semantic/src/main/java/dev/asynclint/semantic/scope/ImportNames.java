package dev.asynclint.semantic.scope;

/** Resolution of relative imports against the importing module's name. */
public final class ImportNames {
  private ImportNames() {}

  /**
   * The absolute module named by {@code from <dots><module> import ...} in module {@code importer};
   * null when the dots climb beyond the top-level package (CPython's "attempted relative import
   * beyond top-level package") or the importer is not in a package.
   *
   * @param importerIsPackage whether the importer is a package's {@code __init__} module, whose own
   *     name is the package that one dot refers to
   */
  public static String absolute(
      String importer, boolean importerIsPackage, int level, String module) {
    if (level == 0) {
      return module;
    }
    String base = importerIsPackage ? importer : parent(importer);
    for (int i = 1; i < level && base != null; i++) {
      base = parent(base);
    }
    if (base == null || base.isEmpty()) {
      return null;
    }
    return module == null ? base : base + "." + module;
  }

  private static String parent(String module) {
    int dot = module.lastIndexOf('.');
    return dot < 0 ? null : module.substring(0, dot);
  }
}
