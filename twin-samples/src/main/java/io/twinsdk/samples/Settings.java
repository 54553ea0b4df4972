package io.twinsdk.samples;

import io.twinsdk.core.auth.ConnectionStringException;
import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.auth.ServiceConnectionString;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the samples connect, read from the environment: nothing set means the embedded hub; otherwise the samples use
 * the hubs the variables name and start nothing.
 *
 * <p>Every value is checked when it is read, so a malformed one is reported once, before any sample runs, with a
 * message naming the variable and its expected form.
 */
public final class Settings {

  static final String DEVICE_CONNECTION_STRING = "IOTHUB_DEVICE_CONNECTION_STRING";
  static final String IOTHUB_CONNECTION_STRING = "IOTHUB_CONNECTION_STRING";
  static final String DIGITAL_TWINS_ENDPOINT = "DIGITAL_TWINS_ENDPOINT";
  static final String TENANT_ID = "AZURE_TENANT_ID";
  static final String CLIENT_ID = "AZURE_CLIENT_ID";
  static final String CLIENT_SECRET = "AZURE_CLIENT_SECRET";
  static final String AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";
  static final String CA_CERT = "TWIN_HUB_CA_CERT";
  static final String IMPORT_INPUT = "BULK_IMPORT_INPUT_BLOB_URI";
  static final String IMPORT_OUTPUT = "BULK_IMPORT_OUTPUT_BLOB_URI";

  static final String DEVICE_FORM =
      "HostName=<hub>.azure-devices.net;DeviceId=<device id>;SharedAccessKey=<base64 key>";
  static final String SERVICE_FORM =
      "HostName=<hub>.azure-devices.net;SharedAccessKeyName=<policy>;SharedAccessKey=<base64 key>";
  static final String ENDPOINT_FORM = "https://<instance>.api.<region>.digitaltwins.azure.net";
  static final String AUTHORITY_FORM = "https://login.microsoftonline.com";
  static final String BLOB_FORM = "https://<account>.blob.core.windows.net/<container>/<blob>";

  // Every variable the samples read, with its form, in the order the help text lists them.
  private static final Map<String, String> FORMS = forms(
      DEVICE_CONNECTION_STRING, DEVICE_FORM,
      IOTHUB_CONNECTION_STRING, SERVICE_FORM,
      DIGITAL_TWINS_ENDPOINT, ENDPOINT_FORM,
      TENANT_ID, "<directory (tenant) id>",
      CLIENT_ID, "<application (client) id>",
      CLIENT_SECRET, "<client secret>",
      AUTHORITY_HOST, AUTHORITY_FORM + " (optional, the default)",
      CA_CERT, "<PEM certificate file to trust> (optional)",
      IMPORT_INPUT, BLOB_FORM + " (bulk-import only)",
      IMPORT_OUTPUT, BLOB_FORM + " (bulk-import only)");

  private final DeviceConnectionString device;
  private final ServiceConnectionString service;
  private final DigitalTwinsSettings digitalTwins;
  private final Path caCertificate;
  private final ImportBlobs importBlobs;

  private Settings(DeviceConnectionString device, ServiceConnectionString service, DigitalTwinsSettings digitalTwins,
      Path caCertificate, ImportBlobs importBlobs) {
    this.device = device;
    this.service = service;
    this.digitalTwins = digitalTwins;
    this.caCertificate = caCertificate;
    this.importBlobs = importBlobs;
  }

  /**
   * Reads and checks the settings in {@code environment}; an empty value counts as unset.
   *
   * @throws SettingsException naming the first variable that is malformed or that another one needs
   */
  public static Settings fromEnvironment(Map<String, String> environment) {
    DeviceConnectionString device = value(environment, DEVICE_CONNECTION_STRING)
        .map(Settings::parseDevice)
        .orElse(null);
    ServiceConnectionString service = value(environment, IOTHUB_CONNECTION_STRING)
        .map(Settings::parseService)
        .orElse(null);
    DigitalTwinsSettings digitalTwins = digitalTwins(environment);
    Path caCertificate = value(environment, CA_CERT).map(Settings::parseCertificate).orElse(null);
    if (caCertificate != null && device == null && service == null && digitalTwins == null) {
      throw new SettingsException(CA_CERT + " is set but no hub is: set " + DEVICE_CONNECTION_STRING + ", "
          + IOTHUB_CONNECTION_STRING + " or " + DIGITAL_TWINS_ENDPOINT + " too, or unset it for the embedded hub");
    }
    Optional<URI> input = value(environment, IMPORT_INPUT).map(v -> blobUrl(IMPORT_INPUT, v));
    Optional<URI> output = value(environment, IMPORT_OUTPUT).map(v -> blobUrl(IMPORT_OUTPUT, v));
    if (input.isPresent() != output.isPresent()) {
      throw missingImportBlobs();
    }
    ImportBlobs importBlobs = input.map(i -> new ImportBlobs(i, output.orElseThrow())).orElse(null);
    return new Settings(device, service, digitalTwins, caCertificate, importBlobs);
  }

  /** True when no variable is set: the samples start the embedded hub. */
  public boolean embedded() {
    return device == null && service == null && digitalTwins == null;
  }

  /** The device connection string from {@value #DEVICE_CONNECTION_STRING}. */
  public Optional<DeviceConnectionString> device() {
    return Optional.ofNullable(device);
  }

  /** The service connection string from {@value #IOTHUB_CONNECTION_STRING}. */
  public Optional<ServiceConnectionString> service() {
    return Optional.ofNullable(service);
  }

  /** The Digital Twins endpoint and client credentials. */
  public Optional<DigitalTwinsSettings> digitalTwins() {
    return Optional.ofNullable(digitalTwins);
  }

  /** The PEM certificate to trust in addition to the JDK's, from {@value #CA_CERT}. */
  public Optional<Path> caCertificate() {
    return Optional.ofNullable(caCertificate);
  }

  /** Where an import job on a remote instance reads its file and writes its log. */
  public Optional<ImportBlobs> importBlobs() {
    return Optional.ofNullable(importBlobs);
  }

  /** The names of every variable the samples read. */
  static Set<String> variables() {
    return FORMS.keySet();
  }

  /** Every variable the samples read with its expected form, for the help text. */
  static Map<String, String> forms() {
    return FORMS;
  }

  private static Map<String, String> forms(String... variablesAndForms) {
    Map<String, String> forms = new LinkedHashMap<>();
    for (int i = 0; i < variablesAndForms.length; i += 2) {
      forms.put(variablesAndForms[i], variablesAndForms[i + 1]);
    }
    return Collections.unmodifiableMap(forms);
  }

  /** The error for a sample that needs the device connection string when it is not set. */
  static SettingsException missingDevice() {
    return missing(DEVICE_CONNECTION_STRING, DEVICE_FORM);
  }

  /** The error for a sample that needs the service connection string when it is not set. */
  static SettingsException missingService() {
    return missing(IOTHUB_CONNECTION_STRING, SERVICE_FORM);
  }

  /** The error for a sample that needs Digital Twins when it is not configured. */
  static SettingsException missingDigitalTwins() {
    return new SettingsException(DIGITAL_TWINS_ENDPOINT + " is not set; expected " + ENDPOINT_FORM + " with "
        + TENANT_ID + ", " + CLIENT_ID + " and " + CLIENT_SECRET + " (or no variable at all for the embedded hub)");
  }

  /** The error for the bulk import on a remote instance when the blobs are not both given. */
  static SettingsException missingImportBlobs() {
    return new SettingsException(IMPORT_INPUT + " and " + IMPORT_OUTPUT + " must both be set for a bulk import on"
        + " your own instance; expected " + BLOB_FORM + " (with a SAS token or access for the instance's identity)");
  }

  private static SettingsException missing(String variable, String form) {
    return new SettingsException(variable + " is not set; expected " + form
        + " (or no variable at all for the embedded hub)");
  }

  private static DeviceConnectionString parseDevice(String value) {
    try {
      return DeviceConnectionString.parse(value);
    } catch (ConnectionStringException e) {
      throw malformed(DEVICE_CONNECTION_STRING, e.getMessage(), DEVICE_FORM);
    }
  }

  private static ServiceConnectionString parseService(String value) {
    try {
      return ServiceConnectionString.parse(value);
    } catch (ConnectionStringException e) {
      throw malformed(IOTHUB_CONNECTION_STRING, e.getMessage(), SERVICE_FORM);
    }
  }

  private static DigitalTwinsSettings digitalTwins(Map<String, String> environment) {
    Optional<String> endpoint = value(environment, DIGITAL_TWINS_ENDPOINT);
    Optional<String> tenant = value(environment, TENANT_ID);
    Optional<String> client = value(environment, CLIENT_ID);
    Optional<String> secret = value(environment, CLIENT_SECRET);
    Optional<String> authority = value(environment, AUTHORITY_HOST);
    if (endpoint.isEmpty()) {
      for (String credential : List.of(TENANT_ID, CLIENT_ID, CLIENT_SECRET, AUTHORITY_HOST)) {
        if (value(environment, credential).isPresent()) {
          throw new SettingsException(credential + " is set but " + DIGITAL_TWINS_ENDPOINT + " is not; expected "
              + DIGITAL_TWINS_ENDPOINT + "=" + ENDPOINT_FORM);
        }
      }
      return null;
    }
    URI endpointUri = httpsUrl(DIGITAL_TWINS_ENDPOINT, endpoint.get(), ENDPOINT_FORM);
    URI authorityUri = authority.map(a -> httpsUrl(AUTHORITY_HOST, a, AUTHORITY_FORM))
        .orElse(URI.create(AUTHORITY_FORM));
    return new DigitalTwinsSettings(endpointUri,
        tenant.orElseThrow(() -> missingCredential(TENANT_ID, "the directory (tenant) id, a GUID")),
        client.orElseThrow(() -> missingCredential(CLIENT_ID, "the application (client) id, a GUID")),
        secret.orElseThrow(() -> missingCredential(CLIENT_SECRET, "the application's client secret")),
        authorityUri);
  }

  private static SettingsException missingCredential(String variable, String form) {
    return new SettingsException(variable + " is not set but " + DIGITAL_TWINS_ENDPOINT + " is; expected " + form);
  }

  private static URI httpsUrl(String variable, String value, String form) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw malformed(variable, "not a URL", form);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw malformed(variable, "not an https URL with a host", form);
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw malformed(variable, "it has a path, query or fragment", form);
    }
    return URI.create(uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority());
  }

  private static URI blobUrl(String variable, String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw malformed(variable, "not a URL", BLOB_FORM);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawPath() == null
        || uri.getRawPath().length() < 2) {
      throw malformed(variable, "not an https URL of a blob", BLOB_FORM);
    }
    return uri;
  }

  private static Path parseCertificate(String value) {
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw malformed(CA_CERT, "not a file path", "the path of a PEM certificate file");
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw malformed(CA_CERT, "no readable file at " + value, "the path of a PEM certificate file");
    }
    return path;
  }

  private static SettingsException malformed(String variable, String problem, String form) {
    return new SettingsException(variable + " is malformed (" + problem + "); expected " + form);
  }

  private static Optional<String> value(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * The Digital Twins instance and the Microsoft Entra application the samples sign in as.
   *
   * @param endpoint the instance's URL, {@code https://host[:port]}
   * @param tenantId the directory (tenant) id
   * @param clientId the application (client) id
   * @param clientSecret the application's secret
   * @param authorityHost where tokens come from; Microsoft Entra ID unless {@value #AUTHORITY_HOST} says otherwise
   */
  public record DigitalTwinsSettings(URI endpoint, String tenantId, String clientId, String clientSecret,
      URI authorityHost) {

    /** Masks the secret, so that the settings can be logged. */
    @Override
    public String toString() {
      return "DigitalTwinsSettings[endpoint=" + endpoint + ", tenantId=" + tenantId + ", clientId=" + clientId
          + ", clientSecret=****, authorityHost=" + authorityHost + "]";
    }
  }

  /**
   * The blobs of an import job on a remote instance.
   *
   * @param input the NDJSON file the job reads
   * @param output the log the job appends to
   */
  public record ImportBlobs(URI input, URI output) {}
}
