package io.github.migrations.autoconfigure.serviceconnection;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.migrations.test.database.TestDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.lifecycle.DockerComposeServicesReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.util.ReflectionUtils;

/**
 * Tells an application starting up that docker compose brought up a {@code postgres}
 * service, as Spring Boot's docker compose support does once the service is ready:
 * {@link DockerComposeServicesReadyEvent} to the application's listeners. The service is
 * a database of the embedded test server, so no Docker engine is needed.
 */
final class ComposeServices implements ApplicationListener<ApplicationPreparedEvent> {

	private final RunningService postgres;

	ComposeServices(TestDatabase.Database database) {
		this.postgres = new PostgresService(database);
	}

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent prepared) {
		SimpleApplicationEventMulticaster multicaster = new SimpleApplicationEventMulticaster();
		prepared.getSpringApplication().getListeners().forEach(multicaster::addApplicationListener);
		multicaster.multicastEvent(servicesReady(prepared.getApplicationContext(), List.of(this.postgres)));
	}

	/**
	 * Boot creates the event itself; its constructor is not public.
	 */
	private static DockerComposeServicesReadyEvent servicesReady(ApplicationContext context,
			List<RunningService> services) {
		try {
			Constructor<DockerComposeServicesReadyEvent> constructor = DockerComposeServicesReadyEvent.class
				.getDeclaredConstructor(ApplicationContext.class, List.class);
			ReflectionUtils.makeAccessible(constructor);
			return constructor.newInstance(context, services);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Spring Boot's DockerComposeServicesReadyEvent changed its constructor; "
					+ "update this test to create the event the way Boot now does", ex);
		}
	}

	/**
	 * A {@code postgres} service as {@code docker compose ps} describes it.
	 */
	private record PostgresService(TestDatabase.Database database) implements RunningService {

		private URI uri() {
			return URI.create(this.database.url().substring("jdbc:".length()));
		}

		@Override
		public String name() {
			return "postgres";
		}

		@Override
		public ImageReference image() {
			return ImageReference.of("postgres:17");
		}

		@Override
		public String host() {
			return uri().getHost();
		}

		@Override
		public ConnectionPorts ports() {
			int port = uri().getPort();
			return new ConnectionPorts() {

				@Override
				public int get(int containerPort) {
					return port;
				}

				@Override
				public List<Integer> getAll() {
					return List.of(port);
				}

				@Override
				public List<Integer> getAll(String protocol) {
					return List.of(port);
				}

			};
		}

		@Override
		public Map<String, @Nullable String> env() {
			return Map.of("POSTGRES_USER", this.database.username(), "POSTGRES_PASSWORD", this.database.password(),
					"POSTGRES_DB", this.database.name());
		}

		@Override
		public Map<String, String> labels() {
			return Map.of();
		}

	}

}
