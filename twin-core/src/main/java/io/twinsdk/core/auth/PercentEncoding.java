package io.twinsdk.core.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as SAS tokens use it: RFC 3986 unreserved characters stay, every other UTF-8 byte becomes
 * {@code %XX}.
 *
 * <p>This is deliberately not {@link java.net.URLEncoder}: that one writes a space as {@code +} and leaves {@code *}
 * alone, while Node's {@code encodeUriComponentStrict} and azure-sdk-for-c encode both. Decoding likewise leaves
 * {@code +} as it is, so a raw base64 signature survives it.
 */
final class PercentEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  static String encode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3 / 2);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes {@code %XX} escapes.
   *
   * @throws IllegalArgumentException if an escape is cut short, is not hexadecimal, or the bytes are not UTF-8
   */
  static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int runStart = 0;
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '%') {
        i++;
        continue;
      }
      writeUtf8(bytes, text.substring(runStart, i));
      if (i + 2 >= text.length()) {
        throw new IllegalArgumentException("'%' at index " + i + " is not followed by two hex digits");
      }
      int high = hexValue(text.charAt(i + 1));
      int low = hexValue(text.charAt(i + 2));
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException("'%' at index " + i + " is not followed by two hex digits");
      }
      bytes.write(high << 4 | low);
      i += 3;
      runStart = i;
    }
    writeUtf8(bytes, text.substring(runStart));
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("percent escapes do not form UTF-8", e);
    }
  }

  private static void writeUtf8(ByteArrayOutputStream out, String run) {
    byte[] b = run.getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
  }

  /** Returns the value of an ASCII hex digit, or -1; {@link Character#digit} would also accept non-ASCII digits. */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private static boolean isUnreserved(int c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
        || c == '-' || c == '_' || c == '.' || c == '~';
  }
}
