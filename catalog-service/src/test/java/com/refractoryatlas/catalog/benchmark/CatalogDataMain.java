package com.refractoryatlas.catalog.benchmark;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.catalog.CatalogApplication;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.catalog.mechanism.MechanismCatalog;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
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
 * Runs {@link CatalogDataGenerator} as a process of its own against whatever MongoDB the environment names
 * ({@code MONGODB_URI}, {@code MONGODB_DATABASE}, as the service reads them), so that the system tests' scale test can
 * load the sizes into the running system without going through GraphQL. It boots the catalog application
 * without a web server, takes the features' facades from the context, writes one block and prints the collections'
 * document counts. Launched on the service's fat jar with this module's test classes added:
 *
 * <pre>{@code
 * java -cp catalog-service.jar -Dloader.path=catalog-service/target/test-classes \
 *     -Dloader.main=com.refractoryatlas.catalog.benchmark.CatalogDataMain \
 *     org.springframework.boot.loader.launch.PropertiesLauncher \
 *     <conditions> <therapies> <treatments> [<first condition> <first therapy> <first treatment> [<evidence file>]]
 * }</pre>
 *
 * <p>The evidence file, when given, lists reference ids (one a line) for the treatments' evidence, so that the
 * references the references service's generator wrote are the ones cited.
 */
public final class CatalogDataMain {

    private static final int SIZES = 3;
    private static final int WITH_START = 6;
    private static final int WITH_EVIDENCE = 7;
    private static final String TEST_CONFIGURATION = "org.springframework.boot.test.context.TestConfiguration";

    private CatalogDataMain() {}

    public static void main(String[] args) {
        if (args.length != SIZES && args.length != WITH_START && args.length != WITH_EVIDENCE) {
            System.err.println("usage: CatalogDataMain <conditions> <therapies> <treatments>"
                    + " [<first condition> <first therapy> <first treatment> [<evidence file>]]");
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
        var size = new CatalogDataGenerator.Size(
                Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        var start = args.length >= WITH_START
                ? new CatalogDataGenerator.Start(
                        Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]))
                : CatalogDataGenerator.Start.ZERO;
        var evidence = args.length == WITH_EVIDENCE ? lines(Path.of(args[WITH_EVIDENCE - 1])) : List.<String>of();
        try (var context = new SpringApplicationBuilder(CatalogApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(CatalogDataMain::withoutTestConfiguration)
                .run()) {
            var generator = new CatalogDataGenerator(
                    context.getBean(ConditionCatalog.class),
                    context.getBean(TherapyCatalog.class),
                    context.getBean(TreatmentCatalog.class),
                    context.getBean(MechanismCatalog.class),
                    context.getBean(AliasRegistry.class));
            long started = System.nanoTime();
            generator.generate(size, start, evidence);
            System.out.printf(
                    "generated %s from %s (evidence from %s) in %s%n",
                    size,
                    start,
                    evidence.isEmpty() ? "synthetic ids" : evidence.size() + " listed references",
                    Duration.ofNanos(System.nanoTime() - started));
            var database = context.getBean(MongoDatabase.class);
            var counts = new TreeMap<String, Long>();
            database.listCollectionNames()
                    .forEach(name ->
                            counts.put(name, database.getCollection(name).estimatedDocumentCount()));
            System.out.println("documents in " + database.getName() + ": " + counts);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The module's test-only configuration needs test libraries the fat jar lacks: keep it out of the component scan
     * that the test classes on the loader path would otherwise feed it into.
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
