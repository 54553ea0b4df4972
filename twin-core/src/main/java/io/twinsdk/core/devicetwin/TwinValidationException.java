package io.twinsdk.core.devicetwin;

import java.util.Objects;

/**
 * A twin validation exception reports content that IoT Hub would refuse: which rule it breaks and where.
 *
 * <p>The path names the offending member from the twin root, for example {@code properties.reported.a.b} or
 * {@code tags.list[2]}; keys that are empty or contain {@code .}, brackets, quotes, spaces or control characters are
 * written in brackets, as in {@code properties.desired['a.b']}. A hub answers this exception with HTTP or MQTT status
 * 400.
 */
public final class TwinValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final TwinRules.Rule rule;
  private final String path;

  /** Returns an exception for {@code rule} broken at {@code path}, with {@code detail} telling the user what to fix. */
  public TwinValidationException(TwinRules.Rule rule, String path, String detail) {
    super(Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(detail, "detail"));
    this.rule = Objects.requireNonNull(rule, "rule");
    this.path = path;
  }

  /** Returns the rule the content breaks. */
  public TwinRules.Rule rule() {
    return rule;
  }

  /** Returns the path of the offending member, key or section. */
  public String path() {
    return path;
  }
}
