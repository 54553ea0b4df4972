package io.twinsdk.core.devicetwin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reference documents from {@code src/test/resources/devicetwin}, in compact form. */
final class Documents {

  private Documents() {}

  /**
   * Returns the document with whitespace outside strings removed. This is done on the text, not through Jackson, so
   * that a round-trip test compares against the reference itself rather than against what the mapper makes of it.
   */
  static String compact(String name) {
    return compactText(read(name));
  }

  static String compactText(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String read(String name) {
    try (InputStream in = Documents.class.getResourceAsStream("/devicetwin/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource devicetwin/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
