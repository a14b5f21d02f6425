package com.refractoryatlas.gateway.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a path or query string whose percent-encoded bytes are not strict UTF-8 before anything decodes them:
 * Tomcat's parameter decoding replaces bad sequences and a GET query would otherwise run on what was left. The
 * request body is checked where it is read ({@link StrictUtf8}).
 */
class StrictUtf8Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = StrictUtf8.uriProblem(request.getRequestURI(), "The request path");
        if (problem == null) {
            problem = StrictUtf8.uriProblem(request.getQueryString(), "The query string");
        }
        if (problem != null) {
            EdgeErrors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, StrictUtf8.INVALID_UTF8, problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
