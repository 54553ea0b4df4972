package io.twinsdk.hub.digitaltwins.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.digitaltwin.DigitalTwinsTimestamps;
import io.twinsdk.core.dtdl.ContentKind;
import io.twinsdk.core.dtdl.DtdlComponent;
import io.twinsdk.core.dtdl.DtdlContent;
import io.twinsdk.core.dtdl.DtdlException;
import io.twinsdk.core.dtdl.DtdlInterface;
import io.twinsdk.core.dtdl.DtdlParser;
import io.twinsdk.core.dtdl.Dtmi;
import io.twinsdk.core.dtdl.ModelError;
import io.twinsdk.core.dtdl.ModelSet;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.core.json.JsonPatchException;
import io.twinsdk.core.json.JsonPatchOperation;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsContext;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsErrors;
import io.twinsdk.hub.digitaltwins.http.Paging;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import io.twinsdk.hub.http.Realm;
import io.twinsdk.hub.http.Router;
import io.twinsdk.hub.store.ModelRecord;
import io.twinsdk.hub.store.ModelReference;
import io.twinsdk.hub.store.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The models routes: add a batch, list, get, decommission and delete.
 *
 * <p>A batch is parsed against a snapshot of the stored models outside the write transaction; the write task then only
 * re-checks what another request may have changed meanwhile (its ids still new, the models it references still
 * stored) and inserts; if other models were added meanwhile, the batch is parsed again outside (a few times, then
 * inside, so it always ends). A batch is all-or-nothing: if any model is invalid or exists, nothing is stored.
 */
public final class ModelRoutes {

  private static final String INCLUDE_DEFINITION = "includeModelDefinition";
  private static final String DEPENDENCIES_FOR = "dependenciesFor";
  /**
   * The most models one {@code POST /models} may create (the service limit "models that can be uploaded in a single API
   * call"; import jobs are not bound by it).
   */
  static final int MAX_MODELS_PER_CALL = 250;
  /** The largest model, as compact JSON: 1 MiB, the service's "maximum size of a single model" and DTDL v3's limit. */
  static final int MAX_MODEL_BYTES = 1024 * 1024;
  /** How often a batch is parsed again outside the write when other batches keep landing first. */
  private static final int REPARSE_ATTEMPTS = 3;

  private final DigitalTwinsContext context;
  private final ModelCatalog catalog;

  /** Creates the routes over the store in {@code context}, keeping {@code catalog} in step with it. */
  public ModelRoutes(DigitalTwinsContext context, ModelCatalog catalog) {
    this.context = context;
    this.catalog = catalog;
  }

  /** Adds the routes to {@code router}. */
  public void register(Router router) {
    router.add("POST", "/models", Realm.DIGITAL_TWINS, this::add)
        .add("GET", "/models", Realm.DIGITAL_TWINS, this::list)
        .add("GET", "/models/{id}", Realm.DIGITAL_TWINS, this::get)
        .add("PATCH", "/models/{id}", Realm.DIGITAL_TWINS, this::update)
        .add("DELETE", "/models/{id}", Realm.DIGITAL_TWINS, this::delete);
  }

  private CompletableFuture<HttpResult> add(HttpExchange exchange) {
    JsonNode body = exchange.jsonBody(Realm.DIGITAL_TWINS);
    if (!body.isArray() || body.isEmpty()) {
      throw DigitalTwinsErrors.invalidArgument("The request body must be a non-empty JSON array of DTDL models.");
    }
    if (body.size() > MAX_MODELS_PER_CALL) {
      throw limitExceeded("A request can create at most " + MAX_MODELS_PER_CALL + " models, not " + body.size()
          + ". Upload the models in several calls, or with an import job.");
    }
    List<JsonNode> documents = new ArrayList<>();
    for (JsonNode document : body) {
      if (!document.isObject()) {
        throw DigitalTwinsErrors.invalidArgument("Each item of the request body must be one DTDL Interface object.");
      }
      int size = Json.write(document).getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_MODEL_BYTES) {
        throw limitExceeded("The model " + document.path("@id").asText("without @id") + " is " + size
            + " bytes; a model can be at most " + MAX_MODEL_BYTES + " bytes.");
      }
      documents.add(document);
    }
    return addPrepared(documents, context.now(), REPARSE_ATTEMPTS);
  }

  /**
   * Parses the batch on a reader thread (DTDL parsing is the costly part of a batch: off the event loop and off the
   * single writer, twin writes queued meanwhile are not held up behind it), then commits it. If other models were
   * added in between, the batch is parsed again outside; the last attempt parses inside the write so it always ends.
   */
  private CompletableFuture<HttpResult> addPrepared(List<JsonNode> documents, Instant now, int attemptsLeft) {
    return context.store().read(tx -> prepare(documents))
        .thenCompose(batch -> context.store()
            .write(tx -> HttpResult.json(201, commit(tx, batch, now, attemptsLeft == 0))))
        .exceptionallyCompose(failure -> unwrap(failure) instanceof StaleBatchException
            ? addPrepared(documents, now, attemptsLeft - 1)
            : CompletableFuture.failedFuture(failure));
  }

  private static ApiError limitExceeded(String message) {
    return ApiError.digitalTwins(400, "LimitExceeded", message);
  }

  /**
   * Adds a batch of DTDL Interface objects inside the write transaction {@code tx}, all or nothing, and returns the
   * created models' data; used by import jobs, which already run on the writer.
   *
   * @throws ApiError 400 DTDLParserError or 409 ModelIdAlreadyExists, before anything is written
   */
  public ArrayNode addModels(StoreTransaction tx, List<JsonNode> documents, Instant now) {
    return commit(tx, prepare(documents), now, true);
  }

  /**
   * Parses and validates {@code documents} against the models stored now; any thread may call it, nothing is written.
   *
   * @throws ApiError 400 DTDLParserError or 409 ModelIdAlreadyExists
   */
  PreparedBatch prepare(List<JsonNode> documents) {
    ModelSet base = catalog.current();
    return new PreparedBatch(List.copyOf(documents), base, parse(documents, base));
  }

  /**
   * Stores a prepared batch inside the write transaction {@code tx} and makes it part of the catalog once {@code tx}
   * commits. What may have changed since the batch was parsed is checked again first: its ids must still be new, and
   * the stored models it references must still exist.
   *
   * @param mayParse whether to parse the batch again here when other models were added since it was parsed
   * @throws ApiError 400 DTDLParserError or 409 ModelIdAlreadyExists, before anything is written
   * @throws StaleBatchException when other models were added since and {@code mayParse} is false
   */
  ArrayNode commit(StoreTransaction tx, PreparedBatch batch, Instant now, boolean mayParse) {
    ModelSet after = rebase(batch, catalog.current(tx), mayParse);
    ArrayNode created = JsonNodeFactory.instance.arrayNode();
    for (JsonNode document : batch.documents()) {
      String id = document.path("@id").asText();
      DtdlInterface model = after.get(Dtmi.parse(id)).orElseThrow();
      ModelRecord record = new ModelRecord(id, (ObjectNode) document, false, now);
      tx.models().insert(record, references(model), model.ancestors().stream().map(Dtmi::toString).toList());
      created.add(modelData(record, false));
    }
    catalog.replace(tx, after);
    return created;
  }

  /**
   * The catalog with the batch added, given that {@code current} may differ from the set the batch was parsed
   * against: other batches may have been added and models deleted in between.
   */
  private static ModelSet rebase(PreparedBatch batch, ModelSet current, boolean mayParse) {
    if (current == batch.base()) {
      return batch.parsed();
    }
    List<String> existing = batch.ids().stream().filter(current::contains).map(Dtmi::toString).toList();
    if (!existing.isEmpty()) {
      throw DigitalTwinsErrors.modelIdAlreadyExists(existing);
    }
    List<Dtmi> deleted = batch.base().ids().stream().filter(id -> !current.contains(id)).toList();
    ModelSet rebased;
    try {
      rebased = batch.parsed().without(deleted);
    } catch (IllegalStateException e) {
      throw parserError("a model it references was deleted while the request was processed. " + e.getMessage(),
          List.of());
    }
    if (rebased.size() - batch.ids().size() == current.size()) {
      return rebased;
    }
    // Other models arrived meanwhile: merging resolved sets needs the parser.
    if (!mayParse) {
      throw new StaleBatchException();
    }
    return parse(batch.documents(), current);
  }

  /** A prepared batch needs parsing again: other models were added after it was parsed. Nothing was written. */
  static final class StaleBatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StaleBatchException() {
      super("Other models were added while the batch was parsed", null, false, false);
    }
  }

  /**
   * A batch parsed outside the write transaction.
   *
   * @param documents the Interfaces as uploaded
   * @param base the catalog they were parsed against
   * @param parsed {@code base} with the batch added
   */
  record PreparedBatch(List<JsonNode> documents, ModelSet base, ModelSet parsed) {

    /** The ids the batch defines. */
    List<Dtmi> ids() {
      return documents.stream().map(document -> Dtmi.parse(document.path("@id").asText())).toList();
    }
  }

  private static ModelSet parse(List<JsonNode> documents, ModelSet stored) {
    ModelSet after;
    try {
      after = DtdlParser.create().parse(documents, stored);
    } catch (DtdlException e) {
      List<String> existing = e.errors().stream().filter(error -> error.code() == ModelError.Code.ALREADY_EXISTS)
          .map(error -> error.modelId().orElse(error.pointer())).distinct().toList();
      if (!existing.isEmpty()) {
        throw DigitalTwinsErrors.modelIdAlreadyExists(existing);
      }
      throw parserError(e.getMessage(), e.errors().stream().map(ModelError::toString).toList());
    }
    Set<Dtmi> topLevel = new LinkedHashSet<>();
    for (JsonNode document : documents) {
      Dtmi id = Dtmi.parse(document.path("@id").asText());
      topLevel.add(id);
      if (after.get(id).orElseThrow().declaresCommands()) {
        throw parserError("Model " + id + " defines a Command; Azure Digital Twins models must not define Commands.",
            List.of());
      }
    }
    for (Dtmi id : after.ids()) {
      if (!stored.contains(id) && !topLevel.contains(id)) {
        throw parserError("Interface " + id + " is defined inline; Azure Digital Twins needs every Interface as a"
            + " top-level model of its own.", List.of());
      }
    }
    return after;
  }

  private static ApiError parserError(String message, List<String> details) {
    return ApiError.digitalTwins(400, "DTDLParserError", "None of the models in this request could be created due to"
        + " a problem with one or more models: " + message, details);
  }

  private static List<ModelReference> references(DtdlInterface model) {
    List<ModelReference> references = new ArrayList<>();
    for (DtdlInterface base : model.bases()) {
      references.add(new ModelReference(base.id().toString(), ModelReference.Kind.EXTENDS));
    }
    for (DtdlContent content : model.contents()) {
      if (content.kind() == ContentKind.COMPONENT) {
        references.add(new ModelReference(((DtdlComponent) content).schema().id().toString(),
            ModelReference.Kind.COMPONENT));
      }
    }
    return references;
  }

  private CompletableFuture<HttpResult> list(HttpExchange exchange) {
    boolean includeDefinition = includeDefinition(exchange);
    int pageSize = Paging.pageSize(exchange);
    String after = Paging.continuation(exchange, 1).map(keys -> keys.get(0)).orElse(null);
    List<String> roots = exchange.queryAll(DEPENDENCIES_FOR).stream()
        .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
        .filter(value -> !value.isEmpty()).toList();
    List<Dtmi> rootIds = roots.stream().map(ModelRoutes::modelId).toList();
    return context.store().read(tx -> {
      List<ModelRecord> fetched = rootIds.isEmpty()
          ? tx.models().list(after, pageSize + 1)
          : dependencies(tx, rootIds, after, pageSize + 1);
      return Paging.page(exchange, fetched, pageSize, record -> modelData(record, includeDefinition),
          record -> List.of(record.id()), DEPENDENCIES_FOR, INCLUDE_DEFINITION);
    });
  }

  private List<ModelRecord> dependencies(StoreTransaction tx, List<Dtmi> roots, String after, int limit) {
    ModelSet models = catalog.current();
    TreeSet<String> ids = new TreeSet<>();
    for (Dtmi root : roots) {
      if (!models.contains(root)) {
        throw DigitalTwinsErrors.modelNotFound(root.toString());
      }
      ids.add(root.toString());
      models.dependenciesOf(root).forEach(id -> ids.add(id.toString()));
    }
    List<ModelRecord> records = new ArrayList<>();
    for (String id : after == null ? ids : ids.tailSet(after, false)) {
      if (records.size() == limit) {
        break;
      }
      tx.models().find(id).ifPresent(records::add);
    }
    return records;
  }

  private CompletableFuture<HttpResult> get(HttpExchange exchange) {
    String id = modelId(exchange.pathParameter("id")).toString();
    boolean includeDefinition = includeDefinition(exchange);
    return context.store().read(tx -> tx.models().find(id)
        .map(record -> HttpResult.json(200, modelData(record, includeDefinition)))
        .orElseThrow(() -> DigitalTwinsErrors.modelNotFound(id)));
  }

  private CompletableFuture<HttpResult> update(HttpExchange exchange) {
    String id = modelId(exchange.pathParameter("id")).toString();
    JsonPatch patch;
    try {
      patch = JsonPatch.fromJson(exchange.jsonBody(Realm.DIGITAL_TWINS));
    } catch (JsonPatchException e) {
      throw DigitalTwinsErrors.jsonPatchInvalid(e.getMessage());
    }
    for (JsonPatchOperation operation : patch.operations()) {
      if (operation.op() != JsonPatchOperation.Op.REPLACE || !operation.path().toString().equals("/decommissioned")) {
        throw DigitalTwinsErrors.jsonPatchInvalid("Only the decommissioned property can be replaced: the patch may"
            + " hold only {\"op\":\"replace\",\"path\":\"/decommissioned\",\"value\":true}.");
      }
      if (!operation.value().orElseThrow().isBoolean() || !operation.value().orElseThrow().booleanValue()) {
        throw DigitalTwinsErrors.invalidArgument("The decommissioned property can only be set to true; a"
            + " decommissioned model cannot be recommissioned.");
      }
    }
    return context.store().write(tx -> {
      if (tx.models().find(id).isEmpty()) {
        throw DigitalTwinsErrors.modelNotFound(id);
      }
      // The swagger's 409 reads "The model refers to models that are not decommissioned", worded like delete's 409
      // whose rule is "only if no other models reference it": so a model is decommissioned only after every model
      // extending it or using it as a Component is.
      List<String> active = tx.models().referencedBy(id).stream()
          .filter(referrer -> tx.models().find(referrer).map(record -> !record.decommissioned()).orElse(false))
          .toList();
      if (!active.isEmpty()) {
        throw ApiError.digitalTwins(409, "ModelReferencesNotDecommissioned", "The model " + id + " is referenced by "
            + String.join(", ", active) + ", which are not decommissioned. A model can only be decommissioned after"
            + " the models that reference it are.");
      }
      tx.models().setDecommissioned(id, true);
      return HttpResult.empty(204);
    });
  }

  private CompletableFuture<HttpResult> delete(HttpExchange exchange) {
    Dtmi id = modelId(exchange.pathParameter("id"));
    return context.store().write(tx -> {
      deleteModel(tx, id);
      return HttpResult.empty(204);
    });
  }

  /**
   * Deletes model {@code id} inside the write transaction {@code tx}; it leaves the catalog when {@code tx} commits.
   *
   * @throws ApiError 404 ModelNotFound or 409 ModelReferencesNotDeleted, before anything is written
   */
  void deleteModel(StoreTransaction tx, Dtmi id) {
    if (tx.models().find(id.toString()).isEmpty()) {
      throw DigitalTwinsErrors.modelNotFound(id.toString());
    }
    List<String> referencing = tx.models().referencedBy(id.toString());
    if (!referencing.isEmpty()) {
      throw ApiError.digitalTwins(409, "ModelReferencesNotDeleted", "The model " + id + " is referenced by "
          + String.join(", ", referencing) + ". A model can only be deleted if no other models reference it.");
    }
    tx.models().delete(id.toString());
    ModelSet models = catalog.current(tx);
    if (models.contains(id)) {
      catalog.replace(tx, models.without(List.of(id)));
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
  }

  private static boolean includeDefinition(HttpExchange exchange) {
    return exchange.query(INCLUDE_DEFINITION).map(value -> value.equalsIgnoreCase("true")).orElse(false);
  }

  private static Dtmi modelId(String text) {
    return Dtmi.tryParse(text).orElseThrow(() -> DigitalTwinsErrors.invalidModelId(text));
  }

  /** The service's {@code DigitalTwinsModelData}: id, language maps, decommissioned, upload time, the DTDL. */
  static ObjectNode modelData(ModelRecord record, boolean includeDefinition) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("id", record.id());
    data.set("description", languageMap(record.document().get("description")));
    data.set("displayName", languageMap(record.document().get("displayName")));
    data.put("decommissioned", record.decommissioned());
    data.put("uploadTime", DigitalTwinsTimestamps.format(record.uploadTime()));
    if (includeDefinition) {
      data.set("model", record.document().deepCopy());
    }
    return data;
  }

  /** DTDL allows a plain string for a localizable value, meaning English; the API always answers with a map. */
  private static ObjectNode languageMap(JsonNode value) {
    if (value == null || value.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (value.isTextual()) {
      return JsonNodeFactory.instance.objectNode().put("en", value.textValue());
    }
    return value.isObject() ? (ObjectNode) value.deepCopy() : JsonNodeFactory.instance.objectNode();
  }
}
