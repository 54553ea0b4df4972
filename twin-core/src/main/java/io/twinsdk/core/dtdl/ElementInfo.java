package io.twinsdk.core.dtdl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The descriptive members every DTDL element may have: an explicit identifier and display texts. */
final class ElementInfo {

  static final ElementInfo NONE = new ElementInfo(null, Collections.emptyMap(), Collections.emptyMap(), null);

  final Dtmi id;
  final Map<String, String> displayName;
  final Map<String, String> description;
  final String comment;

  ElementInfo(Dtmi id, Map<String, String> displayName, Map<String, String> description, String comment) {
    this.id = id;
    this.displayName = Collections.unmodifiableMap(new LinkedHashMap<>(displayName));
    this.description = Collections.unmodifiableMap(new LinkedHashMap<>(description));
    this.comment = comment;
  }
}
