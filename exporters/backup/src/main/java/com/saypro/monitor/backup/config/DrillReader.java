package com.saypro.monitor.backup.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.config.SecretFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one {@code drills[]} entry. The safety rules live here: the scratch database name is a
 * plain identifier, never a system database, and never equal to a source the drill names.
 */
final class DrillReader {
  /** Database and table names are spliced into SQL, so they are restricted to plain identifiers. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
  private static final Set<String> SYSTEM_DATABASES = Set.of(
      "postgres", "template0", "template1", "mysql", "information_schema", "performance_schema", "sys");
  static final Duration QUARTERLY = Duration.ofDays(91);

  private final SecretFiles secretFiles;
  private final Map<String, JobConfig> jobs;

  DrillReader(SecretFiles secretFiles, Map<String, JobConfig> jobs) {
    this.secretFiles = secretFiles;
    this.jobs = jobs;
  }

  DrillConfig read(ConfigNode node) throws ConfigException {
    String name = BackupConfigReader.name(node);
    ConfigNode jobNode = node.require("job");
    JobConfig job = jobs.get(jobNode.asString());
    if (job == null) {
      throw jobNode.invalid("drill \"" + name + "\": no job has this name");
    }
    if (job.source() instanceof SourceConfig.Restic) {
      throw jobNode.invalid("drill \"" + name + "\": restic jobs cannot be drilled (restore drills read dump files from a status_file or folder job)");
    }
    DrillConfig.Engine engine = node.require("engine").asEnum(DrillConfig.Engine.class);
    Duration interval = node.positiveDuration("interval", QUARTERLY);
    boolean scheduled = node.bool("scheduled", true);
    Duration timeout = node.positiveDuration("timeout", Duration.ofHours(1));
    int defaultPort = engine == DrillConfig.Engine.POSTGRESQL ? 5432 : 3306;
    String defaultUser = engine == DrillConfig.Engine.POSTGRESQL ? "postgres" : "root";
    String maintenance = engine == DrillConfig.Engine.POSTGRESQL ? "postgres" : "";
    DatabaseEndpoint scratch = endpoint(name, node.require("scratch").asMap(), defaultPort, defaultUser, maintenance, true);
    List<DatabaseEndpoint> sources = new ArrayList<>();
    ConfigNode sourcesNode = node.require("sources");
    for (ConfigNode item : sourcesNode.items()) {
      DatabaseEndpoint source = endpoint(name, item.asMap(), defaultPort, defaultUser, maintenance, false);
      if (source.sameDatabase(scratch)) {
        throw item.error("drill \"" + name + "\": the scratch target " + scratch.describe()
            + " is this source database; a drill drops its scratch database, so it must be a different one");
      }
      sources.add(source);
    }
    if (sources.isEmpty()) {
      throw sourcesNode.error("drill \"" + name + "\": list the databases the backups come from (the drill refuses to use them as scratch)");
    }
    ConfigNode verify = node.require("verify").asMap();
    List<String> tables = verify.list("tables", item -> table(name, item));
    Map<String, Long> minRows = new LinkedHashMap<>();
    Optional<ConfigNode> min = verify.get("min_rows");
    if (min.isPresent()) {
      for (Map.Entry<String, ConfigNode> e : min.get().asMap().entries().entrySet()) {
        if (!TABLE.matcher(e.getKey()).matches()) {
          throw e.getValue().error("drill \"" + name + "\": \"" + e.getKey() + "\" is not a plain table name");
        }
        minRows.put(e.getKey(), (long) e.getValue().asInt(0, Integer.MAX_VALUE));
      }
    }
    if (tables.isEmpty() && minRows.isEmpty()) {
      throw verify.error("drill \"" + name + "\": verify needs tables (counts recorded at backup time) or min_rows");
    }
    return new DrillConfig(name, job.name(), engine, interval, scheduled, timeout, List.copyOf(sources), scratch,
        List.copyOf(tables), Map.copyOf(minRows));
  }

  private static String table(String drill, ConfigNode item) throws ConfigException {
    String text = item.asString();
    if (!TABLE.matcher(text).matches()) {
      throw item.invalid("drill \"" + drill + "\": is not a plain table name (letters, digits, _; schema.table allowed)");
    }
    return text;
  }

  private DatabaseEndpoint endpoint(String drill, ConfigNode node, int defaultPort, String defaultUser,
      String defaultMaintenance, boolean withLogin) throws ConfigException {
    String host = node.string("host", "127.0.0.1");
    if (host.isBlank() || host.startsWith("-") || host.chars().anyMatch(c -> c <= ' ')) {
      throw node.require("host").invalid("drill \"" + drill + "\": is not a host name or address");
    }
    int port = node.integer("port", defaultPort, 1, 65535);
    ConfigNode dbNode = node.require("database");
    String database = dbNode.asString();
    if (!IDENTIFIER.matcher(database).matches()) {
      throw dbNode.invalid("drill \"" + drill + "\": is not a plain database name (letters, digits, _)");
    }
    if (withLogin && SYSTEM_DATABASES.contains(database.toLowerCase(java.util.Locale.ROOT))) {
      throw dbNode.invalid("drill \"" + drill + "\": a system database cannot be a scratch target (use a name such as saypro_drill)");
    }
    if (!withLogin) {
      return new DatabaseEndpoint(host, port, database, "", Optional.empty(), "");
    }
    String user = node.string("user", defaultUser);
    if (user.isBlank() || user.startsWith("-") || user.chars().anyMatch(c -> c <= ' ')) {
      throw node.require("user").invalid("drill \"" + drill + "\": is not a user name");
    }
    Optional<Secret> password = node.secret("password", secretFiles);
    String maintenance = node.string("maintenance_database", defaultMaintenance);
    if (!maintenance.isEmpty() && !IDENTIFIER.matcher(maintenance).matches()) {
      throw node.require("maintenance_database").invalid("drill \"" + drill + "\": is not a plain database name");
    }
    if (maintenance.equals(database)) {
      throw node.error("drill \"" + drill + "\": must differ from the scratch database");
    }
    return new DatabaseEndpoint(host, port, database, user, password, maintenance);
  }
}
