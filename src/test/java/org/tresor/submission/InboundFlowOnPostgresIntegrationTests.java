package org.tresor.submission;

import org.tresor.OnPostgres;

/** The whole inbound flow again, on PostgreSQL in the prod profile. */
class InboundFlowOnPostgresIntegrationTests extends InboundFlowIntegrationTests implements OnPostgres {
}
