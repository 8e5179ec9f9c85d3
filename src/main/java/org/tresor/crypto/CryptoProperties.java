package org.tresor.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * {@code maxConcurrentUnlocks} bounds how many SecuPass checks run at once: each costs a deliberately slow
 * key derivation, and a burst of them must not starve the uploads.
 */
@Validated
@ConfigurationProperties("tresor.crypto")
record CryptoProperties(@DefaultValue("4") @Positive int maxConcurrentUnlocks) {
}
