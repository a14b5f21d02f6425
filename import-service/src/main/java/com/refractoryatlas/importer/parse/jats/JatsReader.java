package com.refractoryatlas.importer.parse.jats;

import com.refractoryatlas.importer.parse.ArticleMetadata;
import com.refractoryatlas.importer.parse.JournalArticle;
import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.ParsedDocument;
import com.refractoryatlas.importer.parse.ParsedReference;
import com.refractoryatlas.importer.parse.ParserSettings;
import com.refractoryatlas.importer.parse.StructuredFields;
import com.refractoryatlas.importer.parse.Unrecognized;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JATS 1.x or NLM 2.x/3.x article ({@code article}, or the first article of a {@code pmc-articleset}) into
 * a {@link JournalArticle}: front matter, abstract and body sections, the reference list (tagged citations field by
 * field, untagged {@code mixed-citation} strings through the text path's labeller) and the {@code xref} citations
 * with the sentences they sit in. Total and bounded like the text path: any input gives a document, never an
 * exception, in one linear pass (XXE-safe, see {@link SafeXml}).
 */
public final class JatsReader {

    /** The references service's limit on an article's references; entries past it are reported and dropped. */
    public static final int MAX_REFERENCES = 2000;

    private final ParserSettings settings;

    public JatsReader(ParserSettings settings) {
        this.settings = settings;
    }

    public ParsedDocument read(String source, byte[] bytes) {
        Issues issues = new Issues(settings.maxIssuesPerCode());
        if (bytes.length > settings.maxBytes()) {
            issues.error(
                    ParseIssue.Code.TOO_LARGE,
                    "the document is " + bytes.length + " bytes; the limit is " + settings.maxBytes(),
                    null);
            return new Unrecognized(source, issues.toList());
        }
        JatsRun run;
        try {
            XMLStreamReader xml = SafeXml.open(bytes);
            run = new JatsRun(xml, issues);
            boolean complete = run.read();
            xml.close();
            if (!complete) {
                return new Unrecognized(source, issues.toList());
            }
        } catch (XMLStreamException | RuntimeException e) {
            issues.error(ParseIssue.Code.MALFORMED_XML, "not well-formed XML: " + message(e), line(e));
            return new Unrecognized(source, issues.toList());
        }
        if (!run.sawArticle()) {
            issues.error(ParseIssue.Code.MALFORMED_XML, "no JATS <article> element", null);
            return new Unrecognized(source, issues.toList());
        }
        return article(source, run, issues);
    }

    private JournalArticle article(String source, JatsRun run, Issues issues) {
        List<ParsedReference> references = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (RefBuilder ref : run.refs) {
            if (references.size() == MAX_REFERENCES) {
                issues.error(
                        ParseIssue.Code.TOO_MANY_REFERENCES,
                        "The reference list has more than "
                                + String.format(java.util.Locale.ROOT, "%,d", MAX_REFERENCES)
                                + " entries; at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_REFERENCES)
                                + " are accepted (limit: references per document)",
                        ref.line);
                break;
            }
            int number = references.size() + 1;
            references.add(reference(ref, number, issues));
            if (ref.id != null) {
                numbers.putIfAbsent(ref.id, number);
            }
        }
        ArticleMetadata metadata = run.front.build(titleFromSource(source));
        var sections = run.body.sections();
        Citations.Result cited = Citations.resolve(run.body.paragraphs(), numbers, settings.maxCitationRange(), issues);
        report(run, metadata, references, issues);
        return new JournalArticle(source, metadata, sections, references, cited.citations(), issues.toList());
    }

    /**
     * One reference: the richest tagged citation of the {@code ref}; a citation with no tagged field (a plain
     * string) goes to the text path's labeller through {@link StructuredFields#label}, the one place it is called.
     */
    private static ParsedReference reference(RefBuilder ref, int number, Issues issues) {
        CitationBuilder best = ref.best();
        ParsedReference built = best == null || best.untagged() ? null : best.build(number, ref.line);
        if (built != null) {
            return built;
        }
        String raw = best == null ? "" : best.raw.text();
        List<ParseIssue> labelIssues = new ArrayList<>();
        ParsedReference labelled =
                StructuredFields.label(number, raw.isEmpty() ? "(empty)" : raw, ref.line, labelIssues);
        for (ParseIssue issue : labelIssues) {
            issues.warning(entryCode(issue.code()), issue.message(), issue.line());
        }
        return labelled;
    }

    /**
     * A string the labeller could not split is still one certain entry of a tagged list (unlike a text reference
     * list, where it may mean the list itself is broken): it is an entry-level {@code MALFORMED_ENTRY}, which does not
     * make the import refuse the article.
     */
    private static ParseIssue.Code entryCode(ParseIssue.Code code) {
        return code == ParseIssue.Code.MALFORMED_REFERENCE ? ParseIssue.Code.MALFORMED_ENTRY : code;
    }

    private static void report(JatsRun run, ArticleMetadata metadata, List<ParsedReference> references, Issues issues) {
        if (run.front.title == null || run.front.title.isBlank()) {
            issues.warning(ParseIssue.Code.MISSING_TITLE, "no article-title; titled from the file name", null);
        }
        if (metadata.authors().isEmpty()) {
            issues.warning(ParseIssue.Code.MISSING_AUTHORS, "no author contrib in the front matter", null);
        }
        if (references.isEmpty()) {
            issues.warning(ParseIssue.Code.MISSING_REFERENCES, "no ref-list entries", null);
        }
    }

    /** The file name without directories or extension: the title of a document that prints none. */
    public static String titleFromSource(String source) {
        String name = source;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0 && slash < name.length() - 1) {
            name = name.substring(slash + 1);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        return name.isBlank() ? source : name;
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null
                ? e.getClass().getSimpleName()
                : m.lines().reduce((a, b) -> b).orElse(m).strip();
    }

    private static @Nullable Integer line(Exception e) {
        if (e instanceof XMLStreamException x && x.getLocation() != null) {
            return Math.max(1, x.getLocation().getLineNumber());
        }
        return null;
    }
}
