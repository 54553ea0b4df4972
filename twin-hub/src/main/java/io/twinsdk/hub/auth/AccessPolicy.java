package io.twinsdk.hub.auth;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A shared access policy: a name, two keys (either signs tokens; two allow rotation) and its rights.
 *
 * @param name the policy name, e.g. {@code iothubowner}
 * @param primaryKey the base64 primary key
 * @param secondaryKey the base64 secondary key
 * @param rights the rights granted to tokens signed with either key
 */
public record AccessPolicy(String name, String primaryKey, String secondaryKey, Set<Right> rights) {

  /** Checks and copies the fields. */
  public AccessPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(secondaryKey, "secondaryKey");
    rights = Set.copyOf(rights);
  }

  /** Both keys, primary first. */
  public List<String> keys() {
    return List.of(primaryKey, secondaryKey);
  }
}
