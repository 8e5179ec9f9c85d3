package org.tresor.account;

import org.tresor.OnPostgres;

/** The same with the sessions in the database (Spring Session JDBC), as several instances share them. */
class SessionOnPostgresIntegrationTests extends SessionIntegrationTests implements OnPostgres {
}
