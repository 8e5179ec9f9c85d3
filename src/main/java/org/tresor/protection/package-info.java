/**
 * Protection against guessing and flooding: rate limits per client address and per e-mail address, and
 * lockouts after repeated wrong passwords or SecuPasses, as Bucket4j token buckets whose state lives in the
 * application's database (so every instance sees the same counts). Also who the client is: the peer address,
 * or what a trusted reverse proxy says it forwarded for.
 */
@ApplicationModule(displayName = "Protection", allowedDependencies = {"retention", "web"})
package org.tresor.protection;

import org.springframework.modulith.ApplicationModule;
