/**
 * Small types every module shares: link tokens, SHA-256, reference numbers, cluster-wide jobs and their
 * locks, the clock, the settings every module reads ({@code TresorProperties}, {@code
 * OrganisationProperties}) and the failure analysis that names a wrong setting. A shared module (see {@code
 * TresorApplication}): every module may use it, and it uses none.
 */
@ApplicationModule(displayName = "Kernel", allowedDependencies = {})
package org.tresor.kernel;

import org.springframework.modulith.ApplicationModule;
