package io.twinsdk.core.digitaltwin;

/**
 * The JSON member names that Azure Digital Twins reserves in twin, component and relationship documents.
 *
 * <p>Use these with {@code @JsonProperty} when binding your own classes, so a typo cannot silently drop a member.
 */
public final class DigitalTwinsJsonNames {

  /** The twin id, {@code $dtId}; in an import file's Relationships section it names the source twin. */
  public static final String DIGITAL_TWIN_ID = "$dtId";

  /** The weak ETag of a twin or relationship, {@code $etag}. */
  public static final String ETAG = "$etag";

  /** The metadata object of a twin or component, {@code $metadata}. */
  public static final String METADATA = "$metadata";

  /** The model (DTMI) of a twin, {@code $model}, inside {@code $metadata}. */
  public static final String METADATA_MODEL = "$model";

  /** The time of the last write to a twin or component, {@code $lastUpdateTime}, inside {@code $metadata}. */
  public static final String METADATA_LAST_UPDATE_TIME = "$lastUpdateTime";

  /** The time a property was last written, {@code lastUpdateTime}, in a property's metadata entry. */
  public static final String PROPERTY_LAST_UPDATE_TIME = "lastUpdateTime";

  /** The caller-supplied time a property value was observed, {@code sourceTime}, in a property's metadata entry. */
  public static final String PROPERTY_SOURCE_TIME = "sourceTime";

  /** The relationship id, {@code $relationshipId}, unique per source twin. */
  public static final String RELATIONSHIP_ID = "$relationshipId";

  /** The source twin of a relationship, {@code $sourceId}. */
  public static final String RELATIONSHIP_SOURCE_ID = "$sourceId";

  /** The target twin of a relationship, {@code $targetId}. */
  public static final String RELATIONSHIP_TARGET_ID = "$targetId";

  /** The relationship's name as declared in the source twin's model, {@code $relationshipName}. */
  public static final String RELATIONSHIP_NAME = "$relationshipName";

  /** The path of the relationship resource in an incoming-relationship entry, {@code $relationshipLink}. */
  public static final String RELATIONSHIP_LINK = "$relationshipLink";

  private DigitalTwinsJsonNames() {}
}
