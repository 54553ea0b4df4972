/**
 * Bearer-token credentials for Azure Digital Twins: the {@link io.twinsdk.service.credential.TokenCredential}
 * interface, {@link io.twinsdk.service.credential.ClientSecretCredential} (OAuth2 client credentials against Azure AD
 * or a local hub's token endpoint) and {@link io.twinsdk.service.credential.StaticTokenCredential} for tests.
 *
 * <p>Clients cache tokens and ask a credential again shortly before expiry, or once after a 401.
 */
package io.twinsdk.service.credential;
