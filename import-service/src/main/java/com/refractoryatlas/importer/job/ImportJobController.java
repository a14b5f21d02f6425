package com.refractoryatlas.importer.job;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ImportJobController {

    private final ImportJobRepository jobs;

    ImportJobController(ImportJobRepository jobs) {
        this.jobs = jobs;
    }

    /** Resolves {@code _entities} representations in one query, answering null for unknown ids. */
    @EntityMapping
    List<@Nullable ImportJob> importJob(@Argument List<String> idList) {
        var found = jobs.findAllById(idList).stream().collect(Collectors.toMap(ImportJob::id, Function.identity()));
        return idList.stream().map(found::get).toList();
    }

    @QueryMapping
    @Nullable
    ImportJob importJob(@Argument String id) {
        return jobs.findById(id).orElse(null);
    }
}
