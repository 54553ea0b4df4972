package io.twinsdk.hub.digitaltwins.http;

import io.twinsdk.hub.http.ApiError;
import java.util.List;

/**
 * The Digital Twins errors the hub sends, with the status, {@code x-ms-error-code} and message text the live service
 * uses (digitaltwins-api.md §1.3), so that one place owns every wording.
 */
public final class DigitalTwinsErrors {

  private DigitalTwinsErrors() {}

  /** 400 InvalidArgument with {@code message}. */
  public static ApiError invalidArgument(String message) {
    return ApiError.digitalTwins(400, "InvalidArgument", message);
  }

  /** 400 ValidationFailed ("Invalid twin specified" and the like) listing each problem as a detail. */
  public static ApiError validationFailed(String message, List<String> details) {
    return ApiError.digitalTwins(400, "ValidationFailed", message, details);
  }

  /** 400 JsonPatchInvalid with {@code message}. */
  public static ApiError jsonPatchInvalid(String message) {
    return ApiError.digitalTwins(400, "JsonPatchInvalid", message);
  }

  /** 404 DigitalTwinNotFound. */
  public static ApiError twinNotFound(String twinId) {
    return ApiError.digitalTwins(404, "DigitalTwinNotFound", "There is no digital twin instance that exists with the ID "
        + twinId + ". Please verify that the twin id is valid and ensure that the twin is not deleted. See section on"
        + " querying the twins https://aka.ms/adtv2query.");
  }

  /** 404 ModelNotFound. */
  public static ApiError modelNotFound(String modelId) {
    return ApiError.digitalTwins(404, "ModelNotFound", "There is no Model(s) available that matches the provided id(s) "
        + modelId + ". Check that the Model ID provided is valid by doing a Model_List API call.");
  }

  /** 400 InvalidArgument for a model id that is not a DTMI. */
  public static ApiError invalidModelId(String modelId) {
    return invalidArgument("The format of the Model ID " + modelId + " provided is not supported. See model"
        + " documentation(https://aka.ms/ADTv2Models) for supported format.");
  }

  /** 409 ModelIdAlreadyExists (the live code; the swagger says ModelAlreadyExists). */
  public static ApiError modelIdAlreadyExists(List<String> modelIds) {
    return ApiError.digitalTwins(409, "ModelIdAlreadyExists", "Some of the model ids already exist: "
        + String.join(", ", modelIds) + ". Use Model_List API to view models that already exist. See the Swagger"
        + " example (https://aka.ms/ModelListSwSmpl).");
  }

  /** 412 PreconditionFailed: {@code If-None-Match: *} on an existing twin. */
  public static ApiError twinAlreadyExists(String twinId) {
    return ApiError.digitalTwins(412, "PreconditionFailed", "If-None-Match: * header was specified but a twin with the"
        + " id " + twinId + " was found. Please specify a different twin id.");
  }

  /** 412 PreconditionFailed: {@code If-None-Match: *} on an existing relationship. */
  public static ApiError relationshipAlreadyExists(String relationshipId) {
    return ApiError.digitalTwins(412, "PreconditionFailed", "If-None-Match: * header was specified but a relationship"
        + " with the id " + relationshipId + " was found. Please specify a different relationship id.");
  }

  /** 412 PreconditionFailed: an {@code If-Match} ETag that is not the current one. */
  public static ApiError etagMismatch(String providedEtag) {
    return ApiError.digitalTwins(412, "PreconditionFailed", "The provided etag " + providedEtag + " doesn't match the"
        + " current etag for the resource. Please obtain and provide the latest etag by getting the resource. See"
        + " section on get apis in the documentation https://aka.ms/adtv2twins.");
  }

  /** 404 RelationshipNotFound. */
  public static ApiError relationshipNotFound(String relationshipId, String twinId) {
    return ApiError.digitalTwins(404, "RelationshipNotFound", "Relationship " + relationshipId + " not found on twin "
        + twinId + ". Please verify that the relationship id is valid and ensure that the relationship is not deleted."
        + " See section on listing relationships in the documentation https://aka.ms/adtv2twins.");
  }

  /** 400 BadRequest for a continuation token the hub did not issue. */
  public static ApiError invalidContinuationToken() {
    return ApiError.digitalTwins(400, "BadRequest", "The continuation token is invalid.");
  }
}
