package org.tresor.storage;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code tresor.storage.type=s3}: blobs in an S3-compatible bucket that every instance shares. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tresor.storage", name = "type", havingValue = "s3")
class S3Storage {

	@Bean(destroyMethod = "close")
	S3Client s3Client(StorageProperties properties) {
		var settings = properties.s3();
		var builder = S3Client.builder()
			// the JDK's HTTP connection: no Netty, no extra connection pool to size
			.httpClient(UrlConnectionHttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(10))
				.socketTimeout(Duration.ofMinutes(2))
				.build())
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyle())
			.credentialsProvider(credentials(settings))
			// the SDK's default trailing CRC checksums are not understood by every S3-compatible server; the
			// ciphertext carries its own integrity check (OpenPGP MDC)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		return builder.build();
	}

	@Bean
	S3BlobStore s3BlobStore(S3Client s3, StorageProperties properties, Clock clock) {
		return new S3BlobStore(s3, properties.s3(), clock);
	}

	@Bean
	S3BlobStoreHealthIndicator blobStoreHealthIndicator(S3Client s3, StorageProperties properties) {
		return new S3BlobStoreHealthIndicator(s3, properties.s3().bucket());
	}

	private static AwsCredentialsProvider credentials(S3Settings settings) {
		return settings.hasStaticCredentials()
				? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
				: DefaultCredentialsProvider.builder().build();
	}
}
