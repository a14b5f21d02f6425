package com.refractoryatlas.gateway.subscription;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's engine behind Spring for GraphQL's graphql-transport-ws handler: the handler speaks the protocol
 * (ack, ping/pong, next/error/complete, close codes), this service answers each {@code subscribe} through
 * {@link Subscriptions}. A refused operation is an {@code error} message with the typed errors; a query or mutation
 * is one {@code next} and {@code complete}; a subscription one {@code next} per event.
 */
final class GatewayExecutionService implements ExecutionGraphQlService {

    private final Subscriptions subscriptions;
    private final Scheduler blocking =
            Schedulers.fromExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());

    GatewayExecutionService(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Mono<ExecutionGraphQlResponse> execute(ExecutionGraphQlRequest request) {
        if (!(request instanceof WebSocketGraphQlRequest socket)) {
            return Mono.error(new IllegalStateException("only WebSocket requests reach this service"));
        }
        var attributes = socket.getSessionInfo().getAttributes();
        var ask = new Subscriptions.Ask(
                request.getDocument(),
                request.getOperationName(),
                request.getVariables(),
                ConnectionAttributes.user(attributes),
                ConnectionAttributes.authorization(attributes),
                attributes.get(ConnectionAttributes.BUCKET),
                ConnectionAttributes.requestId(attributes) + ":" + request.getId(),
                attributes.get(ConnectionAttributes.SUBSCRIPTIONS) instanceof AtomicInteger count ? count : null);
        return Mono.fromCallable(() -> subscriptions.answer(ask))
                .subscribeOn(blocking)
                .map(answer -> response(request, answer));
    }

    private static ExecutionGraphQlResponse response(ExecutionGraphQlRequest request, Subscriptions.Answer answer) {
        var input = request.toExecutionInput();
        return switch (answer) {
            case Subscriptions.Answer.Single single ->
                new DefaultExecutionGraphQlResponse(input, new SpecResult(single.response()));
            case Subscriptions.Answer.Stream stream ->
                new DefaultExecutionGraphQlResponse(
                        input,
                        graphql.ExecutionResult.newExecutionResult()
                                .data(stream.responses().map(SpecResult::new))
                                .build());
            case Subscriptions.Answer.Refused refused ->
                new DefaultExecutionGraphQlResponse(
                        input,
                        graphql.ExecutionResult.newExecutionResult()
                                .data(Flux.error(new SubscriptionPublisherException(errors(refused.errors()), null)))
                                .build());
        };
    }

    @SuppressWarnings("unchecked")
    private static List<GraphQLError> errors(List<Map<String, Object>> errors) {
        return errors.stream()
                .map(error -> (GraphQLError) GraphqlErrorBuilder.newError()
                        .message(String.valueOf(error.get("message")))
                        .extensions((Map<String, Object>) error.getOrDefault("extensions", Map.of()))
                        .build())
                .toList();
    }
}
