package com.refractoryatlas.gateway.http;

import com.refractoryatlas.gateway.edge.EdgeErrors;
import com.refractoryatlas.gateway.edge.HttpErrorCodes;
import com.refractoryatlas.gateway.edge.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every error the servlet container forwards to {@code /error} (an unsupported method, a path that does not
 * exist, a failure before our endpoint ran) with a GraphQL error body carrying {@code extensions.code}, instead of
 * Spring Boot's default page, so that clients parse one error shape whatever layer answered.
 */
@RestController
class GraphQlErrorController implements ErrorController {

    private final JsonMapper json;

    GraphQlErrorController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("/error")
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        var body = EdgeErrors.response(List.of(
                EdgeErrors.error(HttpErrorCodes.message(status), HttpErrorCodes.code(status), RequestIds.of(request))));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(body));
    }
}
