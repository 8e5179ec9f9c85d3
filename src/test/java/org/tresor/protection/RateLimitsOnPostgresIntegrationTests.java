package org.tresor.protection;

import org.tresor.OnPostgres;

class RateLimitsOnPostgresIntegrationTests extends RateLimitsIntegrationTests implements OnPostgres {
}
