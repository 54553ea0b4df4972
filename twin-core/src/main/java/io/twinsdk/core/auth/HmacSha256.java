package io.twinsdk.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with a base64 key, the primitive under every SAS token. */
final class HmacSha256 {

  private static final String ALGORITHM = "HmacSHA256";

  private HmacSha256() {}

  /**
   * Decodes a base64 shared access key.
   *
   * <p>The JDK's decoding error names the offending character, which is part of the key, so it is neither quoted nor
   * kept as the cause.
   *
   * @param parameter the name the caller knows the key by, used in the error message
   * @throws IllegalArgumentException naming {@code parameter} if the key is empty or not base64
   */
  static byte[] decodeKey(String base64Key, String parameter) {
    if (base64Key == null) {
      throw new NullPointerException(parameter);
    }
    if (base64Key.isEmpty()) {
      throw new IllegalArgumentException(parameter + " is empty");
    }
    try {
      return Base64.getDecoder().decode(base64Key);
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException(parameter + " is not valid base64");
    }
  }

  static byte[] sign(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256, and any non-empty key is valid for it.
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }
}
