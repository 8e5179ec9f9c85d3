package org.tresor.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (the prod profile): two requests of one session that set the same attribute at once
 * (a flash message after concurrent form posts) would both insert its row, and the loser's commit would fail
 * with a duplicate key. Spring Session's PostgreSQL customizer writes attributes as an upsert instead.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class SessionStoreConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}
}
