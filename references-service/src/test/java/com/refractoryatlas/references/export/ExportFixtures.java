package com.refractoryatlas.references.export;

import com.refractoryatlas.references.ReferencesProperties;
import com.refractoryatlas.references.reference.Author;
import com.refractoryatlas.references.reference.Reference;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** References with awkward content, and the service's default settings, for the export tests. */
final class ExportFixtures {

    static final Reference KETAMINE = new Reference(
            "ref-ketamine",
            "Ketamine for treatment-refractory depression: a narrative review",
            List.of(
                    new Author("Wilkinson", "Steven T.", null),
                    new Author("Ballard", "Evan D.", null),
                    new Author("Zarate", "Carlos A.", "Jr.")),
            "Ann N Y Acad Sci",
            "1498",
            "1",
            "154-171",
            2021,
            "10.1111/nyas.14664");

    static final Reference AWKWARD = new Reference(
            "ref-awkward",
            "Costs {in} 100% of cases & $5 per_dose: a #1 ~approach^ \\o/",
            List.of(new Author("Müller", "Jürgen", null), new Author("van der Berg", "Anke", "III")),
            "J. R&D",
            "20",
            null,
            "102506",
            2020,
            null);

    private ExportFixtures() {}

    static ReferencesProperties properties() {
        return new ReferencesProperties(
                new ReferencesProperties.Limits(2000, 200000, 2000, 500, 500, 2000, 100, 1400, 2100, 200, 8),
                new ReferencesProperties.Catalog(
                        URI.create("http://127.0.0.1:1/graphql"), "t", Duration.ofSeconds(1), Duration.ofSeconds(1), 1),
                new ReferencesProperties.Export("nlm-citation-sequence", "apa", "en-US", 2));
    }
}
