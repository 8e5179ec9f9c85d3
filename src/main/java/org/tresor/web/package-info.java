/**
 * What holds for every page: error pages and their references, the advices every controller shares
 * (organisation, database unavailable), languages, Tomcat tuning and its last-resort error page, and the
 * {@code HttpRules} type through which each module declares who may open its URLs.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {})
package org.tresor.web;

import org.springframework.modulith.ApplicationModule;
