/**
 * One encrypted parcel: intake of a multipart form into envelopes, the manifest, parts and key packets,
 * opening with a SecuPass, downloads, re-wrap for new readers. Knows no flow.
 */
@ApplicationModule(displayName = "Parcel", allowedDependencies = {"account", "crypto", "scan", "storage", "web"})
package org.tresor.parcel;

import org.springframework.modulith.ApplicationModule;
