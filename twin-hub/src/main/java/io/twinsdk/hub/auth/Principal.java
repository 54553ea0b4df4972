package io.twinsdk.hub.auth;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller: a shared access policy (service side) or a device.
 *
 * @param name the policy name or the device id
 * @param device whether the caller is a device rather than a policy
 * @param rights what the caller may do
 */
public record Principal(String name, boolean device, Set<Right> rights) {

  /** Checks and copies the fields. */
  public Principal {
    Objects.requireNonNull(name, "name");
    rights = Set.copyOf(rights);
  }

  /** Whether the caller holds {@code right}. */
  public boolean has(Right right) {
    return rights.contains(right);
  }
}
