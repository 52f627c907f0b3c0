package dev.asynclint.cli;

import dev.asynclint.syntax.PythonVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --target-version} values such as {@code py311}. */
final class PythonVersionConverter implements ITypeConverter<PythonVersion> {
  @Override
  public PythonVersion convert(String value) {
    PythonVersion version = PythonVersion.fromName(value);
    if (version == null) {
      throw new TypeConversionException(
          "unknown Python version '" + value + "' (expected py38, py39, ..., py314)");
    }
    return version;
  }
}
