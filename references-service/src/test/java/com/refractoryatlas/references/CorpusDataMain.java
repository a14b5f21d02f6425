package com.refractoryatlas.references;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.references.article.Articles;
import com.refractoryatlas.references.reference.References;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Runs {@link CorpusGenerator} as a process of its own against whatever MongoDB the environment names
 * ({@code MONGODB_URI}, {@code MONGODB_DATABASE}, as the service reads them), so that the system tests' scale test can
 * load the sizes into the running system without going through GraphQL. It boots the references application
 * without a web server, takes the features' facades from the context, writes one block and prints the collections'
 * document counts. Launched on the service's fat jar with this module's test classes added:
 *
 * <pre>{@code
 * java -cp references-service.jar -Dloader.path=references-service/target/test-classes \
 *     -Dloader.main=com.refractoryatlas.references.CorpusDataMain \
 *     org.springframework.boot.loader.launch.PropertiesLauncher \
 *     <references> <articles> [<seed> <first reference> <first article> [<ids file>]]
 * }</pre>
 *
 * <p>The ids file, when given, receives the ids of the references written (one a line), for the catalog's generator
 * to cite them as evidence.
 */
public final class CorpusDataMain {

    private static final int SIZES = 2;
    private static final int WITH_START = 5;
    private static final int WITH_IDS_FILE = 6;
    private static final long DEFAULT_SEED = 42;
    private static final String TEST_CONFIGURATION = "org.springframework.boot.test.context.TestConfiguration";

    private CorpusDataMain() {}

    public static void main(String[] args) {
        if (args.length != SIZES && args.length != WITH_START && args.length != WITH_IDS_FILE) {
            System.err.println("usage: CorpusDataMain <references> <articles>"
                    + " [<seed> <first reference> <first article> [<ids file>]]");
            System.exit(2);
        }
        int status = 0;
        try {
            generate(args);
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        // the driver's and the application's threads must not keep the process alive
        System.exit(status);
    }

    private static void generate(String[] args) {
        int referenceCount = Integer.parseInt(args[0]);
        int articleCount = Integer.parseInt(args[1]);
        boolean withStart = args.length >= WITH_START;
        long seed = withStart ? Long.parseLong(args[2]) : DEFAULT_SEED;
        int firstReference = withStart ? Integer.parseInt(args[3]) : 0;
        int firstArticle = withStart ? Integer.parseInt(args[4]) : 0;
        try (var context = new SpringApplicationBuilder(ReferencesApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(CorpusDataMain::withoutTestConfiguration)
                .run()) {
            long started = System.nanoTime();
            var ids = CorpusGenerator.load(
                    context.getBean(References.class),
                    context.getBean(Articles.class),
                    referenceCount,
                    articleCount,
                    seed,
                    firstReference,
                    firstArticle);
            System.out.printf(
                    "generated %d references from #%d and %d articles from #%d (seed %d) in %s%n",
                    referenceCount,
                    firstReference,
                    articleCount,
                    firstArticle,
                    seed,
                    Duration.ofNanos(System.nanoTime() - started));
            if (args.length == WITH_IDS_FILE) {
                write(Path.of(args[WITH_IDS_FILE - 1]), ids);
            }
            var database = context.getBean(MongoDatabase.class);
            var counts = new TreeMap<String, Long>();
            database.listCollectionNames()
                    .forEach(name ->
                            counts.put(name, database.getCollection(name).estimatedDocumentCount()));
            System.out.println("documents in " + database.getName() + ": " + counts);
        }
    }

    private static void write(Path file, List<String> ids) {
        try {
            Files.write(file, ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Test-only configuration would need test libraries the fat jar lacks: keep any out of the component scan that
     * the test classes on the loader path would otherwise feed it into.
     */
    private static void withoutTestConfiguration(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton("withoutTestConfiguration", new TypeExcludeFilter() {
            @Override
            public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
                return reader.getAnnotationMetadata().hasAnnotation(TEST_CONFIGURATION);
            }
        });
    }
}
