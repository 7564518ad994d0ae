package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.migrations.schema.TextSearchConfiguration.Mapping;
import org.jspecify.annotations.Nullable;

/**
 * Reads text search dictionaries (template and options) and configurations (parser and
 * the dictionaries of each token type), but those an extension created. Names are printed
 * for the connection's {@code search_path}, as the rest of the catalog.
 */
final class TextSearchReader {

	private static final String DICTIONARIES = """
			SELECT n.nspname, d.dictname,
			       CASE WHEN pg_catalog.pg_ts_template_is_visible(t.oid) THEN pg_catalog.quote_ident(t.tmplname)
			            ELSE pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(t.tmplname) END
			         AS template,
			       d.dictinitoption, pg_catalog.obj_description(d.oid, 'pg_ts_dict') AS comment
			FROM pg_catalog.pg_ts_dict d
			JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
			JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
			JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
			WHERE n.nspname = ANY (?)
			  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_ts_dict'::regclass
			                  AND e.objid = d.oid AND e.deptype = 'e')""";

	private static final String CONFIGURATIONS = """
			SELECT n.nspname, f.cfgname,
			       CASE WHEN pg_catalog.pg_ts_parser_is_visible(p.oid) THEN pg_catalog.quote_ident(p.prsname)
			            ELSE pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(p.prsname) END
			         AS parser,
			       pg_catalog.obj_description(f.oid, 'pg_ts_config') AS comment, t.alias,
			       ARRAY(SELECT c.mapdict::pg_catalog.regdictionary::text FROM pg_catalog.pg_ts_config_map c
			             WHERE c.mapcfg = f.oid AND c.maptokentype = t.tokid ORDER BY c.mapseqno) AS dictionaries
			FROM pg_catalog.pg_ts_config f
			JOIN pg_catalog.pg_namespace n ON n.oid = f.cfgnamespace
			JOIN pg_catalog.pg_ts_parser p ON p.oid = f.cfgparser
			JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
			LEFT JOIN LATERAL (SELECT k.tokid, k.alias FROM pg_catalog.ts_token_type(f.cfgparser) k
			                   WHERE EXISTS (SELECT FROM pg_catalog.pg_ts_config_map c
			                                 WHERE c.mapcfg = f.oid AND c.maptokentype = k.tokid)) t ON true
			WHERE n.nspname = ANY (?)
			  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_ts_config'::regclass
			                  AND e.objid = f.oid AND e.deptype = 'e')
			ORDER BY n.nspname, f.cfgname, t.alias""";

	private TextSearchReader() {
	}

	static List<TextSearchDictionary> dictionaries(CatalogQuery query) {
		return query.list("text search dictionaries", DICTIONARIES,
				(row) -> new TextSearchDictionary(new QualifiedName(row.getString(1), row.getString(2)),
						row.getString("template"), options(row.getString("dictinitoption")), row.getString("comment")));
	}

	static List<TextSearchConfiguration> configurations(CatalogQuery query) {
		Map<QualifiedName, TextSearchConfiguration> configurations = new LinkedHashMap<>();
		query.list("text search configurations", CONFIGURATIONS, (row) -> {
			QualifiedName name = new QualifiedName(row.getString(1), row.getString(2));
			TextSearchConfiguration known = configurations.get(name);
			List<Mapping> mappings = new ArrayList<>((known != null) ? known.mappings() : List.of());
			if (row.getString("alias") != null) {
				mappings.add(new Mapping(row.getString("alias"), CatalogQuery.strings(row, "dictionaries")));
			}
			configurations.put(name,
					new TextSearchConfiguration(name, row.getString("parser"), mappings, row.getString("comment")));
			return name;
		});
		return List.copyOf(configurations.values());
	}

	/**
	 * A dictionary's options, split from the one string the catalog keeps them in
	 * ({@code language = 'spanish', stopwords = 'spanish'}: each name, {@code = }, and a
	 * value that is a literal or a plain word), and sorted by name.
	 */
	static List<String> options(@Nullable String text) {
		Map<String, String> options = new TreeMap<>();
		if (text == null || text.isBlank()) {
			return List.of();
		}
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || (!quoted && text.charAt(i) == ',')) {
				String option = text.substring(start, i).strip();
				options.put(optionName(option), option);
				start = i + 1;
			}
			else if (text.charAt(i) == '\'') {
				quoted = !quoted;
			}
		}
		return List.copyOf(options.values());
	}

	/**
	 * The name of an option as {@link #options} gives it ({@code language} of
	 * {@code language = 'spanish'}).
	 */
	static String optionName(String option) {
		int equals = option.indexOf('=');
		return ((equals < 0) ? option : option.substring(0, equals)).strip();
	}

}
