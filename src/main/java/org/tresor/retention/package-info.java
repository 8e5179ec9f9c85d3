/**
 * Expiry and deletion of what Tresor must not keep: on a schedule, once across all instances, every module
 * deletes what has expired through its own {@link org.tresor.retention.ExpiryTask}, with the periods of
 * {@link org.tresor.retention.RetentionPolicy}.
 */
package org.tresor.retention;
