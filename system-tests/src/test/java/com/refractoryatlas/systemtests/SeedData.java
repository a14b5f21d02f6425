package com.refractoryatlas.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Puts data into the running system the way production does: the sample documents through the import service (when
 * its import jobs have landed), and a generated dataset through the subgraphs' internal write API
 * ({@code upsertArticle}, {@code upsertCatalog}, see docs/internal-api.md) so that every nesting level has lists to
 * batch. Done once per run; each part is skipped when the running build does not offer it yet.
 */
final class SeedData {

    static final Map<String, String> SERVICE_HEADERS = Map.of("X-Atlas-Service-Token", AtlasSystem.SERVICE_TOKEN);
    /** What the gateway sends for a curator: the service credential plus the end user's role. */
    static final Map<String, String> IMPORTER_HEADERS =
            Map.of("X-Atlas-Service-Token", AtlasSystem.SERVICE_TOKEN, "X-Atlas-User-Roles", "importer");

    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED");
    private static final Duration IMPORT_WAIT = Duration.ofMinutes(3);
    private static final String[] SPECIALTIES = {
        "PSYCHIATRY", "NEUROLOGY", "RHEUMATOLOGY", "GASTROENTEROLOGY", "ONCOLOGY"
    };
    private static final String[] KINDS = {"DRUG", "BIOLOGIC", "PROCEDURE", "NEUROMODULATION", "DIET"};
    private static final String[] ROLES = {"STANDARD", "AUGMENTATION", "RESCUE", "SALVAGE", "EMERGING"};
    private static final int CHUNK = 500;
    private static boolean seeded;

    /** Sizes of a generated dataset. */
    record Sizes(int conditions, int therapies, int treatmentsPerCondition, int articles, int referencesPerArticle) {

        static final Sizes SMALL = new Sizes(12, 15, 4, 8, 6);
    }

    private SeedData() {}

    static synchronized void ensure(AtlasSystem system) {
        if (seeded) {
            return;
        }
        seeded = true;
        importSamples(system);
        generate(system, Sizes.SMALL, "seed");
    }

    /** Imports the five sample documents through the import service and waits for their jobs to end. */
    static List<String> importSamples(AtlasSystem system) {
        var importer = new GraphQl(system.subgraphUrl(AtlasSystem.IMPORT), IMPORTER_HEADERS);
        if (!Capabilities.hasRootFields(importer.url(), "Mutation", "importDocument")) {
            warn("import-service has no importDocument mutation yet: sample documents not imported");
            return List.of();
        }
        var jobs = new ArrayList<String>();
        try (var files = Files.list(system.settings().repoDir().resolve("samples/seeds"))) {
            for (var file : files.sorted().toList()) {
                importDocument(importer, file.getFileName().toString(), Files.readString(file))
                        .ifPresent(jobs::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var statuses = awaitJobs(importer, jobs, IMPORT_WAIT);
        warn("sample documents imported: " + statuses);
        statuses.entrySet().stream()
                .filter(entry -> !"SUCCEEDED".equals(entry.getValue()))
                .forEach(entry -> warn("job " + entry.getKey() + ": "
                        + importer.query(
                                        "query($id: ID!) { importJob(id: $id) { status errors { code message line } } }",
                                        Map.of("id", entry.getKey()),
                                        null)
                                .body()));
        return jobs;
    }

    static java.util.Optional<String> importDocument(GraphQl importer, String source, String text) {
        var response = importer.query(
                "mutation($input: ImportDocumentInput!) { importDocument(input: $input) { id status } }",
                Map.of("input", Map.of("source", source, "text", text)),
                null);
        var id = response.data().path("importDocument").path("id").asString("");
        if (id.isEmpty()) {
            warn("importDocument(" + source + ") failed: " + response.body());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(id);
    }

    static Map<String, String> awaitJobs(GraphQl importer, List<String> jobs, Duration timeout) {
        var statuses = new LinkedHashMap<String, String>();
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            statuses.clear();
            for (var job : jobs) {
                statuses.put(job, jobStatus(importer, job));
            }
            if (statuses.values().stream().allMatch(TERMINAL::contains)) {
                return statuses;
            }
            ServiceProcess.sleep(Duration.ofMillis(500));
        }
        return statuses;
    }

    static String jobStatus(GraphQl importer, String job) {
        return importer.query("query($id: ID!) { importJob(id: $id) { status } }", Map.of("id", job), null)
                .data()
                .path("importJob")
                .path("status")
                .asString("");
    }

    /**
     * Writes a generated dataset through the internal write API: articles with their references first (the
     * references service derives the reference ids), then conditions, therapies and treatments whose evidence points
     * at those references. Returns the number of treatments written (0 when the API is not there yet).
     */
    static int generate(AtlasSystem system, Sizes sizes, String prefix) {
        var references = new GraphQl(system.subgraphUrl(AtlasSystem.REFERENCES), SERVICE_HEADERS);
        var catalog = new GraphQl(system.subgraphUrl(AtlasSystem.CATALOG), SERVICE_HEADERS);
        if (!Capabilities.hasRootFields(references.url(), "Mutation", "upsertArticle")
                || !Capabilities.hasRootFields(catalog.url(), "Mutation", "upsertCatalog")) {
            warn("internal write API (upsertArticle/upsertCatalog) not there yet: no generated data");
            return 0;
        }
        var referenceIds = new ArrayList<String>();
        var articleIds = new ArrayList<String>();
        for (int a = 0; a < sizes.articles(); a++) {
            var result = upsertArticle(references, prefix, a, sizes.referencesPerArticle());
            articleIds.add(result.path("article").path("id").asString());
            result.path("references").forEach(r -> referenceIds.add(r.path("id").asString()));
        }
        return upsertCatalog(catalog, sizes, prefix, referenceIds, articleIds);
    }

    private static JsonNode upsertArticle(GraphQl references, String prefix, int a, int referencesPerArticle) {
        var refs = new ArrayList<Map<String, Object>>();
        var citations = new ArrayList<Map<String, Object>>();
        for (int r = 1; r <= referencesPerArticle; r++) {
            // every other reference is shared with the next article: the same work cited twice is one Reference
            int work = r % 2 == 0 ? a * referencesPerArticle + r : (a + 1) * referencesPerArticle + r;
            var ref = new LinkedHashMap<String, Object>();
            ref.put("number", r);
            ref.put("title", "Refractory outcomes study " + prefix + " " + work);
            ref.put("authors", List.of(Map.of("family", "Author" + work, "given", "A."), Map.of("family", "Second")));
            ref.put("journal", "Journal of Refractory Medicine");
            ref.put("volume", String.valueOf(work % 40 + 1));
            ref.put("pages", (work * 3) + "-" + (work * 3 + 9));
            ref.put("year", 2000 + work % 25);
            ref.put("doi", "10.5555/" + prefix + "-ref-" + work);
            refs.add(ref);
            citations.add(Map.of("number", r, "contexts", List.of("As shown in study " + work + " [" + r + "].")));
        }
        var input = new LinkedHashMap<String, Object>();
        input.put("kind", a % 4 == 3 ? "EXPLAINER" : "JOURNAL_ARTICLE");
        input.put("checksum", sha256(prefix + "-article-" + a));
        input.put("title", "Treatment-refractory conditions review " + prefix + " " + a);
        input.put("authors", List.of(Map.of("family", "Reviewer" + a, "given", "R.")));
        input.put("journal", "Refractory Reviews");
        input.put("year", 2010 + a % 15);
        input.put("doi", "10.5555/" + prefix + "-article-" + a);
        input.put("sections", List.of(Map.of("heading", "Introduction", "text", "Refractory conditions " + a)));
        input.put("references", refs);
        input.put("citations", citations);
        var response = references.query(
                "mutation($input: ArticleInput!) { upsertArticle(input: $input) { article { id } outcome"
                        + " references { number id outcome } } }",
                Map.of("input", input),
                null);
        var result = response.data().path("upsertArticle");
        if (result.isMissingNode() || result.isNull()) {
            throw new IllegalStateException("upsertArticle failed: " + response.body());
        }
        return result;
    }

    private static int upsertCatalog(
            GraphQl catalog, Sizes sizes, String prefix, List<String> referenceIds, List<String> articleIds) {
        var conditions = new ArrayList<Map<String, Object>>();
        var therapies = new ArrayList<Map<String, Object>>();
        var treatments = new ArrayList<Map<String, Object>>();
        var named = List.of("depression", "epilepsy", "rheumatoid-arthritis", "crohns-disease");
        for (int c = 0; c < sizes.conditions(); c++) {
            var id = c < named.size() && "seed".equals(prefix) ? named.get(c) : prefix + "-condition-" + c;
            conditions.add(Map.of(
                    "id", id,
                    "name", id.replace('-', ' '),
                    "aliases", List.of("refractory " + id.replace('-', ' ')),
                    "specialty", SPECIALTIES[c % SPECIALTIES.length],
                    "refractoryCriteria", List.of("Failure of two adequate trials (" + id + ")."),
                    "articleIds", List.of(articleIds.get(c % articleIds.size()))));
        }
        for (int t = 0; t < sizes.therapies(); t++) {
            var id = t == 0 && "seed".equals(prefix) ? "ketamine" : prefix + "-therapy-" + t;
            var therapy = new LinkedHashMap<String, Object>();
            therapy.put("id", id);
            therapy.put("name", id.replace('-', ' '));
            therapy.put("aliases", List.of(id.toUpperCase(java.util.Locale.ROOT)));
            therapy.put("kind", KINDS[t % KINDS.length]);
            therapy.put("drugClass", t % 2 == 0 ? "class " + t % 3 : null);
            therapies.add(therapy);
        }
        int written = 0;
        for (int c = 0; c < sizes.conditions(); c++) {
            for (int k = 0; k < sizes.treatmentsPerCondition(); k++) {
                int t = (c * sizes.treatmentsPerCondition() + k) % sizes.therapies();
                int r = (c * 7 + k * 3) % referenceIds.size();
                treatments.add(Map.of(
                        "conditionId", conditions.get(c).get("id"),
                        "therapyId", therapies.get(t).get("id"),
                        "role", ROLES[(c + k) % ROLES.length],
                        "summary", "Used when standard treatment fails (" + c + "/" + k + ").",
                        "evidenceIds", List.of(referenceIds.get(r), referenceIds.get((r + 1) % referenceIds.size())),
                        "articleIds", List.of(articleIds.get((c + k) % articleIds.size()))));
                written++;
            }
        }
        var mechanisms = List.<Map<String, Object>>of(Map.of(
                "id",
                prefix + "-drug-efflux-pumps",
                "name",
                "Drug efflux pumps " + prefix,
                "description",
                "P-glycoprotein expels drugs from cells.",
                "conditionIds",
                List.of(conditions.get(0).get("id"), conditions.get(1).get("id"))));
        // therapies first, then conditions with their treatments, in chunks a subgraph accepts in one request
        for (int from = 0; from < therapies.size(); from += CHUNK) {
            sendCatalog(
                    catalog,
                    List.of(),
                    therapies.subList(from, Math.min(therapies.size(), from + CHUNK)),
                    List.of(),
                    List.of());
        }
        int perCondition = sizes.treatmentsPerCondition();
        for (int from = 0; from < conditions.size(); from += CHUNK / Math.max(1, perCondition)) {
            int to = Math.min(conditions.size(), from + CHUNK / Math.max(1, perCondition));
            sendCatalog(
                    catalog,
                    conditions.subList(from, to),
                    List.of(),
                    from == 0 ? mechanisms : List.of(),
                    treatments.subList(from * perCondition, to * perCondition));
        }
        return written;
    }

    private static void sendCatalog(
            GraphQl catalog,
            List<Map<String, Object>> conditions,
            List<Map<String, Object>> therapies,
            List<Map<String, Object>> mechanisms,
            List<Map<String, Object>> treatments) {
        var response = catalog.query(
                "mutation($input: CatalogBatchInput!) { upsertCatalog(input: $input) { items { kind id outcome } } }",
                Map.of(
                        "input",
                        Map.of(
                                "conditions", conditions,
                                "therapies", therapies,
                                "mechanisms", mechanisms,
                                "treatments", treatments)),
                null);
        if (response.data().path("upsertCatalog").isMissingNode()
                || response.data().path("upsertCatalog").isNull()) {
            throw new IllegalStateException("upsertCatalog failed: " + response.body());
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void warn(String message) {
        System.out.println("[seed] " + message);
    }

    static String read(Path file) {
        return GraphQl.read(file);
    }
}
