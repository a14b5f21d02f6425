package com.refractoryatlas.importer.job;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/** One import of one document, as stored in the {@code jobs} collection. */
public record ImportJob(
        @BsonId String id,
        String source,
        String checksum,
        String status,
        double progress,
        Instant createdAt,
        @Nullable Instant finishedAt) {}
