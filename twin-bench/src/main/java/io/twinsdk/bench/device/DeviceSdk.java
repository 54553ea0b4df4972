package io.twinsdk.bench.device;

/** One device SDK under test, reduced to the calls the scenarios make. */
interface DeviceSdk {

  /** How long one blocking call waits for the hub's answer before the driver counts it as lost. */
  int ANSWER_MILLIS = 5_000;

  /** A connected client of one SDK. */
  interface Client extends AutoCloseable {

    /** Reads the twin; returns false if no answer came within {@link #ANSWER_MILLIS}. */
    boolean getTwin() throws Exception;

    /** Updates one reported property and waits for the hub's answer; false if none came in time. */
    boolean report(int value) throws Exception;

    @Override
    void close();
  }

  /** Returns the SDK's name for the report. */
  String name();

  /** Connects a client of {@code connectionString}. */
  Client connect(String connectionString) throws Exception;
}
