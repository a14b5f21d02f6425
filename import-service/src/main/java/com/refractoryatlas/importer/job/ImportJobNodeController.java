package com.refractoryatlas.importer.job;

import com.refractoryatlas.subgraph.GlobalId;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code ImportJob.nodeId}, the Relay global id. The catalog's {@code Query.node} answers a job's id with a reference
 * that the gateway completes here through {@code _entities}, which applies the caller's visibility as
 * {@code importJob(id:)} does, so a job hidden from the caller is null through {@code node} as well.
 */
@Controller
class ImportJobNodeController {

    @SchemaMapping(typeName = "ImportJob", field = "nodeId")
    String nodeId(ImportJob job) {
        return GlobalId.encode("ImportJob", job.id());
    }
}
