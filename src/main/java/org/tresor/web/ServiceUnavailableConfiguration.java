package org.tresor.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

import jakarta.servlet.DispatcherType;

/** Registers {@link ServiceUnavailablePage} just ahead of the session repository filter, for requests and their error pages. */
@Configuration(proxyBeanMethods = false)
class ServiceUnavailableConfiguration {

	@Bean
	FilterRegistrationBean<ServiceUnavailablePage> serviceUnavailablePage() {
		var registration = new FilterRegistrationBean<>(new ServiceUnavailablePage());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		registration.setName("serviceUnavailablePage");
		return registration;
	}
}
