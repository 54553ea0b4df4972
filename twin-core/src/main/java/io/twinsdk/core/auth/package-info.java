/**
 * Authentication material for IoT Hub and for the local hub: shared access signature tokens ({@link
 * io.twinsdk.core.auth.SasToken}: sign, parse, verify) and device and service connection strings.
 *
 * <p>Nothing here talks to a network. Error messages name the field or part at fault and never contain a key or a
 * signature.
 */
package io.twinsdk.core.auth;
