package com.refractoryatlas.references;

import com.refractoryatlas.references.text.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code upsertArticle} inputs modelled on the seed documents, as mutable maps so that each test can bend one field.
 */
public final class SampleArticles {

    private SampleArticles() {}

    /** A journal article with a DOI citing three works, one of them by an author with a suffix. */
    public static Map<String, Object> ketamineReview() {
        var input = article("Defying Treatment: Novel Therapies for Refractory Conditions", "10.1000/ATLAS.2025.001");
        input.put("authors", List.of(author("Sen", "Rohan", null)));
        input.put("affiliation", "Department of Family Medicine, Christian Medical College, Vellore, India");
        input.put("correspondenceEmail", "rohan.sen@example.org");
        input.put("journal", "Journal of Refractory Medicine");
        input.put("volume", "12");
        input.put("articleNumber", "102506");
        input.put("year", 2025);
        input.put("manuscriptNumber", "JRM-25-1234");
        input.put("received", "2025-06-02");
        input.put("editorAssigned", "2025-06-04");
        input.put("reviewed", "2025-06-18");
        input.put("revised", "2025-06-25");
        input.put("published", "2025-07-02");
        input.put(
                "sections",
                list(
                        Map.of("heading", "Introduction", "text", "Ketamine helps in depression [1]."),
                        Map.of("heading", "Conclusion", "text", "More work is needed [2] [3].")));
        input.put(
                "references",
                list(
                        reference(
                                1,
                                "Ketamine for treatment-refractory depression: a narrative review.",
                                list(author("Wilkinson", "Steven T.", null), author("Zarate", "Carlos A.", "Jr.")),
                                "Ann N Y Acad Sci",
                                2021,
                                null),
                        reference(
                                2,
                                "Pharmacoresistant epilepsy: an updated overview on medical treatment.",
                                list(author("Lattanzi", "Simona", null), author("Müller", "Jürgen", null)),
                                "Expert Rev Neurother",
                                2020,
                                "10.1080/14737175.2020.1784125"),
                        reference(
                                3,
                                "Upadacitinib in refractory Crohn's disease",
                                list(author("Ghaseminejad", "Farshad", null)),
                                "Psychiatry and Clinical Neurosciences",
                                2020,
                                null)));
        input.put(
                "citations",
                list(
                        citation(1, "Ketamine helps in depression [1]."),
                        citation(2, "More work is needed [2] [3]."),
                        citation(3, "More work is needed [2] [3].")));
        input.put("importJobId", "job-1");
        return input;
    }

    /** A second article citing one of {@link #ketamineReview()}'s works (same DOI, different spelling) and a new one. */
    public static Map<String, Object> epilepsyUpdate() {
        var input = article("Pharmacoresistant epilepsy today", "10.1000/atlas.2025.002");
        input.put("authors", List.of(author("van der Berg", "Anke", null)));
        input.put("year", 2025);
        input.put(
                "references",
                list(
                        reference(
                                1,
                                "Pharmacoresistant epilepsy: an updated overview on medical treatment.",
                                list(author("Lattanzi", "Simona", null), author("Müller", "Jürgen", null)),
                                "Expert Rev Neurother",
                                2020,
                                "https://doi.org/10.1080/14737175.2020.1784125"),
                        reference(
                                2,
                                "Vagus nerve stimulation for drug-resistant epilepsy",
                                list(author("Berg", "Anne T.", null)),
                                "Epilepsia",
                                2019,
                                null)));
        input.put("citations", list(citation(1, "Adequate trials failed [1]."), citation(2, "VNS helps [2].")));
        return input;
    }

    /** An explainer page: no authors, DOI or references. */
    public static Map<String, Object> explainer(String title) {
        var input = article(title, null);
        input.put("kind", "EXPLAINER");
        input.put("sections", list(Map.of("heading", "What is it", "text", title + " explained.")));
        return input;
    }

    public static Map<String, Object> article(String title, String doi) {
        var input = new LinkedHashMap<String, Object>();
        input.put("kind", "JOURNAL_ARTICLE");
        input.put("checksum", TextNormalizer.sha256(title));
        input.put("title", title);
        input.put("authors", List.of());
        input.put("doi", doi);
        input.put("sections", List.of());
        input.put("references", List.of());
        input.put("citations", List.of());
        return input;
    }

    public static Map<String, Object> reference(
            int number, String title, List<Map<String, Object>> authors, String journal, Integer year, String doi) {
        var reference = new LinkedHashMap<String, Object>();
        reference.put("number", number);
        reference.put("title", title);
        reference.put("authors", authors);
        reference.put("journal", journal);
        reference.put("volume", "20");
        reference.put("issue", "3");
        reference.put("pages", "727-742");
        reference.put("year", year);
        reference.put("doi", doi);
        return reference;
    }

    public static Map<String, Object> author(String family, String given, String suffix) {
        var author = new LinkedHashMap<String, Object>();
        author.put("family", family);
        author.put("given", given);
        author.put("suffix", suffix);
        return author;
    }

    public static Map<String, Object> citation(int number, String... contexts) {
        return new LinkedHashMap<>(Map.of("number", number, "contexts", List.of(contexts)));
    }

    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return new ArrayList<>(List.of(items));
    }

    /** The reference maps of an input, for tests that bend one of them. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> references(Map<String, Object> input) {
        return (List<Map<String, Object>>) input.get("references");
    }
}
