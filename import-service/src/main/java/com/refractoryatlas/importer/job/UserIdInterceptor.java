package com.refractoryatlas.importer.job;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the end user's id, forwarded by the gateway after validating the user's token, into the GraphQL context. Like
 * the forwarded roles it means something only with the internal credential, which {@link Viewer#of} requires.
 */
@Component
class UserIdInterceptor implements WebGraphQlInterceptor {

    /** The header the gateway sets to the token's subject. */
    static final String USER_ID_HEADER = "X-Atlas-User-Id";

    private static final String CONTEXT_KEY = UserIdInterceptor.class.getName();
    private static final int MAX_LENGTH = 256;

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var user = request.getHeaders().getFirst(USER_ID_HEADER);
        if (user != null && !user.isBlank() && user.length() <= MAX_LENGTH) {
            var id = user.strip();
            request.configureExecutionInput(
                    (input, builder) -> builder.graphQLContext(context -> context.put(CONTEXT_KEY, id))
                            .build());
        }
        return chain.next(request);
    }

    static @Nullable String userOf(GraphQLContext context) {
        return context.getOrDefault(CONTEXT_KEY, null);
    }
}
