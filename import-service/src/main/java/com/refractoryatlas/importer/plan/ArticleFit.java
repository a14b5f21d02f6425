package com.refractoryatlas.importer.plan;

import com.refractoryatlas.importer.write.ArticleInput;
import com.refractoryatlas.importer.write.ArticleInput.AuthorInput;
import com.refractoryatlas.importer.write.ArticleInput.CitationInput;
import com.refractoryatlas.importer.write.ArticleInput.ReferenceInput;
import com.refractoryatlas.importer.write.ArticleInput.SectionInput;
import com.refractoryatlas.subgraph.DoiShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Fits the article write into what the references service accepts, before anything is written, as
 * {@link CatalogFit} does for the catalog: the references service refuses a whole article for one value over its
 * limits, and a reference-manager file's fields are whatever its owner typed (a 900,000-character "title", a year
 * 20,019, {@code doi = {see PDF}}). Such values were refused after parsing as {@code WRITE_REJECTED}; now each is
 * shortened at a word or left out, with a typed warning on the job ({@code ARTICLE_VALUE_SHORTENED},
 * {@code ARTICLE_ITEMS_DROPPED}) that never quotes the document. What the document limits refuse outright (sections,
 * their length, the number of references and of citing sentences: {@code job/DocumentLimits}) is not fitted here.
 *
 * <p>The bounds are the references service's documented defaults ({@code atlas.references.limits}: strings 2,000
 * characters, 500 authors, years 1400–2100, DOIs as {@link DoiShape} has them). One pass over each
 * value; the sets that find duplicates are linear in the references and citations.
 */
final class ArticleFit {

    static final int STRING_CHARS = 2000;
    static final int AUTHORS = 500;
    static final int MIN_YEAR = 1400;
    static final int MAX_YEAR = 2100;

    static final String VALUE_SHORTENED = "ARTICLE_VALUE_SHORTENED";
    static final String ITEMS_DROPPED = "ARTICLE_ITEMS_DROPPED";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    /** The fitted article and what fitting changed. */
    record Fitted(ArticleInput article, List<DocumentPlan.Issue> warnings) {}

    private final Set<String> shortened = new LinkedHashSet<>();
    private final Set<String> dropped = new LinkedHashSet<>();

    private ArticleFit() {}

    static Fitted fit(ArticleInput a) {
        var fit = new ArticleFit();
        var references = fit.references(a.references());
        var numbers = new HashSet<Integer>();
        references.forEach(r -> numbers.add(r.number()));
        var article = new ArticleInput(
                a.kind(),
                a.checksum(),
                fit.required("article title", a.title()),
                fit.authors("article authors", a.authors()),
                fit.optional("affiliation", a.affiliation()),
                fit.email(a.correspondenceEmail()),
                fit.optional("journal", a.journal()),
                fit.optional("volume", a.volume()),
                fit.optional("article number", a.articleNumber()),
                fit.year("article year", a.year()),
                fit.doi("article DOI", a.doi()),
                fit.optional("manuscript number", a.manuscriptNumber()),
                a.received(),
                a.editorAssigned(),
                a.reviewed(),
                a.revised(),
                a.published(),
                fit.sections(a.sections()),
                references,
                fit.citations(a.citations(), numbers),
                a.importJobId());
        return new Fitted(article, fit.warnings());
    }

    private List<SectionInput> sections(List<SectionInput> sections) {
        var kept = new ArrayList<SectionInput>(sections.size());
        for (var s : sections) {
            kept.add(new SectionInput(required("section heading", s.heading()), s.text()));
        }
        return kept;
    }

    private List<ReferenceInput> references(List<ReferenceInput> references) {
        var kept = new ArrayList<ReferenceInput>(references.size());
        var numbers = new HashSet<Integer>();
        for (var r : references) {
            if (r.number() < 1 || !numbers.add(r.number())) {
                dropped.add("a reference whose number is not positive or printed twice");
                continue;
            }
            kept.add(new ReferenceInput(
                    r.number(),
                    required("reference title", r.title()),
                    authors("reference authors", r.authors()),
                    optional("reference journal", r.journal()),
                    optional("reference volume", r.volume()),
                    optional("reference issue", r.issue()),
                    optional("reference pages", r.pages()),
                    year("reference year", r.year()),
                    doi("reference DOI", r.doi())));
        }
        return kept;
    }

    private List<CitationInput> citations(List<CitationInput> citations, Set<Integer> referenceNumbers) {
        var kept = new ArrayList<CitationInput>(citations.size());
        var seen = new HashSet<Integer>();
        for (var c : citations) {
            if (!referenceNumbers.contains(c.number()) || !seen.add(c.number())) {
                dropped.add("a citation of a reference that was left out or cited twice");
                continue;
            }
            kept.add(c);
        }
        return kept;
    }

    private List<AuthorInput> authors(String what, List<AuthorInput> authors) {
        var kept = new ArrayList<AuthorInput>(Math.min(authors.size(), AUTHORS));
        for (var author : authors) {
            if (author.family().isBlank()) {
                dropped.add("an author without a family name");
                continue;
            }
            if (kept.size() == AUTHORS) {
                shortened.add(what + " (first " + AUTHORS + " of " + authors.size() + " kept)");
                break;
            }
            kept.add(new AuthorInput(
                    required("author family name", author.family()),
                    optional("author given name", author.given()),
                    optional("author suffix", author.suffix())));
        }
        return kept;
    }

    /** A required value, shortened at a word to the string limit with an ellipsis. */
    private String required(String what, String value) {
        if (value.length() <= STRING_CHARS) {
            return value;
        }
        shortened.add(what + " (at most " + STRING_CHARS + " characters)");
        return Shortening.atWord(value, STRING_CHARS);
    }

    private @Nullable String optional(String what, @Nullable String value) {
        return value == null ? null : required(what, value);
    }

    private @Nullable Integer year(String what, @Nullable Integer year) {
        if (year == null || (year >= MIN_YEAR && year <= MAX_YEAR)) {
            return year;
        }
        dropped.add("a " + what + " outside " + MIN_YEAR + "–" + MAX_YEAR);
        return null;
    }

    private @Nullable String doi(String what, @Nullable String doi) {
        if (doi == null || doi.isBlank()) {
            return doi;
        }
        var canonical = DoiShape.canonical(doi);
        if (doi.length() <= STRING_CHARS && canonical != null && DoiShape.isCanonicalDoi(canonical)) {
            return doi;
        }
        dropped.add("a " + what + " that is not of the shape 10.<registrant>/<suffix>");
        return null;
    }

    private @Nullable String email(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        if (email.length() <= STRING_CHARS && EMAIL.matcher(email.strip()).matches()) {
            return email;
        }
        dropped.add("a correspondence address that is not an e-mail address");
        return null;
    }

    private List<DocumentPlan.Issue> warnings() {
        var warnings = new ArrayList<DocumentPlan.Issue>();
        if (!shortened.isEmpty()) {
            warnings.add(new DocumentPlan.Issue(
                    VALUE_SHORTENED,
                    "shortened to fit the references service's limits: " + String.join("; ", shortened),
                    null));
        }
        if (!dropped.isEmpty()) {
            warnings.add(new DocumentPlan.Issue(
                    ITEMS_DROPPED, "left out of the article: " + String.join("; ", dropped), null));
        }
        return warnings;
    }
}
