package io.twinsdk.hub.digitaltwins.twins;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.DIGITAL_TWIN_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.ETAG;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.METADATA;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.METADATA_MODEL;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.PROPERTY_SOURCE_TIME;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.dtdl.TwinValidator;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.core.json.JsonPatchOperation;
import io.twinsdk.core.json.JsonPointer;
import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsContext;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsErrors;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsETags;
import io.twinsdk.hub.digitaltwins.http.Patches;
import io.twinsdk.hub.digitaltwins.models.ModelCatalog;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import io.twinsdk.hub.http.Realm;
import io.twinsdk.hub.http.Router;
import io.twinsdk.hub.store.DigitalTwinRecord;
import io.twinsdk.hub.store.StoreTransaction;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The digital twin and component routes: create or replace, get, update with JSON Patch, delete.
 *
 * <p>Every write runs as one store write task, so writes to a twin apply one after another, each checked against the
 * twin as the previous one left it, and the answer goes out only after the commit is durable.
 */
public final class TwinRoutes {

  private final DigitalTwinsContext context;
  private final ModelCatalog catalog;

  /** Creates the routes over the store in {@code context}, validating against {@code catalog}. */
  public TwinRoutes(DigitalTwinsContext context, ModelCatalog catalog) {
    this.context = context;
    this.catalog = catalog;
  }

  /** Adds the routes to {@code router}. */
  public void register(Router router) {
    router.add("GET", "/digitaltwins/{id}", Realm.DIGITAL_TWINS, this::get)
        .add("PUT", "/digitaltwins/{id}", Realm.DIGITAL_TWINS, this::put)
        .add("PATCH", "/digitaltwins/{id}", Realm.DIGITAL_TWINS, this::patch)
        .add("DELETE", "/digitaltwins/{id}", Realm.DIGITAL_TWINS, this::delete)
        .add("GET", "/digitaltwins/{id}/components/{component}", Realm.DIGITAL_TWINS, this::getComponent)
        .add("PATCH", "/digitaltwins/{id}/components/{component}", Realm.DIGITAL_TWINS, this::patchComponent);
  }

  /**
   * Returns the twin, or throws 404 DigitalTwinNotFound; for every route that addresses a twin.
   */
  public static DigitalTwinRecord require(StoreTransaction tx, String twinId) {
    return tx.digitalTwins().find(twinId).orElseThrow(() -> DigitalTwinsErrors.twinNotFound(twinId));
  }

  /**
   * Returns the component object of a twin, or throws 404 ComponentNotFound.
   */
  public static ObjectNode requireComponent(DigitalTwinRecord twin, String component) {
    JsonNode value = twin.document().get(component);
    if (component.startsWith("$") || value == null || !value.isObject() || !value.has(METADATA)) {
      throw ApiError.digitalTwins(404, "ComponentNotFound", "There is no component named " + component
          + " on the digital twin " + twin.id() + ". Check the component name against the twin's model.");
    }
    return (ObjectNode) value;
  }

  private CompletableFuture<HttpResult> get(HttpExchange exchange) {
    String id = exchange.pathParameter("id");
    return context.store().read(tx -> {
      DigitalTwinRecord twin = require(tx, id);
      return HttpResult.json(200, twin.document()).withHeader("ETag", twin.etag());
    });
  }

  private CompletableFuture<HttpResult> put(HttpExchange exchange) {
    String id = exchange.pathParameter("id");
    boolean mustBeNew = DigitalTwinsETags.ifNoneMatch(exchange);
    JsonNode body = exchange.jsonBody(Realm.DIGITAL_TWINS);
    if (!body.isObject()) {
      throw DigitalTwinsErrors.invalidArgument("The request body must be a digital twin JSON object.");
    }
    ObjectNode given = ((ObjectNode) body).deepCopy();
    // The path names the twin ("If provided, the $dtId property is ignored"); the hub assigns the ETag.
    given.remove(DIGITAL_TWIN_ID);
    given.remove(ETAG);
    Instant now = context.now();
    return context.store().write(tx -> {
      Optional<DigitalTwinRecord> existing = tx.digitalTwins().find(id);
      if (mustBeNew && existing.isPresent()) {
        throw DigitalTwinsErrors.twinAlreadyExists(id);
      }
      ObjectNode twin = createOrReplace(tx, id, given, now, existing);
      return HttpResult.json(200, twin).withHeader("ETag", twin.get(ETAG).textValue());
    });
  }

  /**
   * Creates or replaces twin {@code id} from {@code given} (without {@code $dtId} and {@code $etag}) inside the write
   * transaction {@code tx} and returns the stored document; shared by {@code PUT} and import jobs. A replaced twin
   * may keep a model decommissioned since it was created, and is published as {@code DIGITAL_TWIN_REPLACED}.
   *
   * @throws ApiError 400 ValidationFailed or ModelDecommissioned, before anything is written
   */
  public ObjectNode create(StoreTransaction tx, String id, ObjectNode given, Instant now) {
    return createOrReplace(tx, id, given, now, tx.digitalTwins().find(id));
  }

  private ObjectNode createOrReplace(StoreTransaction tx, String id, ObjectNode given, Instant now,
      Optional<DigitalTwinRecord> existing) {
    String etag = DigitalTwinsETags.next();
    ObjectNode twin = TwinDocuments.build(id, etag, given, validator(tx), TwinDocuments.Changes.ALL, now);
    store(tx, id, etag, twin, now, existing.map(DigitalTwinRecord::modelId).orElse(null));
    ChangeEvent.Kind kind = existing.isPresent() ? ChangeEvent.Kind.DIGITAL_TWIN_REPLACED
        : ChangeEvent.Kind.DIGITAL_TWIN_CREATED;
    tx.emitAfterCommit(new ChangeEvent(kind, id, 0, twin, now));
    return twin;
  }

  private CompletableFuture<HttpResult> patch(HttpExchange exchange) {
    return update(exchange, JsonPointer.root());
  }

  private CompletableFuture<HttpResult> patchComponent(HttpExchange exchange) {
    String component = exchange.pathParameter("component");
    return update(exchange, JsonPointer.of(component));
  }

  private CompletableFuture<HttpResult> update(HttpExchange exchange, JsonPointer component) {
    String id = exchange.pathParameter("id");
    DigitalTwinsETags.IfMatch ifMatch = DigitalTwinsETags.ifMatch(exchange);
    JsonPatch patch = Patches.read(exchange, component);
    checkPaths(patch);
    Instant now = context.now();
    return context.store().write(tx -> {
      DigitalTwinRecord current = require(tx, id);
      if (!component.isRoot()) {
        requireComponent(current, component.last());
      }
      ifMatch.check(current.etag());
      ObjectNode working = current.document().deepCopy();
      prepareSourceTimes(working, patch);
      JsonNode patched = Patches.apply(patch, working);
      TwinDocuments.pruneMetadata((ObjectNode) patched);
      String etag = DigitalTwinsETags.next();
      ObjectNode twin = TwinDocuments.build(id, etag, (ObjectNode) patched, validator(tx), changes(patch), now);
      store(tx, id, etag, twin, now, current.modelId());
      tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.DIGITAL_TWIN_UPDATED, id, 0, patch.toJsonNode(), now));
      return HttpResult.empty(204).withHeader("ETag", etag);
    });
  }

  private CompletableFuture<HttpResult> delete(HttpExchange exchange) {
    String id = exchange.pathParameter("id");
    DigitalTwinsETags.IfMatch ifMatch = DigitalTwinsETags.ifMatch(exchange);
    Instant now = context.now();
    return context.store().write(tx -> {
      DigitalTwinRecord current = require(tx, id);
      ifMatch.check(current.etag());
      if (tx.relationships().hasAny(id)) {
        throw ApiError.digitalTwins(400, "RelationshipsNotDeleted", "The digital twin " + id + " contains"
            + " relationships. Delete its incoming and outgoing relationships first.");
      }
      tx.digitalTwins().delete(id);
      tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.DIGITAL_TWIN_DELETED, id, 0, current.document(), now));
      return HttpResult.empty(204);
    });
  }

  private CompletableFuture<HttpResult> getComponent(HttpExchange exchange) {
    String id = exchange.pathParameter("id");
    String component = exchange.pathParameter("component");
    return context.store().read(tx -> {
      DigitalTwinRecord twin = require(tx, id);
      return HttpResult.json(200, requireComponent(twin, component)).withHeader("ETag", twin.etag());
    });
  }

  /** Validates against the models as the write sees them, so a model written just before in its commit counts. */
  private TwinValidator validator(StoreTransaction tx) {
    return TwinValidator.of(catalog.current(tx));
  }

  /** Stores the twin, refusing a decommissioned model unless the twin already had it. */
  private static void store(StoreTransaction tx, String id, String etag, ObjectNode twin, Instant now,
      String previousModel) {
    String modelId = twin.get(METADATA).get(METADATA_MODEL).textValue();
    if (!modelId.equals(previousModel)
        && tx.models().decommissioned(modelId).orElse(false)) {
      throw ApiError.digitalTwins(400, "ModelDecommissioned", "The model " + modelId + " is decommissioned; new"
          + " twins cannot use it.");
    }
    tx.digitalTwins().put(new DigitalTwinRecord(id, modelId, etag, twin, now));
  }

  /**
   * Refuses paths into what the hub maintains: {@code $dtId}, {@code $etag} and {@code $metadata} other than
   * {@code /$metadata/$model} and the {@code sourceTime} of a property.
   */
  private static void checkPaths(JsonPatch patch) {
    for (JsonPatchOperation operation : patch.operations()) {
      List<String> tokens = operation.path().tokens();
      boolean allowed;
      if (tokens.isEmpty() || tokens.get(0).startsWith("$") && !tokens.get(0).equals(METADATA)) {
        allowed = false;
      } else if (tokens.get(0).equals(METADATA)) {
        allowed = tokens.equals(List.of(METADATA, METADATA_MODEL)) && operation.op() != JsonPatchOperation.Op.REMOVE
            || isSourceTime(tokens, 1);
      } else {
        allowed = tokens.size() < 2 || !tokens.get(1).equals(METADATA) || isSourceTime(tokens, 2);
      }
      if (!allowed) {
        throw DigitalTwinsErrors.jsonPatchInvalid("The path " + operation.path() + " cannot be patched: $dtId, $etag"
            + " and $metadata are maintained by the service, except /$metadata/$model and"
            + " /$metadata/<property>/sourceTime.");
      }
    }
  }

  private static boolean isSourceTime(List<String> tokens, int propertyIndex) {
    return tokens.size() == propertyIndex + 2 && !tokens.get(propertyIndex).startsWith("$")
        && tokens.get(propertyIndex + 1).equals(PROPERTY_SOURCE_TIME);
  }

  /**
   * Makes {@code sourceTime} patches apply to properties that have none yet: the clients send {@code replace} for a
   * first sourceTime too, so the member is created (as null) before the patch runs.
   */
  private static void prepareSourceTimes(ObjectNode twin, JsonPatch patch) {
    for (JsonPatchOperation operation : patch.operations()) {
      List<String> tokens = operation.path().tokens();
      if (operation.op() == JsonPatchOperation.Op.REMOVE || !tokens.get(tokens.size() - 1).equals(PROPERTY_SOURCE_TIME)
          || tokens.size() < 3) {
        continue;
      }
      JsonNode parent = twin;
      for (String token : tokens.subList(0, tokens.size() - 1)) {
        parent = parent.isObject() && !parent.has(token) ? ((ObjectNode) parent).putObject(token) : parent.path(token);
      }
      if (parent.isObject() && !parent.has(PROPERTY_SOURCE_TIME)) {
        ((ObjectNode) parent).putNull(PROPERTY_SOURCE_TIME);
      }
    }
  }

  /** The properties a patch writes: the first path token, or component and property. */
  private static TwinDocuments.Changes changes(JsonPatch patch) {
    Set<String> topLevel = new HashSet<>();
    Set<String> wholeComponents = new HashSet<>();
    Set<List<String>> componentProperties = new HashSet<>();
    for (JsonPatchOperation operation : patch.operations()) {
      List<String> tokens = operation.path().tokens();
      if (tokens.get(0).equals(METADATA)) {
        continue;
      }
      topLevel.add(tokens.get(0));
      if (tokens.size() == 1) {
        wholeComponents.add(tokens.get(0));
      } else if (!tokens.get(1).equals(METADATA)) {
        componentProperties.add(List.of(tokens.get(0), tokens.get(1)));
      }
    }
    return (component, property) -> component == null ? topLevel.contains(property)
        : wholeComponents.contains(component) || componentProperties.contains(List.of(component, property));
  }
}
