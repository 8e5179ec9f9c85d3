package org.tresor.storage;

import java.net.URI;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.tresor.kernel.InvalidSettingException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code tresor.storage.s3.*}: an S3-compatible bucket (AWS S3, MinIO, Ceph RGW) that only Tresor writes to.
 *
 * @param endpoint the service's URL; empty for AWS S3, which the region then names
 * @param region the bucket's region; S3-compatible servers mostly accept any
 * @param bucket the bucket, which must exist
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}; MinIO and Ceph
 * usually need it
 * @param accessKey with {@code secretKey}; both empty: the AWS SDK's default credentials (environment, instance
 * profile, web identity)
 * @param secretKey see {@code accessKey}
 * @param partSize ciphertext is uploaded in parts of this size; an upload holds two parts in memory (one
 * filling, one on its way), and an object has at most 10,000 parts
 */
record S3Settings(URI endpoint, @DefaultValue("us-east-1") @NotBlank String region, @NotBlank String bucket,
		@DefaultValue("false") boolean pathStyle, String accessKey, String secretKey,
		@DefaultValue("16MB") @NotNull DataSize partSize) {

	/** S3 refuses parts below 5 MiB (except the last) and above 5 GiB; an array holds at most 2 GiB. */
	static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);

	static final DataSize MAX_PART_SIZE = DataSize.ofMegabytes(1024);

	S3Settings {
		if (endpoint != null && (!endpoint.isAbsolute() || endpoint.getHost() == null
				|| !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
			throw new InvalidSettingException("tresor.storage.s3.endpoint",
					"must be an absolute http(s) URL, was " + endpoint);
		}
		if (partSize != null && (partSize.compareTo(MIN_PART_SIZE) < 0 || partSize.compareTo(MAX_PART_SIZE) > 0)) {
			throw new InvalidSettingException("tresor.storage.s3.part-size",
					"must be between 5MB and 1024MB, was " + partSize);
		}
		if (isBlank(accessKey) != isBlank(secretKey)) {
			throw new InvalidSettingException("tresor.storage.s3.access-key",
					"and tresor.storage.s3.secret-key must be set together or both left empty");
		}
	}

	boolean hasStaticCredentials() {
		return !isBlank(accessKey);
	}

	@Override
	public String toString() {
		// the secret key must not reach a log through a settings dump
		return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle="
				+ pathStyle + ", partSize=" + partSize + "]";
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}
}
