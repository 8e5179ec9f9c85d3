/**
 * Expiry and deletion of what Tresor must not keep: on a schedule, once across all instances, every module
 * deletes what has expired through its own {@link org.tresor.retention.ExpiryTask}, with the periods of
 * {@link org.tresor.retention.RetentionPolicy}.
 */
@ApplicationModule(displayName = "Retention", allowedDependencies = {})
package org.tresor.retention;

import org.springframework.modulith.ApplicationModule;
