package dev.asynclint.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}, from the jar's manifest when there is one. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"asynclint " + number()};
  }

  /** The version alone, for reports. */
  static String number() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
