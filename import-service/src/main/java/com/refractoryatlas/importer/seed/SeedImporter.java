package com.refractoryatlas.importer.seed;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.importer.ImportProperties;
import com.refractoryatlas.importer.job.ImportJobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Submits every file of {@code ATLAS_SEED_DIR} at the first start, then records in the {@code seeding} collection
 * that it did, so that later starts (and documents deleted since) are left alone. The jobs it submits are ordinary
 * jobs: when the other services are not up yet they wait in RETRYING.
 */
@Component
class SeedImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);
    static final String MARKER_ID = "seeds";

    private final ImportProperties properties;
    private final ImportJobs jobs;
    private final MongoCollection<Document> seeding;

    SeedImporter(ImportProperties properties, ImportJobs jobs, MongoDatabase database) {
        this.properties = properties;
        this.jobs = jobs;
        this.seeding = database.getCollection("seeding");
    }

    @Override
    public void run(ApplicationArguments args) {
        properties.seedFolder().ifPresent(this::seedOnce);
    }

    void seedOnce(Path folder) {
        if (seeding.find(eq("_id", MARKER_ID)).first() != null) {
            log.debug("Seeds were imported at an earlier start; skipping {}", folder);
            return;
        }
        if (!Files.isDirectory(folder)) {
            log.warn("Seed folder {} does not exist; nothing seeded", folder);
            return;
        }
        var files = filesOf(folder);
        for (var file : files) {
            var job = jobs.submit(file.getFileName().toString(), read(file), null, null);
            log.info("Seed {} submitted as import job {} ({})", file.getFileName(), job.id(), job.status());
        }
        seeding.insertOne(new Document("_id", MARKER_ID)
                .append("folder", folder.toAbsolutePath().toString())
                .append("documents", files.size())
                .append("seededAt", java.util.Date.from(Instant.now())));
    }

    private static List<Path> filesOf(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the seed folder " + folder, e);
        }
    }

    /** The file's bytes as they are: the parser finds the format (text, PDF, XML, ...) from the content. */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
