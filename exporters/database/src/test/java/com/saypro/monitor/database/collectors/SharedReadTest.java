package com.saypro.monitor.database.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.database.config.Engine;
import com.saypro.monitor.database.config.TargetConfig;
import com.saypro.monitor.database.targets.DatabaseTarget;
import com.saypro.monitor.database.testdb.SharedServers;
import com.saypro.monitor.database.testdb.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The shared read's combined statement against the simple path it replaces (each part on its own),
 * on the real servers: same rows, same failures, part by part; and one read per scrape, however many
 * collectors of that scrape ask.
 */
class SharedReadTest {
  private static Sql postgres;
  private static Sql mariadb;

  @BeforeContainer
  static void connect() {
    postgres = Sql.connect(SharedServers.POSTGRES_ADMIN_URL, "postgres", null);
    mariadb = Sql.connect(SharedServers.MARIADB_ADMIN_URL, "root", null);
  }

  @AfterContainer
  static void disconnect() {
    postgres.close();
    mariadb.close();
  }

  /** A generated part: its columns' SQL literals, and whether it returns one row, none, two, or fails. */
  record PartSpec(List<String> literals, String shape) {
    SharedRead.Part toPart(int index) {
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < literals.size(); i++) {
        columns.add(literals.get(i) + " AS c" + i); // labels repeat across parts, as they may in real ones
      }
      String select = "SELECT " + String.join(", ", columns);
      String sql = switch (shape) {
        case "none" -> select + " FROM (SELECT 1 AS one) z WHERE 1 = 0";
        case "two" -> select + " UNION ALL " + select;
        case "failing" -> select + " FROM saypro_no_such_table_" + index;
        default -> select;
      };
      return new SharedRead.Part("part" + index, sql, literals.size());
    }
  }

  @Provide
  Arbitrary<List<PartSpec>> parts() {
    Arbitrary<String> literal = Arbitraries.oneOf(
        Arbitraries.integers().between(-100_000, 100_000).map(String::valueOf),
        Arbitraries.doubles().between(-1000, 1000).ofScale(3).map(d -> BigDecimal.valueOf(d).toPlainString()),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(0).ofMaxLength(6).map(s -> "'" + s + "'"),
        Arbitraries.just("NULL"));
    Arbitrary<String> shape = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.just("one")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("none")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("two")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("failing")));
    return Combinators.combine(literal.list().ofMinSize(1).ofMaxSize(4), shape).as(PartSpec::new)
        .list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 60)
  void theCombinedStatementReadsWhatEachPartReadsOnItsOwn(@ForAll("parts") List<PartSpec> specs, @ForAll boolean onPostgres)
      throws SQLException {
    Connection connection = (onPostgres ? postgres : mariadb).connection();
    List<SharedRead.Part> parts = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      parts.add(specs.get(i).toPart(i));
    }
    Query query = new Query(connection, Duration.ofSeconds(5));

    SharedRead.Round fast = new SharedRead.Round();
    SharedRead.readParts(query, parts, fast);

    Map<String, Map<String, Object>> simpleRows = new LinkedHashMap<>();
    Map<String, String> simpleFailures = new LinkedHashMap<>();
    for (SharedRead.Part part : parts) {
      try {
        simpleRows.put(part.name(), query.row(part.sql()));
      } catch (SQLException e) {
        simpleFailures.put(part.name(), e.getMessage());
      }
    }
    assertThat(fast.failures.keySet()).isEqualTo(simpleFailures.keySet());
    fast.failures.forEach((name, e) -> assertThat(e.getMessage()).isEqualTo(simpleFailures.get(name)));
    assertThat(normalised(fast.rows)).isEqualTo(normalised(simpleRows));
  }

  /** Numbers by value (a derived table may widen an integer type), everything else as text. */
  private static Map<String, Map<String, String>> normalised(Map<String, Map<String, Object>> rows) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    rows.forEach((part, row) -> {
      Map<String, String> values = new LinkedHashMap<>();
      row.forEach((column, value) -> values.put(column, value instanceof Number n
          ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
          : String.valueOf(value)));
      out.put(part, values);
    });
    return out;
  }

  @Example
  void theCollectorsOfOneScrapeShareOneReadAndTheNextScrapeReadsAgain() throws Exception {
    try (SharedServers.Database db = SharedServers.mariadb()) {
      TargetConfig config = new TargetConfig("t", Engine.MYSQL, db.url(), db.user(), Optional.of(Secret.of(db.password())),
          1, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1));
      ExecutorService collectors = Executors.newFixedThreadPool(5);
      try (DatabaseTarget target = new DatabaseTarget(config)) {
        SharedRead shared = new SharedRead(target);
        SharedRead.Part first = new SharedRead.Part("first", "SELECT 1 AS a", 1);
        SharedRead.Part second = new SharedRead.Part("second", "SELECT 'x' AS b, 2 AS c", 2);
        shared.include(engine -> new SharedRead.Needs(List.of(first), Set.of("Uptime"), false));
        shared.include(engine -> new SharedRead.Needs(List.of(second), Set.of("Threads_connected"), false));
        for (int scrape = 0; scrape < 3; scrape++) {
          long before = questions(target);
          CollectContext context = new CollectContext(Instant.now().plusSeconds(5), Clock.systemUTC(), new Object());
          List<CompletableFuture<Object>> asks = new ArrayList<>();
          for (int i = 0; i < 5; i++) {
            int which = i;
            asks.add(CompletableFuture.supplyAsync(() -> {
              try {
                return which % 2 == 0 ? shared.row(context, "first") : shared.status(context);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }, collectors));
          }
          for (int i = 0; i < asks.size(); i++) {
            Object answer = asks.get(i).get();
            if (i % 2 == 0) {
              assertThat(Query.number(((Map<?, ?>) answer).get("a"))).isEqualTo(1.0);
            } else {
              @SuppressWarnings("unchecked")
              Map<String, Double> status = (Map<String, Double>) answer;
              assertThat(status).containsOnlyKeys("uptime", "threads_connected");
            }
          }
          assertThat(shared.row(context, "second")).containsEntry("b", "x");
          // SHOW GLOBAL STATUS and the combined SELECT, plus the SHOW SESSION STATUS of questions() itself
          assertThat(questions(target) - before).isEqualTo(2 + 1);
        }
      } finally {
        collectors.shutdownNow();
      }
    }
  }

  /** Statements the single pooled session has run so far (MariaDB counts them per session). */
  private static long questions(DatabaseTarget target) throws Exception {
    return target.withConnection(false, c -> {
      try (var statement = c.createStatement(); var rs = statement.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
        rs.next();
        return rs.getLong(2);
      }
    });
  }
}
