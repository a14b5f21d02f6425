package com.refractoryatlas.gateway.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a request whose declared body is larger than allowed before it is read; the GraphQL endpoint also
 * stops reading at the limit, for bodies sent without a length.
 */
class BodySizeFilter extends OncePerRequestFilter {

    static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

    private final long maxBytes;

    BodySizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            EdgeErrors.write(
                    request,
                    response,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    PAYLOAD_TOO_LARGE,
                    EdgeErrors.bodyTooLarge(maxBytes));
            return;
        }
        chain.doFilter(request, response);
    }
}
