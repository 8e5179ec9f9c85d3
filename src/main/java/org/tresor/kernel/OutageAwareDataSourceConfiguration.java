package org.tresor.kernel;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every user of the database (JPA, sessions, locks, the event registry) goes through
 * {@link OutageAwareDataSource}, on the real clock: an outage lasts in real time, whatever the application's
 * clock says.
 */
@Configuration(proxyBeanMethods = false)
class OutageAwareDataSourceConfiguration {

	@Bean
	static BeanPostProcessor outageAwareDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource pool && !(bean instanceof OutageAwareDataSource)) {
					return new OutageAwareDataSource(pool, Clock.systemUTC());
				}
				return bean;
			}
		};
	}
}
