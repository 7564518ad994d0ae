package io.github.migrations.core.script;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class path as a native image has it: resources reached through {@code resource:}
 * URLs, which are neither files nor jar entries, so a folder cannot be listed. Holds each
 * resource's text in memory; a folder is a resource when {@link #withFolder} says so, as
 * GraalVM registers folders whose content matches a resource hint.
 */
public final class ResourceOnlyClassLoader extends ClassLoader {

	private final Map<String, byte[]> resources = new LinkedHashMap<>();

	private final URLStreamHandler handler = new URLStreamHandler() {

		@Override
		protected URLConnection openConnection(URL url) {
			return new URLConnection(url) {

				@Override
				public void connect() {
				}

				@Override
				public InputStream getInputStream() {
					return new ByteArrayInputStream(ResourceOnlyClassLoader.this.resources
						.getOrDefault(url.getPath().substring(1), new byte[0]));
				}

			};
		}

	};

	public ResourceOnlyClassLoader() {
		super(null);
	}

	public ResourceOnlyClassLoader with(String name, String content) {
		this.resources.put(name, content.getBytes(StandardCharsets.UTF_8));
		return this;
	}

	public ResourceOnlyClassLoader withFolder(String name) {
		this.resources.put(name, new byte[0]);
		return this;
	}

	public ResourceOnlyClassLoader withIndex(String folder, String... relativePaths) {
		this.resources.put(RevisionIndex.resourceName(folder), RevisionIndex.write(List.of(relativePaths)));
		return this;
	}

	@Override
	protected URL findResource(String name) {
		if (!this.resources.containsKey(name)) {
			return null;
		}
		try {
			return new URL("resource", null, -1, "/" + name, this.handler);
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	protected Enumeration<URL> findResources(String name) {
		URL url = findResource(name);
		return (url != null) ? Collections.enumeration(List.of(url)) : Collections.emptyEnumeration();
	}

}
