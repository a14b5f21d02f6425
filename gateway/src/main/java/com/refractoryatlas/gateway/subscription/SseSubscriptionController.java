package com.refractoryatlas.gateway.subscription;

import com.refractoryatlas.gateway.edge.EdgeErrors;
import com.refractoryatlas.gateway.edge.RateLimits;
import com.refractoryatlas.gateway.edge.RequestIds;
import com.refractoryatlas.gateway.security.UserContext;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over SSE, distinct connections mode: {@code POST /graphql} with {@code Accept: text/event-stream} answers
 * with {@code next} events (one per subscription event; one for a query) and a final {@code complete}, a comment line
 * every keep-alive in between. A refused operation is one {@code next} with the typed errors, then {@code complete}.
 * Every other {@code POST /graphql} goes to the GraphQL-over-HTTP endpoint, which refuses subscriptions.
 */
@RestController
class SseSubscriptionController {

    private final Subscriptions subscriptions;
    private final SubscriptionProperties settings;
    private final JsonMapper json;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("sse-keep-alive").factory());

    SseSubscriptionController(Subscriptions subscriptions, SubscriptionProperties settings, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.json = json;
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }

    @PostMapping(path = "/graphql", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter subscribe(HttpServletRequest request) {
        var emitter =
                new SseEmitter(settings.maxLifetime().plus(settings.keepAlive()).toMillis());
        var requestId = RequestIds.of(request);
        var body = body(request);
        if (body == null) {
            sendAndComplete(
                    emitter,
                    EdgeErrors.response(List.of(EdgeErrors.error(
                            "The request body must be a JSON object with a query", "BAD_REQUEST", requestId))));
            return emitter;
        }
        var ask = new Subscriptions.Ask(
                body.get("query") instanceof String query ? query : null,
                body.get("operationName") instanceof String name ? name : null,
                variables(body.get("variables")),
                UserContext.current(),
                request.getHeader(HttpHeaders.AUTHORIZATION),
                RateLimits.bucketOf(request),
                requestId,
                null);
        switch (subscriptions.answer(ask)) {
            case Subscriptions.Answer.Refused refused ->
                sendAndComplete(emitter, EdgeErrors.response(refused.errors()));
            case Subscriptions.Answer.Single single -> sendAndComplete(emitter, single.response());
            case Subscriptions.Answer.Stream stream -> follow(emitter, stream);
        }
        return emitter;
    }

    private void follow(SseEmitter emitter, Subscriptions.Answer.Stream stream) {
        long every = settings.keepAlive().toMillis();
        var keepAlive = heartbeats.scheduleAtFixedRate(
                () -> send(emitter, SseEmitter.event().comment("")), every, every, TimeUnit.MILLISECONDS);
        Disposable subscription = stream.responses()
                .subscribe(
                        response ->
                                send(emitter, SseEmitter.event().name("next").data(json.writeValueAsString(response))),
                        failure -> {
                            keepAlive.cancel(false);
                            sendAndComplete(
                                    emitter,
                                    EdgeErrors.response(List.of(EdgeErrors.error(
                                            "The subscription failed", "INTERNAL_SERVER_ERROR", "sse"))));
                        },
                        () -> {
                            keepAlive.cancel(false);
                            complete(emitter);
                        });
        Runnable cleanup = () -> {
            keepAlive.cancel(false);
            subscription.dispose();
        };
        emitter.onCompletion(cleanup);
        emitter.onTimeout(cleanup);
        emitter.onError(failure -> cleanup.run());
    }

    private void sendAndComplete(SseEmitter emitter, Map<String, Object> response) {
        send(emitter, SseEmitter.event().name("next").data(json.writeValueAsString(response)));
        complete(emitter);
    }

    private static void complete(SseEmitter emitter) {
        send(emitter, SseEmitter.event().name("complete").data(""));
        emitter.complete();
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException gone) {
            // the client went away: onError/onCompletion clean up
            emitter.completeWithError(gone);
        }
    }

    @SuppressWarnings("unchecked")
    private @Nullable Map<String, Object> body(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            long max = settings.maxMessageSize().toBytes();
            var bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, max + 1));
            if (bytes.length > max) {
                return null;
            }
            return json.readValue(bytes, Object.class) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (IOException | JacksonException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
