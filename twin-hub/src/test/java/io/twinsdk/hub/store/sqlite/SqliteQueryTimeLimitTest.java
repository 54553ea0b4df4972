package io.twinsdk.hub.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.hub.bus.ChangeBus;
import io.twinsdk.hub.digitaltwins.query.AdtQuery;
import io.twinsdk.hub.digitaltwins.query.QueryParser;
import io.twinsdk.hub.digitaltwins.query.QueryTimeoutException;
import io.twinsdk.hub.store.DigitalTwinRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query time limit: a query still running at its deadline is stopped with {@link QueryTimeoutException}. A zero
 * limit makes "still running" certain for any query that scans a few thousand twins, so nothing here depends on the
 * machine's speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteQueryTimeLimitTest {

  private static final int TWINS = 3_000;
  private static final AdtQuery SCAN = QueryParser.parse(
      "SELECT * FROM DIGITALTWINS WHERE CONTAINS(name, 'no such name')");

  @TempDir
  static Path data;
  SqliteConnection connection;

  @BeforeAll
  void seed() throws Exception {
    try (SqliteHubStore store = SqliteHubStore.open(data, new ChangeBus(), 1)) {
      store.write(tx -> {
        for (int i = 0; i < TWINS; i++) {
          ObjectNode document = JsonNodeFactory.instance.objectNode().put("$dtId", "t" + i).put("name", "twin " + i);
          tx.digitalTwins().put(new DigitalTwinRecord("t" + i, "dtmi:ex:Space;1", "W/\"" + i + "\"", document,
              Instant.EPOCH));
        }
        return null;
      }).get(60, TimeUnit.SECONDS);
    }
    connection = SqliteConnection.open(data.resolve("hub.db"), true);
  }

  @AfterAll
  void close() {
    connection.close();
  }

  @Test
  void queryPastItsDeadlineIsStoppedWithQueryTimeout() {
    SqliteDigitalTwinQueries queries = new SqliteDigitalTwinQueries(connection, Duration.ZERO);

    assertThatThrownBy(() -> queries.find(SCAN, null, 10)).isInstanceOf(QueryTimeoutException.class)
        .hasMessageContaining("timed out");
    assertThatThrownBy(() -> queries.count(SCAN)).isInstanceOf(QueryTimeoutException.class);
  }

  @Test
  void queryWithinItsDeadlineRunsOnAConnectionWhereAnotherTimedOut() {
    assertThatThrownBy(() -> new SqliteDigitalTwinQueries(connection, Duration.ZERO).find(SCAN, null, 10))
        .isInstanceOf(QueryTimeoutException.class);

    SqliteDigitalTwinQueries queries = new SqliteDigitalTwinQueries(connection);

    assertThat(queries.find(SCAN, null, 10)).isEmpty();
    assertThat(queries.count(QueryParser.parse("SELECT COUNT() FROM DIGITALTWINS"))).isEqualTo(TWINS);
  }
}
