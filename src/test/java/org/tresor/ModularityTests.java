package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(TresorApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * A module without {@code allowedDependencies} may depend on any other, so {@link #modulesRespectTheirBoundaries}
	 * would let every new arrow through: each module lists its arrows in its {@code package-info}.
	 */
	@Test
	void everyModuleDeclaresTheModulesItMayDependOn() {
		assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
			.isNotEmpty()
			.allSatisfy(module -> assertThat(declaredDependencies(module))
				.as("allowedDependencies in the package-info of %s", module)
				.isNotNull()
				.doesNotContain(ApplicationModule.OPEN_TOKEN));
	}

	private static String[] declaredDependencies(String modulePackage) {
		try {
			var declaration = Class.forName(modulePackage + ".package-info").getAnnotation(ApplicationModule.class);
			return declaration == null ? null : declaration.allowedDependencies();
		}
		catch (ClassNotFoundException e) {
			return null;
		}
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
