package com.refractoryatlas.references.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.references.IntegrationTestSupport;
import com.refractoryatlas.references.SampleArticles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failed import takes back its article write: nothing it created stays, what it replaced comes back. */
class ImportUndoIntegrationTests extends IntegrationTestSupport {

    @BeforeEach
    void clearUndoRecords() {
        database.getCollection("importUndoArticles").deleteMany(new Document());
        database.getCollection("importUndoReferences").deleteMany(new Document());
    }

    private Map<String, Object> byJob(Map<String, Object> input, String jobId) {
        var copy = new HashMap<>(input);
        copy.put("importJobId", jobId);
        return copy;
    }

    private String upsert(Map<String, Object> input) {
        return asImporter()
                .documentName("upsertArticle")
                .variable("input", input)
                .execute()
                .path("upsertArticle.article.id")
                .entity(String.class)
                .get();
    }

    private Map<String, Object> undo(String articleId, String jobId) {
        return asImporter()
                .documentName("deleteImportedArticle")
                .variable("input", Map.of("id", articleId, "importJobId", jobId))
                .execute()
                .path("deleteImportedArticle")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private long stored(String collection) {
        return database.getCollection(collection).countDocuments();
    }

    @Test
    void removesTheArticleAndTheReferencesTheJobCreated() {
        var id = upsert(byJob(SampleArticles.ketamineReview(), "job-1"));

        var result = undo(id, "job-1");

        assertThat(result).containsEntry("article", true).containsEntry("references", 3);
        assertThat(stored("articles")).isZero();
        assertThat(stored("references")).isZero();
        assertThat(undo(id, "job-1")).as("idempotent").containsEntry("article", false);
    }

    @Test
    void keepsReferencesAnotherArticleCites() {
        upsert(byJob(SampleArticles.ketamineReview(), "job-1"));
        var second = SampleArticles.article("Another review citing the same works", "10.1000/other");
        second.put("references", SampleArticles.references(SampleArticles.ketamineReview()));
        var id = upsert(byJob(second, "job-2"));

        var result = undo(id, "job-2");

        assertThat(result).containsEntry("article", true).containsEntry("references", 0);
        assertThat(stored("articles")).isEqualTo(1);
        assertThat(stored("references")).isEqualTo(3);
    }

    @Test
    void putsBackTheVersionAFailedReimportReplaced() {
        var original = SampleArticles.ketamineReview();
        var id = upsert(byJob(original, "job-1"));
        var changed = new HashMap<>(original);
        changed.put("title", "A corrected title");
        upsert(byJob(changed, "job-2"));

        var result = undo(id, "job-2");

        assertThat(result).containsEntry("article", true);
        assertThat(asImporter()
                        .documentName("article")
                        .variable("id", id)
                        .execute()
                        .path("article.title")
                        .entity(String.class)
                        .get())
                .isEqualTo(original.get("title"));
        assertThat(stored("references")).isEqualTo(3);
    }

    @Test
    void leavesAnArticleAnotherImportChangedSince() {
        var original = SampleArticles.ketamineReview();
        var id = upsert(byJob(original, "job-1"));
        var changed = new HashMap<>(original);
        changed.put("title", "Changed by a later import");
        upsert(byJob(changed, "job-2"));

        var result = undo(id, "job-1");

        assertThat(result).containsEntry("article", false);
        assertThat(stored("articles")).isEqualTo(1);
    }

    @Test
    void aRetriedWriteKeepsTheFirstRecordOfWhatItReplaced() {
        var id = upsert(byJob(SampleArticles.ketamineReview(), "job-1"));
        upsert(byJob(SampleArticles.ketamineReview(), "job-1"));

        undo(id, "job-1");

        assertThat(stored("articles"))
                .as("the retry did not record its own first write as the state before")
                .isZero();
        assertThat(List.of(stored("references"))).containsExactly(0L);
    }
}
