package io.github.migrations.autoconfigure;

import javax.sql.DataSource;

import io.github.migrations.core.Migrator;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionIndexAotProcessorTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues(Databases.properties(TestDatabase.shared().freshDatabase()))
		.withPropertyValues("app.migrations.mode=none");

	private final RevisionIndexAotProcessor processor = new RevisionIndexAotProcessor();

	@Test
	void isRegisteredForAotProcessing() {
		assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class))
			.anyMatch(RevisionIndexAotProcessor.class::isInstance);
	}

	@Test
	void registersEachRevisionOfTheConfiguredLocationsAndWritesTheirIndex() {
		this.contextRunner.withPropertyValues("app.migrations.locations=classpath:revisions/failing").run((context) -> {
			BeanFactoryInitializationAotContribution contribution = this.processor
				.processAheadOfTime(context.getBeanFactory());
			InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
			DefaultGenerationContext generation = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(RevisionIndexAotProcessorTests.class)), files);
			contribution.applyTo(generation, null);
			RuntimeHints hints = generation.getRuntimeHints();
			assertThat(RuntimeHintsPredicates.resource().forResource("revisions/failing/001_customers.sql"))
				.accepts(hints);
			assertThat(RuntimeHintsPredicates.resource().forResource("revisions/failing/002_orders.sql"))
				.accepts(hints);
			assertThat(RuntimeHintsPredicates.resource().forResource("revisions/failing/.migrations-index"))
				.accepts(hints);
			assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/001_customers.sql")).rejects(hints);
			assertThat(files.getGeneratedFileContent(Kind.RESOURCE, "revisions/failing/.migrations-index"))
				.endsWith("\n001_customers.sql\n002_orders.sql\n");
		});
	}

	@Test
	void leavesAMigratorOfTheApplicationsOwnAlone() {
		this.contextRunner.withUserConfiguration(OwnMigratorConfiguration.class)
			.withPropertyValues("app.migrations.locations=classpath:no/such/folder")
			.run((context) -> assertThat(this.processor.processAheadOfTime(context.getBeanFactory())).isNull());
	}

	@Test
	void contributesNothingWithoutAMigrator() {
		this.contextRunner.withPropertyValues("app.migrations.enabled=false")
			.run((context) -> assertThat(this.processor.processAheadOfTime(context.getBeanFactory())).isNull());
	}

	@Test
	void defaultLocationIsANativeImageResourceWheneverTheAutoConfigurationIsActive() {
		RuntimeHints hints = new RuntimeHints();
		new MigrationsRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/001_customers.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/orders/002_orders.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/.migrations-index")).accepts(hints);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMigratorConfiguration {

		@Bean
		Migrator ownMigrator(DataSource dataSource) {
			return Migrator.builder(dataSource).locations("classpath:db/revisions").build();
		}

	}

}
