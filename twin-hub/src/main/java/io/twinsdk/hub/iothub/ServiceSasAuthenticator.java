package io.twinsdk.hub.iothub;

import io.twinsdk.core.auth.SasToken;
import io.twinsdk.core.auth.SasTokenException;
import io.twinsdk.hub.auth.AccessPolicies;
import io.twinsdk.hub.auth.AccessPolicy;
import io.twinsdk.hub.auth.Principal;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.http.Authenticator;
import java.time.Clock;

/**
 * Authenticates IoT Hub service requests: {@code Authorization: SharedAccessSignature sr=<host>&sig=…&se=…&skn=<policy>}
 * signed with the primary or secondary key of a shared access policy, verified as iothub-protocol.md §2 says (HMAC over
 * {@code sr} as sent, expiry, scope by whole segments). Device-key tokens (no {@code skn}) are refused here.
 */
public final class ServiceSasAuthenticator implements Authenticator {

  private final AccessPolicies policies;
  private final String hostName;
  private final Clock clock;

  /** Creates an authenticator for the hub at {@code hostName}. */
  public ServiceSasAuthenticator(AccessPolicies policies, String hostName, Clock clock) {
    this.policies = policies;
    this.hostName = hostName;
    this.clock = clock;
  }

  @Override
  public Principal authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw IotHubErrors.unauthorized("The request has no Authorization header.");
    }
    SasToken token;
    try {
      token = SasToken.parse(authorization.trim());
    } catch (SasTokenException e) {
      throw IotHubErrors.unauthorized("The Authorization header is not a valid SAS token: " + e.getMessage());
    }
    String policyName = token.keyName().orElseThrow(() -> IotHubErrors.unauthorized(
        "A device token cannot call the service API; sign the token with a shared access policy (skn)."));
    AccessPolicy policy = policies.find(policyName).orElseThrow(() -> IotHubErrors.unauthorized(
        "Unknown shared access policy '" + policyName + "'."));
    String key = token.isSignedWith(policy.secondaryKey()) ? policy.secondaryKey() : policy.primaryKey();
    try {
      token.verify(key, hostName, clock.instant());
    } catch (SasTokenException e) {
      throw refusal(e);
    }
    return new Principal(policy.name(), false, policy.rights());
  }

  /** Maps a refused token to 401003 when it expired and 401002 otherwise. */
  static ApiError refusal(SasTokenException e) {
    return e.reason() == SasTokenException.Reason.EXPIRED
        ? IotHubErrors.expired(e.getMessage())
        : IotHubErrors.unauthorized(e.getMessage());
  }
}
