package com.refractoryatlas.references.article;

import com.refractoryatlas.references.article.ArticleInput.AuthorInput;
import com.refractoryatlas.references.article.ArticleInput.CitationInput;
import com.refractoryatlas.references.article.ArticleInput.ReferenceInput;
import com.refractoryatlas.references.article.ArticleUpsertResult.ReferenceUpsert;
import com.refractoryatlas.references.reference.Author;
import com.refractoryatlas.references.reference.Reference;
import com.refractoryatlas.references.reference.ReferenceIdentity;
import com.refractoryatlas.references.reference.References;
import com.refractoryatlas.references.reference.UpsertOutcome;
import com.refractoryatlas.references.text.TextNormalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Upserts an article with all its references and citations. There are no multi-document transactions (the embedded
 * server has none), so the write is made safe by its order and idempotence instead: the whole input is validated
 * first, references are upserted next (by derived id, so shared ones are never duplicated) and the article last. The
 * article write is the commit point: a call interrupted before it leaves at most some references stored, which the
 * retry finds UNCHANGED, and the retry converges to the same state. A write made for an import job first records what
 * it replaces ({@link ImportUndo}), so that the job can take it back if it fails later.
 */
@Service
class ArticleUpserts {

    private final ArticleInputValidator validator;
    private final ArticleRepository articles;
    private final References references;
    private final ImportUndo undo;

    ArticleUpserts(
            ArticleInputValidator validator, ArticleRepository articles, References references, ImportUndo undo) {
        this.validator = validator;
        this.articles = articles;
        this.references = references;
        this.undo = undo;
    }

    /** Takes back what a failed import job wrote of an article ({@code deleteImportedArticle}). */
    ImportUndo.Result undo(String articleId, String importJobId) {
        return undo.undo(articleId, importJobId);
    }

    ArticleUpsertResult upsert(ArticleInput input) {
        validator.validate(input);
        var works = input.references().stream().map(ArticleUpserts::toReference).toList();
        var idByNumber = new HashMap<Integer, String>();
        for (int i = 0; i < works.size(); i++) {
            idByNumber.put(input.references().get(i).number(), works.get(i).id());
        }
        var article = toArticle(input, idByNumber);
        var stored = articles.findById(article.id()).orElse(null);
        var jobId = article.importJobId();
        if (jobId != null) {
            var referenceIds = works.stream().map(Reference::id).distinct().toList();
            undo.record(jobId, article.id(), stored, referenceIds, references.findAllById(referenceIds));
        }
        var referenceOutcomes = references.upsertAll(works);
        var outcome = outcomeOf(stored, article);
        if (outcome == UpsertOutcome.UNCHANGED && stored != null) {
            article = stored;
        } else {
            articles.save(article);
        }
        restoreMissing(works);
        var upserts = input.references().stream()
                .map(reference -> {
                    var id = idByNumber.get(reference.number());
                    return new ReferenceUpsert(reference.number(), id, referenceOutcomes.get(id));
                })
                .toList();
        return new ArticleUpsertResult(article, outcome, upserts);
    }

    /**
     * The undo of a failed import may have removed a reference this article cites between its upsert above and the
     * article's save: such a reference is written again (see {@link ImportUndo}).
     */
    private void restoreMissing(List<Reference> works) {
        var ids = works.stream().map(Reference::id).distinct().toList();
        var present = references.findAllById(ids);
        if (present.size() < ids.size()) {
            references.upsertAll(works.stream()
                    .filter(work -> !present.containsKey(work.id()))
                    .toList());
        }
    }

    /** The import job attribution is not content: re-importing an unchanged document is UNCHANGED. */
    private static UpsertOutcome outcomeOf(@Nullable Article stored, Article article) {
        if (stored == null) {
            return UpsertOutcome.CREATED;
        }
        var storedContent = stored.withImportJobId(null);
        return Objects.equals(storedContent, article.withImportJobId(null))
                ? UpsertOutcome.UNCHANGED
                : UpsertOutcome.UPDATED;
    }

    private static Reference toReference(ReferenceInput input) {
        var authors = authors(input.authors());
        var title = input.title().strip();
        var year = input.year();
        var doi = TextNormalizer.doi(input.doi());
        return new Reference(
                ReferenceIdentity.idOf(doi, authors, year, title),
                title,
                authors,
                text(input.journal()),
                text(input.volume()),
                text(input.issue()),
                text(input.pages()),
                year,
                doi);
    }

    private static Article toArticle(ArticleInput input, Map<Integer, String> referenceIdByNumber) {
        var contextsByNumber =
                input.citations().stream().collect(Collectors.toMap(CitationInput::number, Function.identity()));
        var citations = input.references().stream()
                .sorted(Comparator.comparingInt(ReferenceInput::number))
                .map(reference -> new Citation(
                        reference.number(),
                        referenceIdByNumber.get(reference.number()),
                        contextsOf(contextsByNumber.get(reference.number()))))
                .toList();
        var referenceIds =
                citations.stream().map(Citation::referenceId).distinct().toList();
        var doi = TextNormalizer.doi(input.doi());
        return new Article(
                ArticleIdentity.idOf(doi, input.checksum()),
                input.kind(),
                input.checksum().toLowerCase(Locale.ROOT),
                input.title().strip(),
                authors(input.authors()),
                text(input.affiliation()),
                text(input.correspondenceEmail()),
                text(input.journal()),
                text(input.volume()),
                text(input.articleNumber()),
                input.year(),
                doi,
                text(input.manuscriptNumber()),
                input.received(),
                input.editorAssigned(),
                input.reviewed(),
                input.revised(),
                input.published(),
                input.sections().stream()
                        .map(section -> new Section(
                                section.heading().strip(), section.text().strip()))
                        .toList(),
                citations,
                referenceIds,
                text(input.importJobId()));
    }

    private static List<String> contextsOf(@Nullable CitationInput citation) {
        return citation == null
                ? List.of()
                : citation.contexts().stream().map(String::strip).toList();
    }

    private static List<Author> authors(List<AuthorInput> authors) {
        return authors.stream()
                .map(author -> new Author(author.family().strip(), text(author.given()), text(author.suffix())))
                .toList();
    }

    /** Optional text stripped, blank meaning absent, so that whitespace noise cannot make a re-import differ. */
    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
