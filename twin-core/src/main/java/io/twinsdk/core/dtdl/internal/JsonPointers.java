package io.twinsdk.core.dtdl.internal;

/** Builds RFC 6901 JSON pointers. */
public final class JsonPointers {

  private JsonPointers() {}

  /** Returns {@code base} extended by one reference token, escaping {@code ~} and {@code /}. */
  public static String append(String base, String token) {
    return base + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** Returns {@code base} extended by an array index. */
  public static String append(String base, int index) {
    return base + "/" + index;
  }
}
