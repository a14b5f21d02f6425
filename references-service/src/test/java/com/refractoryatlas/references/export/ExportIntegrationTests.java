package com.refractoryatlas.references.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.references.IntegrationTestSupport;
import com.refractoryatlas.references.SampleArticles;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class ExportIntegrationTests extends IntegrationTestSupport {

    @Value("${local.server.port}")
    int port;

    private List<String> referenceIds = List.of();

    @BeforeEach
    void storeAnArticle() {
        referenceIds = asImporter()
                .documentName("upsertArticle")
                .variable("input", SampleArticles.ketamineReview())
                .execute()
                .path("upsertArticle.references[*].id")
                .entityList(String.class)
                .get();
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void exportsAReferenceInEveryFormatThroughGraphQl() {
        var response = graphQl.documentName("referenceExports")
                .variable("id", referenceIds.getFirst())
                .execute();

        response.path("reference.vancouver").entity(String.class).satisfies(text -> assertThat(text)
                .startsWith("Wilkinson ST, Zarate Jr. CA. Ketamine for treatment-refractory depression"));
        response.path("reference.apa").entity(String.class).satisfies(text -> assertThat(text)
                .startsWith("Wilkinson, S. T., & Zarate Jr., C. A. (2021)."));
        response.path("reference.bibtex").entity(String.class).satisfies(text -> assertThat(text)
                .startsWith("@article{wilkinson2021ketamine,"));
        response.path("reference.ris").entity(String.class).satisfies(text -> assertThat(text)
                .startsWith("TY  - JOUR\r\nAU  - Wilkinson, Steven T.\r\n"));
        response.path("reference.cslJson.type").entity(String.class).isEqualTo("article-journal");
        response.path("reference.cslJson.author[1].family").entity(String.class).isEqualTo("Zarate");
        response.path("reference.cslJson.author[1].suffix").entity(String.class).isEqualTo("Jr.");
        response.path("reference.cslJson.issued.date-parts[0][0]")
                .entity(Integer.class)
                .isEqualTo(2021);
    }

    @Test
    void anExplicitNullStyleIsTheDefaultVancouver() {
        var response = graphQl.document("query($id: ID!) { reference(id: $id) { explicit: formatted(style: null)"
                        + " vancouver: formatted(style: VANCOUVER) } }")
                .variable("id", referenceIds.getFirst())
                .execute();

        var vancouver =
                response.path("reference.vancouver").entity(String.class).get();
        assertThat(vancouver).startsWith("Wilkinson ST");
        response.path("reference.explicit").entity(String.class).isEqualTo(vancouver);
    }

    @Test
    void downloadsTheReferenceListAsBibtex() throws Exception {
        var response = get("/articles/doi:10.1000/atlas.2025.001/references.bib");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-bibtex"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition)
                        .startsWith("attachment;")
                        .contains("doi_10.1000_atlas.2025.001-references.bib"));
        var entries =
                new BibTeXParser().parse(new StringReader(response.body())).getEntries();
        assertThat(entries.values())
                .extracting(entry -> entry.getField(BibTeXEntry.KEY_TITLE).toUserString())
                .containsExactly(
                        "Ketamine for treatment-refractory depression: a narrative review.",
                        "Pharmacoresistant epilepsy: an updated overview on medical treatment.",
                        "Upadacitinib in refractory Crohn's disease");
    }

    @Test
    void downloadsTheReferenceListAsRis() throws Exception {
        var response = get("/articles/doi:10.1000/atlas.2025.001/references.ris");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-research-info-systems"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition).contains("-references.ris"));
        var records = RisExporterTests.parse(response.body());
        assertThat(records).hasSize(3);
        assertThat(records.get(1).get("AU")).containsExactly("Lattanzi, Simona", "Müller, Jürgen");
        assertThat(records.get(1).get("DO")).containsExactly("10.1080/14737175.2020.1784125");
    }

    @Test
    void answersAJsonNotFoundForAnUnknownArticle() throws Exception {
        var response = get("/articles/doi:10.1000/none/references.bib");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"").contains("doi:10.1000/none");
    }

    @Test
    void answersNotFoundForAnUnknownDownload() throws Exception {
        assertThat(get("/articles/doi:10.1000/atlas.2025.001/references.pdf").statusCode())
                .isEqualTo(404);
    }
}
