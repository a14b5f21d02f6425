package com.refractoryatlas.catalog.treatment;

import java.util.List;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class TreatmentController {

    /** Reference stubs: references-service resolves them through the gateway. */
    @SchemaMapping
    List<Reference> evidence(Treatment treatment) {
        return treatment.evidenceIds().stream().map(Reference::new).toList();
    }
}
