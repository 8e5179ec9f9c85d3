package org.tresor.submission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

@Validated
@ConfigurationProperties("tresor.submission")
record SubmissionProperties(
		@DefaultValue("24h") @NotNull Duration ticketLifetime,
		@DefaultValue("2GB") @NotNull DataSize maxSubmissionSize,
		@DefaultValue("2GB") @NotNull DataSize maxFileSize,
		@DefaultValue("100") @Positive int maxFiles,
		@DefaultValue("100000") @Positive int maxMessageLength,
		@DefaultValue("info") @NotBlank @Pattern(regexp = "[a-z0-9-]{1,64}") String defaultBoxSlug,
		@DefaultValue("Info") @NotBlank String defaultBoxName) {
}
