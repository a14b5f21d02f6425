package com.refractoryatlas.references;

import com.refractoryatlas.references.article.Article;
import com.refractoryatlas.references.article.ArticleKind;
import com.refractoryatlas.references.article.Articles;
import com.refractoryatlas.references.article.Citation;
import com.refractoryatlas.references.reference.Author;
import com.refractoryatlas.references.reference.Reference;
import com.refractoryatlas.references.reference.ReferenceIdentity;
import com.refractoryatlas.references.reference.References;
import com.refractoryatlas.references.text.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Loads a synthetic corpus straight through the features' bulk writes (not GraphQL), for benchmarks and load tests:
 * references with realistic titles, authors, journals and DOIs, and articles citing them. Deterministic per seed.
 */
public final class CorpusGenerator {

    private static final int BATCH = 1000;
    private static final int CITATIONS_PER_ARTICLE = 20;

    static final List<String> TOPICS = List.of(
            "ketamine",
            "esketamine",
            "clozapine",
            "lithium",
            "electroconvulsive",
            "stimulation",
            "epilepsy",
            "depression",
            "schizophrenia",
            "arthritis",
            "crohn",
            "colitis",
            "sclerosis",
            "migraine",
            "asthma",
            "sepsis",
            "shock",
            "glaucoma",
            "uveitis",
            "lymphoma",
            "leukemia",
            "myeloma",
            "hypertension",
            "pain",
            "anxiety",
            "obsessive",
            "bipolar",
            "psoriasis",
            "lupus",
            "vasculitis",
            "nephrotic",
            "tuberculosis",
            "pneumonia",
            "fungal",
            "immunoglobulin",
            "plasmapheresis",
            "rituximab",
            "infliximab",
            "upadacitinib",
            "tofacitinib",
            "cannabidiol",
            "ketogenic",
            "vagus",
            "thalamic",
            "cingulotomy",
            "ecmo",
            "vasopressin",
            "methylene",
            "dexmedetomidine",
            "propofol");
    private static final List<String> WORDS = List.of(
            "refractory",
            "treatment",
            "resistant",
            "outcomes",
            "randomized",
            "trial",
            "review",
            "systematic",
            "meta-analysis",
            "cohort",
            "adults",
            "children",
            "efficacy",
            "safety",
            "long-term",
            "novel",
            "therapy",
            "management",
            "approach",
            "emerging",
            "mechanisms",
            "patients",
            "clinical",
            "evidence",
            "update");
    private static final List<String> FAMILIES = List.of(
            "Wilkinson",
            "Zarate",
            "Müller",
            "van der Berg",
            "Lattanzi",
            "Ghaseminejad",
            "Kumar",
            "Busse",
            "Smith",
            "García",
            "Nguyen",
            "O'Brien",
            "Kowalski",
            "Rossi",
            "Tanaka",
            "Okafor",
            "Johansson",
            "Dubois",
            "Silva",
            "Cohen",
            "Park",
            "Ivanova",
            "Haddad",
            "Novak",
            "Fischer");
    private static final List<String> GIVENS =
            List.of("Steven T.", "Carlos A.", "Jürgen", "Anke", "Simona", "Farshad", "Anupama", "William W.", "Ana");
    private static final List<String> JOURNALS = List.of(
            "Ann N Y Acad Sci",
            "Expert Rev Neurother",
            "Lancet Neurol",
            "N Engl J Med",
            "JAMA Psychiatry",
            "Epilepsia",
            "Am J Respir Crit Care Med",
            "Shock",
            "Gastroenterology",
            "Rheumatology (Oxford)",
            "Psychiatry and Clinical Neurosciences",
            "J Clin Psychiatry",
            "Crit Care Med",
            "Blood",
            "Ophthalmology");

    private CorpusGenerator() {}

    /** Stores {@code referenceCount} references and {@code articleCount} articles; returns the reference ids. */
    public static List<String> load(
            References references, Articles articles, int referenceCount, int articleCount, long seed) {
        return load(references, articles, referenceCount, articleCount, seed, 0, 0);
    }

    /**
     * Like {@link #load(References, Articles, int, int, long)} with numbering from {@code firstReference} and
     * {@code firstArticle}, so that a later block adds references and articles with new ids instead of replacing the
     * earlier ones (titles, DOIs and article checksums carry the number). The block's articles cite its own
     * references, at least {@value #CITATIONS_PER_ARTICLE} of which are needed when there are articles.
     */
    public static List<String> load(
            References references,
            Articles articles,
            int referenceCount,
            int articleCount,
            long seed,
            int firstReference,
            int firstArticle) {
        if (articleCount > 0 && referenceCount < CITATIONS_PER_ARTICLE) {
            throw new IllegalArgumentException(
                    "articles cite " + CITATIONS_PER_ARTICLE + " references each: generate at least that many");
        }
        var random = new Random(seed);
        var ids = new ArrayList<String>(referenceCount);
        var batch = new ArrayList<Reference>(BATCH);
        for (int i = 0; i < referenceCount; i++) {
            var reference = reference(random, firstReference + i);
            ids.add(reference.id());
            batch.add(reference);
            if (batch.size() == BATCH) {
                references.replaceAll(batch);
                batch.clear();
            }
        }
        references.replaceAll(batch);
        var articleBatch = new ArrayList<Article>(BATCH);
        for (int a = 0; a < articleCount; a++) {
            articleBatch.add(article(random, firstArticle + a, ids));
            if (articleBatch.size() == BATCH) {
                articles.replaceAll(articleBatch);
                articleBatch.clear();
            }
        }
        articles.replaceAll(articleBatch);
        return ids;
    }

    static Reference reference(Random random, int i) {
        var title = pick(random, TOPICS) + " " + pick(random, WORDS) + " " + pick(random, WORDS) + " in "
                + pick(random, TOPICS) + " " + pick(random, WORDS) + " " + i;
        var authors = new ArrayList<Author>();
        int authorCount = 1 + random.nextInt(6);
        for (int a = 0; a < authorCount; a++) {
            authors.add(new Author(pick(random, FAMILIES), pick(random, GIVENS), a == 1 && i % 17 == 0 ? "Jr." : null));
        }
        var year = 1990 + random.nextInt(36);
        var doi = random.nextInt(10) < 6 ? "10.1000/bench." + i : null;
        var firstPage = 1 + random.nextInt(900);
        return new Reference(
                ReferenceIdentity.idOf(doi, authors, year, title),
                title,
                authors,
                pick(random, JOURNALS),
                Integer.toString(1 + random.nextInt(60)),
                Integer.toString(1 + random.nextInt(12)),
                firstPage + "-" + (firstPage + random.nextInt(30)),
                year,
                doi);
    }

    private static Article article(Random random, int a, List<String> referenceIds) {
        var cited = new LinkedHashSet<String>();
        while (cited.size() < CITATIONS_PER_ARTICLE) {
            cited.add(referenceIds.get(random.nextInt(referenceIds.size())));
        }
        var citations = new ArrayList<Citation>();
        int number = 1;
        for (var id : cited) {
            citations.add(new Citation(number, id, List.of("A sentence citing [" + number + "].")));
            number++;
        }
        var checksum = TextNormalizer.sha256("article " + a);
        return new Article(
                "sha256:" + checksum,
                a % 10 == 0 ? ArticleKind.EXPLAINER : ArticleKind.JOURNAL_ARTICLE,
                checksum,
                "Refractory " + pick(random, TOPICS) + ": " + pick(random, WORDS) + " " + a,
                List.of(new Author(pick(random, FAMILIES), pick(random, GIVENS), null)),
                null,
                null,
                pick(random, JOURNALS),
                null,
                null,
                2015 + random.nextInt(11),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                citations,
                List.copyOf(cited),
                null);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
