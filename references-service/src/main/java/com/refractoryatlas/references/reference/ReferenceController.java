package com.refractoryatlas.references.reference;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ReferenceController {

    private final ReferenceRepository references;

    ReferenceController(ReferenceRepository references) {
        this.references = references;
    }

    @QueryMapping
    @Nullable
    Reference reference(@Argument String id) {
        return references.findById(id).orElse(null);
    }

    /** Resolves {@code _entities} representations in one query, answering null for unknown ids. */
    @EntityMapping
    List<@Nullable Reference> reference(@Argument List<String> idList) {
        var found =
                references.findAllById(idList).stream().collect(Collectors.toMap(Reference::id, Function.identity()));
        return idList.stream().map(found::get).toList();
    }
}
