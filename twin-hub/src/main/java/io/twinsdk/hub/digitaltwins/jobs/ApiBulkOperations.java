package io.twinsdk.hub.digitaltwins.jobs;

import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.DIGITAL_TWIN_ID;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.ETAG;
import static io.twinsdk.core.digitaltwin.DigitalTwinsJsonNames.RELATIONSHIP_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.digitaltwins.http.DigitalTwinsContext;
import io.twinsdk.hub.digitaltwins.models.ModelCatalog;
import io.twinsdk.hub.digitaltwins.models.ModelRoutes;
import io.twinsdk.hub.digitaltwins.relationships.RelationshipRoutes;
import io.twinsdk.hub.digitaltwins.twins.TwinRoutes;
import io.twinsdk.hub.store.StoreTransaction;
import java.util.List;

/**
 * The {@link BulkOperations} of the hub's Digital Twins API: the same writes as {@code POST /models}, {@code PUT} of
 * a twin and {@code PUT} of a relationship, so that imported entities are validated and stamped exactly like ones
 * created one by one.
 */
public final class ApiBulkOperations implements BulkOperations {

  private final DigitalTwinsContext context;
  private final ModelCatalog catalog;
  private final ModelRoutes models;
  private final TwinRoutes twins;
  private final RelationshipRoutes relationships;

  /** Creates the operations over the store and models of the Digital Twins API. */
  public ApiBulkOperations(DigitalTwinsContext context, ModelCatalog catalog) {
    this.context = context;
    this.catalog = catalog;
    this.models = new ModelRoutes(context, catalog);
    this.twins = new TwinRoutes(context, catalog);
    this.relationships = new RelationshipRoutes(context, catalog);
  }

  @Override
  public void addModels(StoreTransaction transaction, List<JsonNode> documents) {
    models.addModels(transaction, documents, context.now());
  }

  @Override
  public void putTwin(StoreTransaction transaction, JsonNode twin) {
    ObjectNode given = (ObjectNode) twin;
    String id = given.remove(DIGITAL_TWIN_ID).textValue();
    given.remove(ETAG);
    twins.create(transaction, id, given, context.now());
  }

  @Override
  public void putRelationship(StoreTransaction transaction, JsonNode relationship) {
    ObjectNode body = (ObjectNode) relationship;
    // The import file names the source twin $dtId; the relationship endpoint takes it, and the id, from the path.
    String source = body.remove(DIGITAL_TWIN_ID).textValue();
    String id = body.remove(RELATIONSHIP_ID).textValue();
    relationships.create(transaction, source, id, body, context.now());
  }

  @Override
  public void modelsDeleted(StoreTransaction transaction) {
    catalog.reload(transaction);
  }
}
