package com.refractoryatlas.subgraph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/** Establishes the {@link Caller} of each request from the internal credential header, compared in constant time. */
final class ServiceCredentialInterceptor implements WebGraphQlInterceptor {

    private final byte[] expectedToken;

    ServiceCredentialInterceptor(String expectedToken) {
        this.expectedToken = expectedToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var caller = callerOf(
                request.getHeaders().getFirst(Caller.SERVICE_TOKEN_HEADER),
                request.getHeaders().getFirst(Caller.USER_ROLES_HEADER));
        request.configureExecutionInput(
                (input, builder) -> builder.graphQLContext(context -> context.put(Caller.CONTEXT_KEY, caller))
                        .build());
        return chain.next(request);
    }

    Caller callerOf(@Nullable String token, @Nullable String roles) {
        if (token == null || token.isEmpty()) {
            return new Caller(Caller.Kind.ANONYMOUS, Set.of());
        }
        if (expectedToken.length == 0
                || !MessageDigest.isEqual(expectedToken, token.getBytes(StandardCharsets.UTF_8))) {
            return new Caller(Caller.Kind.INVALID_CREDENTIAL, Set.of());
        }
        return new Caller(Caller.Kind.SERVICE, parseRoles(roles));
    }

    private static Set<String> parseRoles(@Nullable String roles) {
        if (roles == null || roles.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(roles.split(","))
                .map(String::trim)
                .filter(role -> !role.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
