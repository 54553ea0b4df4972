package io.twinsdk.samples;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.auth.ServiceConnectionString;
import io.twinsdk.device.DeviceClient;
import io.twinsdk.device.DeviceClientBuilder;
import io.twinsdk.hub.TwinHub;
import io.twinsdk.samples.Settings.DigitalTwinsSettings;
import io.twinsdk.service.HttpOptions;
import io.twinsdk.service.credential.ClientSecretCredential;
import io.twinsdk.service.digitaltwins.DigitalTwinsClientBuilder;
import io.twinsdk.service.iothub.IotHubServiceClientBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a running sample connects to and prints on: the hubs from the {@link Settings}, or the embedded hub, which is
 * started on first use and shared by every sample of one run.
 *
 * <p>Not thread-safe: the samples call it from their main thread only.
 */
public final class SampleContext implements AutoCloseable {

  /** How long any single step of a sample may block. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Settings settings;
  private final Console console;
  private EmbeddedHub embedded;
  private ClientSecretCredential credential;

  SampleContext(Settings settings, Console console) {
    this.settings = settings;
    this.console = console;
  }

  /** Where the sample prints. */
  public Console console() {
    return console;
  }

  /** True when the samples run against the embedded hub. */
  public boolean embedded() {
    return settings.embedded();
  }

  /**
   * The device connection string: on the embedded hub, that of device {@code deviceId}, registered on first use; else
   * {@code IOTHUB_DEVICE_CONNECTION_STRING}, whatever device it names.
   */
  public DeviceConnectionString device(String deviceId) {
    if (settings.embedded()) {
      return DeviceConnectionString.parse(hub().registerDevice(deviceId));
    }
    return settings.device().orElseThrow(Settings::missingDevice);
  }

  /** The IoT Hub service connection string. */
  public ServiceConnectionString service() {
    if (settings.embedded()) {
      return ServiceConnectionString.parse(hub().iotHubConnectionString());
    }
    return settings.service().orElseThrow(Settings::missingService);
  }

  /**
   * A device client builder for {@code connectionString}: {@code DeviceClient.builder().connectionString(…)}, plus
   * {@code trustPem(…)} when the hub has a private certificate.
   */
  public DeviceClientBuilder newDeviceClient(DeviceConnectionString connectionString) {
    DeviceClientBuilder builder = DeviceClient.builder().connectionString(connectionString.toConnectionString())
        .operationTimeout(TIMEOUT);
    trustedCertificate().ifPresent(builder::trustPem);
    return builder;
  }

  /** An IoT Hub service client builder for {@link #service()} with {@link #httpOptions()}. */
  public IotHubServiceClientBuilder newIotHubServiceClient() {
    return new IotHubServiceClientBuilder().connectionString(service().toConnectionString())
        .httpOptions(httpOptions());
  }

  /**
   * A Digital Twins client builder for {@link #digitalTwins()}'s endpoint, signing in with a client-secret credential
   * (Microsoft Entra ID, or the embedded hub's token endpoint) that this context owns and closes.
   */
  public DigitalTwinsClientBuilder newDigitalTwinsClient() {
    DigitalTwinsSettings settings = digitalTwins();
    if (credential == null) {
      credential = ClientSecretCredential.builder()
          .authorityHost(settings.authorityHost().toString())
          .tenantId(settings.tenantId())
          .clientId(settings.clientId())
          .clientSecret(settings.clientSecret())
          .httpOptions(httpOptions())
          .build();
    }
    return new DigitalTwinsClientBuilder().endpoint(settings.endpoint().toString()).credential(credential)
        .httpOptions(httpOptions());
  }

  /** HTTP options for the service clients: the default timeouts and retries, trusting {@link #trustedCertificate()}. */
  public HttpOptions httpOptions() {
    HttpOptions.Builder options = HttpOptions.builder();
    trustedCertificate().ifPresent(options::trustedCertificate);
    return options.build();
  }

  /** The Digital Twins endpoint and credentials; for the embedded hub, its owner policy signs in. */
  public DigitalTwinsSettings digitalTwins() {
    if (settings.embedded()) {
      TwinHub hub = hub();
      return new DigitalTwinsSettings(URI.create(hub.digitalTwinsEndpoint()), "twin-samples",
          hub.policies().owner().name(), hub.policies().owner().primaryKey(), URI.create(hub.authorityHost()));
    }
    return settings.digitalTwins().orElseThrow(Settings::missingDigitalTwins);
  }

  /** The certificate to trust besides the JDK's: the embedded hub's self-signed one, or {@code TWIN_HUB_CA_CERT}. */
  public Optional<Path> trustedCertificate() {
    return settings.embedded() ? Optional.of(hub().certificatePath()) : settings.caCertificate();
  }

  /**
   * Where an import job reads its file and writes its log, and where the sample writes the file: on the embedded
   * hub, both in its import directory ({@code file:} URIs); else the blobs from the settings, with the file written
   * to the working directory for the user to upload.
   */
  public ImportLocation importLocation(String jobId) {
    if (settings.embedded()) {
      Path directory = hub().options().importDirectory();
      Path file = directory.resolve(jobId + ".ndjson");
      return new ImportLocation(file, file.toUri(), directory.resolve(jobId + "-log.ndjson").toUri());
    }
    Settings.ImportBlobs blobs = settings.importBlobs().orElseThrow(Settings::missingImportBlobs);
    return new ImportLocation(Path.of("twin-samples-import.ndjson").toAbsolutePath(), blobs.input(),
        blobs.output());
  }

  /**
   * Where an import job's file and log are.
   *
   * @param file where the sample writes the import file
   * @param input the URI the job reads the file from
   * @param output the URI of the job's log
   */
  public record ImportLocation(Path file, URI input, URI output) {}

  private TwinHub hub() {
    if (embedded == null) {
      embedded = EmbeddedHub.start();
    }
    return embedded.hub();
  }

  /** Closes the credential and stops the embedded hub, if they were made, and deletes the hub's data. */
  @Override
  public void close() {
    if (credential != null) {
      credential.close();
      credential = null;
    }
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }
}
