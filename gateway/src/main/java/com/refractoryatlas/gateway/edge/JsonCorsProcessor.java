package com.refractoryatlas.gateway.edge;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import tools.jackson.databind.json.JsonMapper;

/** Spring's CORS checks, refusing a foreign origin with a typed GraphQL error instead of a bare text body. */
class JsonCorsProcessor extends DefaultCorsProcessor {

    static final String CORS_ORIGIN_NOT_ALLOWED = "CORS_ORIGIN_NOT_ALLOWED";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        var body = EdgeErrors.response(List.of(EdgeErrors.error(
                "This origin may not call the gateway from a browser",
                CORS_ORIGIN_NOT_ALLOWED,
                UUID.randomUUID().toString())));
        response.getBody().write(JSON.writeValueAsBytes(body));
        response.flush();
    }
}
