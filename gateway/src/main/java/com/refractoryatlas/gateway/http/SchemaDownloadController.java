package com.refractoryatlas.gateway.http;

import com.refractoryatlas.gateway.edge.EdgeErrors;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import com.refractoryatlas.gateway.edge.RequestIds;
import com.refractoryatlas.gateway.federation.FederationEngine;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public supergraph as SDL at {@code /graphql/schema.graphql}, for tools that read a schema file rather than
 * introspect (graphql-codegen, Apollo iOS/Kotlin, IDE plugins). It is what introspection shows, so it is served only
 * while introspection is enabled; the printed text is kept per composed schema.
 */
@RestController
class SchemaDownloadController {

    static final MediaType GRAPHQL_SDL = new MediaType("application", "graphql", StandardCharsets.UTF_8);

    private final FederationEngine engine;
    private final EdgeProperties properties;
    private final JsonMapper json;
    private final AtomicReference<@Nullable Printed> printed = new AtomicReference<>();

    private record Printed(GraphQLSchema schema, byte[] sdl) {}

    SchemaDownloadController(FederationEngine engine, EdgeProperties properties, JsonMapper json) {
        this.engine = engine;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/graphql/schema.graphql")
    ResponseEntity<byte[]> schema(HttpServletRequest request) {
        String requestId = RequestIds.of(request);
        if (!properties.introspectionEnabled()) {
            return error(404, requestId, "INTROSPECTION_DISABLED", "Introspection is disabled on this server");
        }
        var schema = engine.supergraph();
        if (schema.isEmpty()) {
            return error(503, requestId, "SUPERGRAPH_UNAVAILABLE", "The supergraph is not composed yet; retry shortly");
        }
        return ResponseEntity.ok()
                .contentType(GRAPHQL_SDL)
                .cacheControl(CacheControl.noCache())
                .body(print(schema.get()));
    }

    private byte[] print(GraphQLSchema schema) {
        var current = printed.get();
        if (current != null && current.schema() == schema) {
            return current.sdl();
        }
        var options = SchemaPrinter.Options.defaultOptions()
                .includeDirectiveDefinitions(false)
                .includeSchemaDefinition(false)
                .includeScalarTypes(true);
        byte[] sdl = new SchemaPrinter(options).print(schema).getBytes(StandardCharsets.UTF_8);
        printed.set(new Printed(schema, sdl));
        return sdl;
    }

    private ResponseEntity<byte[]> error(int status, String requestId, String code, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(EdgeErrors.response(List.of(EdgeErrors.error(message, code, requestId)))));
    }
}
