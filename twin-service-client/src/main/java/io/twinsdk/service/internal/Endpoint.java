package io.twinsdk.service.internal;

import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/** An endpoint is a service's base URL and the api-version every request carries. */
public final class Endpoint {

  private final HttpUrl base;
  private final String apiVersion;

  private Endpoint(HttpUrl base, String apiVersion) {
    this.base = base;
    this.apiVersion = apiVersion;
  }

  /**
   * Parses {@code url}, which must be {@code https}, or {@code http} to a loopback host (a test server): credentials
   * never travel in clear text to another machine.
   *
   * @throws IllegalArgumentException if {@code url} is not such a URL
   */
  public static Endpoint of(String url, String apiVersion) {
    Objects.requireNonNull(url, "endpoint");
    Objects.requireNonNull(apiVersion, "apiVersion");
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("endpoint is not an http(s) URL: " + url);
    }
    String host = parsed.host().toLowerCase(Locale.ROOT);
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
    if (!parsed.isHttps() && !loopback) {
      throw new IllegalArgumentException("endpoint must use https (http only for a loopback test server): " + url);
    }
    if (apiVersion.isEmpty()) {
      throw new IllegalArgumentException("apiVersion must not be empty");
    }
    return new Endpoint(parsed.newBuilder().query(null).fragment(null).build(), apiVersion);
  }

  /** Returns the URL of the path made of {@code segments} (each encoded as one segment), with the api-version. */
  public HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder builder = base.newBuilder();
    for (String segment : segments) {
      builder.addPathSegment(segment);
    }
    return builder.addQueryParameter("api-version", apiVersion);
  }

  /**
   * Returns {@code link} (a service-provided next link) after checking that it points at this endpoint, so that
   * credentials are never sent elsewhere.
   *
   * @throws IllegalArgumentException if the link is malformed or names another scheme, host or port
   */
  public HttpUrl sameOrigin(String link) {
    HttpUrl url = HttpUrl.parse(link);
    if (url == null) {
      url = base.resolve(link);
    }
    if (url == null || !url.scheme().equals(base.scheme()) || !url.host().equalsIgnoreCase(base.host())
        || url.port() != base.port()) {
      throw new IllegalArgumentException("The service's next link does not point at " + base + ": " + link);
    }
    return url;
  }
}
