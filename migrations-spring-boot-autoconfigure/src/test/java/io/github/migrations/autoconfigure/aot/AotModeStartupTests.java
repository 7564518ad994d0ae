package io.github.migrations.autoconfigure.aot;

import java.util.Map;

import io.github.migrations.autoconfigure.MigrationsAutoConfiguration;
import io.github.migrations.autoconfigure.MigrationsInitializer;
import io.github.migrations.core.Migrator;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context as AOT processing leaves it, which is how a native image starts: the bean
 * definitions are generated code, compiled here and run against a real database.
 */
class AotModeStartupTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@Test
	@CompileWithForkedClassLoader
	void theGeneratedContextMigratesOnStartup() {
		GenericApplicationContext context = new AnnotationConfigApplicationContext();
		configure(context);
		context.registerBean(MigrationsApplication.class);
		TestGenerationContext generationContext = new TestGenerationContext(AotModeStartupTests.class);
		ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		generationContext.writeGeneratedContent();
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			try (GenericApplicationContext started = new GenericApplicationContext()) {
				configure(started);
				@SuppressWarnings("unchecked")
				ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
					.getInstance(ApplicationContextInitializer.class, initializerName.toString());
				initializer.initialize(started);
				started.refresh();
				assertThat(started.getBeansOfType(Migrator.class)).hasSize(1);
				assertThat(started.getBeansOfType(MigrationsInitializer.class)).hasSize(1);
				assertThat(this.database.query("SELECT revision FROM migrations_revisions ORDER BY revision"))
					.containsExactly("001", "002", "003", "004");
			}
		});
	}

	private void configure(GenericApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("database",
					Map.of("spring.datasource.url", this.database.url(), "spring.datasource.username",
							this.database.username(), "spring.datasource.password", this.database.password())));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class MigrationsApplication {

	}

}
