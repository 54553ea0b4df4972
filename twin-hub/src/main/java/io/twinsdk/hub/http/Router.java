package io.twinsdk.hub.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a method and path to a route. Literal segments match case-insensitively (the Azure SDKs follow
 * {@code nextLink}s like {@code /Models?...}); {@code {name}} segments capture one percent-decoded segment, and their
 * case is kept (ids are case-sensitive).
 */
public final class Router {

  private final List<Entry> entries = new ArrayList<>();

  /**
   * Adds a route.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param pattern the path pattern, e.g. {@code /digitaltwins/{id}/relationships/{relationshipId}}
   */
  public Router add(String method, String pattern, Realm realm, Route route) {
    Objects.requireNonNull(route, "route");
    entries.add(new Entry(method.toUpperCase(Locale.ROOT), split(pattern), realm, route));
    return this;
  }

  /** Returns the route for the request, or a match without route saying whether only the method was wrong. */
  Match match(String method, String rawPath) {
    List<String> segments = split(rawPath);
    boolean pathMatched = false;
    Realm pathRealm = null;
    for (Entry entry : entries) {
      Map<String, String> parameters = entry.match(segments);
      if (parameters == null) {
        continue;
      }
      if (entry.method.equals(method)) {
        return new Match(entry.route, entry.realm, parameters, false);
      }
      pathMatched = true;
      pathRealm = entry.realm;
    }
    return new Match(null, pathRealm, Map.of(), pathMatched);
  }

  private static List<String> split(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /** The result of matching: a route, or why none matched. */
  record Match(Route route, Realm realm, Map<String, String> parameters, boolean methodNotAllowed) {}

  private record Entry(String method, List<String> pattern, Realm realm, Route route) {

    Map<String, String> match(List<String> segments) {
      if (segments.size() != pattern.size()) {
        return null;
      }
      Map<String, String> parameters = new HashMap<>();
      for (int i = 0; i < pattern.size(); i++) {
        String expected = pattern.get(i);
        String actual = segments.get(i);
        if (expected.startsWith("{") && expected.endsWith("}")) {
          String decoded = decode(actual);
          if (decoded == null) {
            return null;
          }
          parameters.put(expected.substring(1, expected.length() - 1), decoded);
        } else if (!expected.equalsIgnoreCase(actual)) {
          return null;
        }
      }
      return parameters;
    }

    private static String decode(String segment) {
      try {
        // Path segments are percent-encoded; '+' is a literal plus here, not a space.
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
