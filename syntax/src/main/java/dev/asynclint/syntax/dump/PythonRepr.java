package dev.asynclint.syntax.dump;

import dev.asynclint.syntax.UnicodeTables;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * CPython 3.11's {@code repr()} of the constants in syntax trees ({@code str}, {@code bytes},
 * {@code int}, {@code float}, {@code complex}), character for character, as {@code ast.dump} prints
 * them.
 *
 * <p>Printability follows CPython 3.11's Unicode 14.0 (see {@link UnicodeTables}), not the JDK's.
 */
public final class PythonRepr {
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  /** CPython's {@code repr} switches to exponent notation outside [1e-4, 1e16). */
  private static final int MIN_POSITIONAL_DECIMAL_POINT = -3;

  private static final int MAX_POSITIONAL_DECIMAL_POINT = 16;

  /** Seventeen significant digits always identify a double uniquely. */
  private static final int MAX_SIGNIFICANT_DIGITS = 17;

  private PythonRepr() {}

  /**
   * The repr of a Python {@code str}. A valid surrogate pair counts as one code point; a lone
   * surrogate is a code point of its own, as CPython keeps one that Python source spells as an
   * escape.
   */
  public static String str(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    appendStr(out, s);
    return out.toString();
  }

  /** Appends the repr of a Python {@code str}; see {@link #str(String)}. */
  public static void appendStr(StringBuilder out, String s) {
    appendStr(out, s.codePoints().toArray());
  }

  /** The repr of a Python {@code str} given as its code points (surrogates kept apart). */
  public static String str(int[] codePoints) {
    StringBuilder out = new StringBuilder(codePoints.length + 2);
    appendStr(out, codePoints);
    return out.toString();
  }

  private static void appendStr(StringBuilder out, int[] codePoints) {
    boolean single = false;
    boolean dbl = false;
    for (int codePoint : codePoints) {
      single |= codePoint == '\'';
      dbl |= codePoint == '"';
    }
    char quote = quoteFor(single, dbl);
    out.append(quote);
    for (int codePoint : codePoints) {
      if (codePoint == quote || codePoint == '\\') {
        out.append('\\').append((char) codePoint);
      } else if (!appendNamedEscape(out, codePoint)) {
        if (UnicodeTables.isPrintable(codePoint)) {
          out.appendCodePoint(codePoint);
        } else {
          appendHexEscape(out, codePoint);
        }
      }
    }
    out.append(quote);
  }

  /** The repr of a Python {@code bytes} value. */
  public static String bytes(byte[] b) {
    StringBuilder out = new StringBuilder(b.length + 3);
    appendBytes(out, b);
    return out.toString();
  }

  /** Appends the repr of a Python {@code bytes} value; see {@link #bytes(byte[])}. */
  public static void appendBytes(StringBuilder out, byte[] b) {
    boolean singleQuote = false;
    boolean doubleQuote = false;
    for (byte value : b) {
      singleQuote |= value == '\'';
      doubleQuote |= value == '"';
    }
    char quote = quoteFor(singleQuote, doubleQuote);
    out.append('b').append(quote);
    for (byte value : b) {
      int unsigned = value & 0xff;
      if (unsigned == quote || unsigned == '\\') {
        out.append('\\').append((char) unsigned);
      } else if (!appendNamedEscape(out, unsigned)) {
        if (unsigned >= ' ' && unsigned < 0x7f) {
          out.append((char) unsigned);
        } else {
          appendHexEscape(out, unsigned);
        }
      }
    }
    out.append(quote);
  }

  /** The repr of a Python {@code int}. */
  public static String intRepr(long v) {
    return Long.toString(v);
  }

  /**
   * The repr of a Python {@code int}. CPython 3.11 refuses to convert an int of more than 4300
   * decimal digits ({@code sys.get_int_max_str_digits()}); this method always prints the digits and
   * leaves that policy to the caller.
   */
  public static String intRepr(BigInteger v) {
    return v.toString();
  }

  /**
   * The repr of a Python {@code float}: the shortest decimal that reads back as {@code d} (the
   * closest to {@code d} when several are that short), positional with at least one fractional
   * digit within [1e-4, 1e16) and in exponent notation outside it, e.g. {@code 1e+16}.
   */
  public static String floatRepr(double d) {
    StringBuilder out = new StringBuilder(24);
    appendFloat(out, d, false, true);
    return out.toString();
  }

  /**
   * The repr of a Python {@code complex}: {@code 2.5j} when the real part is +0.0 (always so for an
   * imaginary literal), otherwise {@code (1+2j)}. Parts are written without the {@code .0} of a
   * float, so {@code 1j} rather than {@code 1.0j}.
   */
  public static String complexRepr(double real, double imag) {
    StringBuilder out = new StringBuilder(48);
    if (Double.doubleToRawLongBits(real) == 0L) {
      appendFloat(out, imag, false, false);
      return out.append('j').toString();
    }
    out.append('(');
    appendFloat(out, real, false, false);
    appendFloat(out, imag, true, false);
    return out.append("j)").toString();
  }

  /** CPython prefers single quotes and switches only to avoid escaping a {@code '}. */
  private static char quoteFor(boolean hasSingleQuote, boolean hasDoubleQuote) {
    return hasSingleQuote && !hasDoubleQuote ? '"' : '\'';
  }

  private static boolean appendNamedEscape(StringBuilder out, int codePoint) {
    switch (codePoint) {
      case '\t':
        out.append("\\t");
        return true;
      case '\n':
        out.append("\\n");
        return true;
      case '\r':
        out.append("\\r");
        return true;
      default:
        return false;
    }
  }

  private static void appendHexEscape(StringBuilder out, int codePoint) {
    int digits;
    if (codePoint < 0x100) {
      out.append("\\x");
      digits = 2;
    } else if (codePoint < 0x10000) {
      out.append("\\u");
      digits = 4;
    } else {
      out.append("\\U");
      digits = 8;
    }
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      out.append(HEX_DIGITS[(codePoint >>> shift) & 0xf]);
    }
  }

  /**
   * Appends {@code d} as CPython's {@code PyOS_double_to_string(d, 'r', 0, flags)}: {@code
   * forceSign} is {@code Py_DTSF_SIGN} and {@code addDotZero} is {@code Py_DTSF_ADD_DOT_0}.
   */
  private static void appendFloat(
      StringBuilder out, double d, boolean forceSign, boolean addDotZero) {
    // CPython ignores the sign of a NaN.
    boolean negative = !Double.isNaN(d) && (Double.doubleToRawLongBits(d) < 0);
    if (negative) {
      out.append('-');
    } else if (forceSign) {
      out.append('+');
    }
    if (Double.isNaN(d)) {
      out.append("nan");
    } else if (Double.isInfinite(d)) {
      out.append("inf");
    } else if (d == 0) {
      out.append(addDotZero ? "0.0" : "0");
    } else {
      BigDecimal shortest = shortestRoundTrip(Math.abs(d));
      String digits = shortest.unscaledValue().toString();
      appendDigits(out, digits, digits.length() - shortest.scale(), addDotZero);
    }
  }

  /**
   * The shortest decimal that reads back as the positive finite {@code d}; among equally short
   * ones, the closest to {@code d}, ties to an even last digit (David Gay's {@code dtoa} mode 0).
   * Trailing zeros are stripped.
   */
  private static BigDecimal shortestRoundTrip(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision < MAX_SIGNIFICANT_DIGITS; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (nearest.doubleValue() == d) {
        return nearest.stripTrailingZeros();
      }
      // At a power of two the gap below d is half the gap above, so the nearest candidate can
      // miss while the one on the other side of d still reads back.
      RoundingMode towardOtherSide =
          nearest.compareTo(exact) > 0 ? RoundingMode.DOWN : RoundingMode.UP;
      BigDecimal otherSide = exact.round(new MathContext(precision, towardOtherSide));
      if (otherSide.doubleValue() == d) {
        return otherSide.stripTrailingZeros();
      }
    }
    return exact
        .round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN))
        .stripTrailingZeros();
  }

  /**
   * Lays out significant {@code digits} whose value is {@code 0.digits * 10^decimalPoint} as
   * CPython's {@code format_float_short} does for the {@code 'r'} format.
   */
  private static void appendDigits(
      StringBuilder out, String digits, int decimalPoint, boolean addDotZero) {
    int length = digits.length();
    if (decimalPoint < MIN_POSITIONAL_DECIMAL_POINT
        || decimalPoint > MAX_POSITIONAL_DECIMAL_POINT) {
      out.append(digits.charAt(0));
      if (length > 1) {
        out.append('.').append(digits, 1, length);
      }
      int exponent = decimalPoint - 1;
      out.append('e').append(exponent < 0 ? '-' : '+');
      if (Math.abs(exponent) < 10) {
        out.append('0');
      }
      out.append(Math.abs(exponent));
    } else if (decimalPoint <= 0) {
      out.append("0.");
      appendZeros(out, -decimalPoint);
      out.append(digits);
    } else if (decimalPoint < length) {
      out.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, length);
    } else {
      out.append(digits);
      appendZeros(out, decimalPoint - length);
      if (addDotZero) {
        out.append(".0");
      }
    }
  }

  private static void appendZeros(StringBuilder out, int count) {
    for (int i = 0; i < count; i++) {
      out.append('0');
    }
  }
}
