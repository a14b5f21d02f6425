package com.refractoryatlas.importer.job;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * Which jobs a listing shows: what the caller may see ({@link Viewer}) narrowed by the client's filters.
 *
 * @param status only jobs in this status
 * @param checksum only jobs of the document with this SHA-256 (hex, case-insensitive)
 * @param warning only jobs carrying a warning with this code
 */
record JobQuery(
        Viewer viewer,
        @Nullable ImportStatus status,
        @Nullable String checksum,
        @Nullable String warning) {

    static JobQuery all(Viewer viewer) {
        return new JobQuery(viewer, null, null, null);
    }

    Bson filter() {
        var filters = new ArrayList<Bson>();
        switch (viewer.scope()) {
            case NONE -> filters.add(in("_id", List.of()));
            case OWN -> filters.add(eq("submittedBy", viewer.user()));
            case ALL -> {}
        }
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        if (checksum != null) {
            filters.add(eq("checksum", checksum.strip().toLowerCase(java.util.Locale.ROOT)));
        }
        if (warning != null) {
            filters.add(eq("warnings.code", warning));
        }
        return filters.isEmpty() ? new Document() : and(filters);
    }
}
