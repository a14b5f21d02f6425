package com.refractoryatlas.importer.job;

import com.refractoryatlas.subgraph.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Who may see which import jobs. A job shows the document's name and messages about its content, so only those who
 * may read the document see it: editors and our own services see every job, an importer sees the jobs they
 * submitted, everyone else (anonymous callers, users without a role) sees none.
 *
 * @param user the importer's user id, for {@link Scope#OWN}; null for an importer one of our services names no user
 *     for (the gateway always names one), who shares the jobs submitted without a user id
 */
record Viewer(Scope scope, @Nullable String user) {

    static final String EDITOR_ROLE = "editor";
    static final String IMPORTER_ROLE = "importer";

    static final Viewer EVERYTHING = new Viewer(Scope.ALL, null);
    static final Viewer NOTHING = new Viewer(Scope.NONE, null);

    enum Scope {
        ALL,
        OWN,
        NONE
    }

    /**
     * The viewer a request stands for: roles count only with the internal credential (the gateway's, which forwards
     * the user's roles and id); our own services acting for themselves carry no roles and see everything.
     */
    static Viewer of(Caller caller, @Nullable String user) {
        if (caller.kind() != Caller.Kind.SERVICE) {
            return NOTHING;
        }
        if (caller.roles().isEmpty() || caller.roles().contains(EDITOR_ROLE)) {
            return EVERYTHING;
        }
        if (caller.roles().contains(IMPORTER_ROLE)) {
            return new Viewer(Scope.OWN, user == null || user.isBlank() ? null : user);
        }
        return NOTHING;
    }

    boolean sees(ImportJob job) {
        return switch (scope) {
            case ALL -> true;
            case OWN -> java.util.Objects.equals(user, job.submittedBy());
            case NONE -> false;
        };
    }
}
