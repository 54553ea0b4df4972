package io.twinsdk.hub.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Digital Twins import and delete jobs, by kind ({@code import}, {@code delete}) and id, as their API JSON. */
public interface BulkJobRepository {

  /** Stores the job, replacing the stored one of the same kind and id. */
  void put(String kind, String jobId, ObjectNode job);

  /** Deletes the job; returns whether it existed. */
  boolean delete(String kind, String jobId);

  /** Returns every job of {@code kind}, ordered by id. */
  List<ObjectNode> all(String kind);
}
