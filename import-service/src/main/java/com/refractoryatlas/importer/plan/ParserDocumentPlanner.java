package com.refractoryatlas.importer.plan;

import com.refractoryatlas.importer.ImportProperties;
import com.refractoryatlas.importer.extract.Condition;
import com.refractoryatlas.importer.extract.Extraction;
import com.refractoryatlas.importer.extract.ExtractionNote;
import com.refractoryatlas.importer.extract.Knowledge;
import com.refractoryatlas.importer.extract.KnowledgeExtractor;
import com.refractoryatlas.importer.extract.Mechanism;
import com.refractoryatlas.importer.extract.TextParagraph;
import com.refractoryatlas.importer.extract.TextSentence;
import com.refractoryatlas.importer.extract.Therapy;
import com.refractoryatlas.importer.extract.Treatment;
import com.refractoryatlas.importer.extract.Vocabulary;
import com.refractoryatlas.importer.parse.ArticleMetadata;
import com.refractoryatlas.importer.parse.DocumentBody;
import com.refractoryatlas.importer.parse.DocumentParser;
import com.refractoryatlas.importer.parse.ExplainerPage;
import com.refractoryatlas.importer.parse.JournalArticle;
import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.ParsedDocument;
import com.refractoryatlas.importer.parse.ParsedReference;
import com.refractoryatlas.importer.parse.ParserSettings;
import com.refractoryatlas.importer.parse.ReferenceList;
import com.refractoryatlas.importer.parse.Section;
import com.refractoryatlas.importer.parse.Unrecognized;
import com.refractoryatlas.importer.parse.pdf.PdfSettings;
import com.refractoryatlas.importer.write.ArticleInput;
import com.refractoryatlas.importer.write.ArticleInput.AuthorInput;
import com.refractoryatlas.importer.write.ArticleInput.CitationInput;
import com.refractoryatlas.importer.write.ArticleInput.ReferenceInput;
import com.refractoryatlas.importer.write.ArticleInput.SectionInput;
import com.refractoryatlas.importer.write.CatalogBatchInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Plans with the document parser: an unrecognized document, or one with any ERROR issue, is rejected whole; a
 * journal article or explainer page becomes an {@code ArticleInput} (explainers as {@code EXPLAINER} articles) and a
 * catalog draft whose treatments cite the article's reference numbers. A reference list with odd entries (one
 * without a year, a numbering gap, a number printed twice) is imported with typed warnings on the job, which clients
 * can filter on ({@code importJobs(warning:)}): real articles nearly always have some (a web page, "in press"), and
 * refusing the whole article for them lost everything else it holds. Only a list whose entries are mostly unreadable
 * (neither authors nor a year) is refused, as {@code REFERENCE_LIST_UNREADABLE}: storing it would store noise. Knowledge is extracted here, after parsing, from
 * the parsed body ({@link DocumentBody}): the parser never extracts.
 */
@Component
class ParserDocumentPlanner implements DocumentPlanner {

    private final DocumentParser parser;
    private final KnowledgeExtractor extractor;

    ParserDocumentPlanner(ImportProperties properties) {
        var settings = ParserSettings.defaults()
                .withMaxBytes(properties.limits().documentBytes().toBytes());
        var pdf = properties.pdf();
        var pdfSettings = new PdfSettings(
                properties.limits().documentBytes().toBytes(),
                pdf.maxPages(),
                pdf.maxStreamMemory().toBytes(),
                pdf.maxGlyphs(),
                pdf.maxOperators(),
                pdf.maxContentBytes().toBytes());
        this.parser = new DocumentParser(settings, pdfSettings);
        this.extractor = new KnowledgeExtractor(Vocabulary.bundled());
    }

    /** Runs the extractor on a parsed document's body; its notes become INFO issues of the plan. */
    static Extraction extract(KnowledgeExtractor extractor, ParsedDocument parsed) {
        List<TextParagraph> paragraphs = DocumentBody.of(parsed).stream()
                .map(p -> new TextParagraph(
                        p.heading(),
                        p.sentences().stream()
                                .map(s -> new TextSentence(s.text(), s.citations(), s.line()))
                                .toList()))
                .toList();
        return extractor.extract(paragraphs);
    }

    private static List<DocumentPlan.Issue> notes(Extraction extraction) {
        return extraction.notes().stream().map(ParserDocumentPlanner::note).toList();
    }

    private static DocumentPlan.Issue note(ExtractionNote n) {
        return new DocumentPlan.Issue(
                ParseIssue.Code.CONDITION_NOT_IN_VOCABULARY.name(), n.message(), n.line() > 0 ? n.line() : null);
    }

    private static List<DocumentPlan.Issue> concat(List<DocumentPlan.Issue> a, List<DocumentPlan.Issue> b) {
        var out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public DocumentPlan plan(String source, String text) {
        return plan(parser.parse(source, text), sha256(text.getBytes(StandardCharsets.UTF_8)), text.length());
    }

    @Override
    public DocumentPlan plan(String source, byte[] bytes, @Nullable String mediaType) {
        return plan(parser.parse(source, bytes, mediaType), sha256(bytes), bytes.length);
    }

    private DocumentPlan plan(ParsedDocument parsed, String checksum, long documentCharacters) {
        var errors = new java.util.ArrayList<>(issues(parsed, true));
        if (parsed instanceof JournalArticle journal && mostlyUnreadable(journal.references())) {
            errors.add(new DocumentPlan.Issue(
                    ParseIssue.Code.REFERENCE_LIST_UNREADABLE.name(),
                    "most of the " + journal.references().size()
                            + " references have neither authors nor a year: the reference list could not be read",
                    journal.references().getFirst().line()));
        }
        if (!errors.isEmpty() || parsed instanceof Unrecognized) {
            return new DocumentPlan.Reject(errors.isEmpty() ? issues(parsed, false) : errors);
        }
        var extraction = extract(extractor, parsed);
        var catalog = CatalogFit.fit(draft(extraction.knowledge()));
        var warnings = concat(concat(issues(parsed, false), notes(extraction)), catalog.warnings());
        return switch (parsed) {
            case JournalArticle article -> {
                var contexts = ContextFit.fit(article.citations(), documentCharacters);
                yield write(
                        article(article, checksum, contexts.citations()),
                        catalog.draft(),
                        concat(warnings, contexts.warnings()));
            }
            case ExplainerPage page -> write(explainer(page, checksum), catalog.draft(), warnings);
            case ReferenceList list -> write(referenceList(list, checksum), NO_CATALOG, issues(parsed, false));
            case Unrecognized unrecognized -> new DocumentPlan.Reject(issues(unrecognized, false));
        };
    }

    /** The write, its article fitted to the references service's limits ({@link ArticleFit}). */
    private static DocumentPlan.Write write(
            ArticleInput article, DocumentPlan.CatalogDraft catalog, List<DocumentPlan.Issue> warnings) {
        var fitted = ArticleFit.fit(article);
        return new DocumentPlan.Write(fitted.article(), catalog, concat(warnings, fitted.warnings()));
    }

    private static ArticleInput article(JournalArticle article, String checksum, List<CitationInput> citations) {
        ArticleMetadata m = article.metadata();
        return new ArticleInput(
                ArticleInput.JOURNAL_ARTICLE,
                checksum,
                m.title(),
                authors(m.authors()),
                m.affiliation(),
                m.correspondenceEmail(),
                m.journal(),
                m.volume(),
                m.articleNumber(),
                m.year(),
                m.doi(),
                m.manuscriptNumber(),
                date(m.received()),
                date(m.editorAssigned()),
                date(m.reviewed()),
                date(m.revised()),
                date(m.published()),
                sections(article.sections()),
                article.references().stream()
                        .map(ParserDocumentPlanner::reference)
                        .toList(),
                citations,
                null);
    }

    private static ArticleInput explainer(ExplainerPage page, String checksum) {
        return withoutFrontMatter(ArticleInput.EXPLAINER, checksum, page.title(), sections(page.sections()), List.of());
    }

    /**
     * A reference-manager file or PubMed export: one {@code REFERENCE_LIST} article titled from the file name,
     * whose entries are its references; no sections, no citations, nothing for the catalog.
     */
    private static ArticleInput referenceList(ReferenceList list, String checksum) {
        return withoutFrontMatter(
                ArticleInput.REFERENCE_LIST,
                checksum,
                list.title(),
                List.of(),
                list.references().stream().map(ParserDocumentPlanner::reference).toList());
    }

    /** An article with a title and no authors, journal, dates or citations: explainer pages and reference lists. */
    private static ArticleInput withoutFrontMatter(
            String kind,
            String checksum,
            String title,
            List<ArticleInput.SectionInput> sections,
            List<ArticleInput.ReferenceInput> references) {
        return new ArticleInput(
                kind,
                checksum,
                title,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                sections,
                references,
                List.of(),
                null);
    }

    private static final DocumentPlan.CatalogDraft NO_CATALOG =
            new DocumentPlan.CatalogDraft(List.of(), List.of(), List.of(), List.of());

    private static DocumentPlan.CatalogDraft draft(Knowledge knowledge) {
        return new DocumentPlan.CatalogDraft(
                knowledge.conditions().stream()
                        .map(ParserDocumentPlanner::condition)
                        .toList(),
                knowledge.therapies().stream()
                        .map(ParserDocumentPlanner::therapy)
                        .toList(),
                knowledge.mechanisms().stream()
                        .map(ParserDocumentPlanner::mechanism)
                        .toList(),
                knowledge.treatments().stream()
                        .map(ParserDocumentPlanner::treatment)
                        .toList());
    }

    private static CatalogBatchInput.ConditionInput condition(Condition c) {
        return new CatalogBatchInput.ConditionInput(
                c.id(), c.name(), c.aliases(), c.specialty().name(), c.refractoryCriteria(), List.of());
    }

    private static CatalogBatchInput.TherapyInput therapy(Therapy t) {
        return new CatalogBatchInput.TherapyInput(
                t.id(), t.name(), t.aliases(), t.kind().name(), t.drugClass());
    }

    private static CatalogBatchInput.MechanismInput mechanism(Mechanism m) {
        return new CatalogBatchInput.MechanismInput(m.id(), m.name(), m.description(), m.conditionIds());
    }

    private static DocumentPlan.TreatmentDraft treatment(Treatment t) {
        return new DocumentPlan.TreatmentDraft(
                t.conditionId(), t.therapyId(), t.role().name(), t.summary(), t.referenceNumbers());
    }

    private static ReferenceInput reference(ParsedReference r) {
        return new ReferenceInput(
                r.number(),
                r.title(),
                authors(r.authors()),
                r.journal(),
                r.volume(),
                r.issue(),
                r.pages(),
                r.year(),
                r.doi());
    }

    private static List<AuthorInput> authors(List<ParsedAuthor> authors) {
        return authors.stream()
                .map(a -> new AuthorInput(a.family(), a.given(), a.suffix()))
                .toList();
    }

    private static List<SectionInput> sections(List<Section> sections) {
        return sections.stream()
                .map(s -> new SectionInput(s.heading(), s.text()))
                .toList();
    }

    private static @Nullable String date(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** More than half the entries have neither authors nor a year (a list the reader could not split at all). */
    static boolean mostlyUnreadable(List<ParsedReference> references) {
        long unreadable = references.stream()
                .filter(r -> r.authors().isEmpty() && r.year() == null)
                .count();
        return unreadable * 2 > references.size();
    }

    private static List<DocumentPlan.Issue> issues(ParsedDocument parsed, boolean errorsOnly) {
        return parsed.issues().stream()
                .filter(issue -> !errorsOnly || issue.severity() == ParseIssue.Severity.ERROR)
                .map(issue -> new DocumentPlan.Issue(issue.code().name(), issue.message(), issue.line()))
                .toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
