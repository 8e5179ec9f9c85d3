package org.tresor.account;

/**
 * A credential sent to the monitoring endpoints was refused: a wrong scrape token, or HTTP Basic, which no
 * endpoint accepts. Names the client and the path, never what was sent.
 */
public record MonitoringCredentialRefused(String clientAddress, String path) {
}
