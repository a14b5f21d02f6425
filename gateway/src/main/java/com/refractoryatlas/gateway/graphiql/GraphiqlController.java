package com.refractoryatlas.gateway.graphiql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The GraphiQL page; its scripts and styles come from the webjars on the classpath, not from a CDN. */
@RestController
class GraphiqlController {

    private final Resource page = new ClassPathResource("graphiql/index.html");
    private final boolean enabled;

    GraphiqlController(@Value("${atlas.gateway.graphiql.enabled:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @GetMapping(value = "/graphiql", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> graphiql() {
        return enabled ? ResponseEntity.ok(page) : ResponseEntity.notFound().build();
    }
}
