package org.tresor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.Query;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import jakarta.persistence.Entity;

/**
 * Rules that keep whole classes of attacks out, checked on the compiled code: SQL only through Spring Data
 * repositories (derived queries and constant JPQL with parameters, never text built at run time), no Java
 * deserialization and no XML parser that could be handed a client's document, and forms that bind only the
 * fields they declare.
 */
class SecurityRulesTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.tresor");

	@Test
	void sqlIsNeverBuiltFromText() {
		noClasses().should().callMethodWhere(sqlFromText())
			.because("SQL goes through Spring Data repositories: derived queries and constant JPQL with parameters")
			.check(classes);
	}

	@Test
	void repositoryQueriesAreJpqlNotNativeSql() {
		methods().that().areAnnotatedWith(Query.class).should(new ArchCondition<>("be JPQL (nativeQuery = false)") {

			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				var query = method.getAnnotationOfType(Query.class);
				events.add(new SimpleConditionEvent(method, !query.nativeQuery(), method.getFullName() + " is native SQL"));
			}
		}).allowEmptyShould(true).check(classes);
	}

	@Test
	void nothingIsDeserializedWithJavaSerializationOrParsedAsXml() {
		noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.beans.XMLDecoder")
			.orShould().dependOnClassesThat().resideInAnyPackage("javax.xml.parsers..", "javax.xml.stream..",
					"javax.xml.transform..", "org.xml.sax..", "org.w3c.dom..", "com.fasterxml.jackson.dataformat.xml..")
			.orShould().callMethodWhere(namedIn("com.fasterxml.jackson.databind.ObjectMapper", "activateDefaultTyping",
					"enableDefaultTyping"))
			.orShould().callMethodWhere(namedIn("tools.jackson.databind.json.JsonMapper$Builder", "activateDefaultTyping"))
			.check(classes);
	}

	/** A {@code role} or {@code id} a client adds to a form has no field to land in. */
	@Test
	void formsBindToRecordsAndNeverToEntities() {
		methods().that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
			.should(new ArchCondition<>("bind @ModelAttribute parameters only to records, and no parameter to an entity") {

				@Override
				public void check(JavaMethod method, ConditionEvents events) {
					if (!method.isAnnotatedWith(RequestMapping.class) && !method.isMetaAnnotatedWith(RequestMapping.class)) {
						return; // not a handler: nothing binds to its parameters
					}
					for (var parameter : method.getParameters()) {
						var type = parameter.getRawType();
						if (parameter.isAnnotatedWith(ModelAttribute.class) && !type.isRecord()) {
							events.add(SimpleConditionEvent.violated(method,
									method.getFullName() + " binds a form to " + type.getName() + ", not a record"));
						}
						if (type.isAnnotatedWith(Entity.class)) {
							events.add(SimpleConditionEvent.violated(method,
									method.getFullName() + " binds a request to the entity " + type.getName()));
						}
					}
				}
			})
			.check(classes);
	}

	/** Calls that take SQL or JPQL as a string: where text built from input would become a query. */
	private static DescribedPredicate<JavaCall<?>> sqlFromText() {
		return DescribedPredicate.or(
				namedIn("jakarta.persistence.EntityManager", "createQuery", "createNativeQuery"),
				namedIn("org.springframework.jdbc.core.JdbcTemplate", "query", "queryForList", "queryForObject",
						"queryForMap", "queryForRowSet", "queryForStream", "update", "batchUpdate", "execute"),
				namedIn("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate", "query", "queryForList",
						"queryForObject", "queryForMap", "update", "batchUpdate", "execute"),
				namedIn("org.springframework.jdbc.core.simple.JdbcClient", "sql"),
				namedIn("java.sql.Connection", "createStatement", "prepareStatement", "prepareCall", "nativeSQL"),
				namedIn("java.sql.Statement", "execute", "executeQuery", "executeUpdate", "addBatch"));
	}

	private static DescribedPredicate<JavaCall<?>> namedIn(String owner, String... names) {
		var wanted = java.util.Set.of(names);
		return DescribedPredicate.describe(owner + "." + wanted,
				call -> call.getTargetOwner().isAssignableTo(owner) && wanted.contains(call.getName()));
	}
}
