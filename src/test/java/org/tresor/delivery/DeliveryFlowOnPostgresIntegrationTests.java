package org.tresor.delivery;

import org.tresor.OnPostgres;

/** The whole outbound flow again, on PostgreSQL in the prod profile. */
class DeliveryFlowOnPostgresIntegrationTests extends DeliveryFlowIntegrationTests implements OnPostgres {
}
