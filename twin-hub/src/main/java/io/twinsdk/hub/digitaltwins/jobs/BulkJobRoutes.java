package io.twinsdk.hub.digitaltwins.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsErrors;
import io.twinsdk.hub.digitaltwins.http.Paging;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import io.twinsdk.hub.http.Realm;
import io.twinsdk.hub.http.Router;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The bulk job routes: import jobs ({@code PUT/GET/DELETE /jobs/imports/{id}}, {@code GET /jobs/imports},
 * {@code POST /jobs/imports/{id}/cancel}) and delete jobs ({@code POST /jobs/deletions} answering 202 with
 * {@code Operation-Location}, {@code GET /jobs/deletions[/{id}]}; the older {@code /jobs/delete} paths are aliases).
 * Reads answer from the job table on the event loop; creating, cancelling and deleting answer once the store has the
 * change.
 */
public final class BulkJobRoutes {

  private static final int MAX_JOB_ID_LENGTH = 128;

  private final BulkJobs jobs;

  /** Creates the routes over {@code jobs}. */
  public BulkJobRoutes(BulkJobs jobs) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
  }

  /** Adds the routes to {@code router}. */
  public Router register(Router router) {
    router.add("PUT", "/jobs/imports/{id}", Realm.DIGITAL_TWINS, this::createImport)
        .add("GET", "/jobs/imports/{id}", Realm.DIGITAL_TWINS, this::getImport)
        .add("DELETE", "/jobs/imports/{id}", Realm.DIGITAL_TWINS, this::deleteImport)
        .add("POST", "/jobs/imports/{id}/cancel", Realm.DIGITAL_TWINS, this::cancelImport)
        .add("GET", "/jobs/imports", Realm.DIGITAL_TWINS, this::listImports);
    for (String deletions : List.of("/jobs/deletions", "/jobs/delete")) {
      router.add("POST", deletions, Realm.DIGITAL_TWINS, this::createDeletion)
          .add("GET", deletions, Realm.DIGITAL_TWINS, this::listDeletions)
          .add("GET", deletions + "/{id}", Realm.DIGITAL_TWINS, this::getDeletion);
    }
    return router;
  }

  private CompletableFuture<HttpResult> createImport(HttpExchange exchange) {
    String id = jobId(exchange.pathParameter("id"));
    JsonNode body = exchange.jsonBody(Realm.DIGITAL_TWINS);
    return jobs.createImport(id, requiredUri(body, "inputBlobUri"), requiredUri(body, "outputBlobUri"))
        .thenApply(created -> HttpResult.json(201, created));
  }

  private static String requiredUri(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw DigitalTwinsErrors.validationFailed("The import job needs " + field + ".", List.of());
    }
    return value.textValue();
  }

  private CompletableFuture<HttpResult> getImport(HttpExchange exchange) {
    return done(HttpResult.json(200, requireImport(exchange).toJson()));
  }

  private CompletableFuture<HttpResult> cancelImport(HttpExchange exchange) {
    return jobs.cancelImport(requireImport(exchange)).thenApply(job -> HttpResult.json(200, job));
  }

  private CompletableFuture<HttpResult> deleteImport(HttpExchange exchange) {
    String id = exchange.pathParameter("id");
    return jobs.deleteImport(id).thenApply(existed -> {
      if (!existed) {
        throw jobNotFound(id);
      }
      return HttpResult.empty(204);
    });
  }

  private CompletableFuture<HttpResult> listImports(HttpExchange exchange) {
    int pageSize = Paging.pageSize(exchange);
    String after = Paging.continuation(exchange, 1).map(keys -> keys.get(0)).orElse(null);
    return done(Paging.page(exchange, jobs.listImports(after, pageSize + 1), pageSize, BulkJob::toJson,
        job -> List.of(job.id())));
  }

  private ImportJob requireImport(HttpExchange exchange) {
    String id = exchange.pathParameter("id");
    return jobs.findImport(id).orElseThrow(() -> jobNotFound(id));
  }

  private CompletableFuture<HttpResult> createDeletion(HttpExchange exchange) {
    String id = jobId(exchange.header("operation-id").orElseGet(() -> UUID.randomUUID().toString()));
    Duration timeout = exchange.query("timeoutInMinutes").map(BulkJobRoutes::timeout)
        .orElse(BulkJobs.DEFAULT_DELETE_TIMEOUT);
    String location = exchange.baseUrl() + "/jobs/deletions/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
        .replace("+", "%20") + exchange.query("api-version").map(v -> "?api-version=" + v).orElse("");
    return jobs.createDeletion(id, timeout).thenApply(created -> HttpResult.json(202, created)
        .withHeader("Operation-Location", location).withHeader("Operation-Id", id));
  }

  private static Duration timeout(String minutes) {
    try {
      Duration timeout = Duration.ofMinutes(Integer.parseInt(minutes.strip()));
      if (timeout.compareTo(BulkJobs.MIN_DELETE_TIMEOUT) >= 0 && timeout.compareTo(BulkJobs.MAX_DELETE_TIMEOUT) <= 0) {
        return timeout;
      }
    } catch (NumberFormatException e) {
      // the error below
    }
    throw DigitalTwinsErrors.invalidArgument("timeoutInMinutes must be a whole number of minutes from "
        + BulkJobs.MIN_DELETE_TIMEOUT.toMinutes() + " to " + BulkJobs.MAX_DELETE_TIMEOUT.toMinutes() + ".");
  }

  private CompletableFuture<HttpResult> getDeletion(HttpExchange exchange) {
    String id = exchange.pathParameter("id");
    DeleteJob job = jobs.findDeletion(id).orElseThrow(() -> ApiError.digitalTwins(404, "DeleteJobNotFound",
        "There is no delete job that matches the provided id " + id + "."));
    return done(HttpResult.json(200, job.toJson()));
  }

  private CompletableFuture<HttpResult> listDeletions(HttpExchange exchange) {
    int pageSize = Paging.pageSize(exchange);
    String after = Paging.continuation(exchange, 1).map(keys -> keys.get(0)).orElse(null);
    return done(Paging.page(exchange, jobs.listDeletions(after, pageSize + 1), pageSize, BulkJob::toJson,
        job -> List.of(job.id())));
  }

  private static String jobId(String id) {
    if (id.isBlank() || id.length() > MAX_JOB_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
      throw DigitalTwinsErrors.invalidArgument("A job id must have 1 to " + MAX_JOB_ID_LENGTH
          + " characters and no control characters.");
    }
    return id;
  }

  private static ApiError jobNotFound(String id) {
    return ApiError.digitalTwins(404, "JobNotFound", "There is no job available that matches the provided id " + id
        + ". Check that the Job ID provided is valid by doing a Jobs_List API call.");
  }

  private static CompletableFuture<HttpResult> done(HttpResult result) {
    return CompletableFuture.completedFuture(result);
  }
}
