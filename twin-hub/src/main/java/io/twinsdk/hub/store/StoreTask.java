package io.twinsdk.hub.store;

/** A unit of work run against one store transaction. */
@FunctionalInterface
public interface StoreTask<T> {

  /** Runs the work; an exception undoes everything this task wrote and fails its future with that exception. */
  T run(StoreTransaction transaction);
}
