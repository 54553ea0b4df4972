package io.twinsdk.hub.digitaltwins.relationships;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.ETAG;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_LINK;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_NAME;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_SOURCE_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_TARGET_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.dtdl.Dtmi;
import io.twinsdk.core.dtdl.TwinValidator;
import io.twinsdk.core.dtdl.ValidationError;
import io.twinsdk.core.json.JsonPatch;
import io.twinsdk.core.json.JsonPatchOperation;
import io.twinsdk.core.json.JsonPointer;
import io.twinsdk.hub.bus.ChangeEvent;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsContext;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsErrors;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsETags;
import io.twinsdk.hub.digitaltwins.http.Paging;
import io.twinsdk.hub.digitaltwins.http.Patches;
import io.twinsdk.hub.digitaltwins.models.ModelCatalog;
import io.twinsdk.hub.digitaltwins.twins.TwinRoutes;
import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.http.HttpExchange;
import io.twinsdk.hub.http.HttpResult;
import io.twinsdk.hub.http.Realm;
import io.twinsdk.hub.http.Router;
import io.twinsdk.hub.store.DigitalTwinRecord;
import io.twinsdk.hub.store.RelationshipRecord;
import io.twinsdk.hub.store.StoreTransaction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The relationship routes: create or replace, get, update, delete, list a twin's relationships and its incoming ones.
 *
 * <p>A relationship is checked against the source twin's model: its name must be a Relationship of that model, the
 * target twin's model must be the declared target or extend it, and its properties must be the Relationship's.
 */
public final class RelationshipRoutes {

  private static final String RELATIONSHIP_NAME_PARAMETER = "relationshipName";
  /** The service's limit on a twin's outgoing relationships, and on its incoming ones. */
  static final int MAX_RELATIONSHIPS_PER_TWIN = 5_000;

  private final DigitalTwinsContext context;
  private final ModelCatalog catalog;

  /** Creates the routes over the store in {@code context}, validating against {@code catalog}. */
  public RelationshipRoutes(DigitalTwinsContext context, ModelCatalog catalog) {
    this.context = context;
    this.catalog = catalog;
  }

  /** Adds the routes to {@code router}. */
  public void register(Router router) {
    String one = "/digitaltwins/{id}/relationships/{relationshipId}";
    router.add("GET", one, Realm.DIGITAL_TWINS, this::get)
        .add("PUT", one, Realm.DIGITAL_TWINS, this::put)
        .add("PATCH", one, Realm.DIGITAL_TWINS, this::patch)
        .add("DELETE", one, Realm.DIGITAL_TWINS, this::delete)
        .add("GET", "/digitaltwins/{id}/relationships", Realm.DIGITAL_TWINS, this::list)
        .add("GET", "/digitaltwins/{id}/incomingrelationships", Realm.DIGITAL_TWINS, this::listIncoming);
  }

  private CompletableFuture<HttpResult> get(HttpExchange exchange) {
    String source = exchange.pathParameter("id");
    String id = exchange.pathParameter("relationshipId");
    return context.store().read(tx -> {
      RelationshipRecord relationship = require(tx, source, id);
      return HttpResult.json(200, relationship.document()).withHeader("ETag", relationship.etag());
    });
  }

  private CompletableFuture<HttpResult> put(HttpExchange exchange) {
    String source = exchange.pathParameter("id");
    String id = exchange.pathParameter("relationshipId");
    boolean mustBeNew = DigitalTwinsETags.ifNoneMatch(exchange);
    JsonNode body = exchange.jsonBody(Realm.DIGITAL_TWINS);
    if (!body.isObject()) {
      throw DigitalTwinsErrors.invalidArgument("The request body must be a relationship JSON object.");
    }
    Instant now = context.now();
    return context.store().write(tx -> {
      Optional<RelationshipRecord> existing = tx.relationships().find(source, id);
      if (mustBeNew && existing.isPresent()) {
        throw DigitalTwinsErrors.relationshipAlreadyExists(id);
      }
      ObjectNode document = createOrReplace(tx, source, id, (ObjectNode) body, now, existing);
      return HttpResult.json(200, document).withHeader("ETag", document.get(ETAG).textValue());
    });
  }

  /**
   * Creates or replaces relationship {@code id} of twin {@code source} from {@code body} (needing {@code $targetId}
   * and {@code $relationshipName}) inside the write transaction {@code tx} and returns the stored document; shared by
   * {@code PUT} and import jobs. A replaced relationship is published as {@code RELATIONSHIP_REPLACED}.
   *
   * @throws ApiError 400 InvalidArgument, OperationNotAllowed or ValidationFailed, 404 DigitalTwinNotFound or
   *     TargetTwinNotFound, before anything is written
   */
  public ObjectNode create(StoreTransaction tx, String source, String id, ObjectNode body, Instant now) {
    return createOrReplace(tx, source, id, body, now, tx.relationships().find(source, id));
  }

  private ObjectNode createOrReplace(StoreTransaction tx, String source, String id, ObjectNode body, Instant now,
      Optional<RelationshipRecord> existing) {
    String target = requiredText(body, RELATIONSHIP_TARGET_ID);
    String name = requiredText(body, RELATIONSHIP_NAME);
    if (target.equals(source)) {
      throw ApiError.digitalTwins(400, "OperationNotAllowed", "The relationship cannot connect to the same digital"
          + " twin.");
    }
    DigitalTwinRecord sourceTwin = TwinRoutes.require(tx, source);
    DigitalTwinRecord targetTwin = tx.digitalTwins().find(target).orElseThrow(() -> ApiError.digitalTwins(404,
        "TargetTwinNotFound", "The target digital twin " + target + " of the relationship was not found. Create"
            + " the target twin before the relationship."));
    String etag = DigitalTwinsETags.next();
    ObjectNode document = document(id, etag, source, name, target, body);
    validate(tx, document, sourceTwin, targetTwin);
    checkLimits(tx, source, target, existing);
    tx.relationships().put(new RelationshipRecord(source, id, target, name, etag, document));
    ChangeEvent.Kind kind = existing.isPresent() ? ChangeEvent.Kind.RELATIONSHIP_REPLACED
        : ChangeEvent.Kind.RELATIONSHIP_CREATED;
    tx.emitAfterCommit(new ChangeEvent(kind, source + "/" + id, 0, document, now));
    return document;
  }

  /**
   * Refuses a relationship that would give the source more than 5,000 outgoing or the target more than 5,000
   * incoming relationships; replacing one keeps the source's count, and the target's when the target stays.
   */
  private static void checkLimits(StoreTransaction tx, String source, String target,
      Optional<RelationshipRecord> replaced) {
    if (replaced.isEmpty() && tx.relationships().countOutgoing(source) >= MAX_RELATIONSHIPS_PER_TWIN) {
      throw limitExceeded("The digital twin " + source + " already has " + MAX_RELATIONSHIPS_PER_TWIN
          + " outgoing relationships, the most a twin can have.");
    }
    boolean newIncoming = replaced.map(relationship -> !relationship.targetId().equals(target)).orElse(true);
    if (newIncoming && tx.relationships().countIncoming(target) >= MAX_RELATIONSHIPS_PER_TWIN) {
      throw limitExceeded("The digital twin " + target + " already has " + MAX_RELATIONSHIPS_PER_TWIN
          + " incoming relationships, the most a twin can have.");
    }
  }

  // The reference names the limits but not the service's error for them; LimitExceeded is the code its swagger uses
  // for the other count limits (models per request, event routes), so a client handling limits sees one code.
  private static ApiError limitExceeded(String message) {
    return ApiError.digitalTwins(400, "LimitExceeded", message);
  }

  private CompletableFuture<HttpResult> patch(HttpExchange exchange) {
    String source = exchange.pathParameter("id");
    String id = exchange.pathParameter("relationshipId");
    DigitalTwinsETags.IfMatch ifMatch = DigitalTwinsETags.ifMatch(exchange);
    JsonPatch patch = Patches.read(exchange, JsonPointer.root());
    for (JsonPatchOperation operation : patch.operations()) {
      if (operation.path().isRoot() || operation.path().tokens().get(0).startsWith("$")) {
        throw DigitalTwinsErrors.jsonPatchInvalid("The path " + operation.path() + " cannot be patched: only the"
            + " relationship's properties can be updated.");
      }
    }
    Instant now = context.now();
    return context.store().write(tx -> {
      RelationshipRecord current = require(tx, source, id);
      ifMatch.check(current.etag());
      String etag = DigitalTwinsETags.next();
      ObjectNode document = (ObjectNode) Patches.apply(patch, current.document());
      document.put(ETAG, etag);
      validate(tx, document, TwinRoutes.require(tx, source), tx.digitalTwins().find(current.targetId()).orElse(null));
      tx.relationships().put(new RelationshipRecord(source, id, current.targetId(), current.name(), etag, document));
      tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.RELATIONSHIP_UPDATED, source + "/" + id, 0,
          patch.toJsonNode(), now));
      return HttpResult.empty(204).withHeader("ETag", etag);
    });
  }

  private CompletableFuture<HttpResult> delete(HttpExchange exchange) {
    String source = exchange.pathParameter("id");
    String id = exchange.pathParameter("relationshipId");
    DigitalTwinsETags.IfMatch ifMatch = DigitalTwinsETags.ifMatch(exchange);
    Instant now = context.now();
    return context.store().write(tx -> {
      RelationshipRecord current = require(tx, source, id);
      ifMatch.check(current.etag());
      tx.relationships().delete(source, id);
      tx.emitAfterCommit(new ChangeEvent(ChangeEvent.Kind.RELATIONSHIP_DELETED, source + "/" + id, 0,
          current.document(), now));
      return HttpResult.empty(204);
    });
  }

  private CompletableFuture<HttpResult> list(HttpExchange exchange) {
    String source = exchange.pathParameter("id");
    String name = exchange.query(RELATIONSHIP_NAME_PARAMETER).orElse(null);
    int pageSize = Paging.pageSize(exchange);
    String after = Paging.continuation(exchange, 1).map(keys -> keys.get(0)).orElse(null);
    return context.store().read(tx -> {
      TwinRoutes.require(tx, source);
      List<RelationshipRecord> fetched = tx.relationships().listOutgoing(source, name, after, pageSize + 1);
      return Paging.page(exchange, fetched, pageSize, RelationshipRecord::document, r -> List.of(r.id()),
          RELATIONSHIP_NAME_PARAMETER);
    });
  }

  private CompletableFuture<HttpResult> listIncoming(HttpExchange exchange) {
    String target = exchange.pathParameter("id");
    int pageSize = Paging.pageSize(exchange);
    List<String> after = Paging.continuation(exchange, 2).orElse(null);
    String apiVersion = exchange.query("api-version").orElse("");
    return context.store().read(tx -> {
      TwinRoutes.require(tx, target);
      List<RelationshipRecord> fetched = tx.relationships().listIncoming(target,
          after == null ? null : after.get(0), after == null ? null : after.get(1), pageSize + 1);
      return Paging.page(exchange, fetched, pageSize, r -> incoming(exchange.baseUrl(), apiVersion, r),
          r -> List.of(r.sourceId(), r.id()));
    });
  }

  private static ObjectNode incoming(String baseUrl, String apiVersion, RelationshipRecord relationship) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put(RELATIONSHIP_ID, relationship.id());
    item.put(RELATIONSHIP_SOURCE_ID, relationship.sourceId());
    item.put(RELATIONSHIP_NAME, relationship.name());
    item.put(RELATIONSHIP_LINK, baseUrl + "/digitaltwins/" + encode(relationship.sourceId()) + "/relationships/"
        + encode(relationship.id()) + "?api-version=" + encode(apiVersion));
    return item;
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static RelationshipRecord require(StoreTransaction tx, String source, String id) {
    TwinRoutes.require(tx, source);
    return tx.relationships().find(source, id)
        .orElseThrow(() -> DigitalTwinsErrors.relationshipNotFound(id, source));
  }

  private static String requiredText(JsonNode body, String member) {
    JsonNode value = body.get(member);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw DigitalTwinsErrors.invalidArgument("The relationship must have " + member + ", a non-empty string.");
    }
    return value.textValue();
  }

  /** The stored form, in the service's member order; the path names the relationship and its source. */
  private static ObjectNode document(String id, String etag, String source, String name, String target,
      ObjectNode given) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put(RELATIONSHIP_ID, id);
    document.put(ETAG, etag);
    document.put(RELATIONSHIP_SOURCE_ID, source);
    document.put(RELATIONSHIP_NAME, name);
    document.put(RELATIONSHIP_TARGET_ID, target);
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      if (!member.getKey().startsWith("$")) {
        document.set(member.getKey(), member.getValue().deepCopy());
      } else if (!document.has(member.getKey())) {
        document.set(member.getKey(), member.getValue().deepCopy());
      }
    }
    return document;
  }

  private void validate(StoreTransaction tx, ObjectNode document, DigitalTwinRecord source, DigitalTwinRecord target) {
    TwinValidator validator = TwinValidator.of(catalog.current(tx));
    Dtmi targetModel = target == null ? null : Dtmi.tryParse(target.modelId()).orElse(null);
    List<ValidationError> errors = validator.validateRelationship(document, Dtmi.parse(source.modelId()), targetModel);
    if (!errors.isEmpty()) {
      throw DigitalTwinsErrors.validationFailed("Invalid relationship specified",
          errors.stream().map(ValidationError::toString).toList());
    }
  }
}
