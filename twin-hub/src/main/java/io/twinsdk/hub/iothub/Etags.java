package io.twinsdk.hub.iothub;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * IoT Hub etags: base64 of a big-endian 64-bit number, as the real hub writes them ({@code AAAAAAAAAAc=} is 7), and
 * the {@code If-Match} comparison, which ignores quotes and a weak {@code W/} prefix.
 */
public final class Etags {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Etags() {}

  /** Returns the etag of {@code number}. */
  public static String of(long number) {
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(number).array());
  }

  /** Returns a fresh random etag, for registry entries, which have no version of their own. */
  public static String random() {
    return of(RANDOM.nextLong() & Long.MAX_VALUE);
  }

  /**
   * Returns whether an {@code If-Match} header allows a write to an entity whose etag is {@code current}: an absent
   * header or {@code *} always does.
   */
  public static boolean matches(Optional<String> ifMatch, String current) {
    if (ifMatch.isEmpty()) {
      return true;
    }
    String value = ifMatch.get().trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value.equals("*") || value.equals(current);
  }
}
