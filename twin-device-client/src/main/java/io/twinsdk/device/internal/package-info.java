/**
 * The device client's implementation: the twin session engine, the MQTT transport over Paho, topic codec, token
 * renewal and TLS trust. Not public API: it may change in any release.
 */
package io.twinsdk.device.internal;
