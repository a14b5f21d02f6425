package com.refractoryatlas.references.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CitationRendererTests {

    private static final CitationRenderer RENDERER = new CitationRenderer(ExportFixtures.properties());

    @Test
    void rendersVancouverWithTheOfficialNlmStyle() {
        assertThat(RENDERER.render(ExportFixtures.KETAMINE, CitationStyle.VANCOUVER))
                .isEqualTo("Wilkinson ST, Ballard ED, Zarate Jr. CA. Ketamine for treatment-refractory depression: "
                        + "a narrative review. Ann N Y Acad Sci. 2021;1498(1):154–71.");
    }

    @Test
    void rendersApa() {
        assertThat(RENDERER.render(ExportFixtures.KETAMINE, CitationStyle.APA))
                .startsWith("Wilkinson, S. T., Ballard, E. D., & Zarate Jr., C. A. (2021).")
                .contains("Ann N Y Acad Sci, 1498(1), 154–171")
                .contains("https://doi.org/10.1111/nyas.14664");
    }

    @Test
    void rendersManyAtOnceByReferenceId() {
        var rendered =
                RENDERER.renderAll(List.of(ExportFixtures.AWKWARD, ExportFixtures.KETAMINE), CitationStyle.VANCOUVER);

        assertThat(rendered).containsOnlyKeys("ref-awkward", "ref-ketamine");
        assertThat(rendered.get("ref-awkward"))
                .startsWith("Müller J, van der Berg III A. Costs {in} 100% of cases & $5 per_dose");
    }

    @Test
    void rendersConsistentlyFromManyThreads() throws Exception {
        var expected = RENDERER.render(ExportFixtures.KETAMINE, CitationStyle.VANCOUVER);
        Callable<String> render = () -> RENDERER.render(ExportFixtures.KETAMINE, CitationStyle.VANCOUVER);
        try (var executor = Executors.newFixedThreadPool(8)) {
            var results = executor.invokeAll(Collections.nCopies(40, render));
            for (var result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }
}
