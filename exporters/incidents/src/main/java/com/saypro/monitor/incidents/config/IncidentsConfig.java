package com.saypro.monitor.incidents.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.ExporterContext;
import java.util.Optional;

/**
 * The incident exporter's whole config, read once into immutable records before anything opens.
 *
 * <pre>
 * storage: {type: sqlite, path: saypro-incidents.db}
 * webhook:
 *   auth: {bearer_token_file: webhook.token}
 *   max_body_bytes: 4194304
 * acknowledge:
 *   auth: {basic_auth: {username: chatops, password_file: ack.password}}
 * alertmanager: {urls: [http://127.0.0.1:9093], poll_interval: 30s}
 * heartbeat_alertname: Watchdog
 * severity_label: severity
 * team_label: team
 * teams: [platform, payments]
 * sla: {grace: 5m, severities: {critical: {acknowledge_within: 15m, resolve_within: 2h}}}
 * </pre>
 *
 * @param acknowledgeAuth empty: the acknowledge endpoint is switched off
 */
public record IncidentsConfig(
    StorageConfig storage,
    RouteAuth webhookAuth,
    int maxBodyBytes,
    Optional<RouteAuth> acknowledgeAuth,
    Optional<AlertmanagerApi> alertmanager,
    String heartbeatAlertname,
    Classification classification,
    SlaPolicy sla) {

  public static IncidentsConfig read(ConfigNode root, ExporterContext context) throws ConfigException {
    StorageConfig storage = StorageConfig.read(root, context.configDirectory(), context.secretFiles());

    ConfigNode webhook = root.require("webhook").asMap();
    ConfigNode webhookAuthNode = webhook.get("auth").orElseThrow(() -> webhook.error(
        "missing required key \"auth\" (bearer_token_file, basic_auth, or unauthenticated: true)"));
    RouteAuth webhookAuth = RouteAuth.read(webhookAuthNode, context.secretFiles());
    int maxBody = webhook.integer("max_body_bytes", 4 * 1024 * 1024, 1024, 256 * 1024 * 1024);

    Optional<RouteAuth> ackAuth = Optional.empty();
    Optional<ConfigNode> ack = root.get("acknowledge");
    if (ack.isPresent()) {
      ConfigNode ackNode = ack.get().asMap();
      ackAuth = Optional.of(RouteAuth.read(ackNode.require("auth"), context.secretFiles()));
    }
    Optional<AlertmanagerApi> alertmanager = AlertmanagerApi.read(root, context.secretFiles());
    String heartbeat = root.string("heartbeat_alertname", "Watchdog");
    SlaPolicy sla = SlaPolicy.read(root);
    Classification classification = Classification.read(root, sla.severities().keySet());
    return new IncidentsConfig(storage, webhookAuth, maxBody, ackAuth, alertmanager, heartbeat, classification, sla);
  }
}
