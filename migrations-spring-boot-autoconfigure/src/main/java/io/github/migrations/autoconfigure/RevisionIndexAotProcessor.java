package io.github.migrations.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.script.RevisionIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.ResourceHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.ClassUtils;

/**
 * At build time ({@code process-aot}), lists the revision files of the {@code classpath:}
 * locations that the auto-configured {@link Migrator} reads, registers each one as a
 * native-image resource, and writes the {@link RevisionIndex} of each folder among the
 * generated resources. A native image, whose class path cannot be listed, finds its
 * revisions through that index.
 */
final class RevisionIndexAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (!hasAutoConfiguredMigrator(beanFactory)) {
			return null;
		}
		MigrationsProperties properties = Binder.get(beanFactory.getBean(Environment.class))
			.bind("app.migrations", MigrationsProperties.class)
			.orElseGet(MigrationsProperties::new);
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		Map<String, List<String>> indexes = RevisionIndex.of(properties.getLocations(),
				(classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader());
		return indexes.isEmpty() ? null : new Contribution(indexes);
	}

	/**
	 * A {@link Migrator} of the application's own may read other locations than the
	 * properties name; only the auto-configured one is known to read them.
	 */
	private static boolean hasAutoConfiguredMigrator(ConfigurableListableBeanFactory beanFactory) {
		return Arrays.stream(beanFactory.getBeanNamesForType(Migrator.class, true, false))
			.filter(beanFactory::containsBeanDefinition)
			.map((name) -> beanFactory.getBeanDefinition(name).getFactoryBeanName())
			.anyMatch(MigrationsAutoConfiguration.class.getName()::equals);
	}

	private record Contribution(Map<String, List<String>> indexes) implements BeanFactoryInitializationAotContribution {

		@Override
		public void applyTo(GenerationContext generationContext, BeanFactoryInitializationCode code) {
			ResourceHints resources = generationContext.getRuntimeHints().resources();
			this.indexes.forEach((folder, files) -> {
				files.forEach((file) -> resources.registerPattern(folder + "/" + file));
				String index = RevisionIndex.resourceName(folder);
				resources.registerPattern(index);
				generationContext.getGeneratedFiles()
					.addResourceFile(index, new ByteArrayResource(RevisionIndex.write(files)));
			});
		}

	}

}
