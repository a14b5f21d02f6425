package com.refractoryatlas.gateway.subscription;

import com.refractoryatlas.gateway.edge.EdgeErrors;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import com.refractoryatlas.gateway.edge.RateLimits;
import com.refractoryatlas.gateway.federation.EventStream;
import com.refractoryatlas.gateway.federation.FederationEngine;
import com.refractoryatlas.gateway.security.OperationGuard;
import com.refractoryatlas.gateway.security.SubgraphIdentity;
import com.refractoryatlas.gateway.security.UserContext;
import com.refractoryatlas.gateway.security.Verdict;
import graphql.language.OperationDefinition.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * What every streaming transport shares: an operation passes the same {@link OperationGuard} as over HTTP (parse,
 * depth, cost, validation, one root field for a subscription) and pays the same rate limit; a subscription needs an
 * authenticated user and a free slot of the budget (per connection, per user, per instance), then the federation
 * engine follows it, bounded by an idle timeout and a maximum lifetime, its slot freed however it ends.
 */
final class Subscriptions {

    static final String TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS";
    static final String SUBSCRIPTION_EXPIRED = "SUBSCRIPTION_EXPIRED";

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    private static final Object END = new Object();
    private static final Object LIFETIME_OVER = new Object();

    private final FederationEngine engine;
    private final OperationGuard guard;
    private final EdgeProperties edge;
    private final SubscriptionProperties settings;
    private final SubscriptionBudget budget;

    Subscriptions(FederationEngine engine, OperationGuard guard, EdgeProperties edge, SubscriptionProperties settings) {
        this.engine = engine;
        this.guard = guard;
        this.edge = edge;
        this.settings = settings;
        this.budget = new SubscriptionBudget(settings.maxPerProcess(), settings.maxPerUser());
    }

    /**
     * One operation from a streaming client.
     *
     * @param authorization the {@code Authorization} value the user's token came in, forwarded to the subgraphs
     * @param bucket the client's rate-limit bucket ({@link RateLimits#bucketOf}), null when rate limiting is off
     * @param perConnection the subscriptions its connection holds (WebSocket), null for a connection of its own (SSE)
     */
    record Ask(
            @Nullable String query,
            @Nullable String operationName,
            Map<String, Object> variables,
            UserContext user,
            @Nullable String authorization,
            @Nullable Object bucket,
            String requestId,
            @Nullable AtomicInteger perConnection) {}

    /** How an operation is answered. */
    sealed interface Answer {
        /** Refused before anything ran: the errors of a GraphQL response without data. */
        record Refused(List<Map<String, Object>> errors) implements Answer {}

        /** A query or mutation: one response. */
        record Single(Map<String, Object> response) implements Answer {}

        /** A subscription: its responses, one per event. */
        record Stream(Flux<Map<String, Object>> responses) implements Answer {}
    }

    int active() {
        return budget.active();
    }

    /** Inspects, charges and starts the operation; blocking (a query runs to its answer), so call it off event loops. */
    Answer answer(Ask ask) {
        if (ask.query() == null || ask.query().isBlank()) {
            return refused(ask, "BAD_REQUEST", "'query' is required");
        }
        var schema = engine.supergraph();
        if (schema.isEmpty()) {
            return refused(ask, "SUPERGRAPH_UNAVAILABLE", "The supergraph is not composed yet; retry shortly");
        }
        var verdict = guard.inspect(schema.get(), ask.query(), ask.operationName(), ask.variables(), ask.user(), false);
        if (verdict instanceof Verdict.Rejected rejected) {
            return rejection(ask, rejected);
        }
        var allowed = (Verdict.Allowed) verdict;
        var charge = RateLimits.charge(
                ask.bucket(), allowed.estimatedCost(), edge.rateLimit().tokenCost());
        if (!charge.paid()) {
            return refused(
                    ask,
                    "RATE_LIMITED",
                    "Too many requests for the operations' cost; retry in " + charge.retryAfterSeconds() + " s");
        }
        var request =
                new FederationEngine.Request(ask.query(), ask.operationName(), ask.variables(), subgraphHeaders(ask));
        if (allowed.kind() != Operation.SUBSCRIPTION) {
            return new Answer.Single(engine.execute(request));
        }
        if (!ask.user().authenticated()) {
            return refused(
                    ask,
                    "UNAUTHENTICATED",
                    "Subscriptions need a valid bearer token: the Authorization header, or the connection_init payload"
                            + " {\"Authorization\": \"Bearer <token>\"}");
        }
        return start(ask, request);
    }

    private Answer start(Ask ask, FederationEngine.Request request) {
        var connection = ask.perConnection();
        if (connection != null && connection.incrementAndGet() > settings.maxPerConnection()) {
            connection.decrementAndGet();
            return refused(
                    ask,
                    TOO_MANY_SUBSCRIPTIONS,
                    "This connection holds " + settings.maxPerConnection() + " subscriptions already; end one first");
        }
        var user = String.valueOf(ask.user().subject());
        var problem = budget.acquire(user);
        if (problem != null) {
            if (connection != null) {
                connection.decrementAndGet();
            }
            return refused(ask, TOO_MANY_SUBSCRIPTIONS, problem);
        }
        Runnable release = () -> {
            budget.release(user);
            if (connection != null) {
                connection.decrementAndGet();
            }
        };
        return new Answer.Stream(bounded(follow(request), ask.requestId()).doFinally(signal -> release.run()));
    }

    /** The engine's stream, pulled on a virtual thread of its own; cancelling closes it (and its subgraph stream). */
    private Flux<Map<String, Object>> follow(FederationEngine.Request request) {
        return Flux.create(sink -> {
            var stream = engine.subscribe(request);
            var reader = Thread.ofVirtual().name("subscription").unstarted(() -> pump(stream, sink));
            sink.onDispose(() -> {
                stream.close();
                reader.interrupt();
            });
            reader.start();
        });
    }

    private static void pump(EventStream stream, FluxSink<Map<String, Object>> sink) {
        try (stream) {
            Map<String, Object> response;
            while (!sink.isCancelled() && (response = stream.next()) != null) {
                sink.next(response);
            }
            sink.complete();
        } catch (RuntimeException e) {
            log.warn("A subscription stream failed", e);
            sink.error(e);
        }
    }

    /** Ends the stream with a {@code SUBSCRIPTION_EXPIRED} response when idle too long or at its maximum lifetime. */
    @SuppressWarnings("unchecked")
    private Flux<Map<String, Object>> bounded(Flux<Map<String, Object>> responses, String requestId) {
        var idle = settings.idleTimeout();
        Flux<Object> guarded = responses
                .timeout(idle, Flux.just(expired(requestId, "idle", "No event for " + describe(idle))))
                .cast(Object.class)
                .concatWith(Mono.just(END))
                .mergeWith(Mono.delay(settings.maxLifetime()).map(tick -> LIFETIME_OVER));
        return guarded.takeUntil(item -> item == END || item == LIFETIME_OVER)
                .filter(item -> item != END)
                .map(item -> item == LIFETIME_OVER
                        ? expired(
                                requestId,
                                "lifetime",
                                "A subscription lasts at most " + describe(settings.maxLifetime())
                                        + "; subscribe again to follow on")
                        : (Map<String, Object>) item);
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() + " s";
    }

    private static Map<String, Object> expired(String requestId, String reason, String message) {
        var error = EdgeErrors.error(message, SUBSCRIPTION_EXPIRED, requestId);
        @SuppressWarnings("unchecked")
        var extensions = new LinkedHashMap<String, Object>((Map<String, Object>) error.get("extensions"));
        extensions.put("reason", reason);
        error.put("extensions", extensions);
        return EdgeErrors.response(List.of(error));
    }

    private static Answer refused(Ask ask, String code, String message) {
        return new Answer.Refused(List.of(EdgeErrors.error(message, code, ask.requestId())));
    }

    private static Answer rejection(Ask ask, Verdict.Rejected rejected) {
        return new Answer.Refused(rejected.errors(ask.requestId()));
    }

    /** The headers of a subgraph call, as the HTTP endpoint sends them: credential, the user's roles and id. */
    private Map<String, String> subgraphHeaders(Ask ask) {
        var headers = new LinkedHashMap<String, String>();
        var user = ask.user();
        if (user.authenticated() && ask.authorization() != null) {
            headers.put("Authorization", ask.authorization());
        }
        SubgraphIdentity.add(headers, user, ask.requestId(), edge.serviceToken());
        return headers;
    }
}
