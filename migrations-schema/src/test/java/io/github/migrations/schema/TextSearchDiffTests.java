package io.github.migrations.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextSearchDiffTests {

	private static final String SPANISH = """
			CREATE EXTENSION unaccent;
			CREATE TEXT SEARCH DICTIONARY es_stem (TEMPLATE = snowball, language = 'spanish', stopwords = 'spanish');
			CREATE TEXT SEARCH CONFIGURATION es_unaccent (COPY = spanish);
			""";

	private static final String UNACCENTED = """
			ALTER TEXT SEARCH CONFIGURATION es_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, es_stem;
			""";

	private static final String DOCS = """
			CREATE TABLE docs (id int PRIMARY KEY, title text, body text,
				words tsvector GENERATED ALWAYS AS (to_tsvector('es_unaccent', coalesce(title, ''))) STORED);
			CREATE INDEX docs_body ON docs USING gin (to_tsvector('es_unaccent', body));
			CREATE VIEW docs_search AS SELECT id, to_tsvector('es_unaccent', body) AS body FROM docs;
			""";

	@Test
	void aFullTextSearchSchemaIsCreatedFromNothingWithExactlyItsMappingsBeforeWhatNamesTheConfiguration() {
		SchemaChanges changes = RoundTrip.check("", SPANISH + UNACCENTED + """
				COMMENT ON TEXT SEARCH CONFIGURATION es_unaccent IS 'Spanish, accents ignored';
				COMMENT ON TEXT SEARCH DICTIONARY es_stem IS 'Spanish stems';
				""" + DOCS);
		assertThat(changes.unsupported()).isEmpty();
		assertThat(changes.script()).startsWith(
				"""
						CREATE EXTENSION unaccent WITH SCHEMA public VERSION '1.1';
						CREATE TEXT SEARCH DICTIONARY public.es_stem (TEMPLATE = snowball, language = 'spanish', stopwords = 'spanish');
						COMMENT ON TEXT SEARCH DICTIONARY public.es_stem IS 'Spanish stems';
						CREATE TEXT SEARCH CONFIGURATION public.es_unaccent (PARSER = "default");
						ALTER TEXT SEARCH CONFIGURATION public.es_unaccent ADD MAPPING FOR asciihword, asciiword, hword_asciipart WITH spanish_stem;
						ALTER TEXT SEARCH CONFIGURATION public.es_unaccent ADD MAPPING FOR email, file, float, host, hword_numpart, int, numhword, numword, sfloat, uint, url, url_path, version WITH simple;
						ALTER TEXT SEARCH CONFIGURATION public.es_unaccent ADD MAPPING FOR hword, hword_part, word WITH unaccent, es_stem;
						COMMENT ON TEXT SEARCH CONFIGURATION public.es_unaccent IS 'Spanish, accents ignored';
						CREATE TABLE public.docs (""");
	}

	@Test
	void aFullTextSearchSchemaIsDroppedAfterTheIndexesColumnsAndViewsThatNameItsConfiguration() {
		String script = RoundTrip.diffOnly(SPANISH + UNACCENTED + DOCS, "").script();
		assertThat(script).containsSubsequence("DROP VIEW public.docs_search;", "DROP TABLE public.docs;",
				"DROP TEXT SEARCH CONFIGURATION public.es_unaccent;", "DROP TEXT SEARCH DICTIONARY public.es_stem;");
		assertThat(script).containsSubsequence("DROP TEXT SEARCH CONFIGURATION public.es_unaccent;",
				"DROP EXTENSION unaccent;");
	}

	@Test
	void aFunctionAndATriggerThatNameAConfigurationOnlyAsTextComeAfterItAndGoBeforeIt() {
		SchemaChanges changes = RoundTrip.check("", SPANISH + """
				CREATE TABLE notes (body text, words tsvector);
				CREATE FUNCTION search_notes(q text) RETURNS SETOF notes LANGUAGE sql
					AS $$ SELECT * FROM notes WHERE words @@ plainto_tsquery('es_unaccent', q) $$;
				CREATE TRIGGER notes_words BEFORE INSERT OR UPDATE ON notes
					FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(words, 'public.es_unaccent', body);""");
		assertThat(changes.script()).containsSubsequence("CREATE TEXT SEARCH CONFIGURATION public.es_unaccent",
				"FUNCTION public.search_notes(q text)", "CREATE TRIGGER notes_words");
		assertThat(RoundTrip.diffOnly(SPANISH + """
				CREATE TABLE notes (body text, words tsvector);
				CREATE FUNCTION search_notes(q text) RETURNS SETOF notes LANGUAGE sql
					AS $$ SELECT * FROM notes WHERE words @@ plainto_tsquery('es_unaccent', q) $$;""", "").script())
			.containsSubsequence("DROP FUNCTION public.search_notes", "DROP TEXT SEARCH CONFIGURATION");
	}

	@Test
	void theIndexGeneratedColumnAndViewThatNameAConfigurationDependOnItAndItOnItsDictionaries() {
		DatabaseSchema schema = RoundTrip.read(RoundTrip.database(SPANISH + UNACCENTED + DOCS));
		String configuration = "text search configuration public.es_unaccent";
		assertThat(schema.object(configuration)).isInstanceOf(TextSearchConfiguration.class);
		assertThat(schema.dependenciesOf("index public.docs_body")).contains(configuration);
		assertThat(schema.dependenciesOf("column public.docs.words")).contains(configuration);
		assertThat(schema.dependenciesOf("view public.docs_search")).contains(configuration);
		assertThat(schema.dependenciesOf(configuration)).contains("text search dictionary public.es_stem",
				"extension unaccent");
	}

	@Test
	void aChangedMappingIsAlteredInPlaceUnderItsIndexAndGeneratedColumn() {
		String before = SPANISH + DOCS;
		String after = SPANISH + UNACCENTED + "ALTER TEXT SEARCH CONFIGURATION es_unaccent DROP MAPPING FOR url_path;"
				+ DOCS;
		SchemaChanges changes = RoundTrip.check(before, after);
		assertThat(changes.script()).isEqualTo(
				"""
						-- REVIEW: column public.docs.words, index public.docs_body keep what the old mappings gave for the rows they hold; rebuild them (REINDEX, an UPDATE of the rows) if these must change too
						ALTER TEXT SEARCH CONFIGURATION public.es_unaccent DROP MAPPING FOR url_path;
						ALTER TEXT SEARCH CONFIGURATION public.es_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, es_stem;
						""");
		assertThat(RoundTrip.applyThenQuery(before, after,
				"SELECT x.indisvalid AND x.indisready FROM pg_index x WHERE x.indexrelid = 'docs_body'::regclass"))
			.isEqualTo("t");
	}

	@Test
	void aDictionaryWhoseOptionsChangeAndCommentsAreAlteredInPlace() {
		String configuration = """
				CREATE TEXT SEARCH CONFIGURATION es (PARSER = default);
				ALTER TEXT SEARCH CONFIGURATION es ADD MAPPING FOR word, asciiword WITH es_stem;
				CREATE INDEX docs_body ON docs USING gin (to_tsvector('es', body));""";
		SchemaChanges changes = RoundTrip.check("""
				CREATE TABLE docs (body text);
				CREATE TEXT SEARCH DICTIONARY es_stem (TEMPLATE = snowball, language = 'spanish');""" + configuration,
				"""
						CREATE TABLE docs (body text);
						CREATE TEXT SEARCH DICTIONARY es_stem (TEMPLATE = snowball, stopwords = 'spanish',
							language = 'spanish');
						COMMENT ON TEXT SEARCH DICTIONARY es_stem IS 'stems';""" + configuration
						+ "COMMENT ON TEXT SEARCH CONFIGURATION es IS 'Spanish';");
		assertThat(changes.script()).isEqualTo("""
				ALTER TEXT SEARCH DICTIONARY public.es_stem (stopwords = 'spanish');
				COMMENT ON TEXT SEARCH DICTIONARY public.es_stem IS 'stems';
				COMMENT ON TEXT SEARCH CONFIGURATION public.es IS 'Spanish';
				""");
	}

	@Test
	void aDictionaryOnAnotherTemplateIsCreatedAgainWithTheConfigurationAndIndexThatUseIt() {
		String rest = """
				CREATE TEXT SEARCH CONFIGURATION docs (PARSER = default);
				ALTER TEXT SEARCH CONFIGURATION docs ADD MAPPING FOR asciiword WITH words;
				CREATE TABLE notes (body text);
				CREATE INDEX notes_body ON notes USING gin (to_tsvector('docs', body));""";
		SchemaChanges changes = RoundTrip.check("CREATE TEXT SEARCH DICTIONARY words (TEMPLATE = simple);" + rest,
				"CREATE TEXT SEARCH DICTIONARY words (TEMPLATE = snowball, language = 'english');" + rest);
		assertThat(changes.script()).isEqualTo("""
				DROP INDEX public.notes_body;
				DROP TEXT SEARCH CONFIGURATION public.docs;
				DROP TEXT SEARCH DICTIONARY public.words;
				CREATE TEXT SEARCH DICTIONARY public.words (TEMPLATE = snowball, language = 'english');
				CREATE TEXT SEARCH CONFIGURATION public.docs (PARSER = "default");
				ALTER TEXT SEARCH CONFIGURATION public.docs ADD MAPPING FOR asciiword WITH words;
				CREATE INDEX notes_body ON public.notes USING gin (to_tsvector('docs'::regconfig, body));
				""");
	}

}
