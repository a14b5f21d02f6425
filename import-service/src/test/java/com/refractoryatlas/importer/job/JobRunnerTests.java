package com.refractoryatlas.importer.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.write.ArticleUpsertResult;
import com.refractoryatlas.importer.write.ArticleUpsertResult.ArticleId;
import com.refractoryatlas.importer.write.ArticleUpsertResult.ReferenceUpsert;
import com.refractoryatlas.importer.write.UpsertOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRunnerTests {

    private static ArticleUpsertResult result(UpsertOutcome outcome, String firstJob) {
        return new ArticleUpsertResult(
                new ArticleId("doi:10.1000/x", firstJob),
                outcome,
                List.of(new ReferenceUpsert(1, "ref-1", UpsertOutcome.CREATED)));
    }

    @Test
    void anArticleThisJobWroteInAnInterruptedAttemptStillCountsAsCreated() {
        var resumed = result(UpsertOutcome.UNCHANGED, "job-1");
        assertThat(JobRunner.articleCounts(resumed, "job-1", true).articles()).isEqualTo(1);
        assertThat(JobRunner.articleCounts(resumed, "job-1", false).articles()).isZero();
    }

    @Test
    void anArticleAnotherJobWroteCountsAsMatched() {
        var existing = result(UpsertOutcome.UNCHANGED, "job-1");
        assertThat(JobRunner.articleCounts(existing, "job-2", true).articles()).isZero();
        assertThat(JobRunner.articleCounts(existing, "job-2", false).articles()).isEqualTo(1);
    }

    @Test
    void aNewArticleCountsAsCreatedWithItsNewReferences() {
        var fresh = result(UpsertOutcome.CREATED, "job-3");
        var created = JobRunner.articleCounts(fresh, "job-3", true);
        assertThat(created.articles()).isEqualTo(1);
        assertThat(created.references()).isEqualTo(1);
    }
}
