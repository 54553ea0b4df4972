package io.twinsdk.samples;

import java.util.List;
import java.util.Set;

/** One runnable sample: a sub-command of {@code twin-samples.jar}. */
interface Sample {

  /** What a sample connects to; in the embedded hub's absence each must be configured in the environment. */
  enum Need {
    /** A device identity: {@code IOTHUB_DEVICE_CONNECTION_STRING}. */
    DEVICE,
    /** The IoT Hub service API: {@code IOTHUB_CONNECTION_STRING}. */
    SERVICE,
    /** A Digital Twins instance: {@code DIGITAL_TWINS_ENDPOINT} and the {@code AZURE_*} credentials. */
    DIGITAL_TWINS,
    /** For a bulk import on a remote instance, the blobs: {@code BULK_IMPORT_INPUT_BLOB_URI} and its output. */
    IMPORT_BLOBS
  }

  /** The sub-command, such as {@code get-twin}. */
  String name();

  /** The arguments it takes, for the help text; empty when none. */
  default String arguments() {
    return "";
  }

  /** One line saying what it shows. */
  String summary();

  /** What it connects to. */
  Set<Need> needs();

  /**
   * Runs the sample to completion.
   *
   * @throws UsageException when {@code args} are wrong
   * @throws Exception when the sample fails; the message is shown to the user
   */
  void run(SampleContext context, List<String> args) throws Exception;
}
