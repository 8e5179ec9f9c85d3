package org.tresor;

/** The production profile adds HSTS to every answer and marks the session cookie {@code Secure}. */
class SecurityHeadersOnPostgresIntegrationTests extends SecurityHeadersIntegrationTests implements OnPostgres {
}
