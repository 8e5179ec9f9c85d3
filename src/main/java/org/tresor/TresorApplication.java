package org.tresor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Tresor. Each direct sub-package is a module that declares its allowed dependencies in its {@code package-info};
 * {@code kernel} is shared by all of them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "kernel")
public class TresorApplication {

	public static void main(String[] args) {
		SpringApplication.run(TresorApplication.class, args);
	}
}
