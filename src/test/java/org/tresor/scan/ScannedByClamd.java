package org.tresor.scan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test class whose context scans every upload with the shared clamd ({@link ScanningOn}): skipped where clamd is
 * not installed, failed instead under {@code CI=true} ({@link TestClamd#assumeAvailable()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextConfiguration(initializers = ScanningOn.class)
@ExtendWith(ScannedByClamd.ClamdInstalled.class)
public @interface ScannedByClamd {

	/** Asks for clamd before the class's context, and its clamd, are started. */
	final class ClamdInstalled implements BeforeAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) {
			TestClamd.assumeAvailable();
		}
	}
}
