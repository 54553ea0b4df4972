package io.twinsdk.hub.digitaltwins.jobs;

import io.twinsdk.hub.digitaltwins.http.DigitalTwinsErrors;
import io.twinsdk.hub.http.ApiError;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * The blob URIs of import jobs. There is no blob storage here: an input is a {@code file:} URI inside the hub's
 * import directory or an {@code https:} URI the hub can fetch; an output log is a {@code file:} URI inside the
 * import directory. Paths are checked after resolving {@code ..} and symbolic links, so no URI reaches outside it.
 */
final class JobUris {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** How long an https input may go without sending a byte (headers or body) before the job gives up on it. */
  static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(1);

  private final Path directory;
  private final Duration idleTimeout;
  /** Built on first https use and shared by every job: each client owns a selector thread that is never closed. */
  private volatile HttpClient client;

  /** Creates the checker for {@code importDirectory}, which must exist. */
  JobUris(Path importDirectory) {
    this(importDirectory, DEFAULT_IDLE_TIMEOUT);
  }

  /** Creates the checker for {@code importDirectory}, giving up on an https input silent for {@code idleTimeout}. */
  JobUris(Path importDirectory, Duration idleTimeout) {
    try {
      this.directory = importDirectory.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("The import directory " + importDirectory + " is not readable", e);
    }
    this.idleTimeout = idleTimeout;
  }

  /** Where an import reads its file. */
  interface Input {
    /** The URI as the client gave it. */
    String uri();

    /** Opens the file for reading; the caller closes the stream. */
    InputStream open() throws IOException;
  }

  /** An input known only by its URI: that of a job restored after a restart, which is never run again. */
  static Input remembered(String uri) {
    return new RememberedInput(uri);
  }

  private record RememberedInput(String uri) implements Input {
    @Override
    public InputStream open() throws IOException {
      throw new IOException("A job restored after a restart is not run again");
    }
  }

  /**
   * Where an import writes its output log.
   *
   * @param uri the URI as the client gave it
   * @param path the file it names, inside the import directory (null for a job restored after a restart)
   */
  record Output(String uri, Path path) {}

  /**
   * Checks an {@code inputBlobUri}.
   *
   * @throws ApiError 400 InvalidArgument for a malformed URI, another scheme, or a file outside the import directory
   */
  Input input(String text) {
    URI uri = parse(text);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return new HttpsInput(text, uri, this);
    }
    if (!scheme.equals("file")) {
      throw outside(text, "Only file: URIs inside the hub's import directory and https: URIs are supported.");
    }
    return new FileInput(text, inside(text, uri), directory);
  }

  /**
   * Checks an {@code outputBlobUri}.
   *
   * @throws ApiError 400 InvalidArgument unless it is a {@code file:} URI inside the import directory
   */
  Output output(String text) {
    URI uri = parse(text);
    if (!uri.getScheme().equalsIgnoreCase("file")) {
      throw outside(text, "The output log is written to a file: URI inside the hub's import directory.");
    }
    return new Output(text, inside(text, uri));
  }

  /**
   * Refuses an output log that names the job's own input file, which creating the log would truncate.
   *
   * @throws ApiError 400 InvalidArgument when they are the same file
   */
  static void checkDistinct(Input input, Output output) {
    if (input instanceof FileInput file && file.path().equals(output.path())) {
      throw DigitalTwinsErrors.invalidArgument("Azure Storage Blob URI '" + output.uri() + "' failed validation."
          + " The output log must not be the input file.");
    }
  }

  /**
   * Creates (or truncates) the output log for writing. The path is checked again here, as a link could have been
   * swapped in since the job was created: the directory must still resolve inside the import directory, the file
   * itself must not be a symbolic link, and it must not be the input file.
   */
  BufferedWriter openOutput(Output output, Input input) throws IOException {
    Path parent = output.path().getParent().toRealPath();
    Path file = parent.resolve(output.path().getFileName());
    if (!parent.startsWith(directory)) {
      throw new IOException("The output log resolves outside the import directory");
    }
    if (input instanceof FileInput in && Files.exists(file, LinkOption.NOFOLLOW_LINKS)
        && Files.exists(in.path()) && Files.isSameFile(file, in.path())) {
      throw new IOException("The output log is the input file");
    }
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, LinkOption.NOFOLLOW_LINKS,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
        StandardCharsets.UTF_8));
  }

  private static URI parse(String text) {
    try {
      URI uri = new URI(text);
      if (uri.isAbsolute() && !uri.isOpaque()) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // the service's message below
    }
    throw DigitalTwinsErrors.invalidArgument("Azure Storage Blob URI '" + text + "' failed validation. Invalid URI:"
        + " The format of the URI could not be determined. Please check:"
        + " https://docs.microsoft.com/en-us/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata");
  }

  /** Resolves a file URI, refusing any path that is not strictly inside the import directory. */
  private Path inside(String text, URI uri) {
    Path path;
    try {
      path = Path.of(uri).normalize();
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw outside(text, "It does not name a local file.");
    }
    Path parent = path.getParent();
    try {
      Path realParent = parent == null ? null : parent.toRealPath();
      Path real = Files.exists(path) ? path.toRealPath() : realParent == null ? null : realParent.resolve(
          path.getFileName());
      if (real != null && real.startsWith(directory) && !real.equals(directory)) {
        return real;
      }
    } catch (IOException e) {
      // a missing parent directory cannot be inside the import directory
    }
    throw outside(text, "Files must be inside the hub's import directory " + directory + ".");
  }

  private static ApiError outside(String text, String why) {
    return DigitalTwinsErrors.invalidArgument("Azure Storage Blob URI '" + text + "' failed validation. " + why);
  }

  /** A file inside the import directory. */
  private record FileInput(String uri, Path path, Path directory) implements Input {
    @Override
    public InputStream open() throws IOException {
      // Checked again at open: a link could have been swapped in since the job was created.
      Path real = path.toRealPath();
      if (!real.startsWith(directory)) {
        throw new IOException("The input file resolves outside the import directory");
      }
      return Files.newInputStream(real);
    }
  }

  /**
   * An input fetched over HTTPS, trusting the JVM's certificate authorities. Redirects are not followed, so the hub
   * fetches only the URI the client named; every read waits at most the idle timeout, so a server that stalls
   * mid-body fails the job instead of holding the only job slot.
   */
  private record HttpsInput(String uri, URI target, JobUris uris) implements Input {

    @Override
    public InputStream open() throws IOException {
      HttpRequest request = HttpRequest.newBuilder(target).timeout(uris.idleTimeout).GET().build();
      try {
        HttpResponse<InputStream> response = uris.client().send(request,
            info -> new IdleTimeoutBody(uris.idleTimeout));
        if (response.statusCode() != 200) {
          response.body().close();
          throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
      } catch (HttpTimeoutException e) {
        throw new IOException("GET " + uri + " sent no response within " + uris.idleTimeout.toSeconds() + " s", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while fetching " + uri, e);
      }
    }
  }

  private HttpClient client() {
    HttpClient shared = client;
    if (shared == null) {
      synchronized (this) {
        shared = client;
        if (shared == null) {
          shared = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
              .build();
          client = shared;
        }
      }
    }
    return shared;
  }
}
