package io.twinsdk.core.auth;

import java.util.Arrays;

/**
 * Scope matching for SAS resources such as {@code myhub.azure-devices.net/devices/dev1}.
 *
 * <p>The host is compared without case and without a {@code :port}: a token names a hub, not a socket, and SDKs
 * that connect to a hub on a non-default port sign the HostName as written, port included. Path segments are
 * compared exactly (device ids are case-sensitive), and a granted scope covers a requested one only if its segments
 * are a prefix of the requested segments, so {@code host/devices/a} covers {@code host/devices/a/modules/m} but never
 * {@code host/devices/ab}.
 */
final class ResourceScope {

  private ResourceScope() {}

  static boolean covers(String granted, String requested) {
    if (!host(granted).equalsIgnoreCase(host(requested))) {
      return false;
    }
    String[] grantedPath = segments(granted);
    String[] requestedPath = segments(requested);
    return grantedPath.length <= requestedPath.length
        && Arrays.equals(grantedPath, 0, grantedPath.length, requestedPath, 0, grantedPath.length);
  }

  private static String host(String scope) {
    int slash = scope.indexOf('/');
    return HostAndPort.withoutPort(slash < 0 ? scope : scope.substring(0, slash));
  }

  private static String[] segments(String scope) {
    int slash = scope.indexOf('/');
    return slash < 0 ? new String[0] : scope.substring(slash + 1).split("/", -1);
  }
}
