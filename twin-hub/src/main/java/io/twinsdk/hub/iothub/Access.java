package io.twinsdk.hub.iothub;

import io.twinsdk.hub.auth.Principal;
import io.twinsdk.hub.auth.Right;
import io.twinsdk.hub.http.HttpExchange;
import java.util.Arrays;

/** Checks that the caller of a service request holds one of the rights an operation needs. */
public final class Access {

  private Access() {}

  /**
   * Returns normally when the caller holds any of {@code rights}.
   *
   * @throws io.twinsdk.hub.http.ApiError 401002 otherwise, as IoT Hub answers a policy without the right
   */
  public static void requireAny(HttpExchange exchange, Right... rights) {
    Principal principal = exchange.principal();
    if (principal == null || Arrays.stream(rights).noneMatch(principal::has)) {
      throw IotHubErrors.unauthorized("The policy '" + (principal == null ? "" : principal.name())
          + "' does not grant " + Arrays.toString(rights) + " needed for " + exchange.method() + " "
          + exchange.path() + ".");
    }
  }
}
