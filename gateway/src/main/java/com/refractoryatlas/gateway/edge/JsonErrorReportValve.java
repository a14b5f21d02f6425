package com.refractoryatlas.gateway.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report for what it refuses before any filter or servlet runs (a malformed request line or header,
 * an undecodable URI): a GraphQL error body with {@code extensions.code} in place of Tomcat's HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            return;
        }
        var body = EdgeErrors.response(List.of(EdgeErrors.error(
                HttpErrorCodes.message(status),
                HttpErrorCodes.code(status),
                UUID.randomUUID().toString())));
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(JSON.writeValueAsBytes(body));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is closed: nothing more to tell it
        }
    }
}
