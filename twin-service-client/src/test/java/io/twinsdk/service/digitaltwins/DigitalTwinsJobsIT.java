package io.twinsdk.service.digitaltwins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.digitaltwin.BasicDigitalTwin;
import io.twinsdk.service.AlreadyExistsException;
import io.twinsdk.service.HubClients;
import io.twinsdk.service.NotFoundException;
import io.twinsdk.service.ServiceException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import and delete jobs through the Digital Twins client, sync and async, against the embedded hub. The delete job
 * empties the instance, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigitalTwinsJobsIT {

  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  static Path data;

  private static HubClients hub;
  private static DigitalTwinsClient client;
  private static DigitalTwinsAsyncClient asyncClient;
  private static Path imports;

  @BeforeAll
  static void startHub() {
    hub = HubClients.start(data);
    imports = hub.hub().options().importDirectory();
    client = hub.digitalTwins().buildClient();
    asyncClient = hub.digitalTwins().buildAsyncClient();
  }

  @AfterAll
  static void stopHub() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {client, asyncClient, hub}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  private static URI importFile(String name, String model, int twins) throws Exception {
    StringBuilder file = new StringBuilder("{\"Section\": \"Header\"}\n{\"fileVersion\": \"1.0.0\"}\n");
    file.append("{\"Section\": \"Models\"}\n{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"").append(model)
        .append("\",\"@type\":\"Interface\",\"contents\":[{\"@type\":\"Property\",\"name\":\"n\","
            + "\"schema\":\"integer\"}]}\n");
    file.append("{\"Section\": \"Twins\"}\n");
    for (int i = 0; i < twins; i++) {
      file.append("{\"$dtId\":\"").append(name).append('-').append(i).append("\",\"$metadata\":{\"$model\":\"")
          .append(model).append("\"},\"n\":").append(i).append("}\n");
    }
    return Files.writeString(imports.resolve(name + ".ndjson"), file).toUri();
  }

  @Test
  @Order(1)
  void importJobRunsToTheEndReportingProgress() throws Exception {
    URI input = importFile("imp", "dtmi:test:Imported;1", 3);
    URI output = imports.resolve("imp-log.ndjson").toUri();

    ImportJob created = client.createImportJob("imp-1", input, output);
    List<String> seen = new CopyOnWriteArrayList<>();
    ImportJob finished = client.waitForImportJob("imp-1", POLL, WAIT, job -> seen.add(job.status()));

    assertThat(created.id()).isEqualTo("imp-1");
    assertThat(created.inputBlobUri()).hasValue(input);
    assertThat(finished.status()).isEqualTo("succeeded");
    assertThat(finished.finishedDateTime()).isPresent();
    assertThat(seen).isNotEmpty().last().isEqualTo("succeeded");
    assertThat(client.getDigitalTwin("imp-2", BasicDigitalTwin.class).property("n", Integer.class)).hasValue(2);
    assertThat(Files.readString(imports.resolve("imp-log.ndjson"))).contains("\"Succeeded\"");
  }

  @Test
  @Order(2)
  void importJobsAreListedGotCancelledAndDeleted() throws Exception {
    client.createImportJob("imp-2", importFile("imp2", "dtmi:test:Imported2;1", 1),
        imports.resolve("imp2-log.ndjson").toUri());
    client.waitForImportJob("imp-2", POLL, WAIT, job -> { });

    List<String> ids = client.listImportJobs().stream().map(ImportJob::id).collect(Collectors.toList());
    ImportJob afterCancel = client.cancelImportJob("imp-2");
    ImportJob got = client.getImportJob("imp-2");
    client.deleteImportJob("imp-2");

    assertThat(ids).contains("imp-1", "imp-2");
    assertThat(afterCancel.isFinished()).isTrue();
    assertThat(got.id()).isEqualTo("imp-2");
    assertThatThrownBy(() -> client.getImportJob("imp-2")).isInstanceOf(NotFoundException.class);
  }

  @Test
  @Order(3)
  void duplicateImportJobIdIsAlreadyExists() {
    URI input = imports.resolve("x.ndjson").toUri();
    URI output = imports.resolve("x-log.ndjson").toUri();

    assertThatThrownBy(() -> client.createImportJob("imp-1", input, output))
        .isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  @Order(4)
  void importFromOutsideTheImportDirectoryIsRefused() {
    assertThatThrownBy(() -> client.createImportJob("imp-bad", URI.create("file:///etc/passwd"),
        imports.resolve("bad-log.ndjson").toUri()))
        .isInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(400));
  }

  @Test
  @Order(5)
  void asyncImportPollerCompletesOnTheCallbackExecutor() throws Exception {
    URI input = importFile("aimp", "dtmi:test:AsyncImported;1", 2);
    asyncClient.createImportJob("imp-async", input, imports.resolve("aimp-log.ndjson").toUri())
        .get(30, TimeUnit.SECONDS);
    List<String> threads = new CopyOnWriteArrayList<>();

    ImportJob finished = asyncClient.pollImportJob("imp-async", POLL, WAIT,
        job -> threads.add(Thread.currentThread().getName())).get(60, TimeUnit.SECONDS);

    assertThat(finished.status()).isEqualTo("succeeded");
    assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("twin-service-callback-"));
  }

  @Test
  @Order(6)
  void deleteJobEmptiesTheInstance() throws Exception {
    DeleteJob started = client.createDeleteJob();
    DeleteJob finished = client.waitForDeleteJob(started.id(), POLL, WAIT, job -> { });
    List<String> listed = client.listDeleteJobs().stream().map(DeleteJob::id).collect(Collectors.toList());
    DeleteJob got = asyncClient.getDeleteJob(started.id()).get(30, TimeUnit.SECONDS);

    assertThat(finished.status()).isEqualTo("succeeded");
    assertThat(listed).contains(started.id());
    assertThat(got.isFinished()).isTrue();
    assertThat(client.query("SELECT * FROM DIGITALTWINS", JsonNode.class).stream().count()).isZero();
    assertThatThrownBy(() -> client.getModel("dtmi:test:Imported;1")).isInstanceOf(NotFoundException.class);
  }
}
