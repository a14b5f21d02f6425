package com.refractoryatlas.mongo;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service keeps its data. A blank {@code uri} means "no MongoDB was given": the service then starts an
 * embedded MongoDB-wire server so that it runs on a laptop with nothing installed.
 *
 * @param uri connection string of a real MongoDB ({@code MONGODB_URI}); blank selects the embedded server
 * @param database the service's own database; no service reads another's
 * @param embedded how the embedded server stores data
 */
@ConfigurationProperties("atlas.mongo")
public record AtlasMongoProperties(
        @Nullable String uri,
        @DefaultValue("atlas") String database,
        @DefaultValue Embedded embedded) {

    /** True when no real MongoDB was configured. */
    public boolean useEmbedded() {
        return uri == null || uri.isBlank();
    }

    /**
     * @param storage FILE keeps data under {@code dataDir} across restarts; MEMORY forgets it (tests)
     * @param dataDir folder holding one H2 file per database
     */
    public record Embedded(
            @DefaultValue("FILE") Storage storage,
            @DefaultValue("data") Path dataDir) {}

    /** How the embedded server keeps its data. */
    public enum Storage {
        FILE,
        MEMORY
    }
}
