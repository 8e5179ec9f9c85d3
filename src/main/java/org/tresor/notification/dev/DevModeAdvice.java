package org.tresor.notification.dev;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** While the dev mailbox is on, every page shows the development banner of the layout. */
@ControllerAdvice
@ConditionalOnBooleanProperty("tresor.dev.mailbox")
class DevModeAdvice {

	@ModelAttribute("devMode")
	boolean devMode() {
		return true;
	}
}
