package io.twinsdk.service.internal;

import java.util.Locale;
import okhttp3.HttpUrl;

/** Writes URLs for logs with the values of secret-looking query parameters replaced. */
final class Redaction {

  private Redaction() {}

  static String url(HttpUrl url) {
    if (url.querySize() == 0) {
      return url.toString();
    }
    HttpUrl.Builder builder = url.newBuilder().query(null);
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      builder.addQueryParameter(name, value == null || !secret(name) ? value : "REDACTED");
    }
    return builder.build().toString();
  }

  private static boolean secret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("sig") || lower.contains("token") || lower.contains("secret") || lower.contains("key")
        || lower.equals("code");
  }
}
