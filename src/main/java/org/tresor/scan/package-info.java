/**
 * Malware scanning of files as they arrive: every byte that goes into encryption also goes to ClamAV's daemon
 * ({@code clamd}, its {@code INSTREAM} command), and the verdict is in before the parcel is kept. Knows no parcel
 * and no flow.
 */
@ApplicationModule(displayName = "Scan", allowedDependencies = {})
package org.tresor.scan;

import org.springframework.modulith.ApplicationModule;
