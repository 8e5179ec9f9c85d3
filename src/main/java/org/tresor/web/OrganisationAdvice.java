package org.tresor;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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
