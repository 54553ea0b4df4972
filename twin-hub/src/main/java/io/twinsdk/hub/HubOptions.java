package io.twinsdk.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a {@link TwinHub} starts with. Build one with {@link #builder()}; every option has a default that
 * suits a developer machine, so {@code HubOptions.builder().build()} is a working configuration.
 */
public final class HubOptions {

  /** The IoT Hub MQTT port, 8883. */
  public static final int DEFAULT_MQTT_PORT = 8883;
  /** The hub's HTTPS port when none is given. Real IoT Hub uses 443, which needs privileges on most machines. */
  public static final int DEFAULT_HTTPS_PORT = 8443;

  private final Path dataDirectory;
  private final String hostName;
  private final String bindAddress;
  private final int mqttPort;
  private final int httpsPort;
  private final String ownerKey;
  private final Path tlsCertificate;
  private final Path tlsKey;
  private final Path importDirectory;
  private final int maxMqttMessageBytes;
  private final Duration accessTokenLifetime;
  private final int telemetryRetention;

  private HubOptions(Builder b) {
    this.dataDirectory = b.dataDirectory;
    this.hostName = b.hostName;
    this.bindAddress = b.bindAddress;
    this.mqttPort = b.mqttPort;
    this.httpsPort = b.httpsPort;
    this.ownerKey = b.ownerKey;
    this.tlsCertificate = b.tlsCertificate;
    this.tlsKey = b.tlsKey;
    this.importDirectory = b.importDirectory;
    this.maxMqttMessageBytes = b.maxMqttMessageBytes;
    this.accessTokenLifetime = b.accessTokenLifetime;
    this.telemetryRetention = b.telemetryRetention;
  }

  /** Returns a builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this object's options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.dataDirectory = dataDirectory;
    b.hostName = hostName;
    b.bindAddress = bindAddress;
    b.mqttPort = mqttPort;
    b.httpsPort = httpsPort;
    b.ownerKey = ownerKey;
    b.tlsCertificate = tlsCertificate;
    b.tlsKey = tlsKey;
    b.importDirectory = importDirectory;
    b.maxMqttMessageBytes = maxMqttMessageBytes;
    b.accessTokenLifetime = accessTokenLifetime;
    b.telemetryRetention = telemetryRetention;
    return b;
  }

  /** The directory that holds the database, the TLS certificate and the generated keys. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The host name clients use: it goes into connection strings, SAS scopes and the certificate. */
  public String hostName() {
    return hostName;
  }

  /** The local address both servers listen on. */
  public String bindAddress() {
    return bindAddress;
  }

  /** The MQTT/TLS port; 0 picks a free one. */
  public int mqttPort() {
    return mqttPort;
  }

  /** The HTTPS port (IoT Hub service API, Digital Twins API, token endpoint); 0 picks a free one. */
  public int httpsPort() {
    return httpsPort;
  }

  /** The base64 key of the {@code iothubowner} policy, when given; otherwise one is generated once and kept. */
  public Optional<String> ownerKey() {
    return Optional.ofNullable(ownerKey);
  }

  /** The user's PEM certificate (chain), when given; otherwise a self-signed one is generated once and kept. */
  public Optional<Path> tlsCertificate() {
    return Optional.ofNullable(tlsCertificate);
  }

  /** The user's PEM private key (PKCS#8) matching {@link #tlsCertificate()}. */
  public Optional<Path> tlsKey() {
    return Optional.ofNullable(tlsKey);
  }

  /** The only directory from which import jobs may read and write {@code file:} URIs. */
  public Path importDirectory() {
    return importDirectory != null ? importDirectory : dataDirectory.resolve("imports");
  }

  /** The largest MQTT packet accepted; larger packets close the connection as IoT Hub does. */
  public int maxMqttMessageBytes() {
    return maxMqttMessageBytes;
  }

  /** How long a bearer token from the hub's token endpoint stays valid. */
  public Duration accessTokenLifetime() {
    return accessTokenLifetime;
  }

  /** How many device-to-cloud messages the hub keeps per device. */
  public int telemetryRetention() {
    return telemetryRetention;
  }

  /** Builds {@link HubOptions}; each setter checks its argument at once. */
  public static final class Builder {
    private Path dataDirectory = Path.of("twin-hub-data");
    private String hostName = "localhost";
    private String bindAddress = "127.0.0.1";
    private int mqttPort = DEFAULT_MQTT_PORT;
    private int httpsPort = DEFAULT_HTTPS_PORT;
    private String ownerKey;
    private Path tlsCertificate;
    private Path tlsKey;
    private Path importDirectory;
    // IoT Hub's telemetry limit is 256 KB; the extra room is for the MQTT header and topic.
    private int maxMqttMessageBytes = 256 * 1024 + 4096;
    private Duration accessTokenLifetime = Duration.ofHours(1);
    private int telemetryRetention = 100;

    private Builder() {}

    /** Sets the data directory (default {@code ./twin-hub-data}); it is created when missing. */
    public Builder dataDirectory(Path dataDirectory) {
      this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
      return this;
    }

    /** Sets the host name clients use (default {@code localhost}). */
    public Builder hostName(String hostName) {
      Objects.requireNonNull(hostName, "hostName");
      if (hostName.isBlank() || hostName.contains("/") || hostName.contains(";")) {
        throw new IllegalArgumentException("hostName must be a host name or IP address, got '" + hostName + "'");
      }
      this.hostName = hostName;
      return this;
    }

    /** Sets the address to listen on (default {@code 127.0.0.1}; {@code 0.0.0.0} for every interface). */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /** Sets the MQTT port (default 8883; 0 for a free port). */
    public Builder mqttPort(int mqttPort) {
      this.mqttPort = checkPort("mqttPort", mqttPort);
      return this;
    }

    /** Sets the HTTPS port (default 8443; 0 for a free port). */
    public Builder httpsPort(int httpsPort) {
      this.httpsPort = checkPort("httpsPort", httpsPort);
      return this;
    }

    /** Sets both ports to 0, so that the operating system picks free ones: what tests want. */
    public Builder freePorts() {
      this.mqttPort = 0;
      this.httpsPort = 0;
      return this;
    }

    /** Sets the base64 key of the {@code iothubowner} policy; it must decode to at least 16 bytes. */
    public Builder ownerKey(String ownerKey) {
      Objects.requireNonNull(ownerKey, "ownerKey");
      byte[] decoded;
      try {
        decoded = java.util.Base64.getDecoder().decode(ownerKey);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("ownerKey is not valid base64");
      }
      if (decoded.length < 16) {
        throw new IllegalArgumentException("ownerKey must decode to at least 16 bytes, got " + decoded.length);
      }
      this.ownerKey = ownerKey;
      return this;
    }

    /** Uses the given PEM certificate and PKCS#8 PEM key instead of a generated self-signed certificate. */
    public Builder tls(Path certificatePem, Path privateKeyPem) {
      this.tlsCertificate = Objects.requireNonNull(certificatePem, "certificatePem");
      this.tlsKey = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
      return this;
    }

    /** Sets the directory import jobs may use for {@code file:} URIs (default {@code <data>/imports}). */
    public Builder importDirectory(Path importDirectory) {
      this.importDirectory = Objects.requireNonNull(importDirectory, "importDirectory");
      return this;
    }

    /** Sets the largest accepted MQTT packet in bytes (default 256 KB plus header room). */
    public Builder maxMqttMessageBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxMqttMessageBytes must be at least 1024, got " + bytes);
      }
      this.maxMqttMessageBytes = bytes;
      return this;
    }

    /** Sets how long issued bearer tokens stay valid (default one hour). */
    public Builder accessTokenLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("accessTokenLifetime must be positive, got " + lifetime);
      }
      this.accessTokenLifetime = lifetime;
      return this;
    }

    /** Sets how many device-to-cloud messages are kept per device (default 100). */
    public Builder telemetryRetention(int messages) {
      if (messages < 0) {
        throw new IllegalArgumentException("telemetryRetention must not be negative, got " + messages);
      }
      this.telemetryRetention = messages;
      return this;
    }

    /** Returns the options. */
    public HubOptions build() {
      return new HubOptions(this);
    }

    private static int checkPort(String name, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(name + " must be between 0 and 65535, got " + port);
      }
      return port;
    }
  }
}
