package com.refractoryatlas.importer.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.write.DownstreamRejectedException;
import org.junit.jupiter.api.Test;

class WriteRejectionsTests {

    @Test
    void rewordsInternalFieldPathsAndLeavesQuotedDocumentTextOut() {
        var rejected = new DownstreamRejectedException(
                "catalog",
                "BAD_USER_INPUT",
                "input.conditions[2].aliases: 'refractory secret thing' already names depression");

        var error = WriteRejections.describe(rejected);

        assertThat(error.code()).isEqualTo("WRITE_REJECTED");
        assertThat(error.message())
                .contains("condition 3 aliases")
                .doesNotContain("input.")
                .doesNotContain("secret")
                .startsWith("The catalog service refused the document (BAD_USER_INPUT)");
    }

    @Test
    void rewordsNestedPaths() {
        assertThat(WriteRejections.inClientWords("input.citations[0].contexts[4]: must be at most 10 characters"))
                .isEqualTo("citation 1 context 5: must be at most 10 characters");
        assertThat(WriteRejections.inClientWords("input.title: must not be blank"))
                .isEqualTo("title: must not be blank");
    }
}
