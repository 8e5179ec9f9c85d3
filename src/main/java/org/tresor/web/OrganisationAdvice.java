package org.tresor.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tresor.kernel.OrganisationProperties;

/** Every page's layout shows the organisation's name and logo. */
@ControllerAdvice
class OrganisationAdvice {

	private final OrganisationProperties organisation;

	OrganisationAdvice(OrganisationProperties organisation) {
		this.organisation = organisation;
	}

	@ModelAttribute("organisation")
	OrganisationProperties organisation() {
		return organisation;
	}
}
