package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

	/** The README's module table is the map people read: one row per module, with the arrows it declares. */
	@Test
	void theReadmeModuleTableListsEveryModuleWithItsDeclaredDependencies() throws IOException {
		var declared = new TreeMap<String, Set<String>>();
		modules.forEach(module -> declared.put(module.getIdentifier().toString(),
				Set.of(declaredDependencies(module.getBasePackage().getName()))));

		assertThat(readmeModuleTable()).isEqualTo(declared);
	}

	/** Module → what its "depends on" column names ("—" for nothing), from the table under "| module |". */
	private static Map<String, Set<String>> readmeModuleTable() throws IOException {
		var table = new TreeMap<String, Set<String>>();
		var rows = Files.readAllLines(Path.of("README.md"))
			.stream()
			.dropWhile(line -> !line.startsWith("| module | owns | depends on |"))
			.skip(2)
			.takeWhile(line -> line.startsWith("|"))
			.toList();
		for (var row : rows) {
			var cells = row.split("\\s*\\|\\s*");
			var dependsOn = cells[cells.length - 1];
			table.put(cells[1].replace("`", ""), "—".equals(dependsOn) ? Set.of()
					: Set.copyOf(Arrays.asList(dependsOn.split(",\\s*"))));
		}
		return table;
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
