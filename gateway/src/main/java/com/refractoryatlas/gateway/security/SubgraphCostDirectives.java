package com.refractoryatlas.gateway.security;

import com.refractoryatlas.gateway.federation.FederationEngine;
import com.refractoryatlas.gateway.federation.FederationProperties;
import com.refractoryatlas.gateway.federation.SubgraphTransport;
import graphql.schema.GraphQLSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code @cost}/{@code @listSize} from the SDLs of the subgraphs the gateway composes (their
 * {@code _service { sdl }}, what composition reads), once per composed supergraph. The composed API schema carries
 * no federation directives, so the cost model reads them beside composition rather than from it. When a subgraph does
 * not answer, what it declared last time is used and the read is tried again after a pause, in the background: a
 * request waits at most a second for the directives of a newly composed supergraph.
 */
@Component
class SubgraphCostDirectives implements CostDirectiveSource {

    static final String SDL_QUERY = "{ _service { sdl } }";
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final Duration FIRST_READ_WAIT = Duration.ofSeconds(1);
    /** How long startup waits for a first supergraph to read its directives (the subgraphs may not be up yet). */
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private static final Duration WARM_UP_POLL = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(SubgraphCostDirectives.class);

    private final ObjectProvider<SubgraphTransport> transport;
    private final ObjectProvider<FederationEngine> engine;
    private final List<String> subgraphs;
    private final Map<String, String> lastSdls = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<@Nullable Read> current = new AtomicReference<>();
    private final AtomicReference<@Nullable CompletableFuture<Read>> inFlight = new AtomicReference<>();

    private record Read(GraphQLSchema schema, CostDirectives directives, boolean complete, long readAtNanos) {}

    SubgraphCostDirectives(
            ObjectProvider<SubgraphTransport> transport,
            ObjectProvider<FederationProperties> federation,
            ObjectProvider<FederationEngine> engine) {
        this.transport = transport;
        this.engine = engine;
        var properties = federation.getIfAvailable();
        this.subgraphs = properties == null
                ? List.of()
                : properties.subgraphs().stream()
                        .map(FederationProperties.Subgraph::name)
                        .toList();
    }

    /** Reads the directives of the supergraph served at startup, so that no request waits for them. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() throws InterruptedException {
        var served = engine.getIfAvailable();
        if (served == null) {
            return;
        }
        long deadline = System.nanoTime() + WARM_UP.toNanos();
        while (served.supergraph().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(WARM_UP_POLL.toMillis());
        }
        served.supergraph().ifPresent(schema -> {
            try {
                refresh(schema).get(WARM_UP.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Cost directives not read at startup: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public CostDirectives forSchema(GraphQLSchema schema) {
        var read = current.get();
        if (read != null && read.schema() == schema) {
            if (!read.complete() && due(read)) {
                refresh(schema);
            }
            return read.directives();
        }
        // a new supergraph: wait briefly for its subgraphs' directives, never hold a request on a dead subgraph
        try {
            return refresh(schema)
                    .get(FIRST_READ_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .directives();
        } catch (TimeoutException | ExecutionException e) {
            return read == null ? CostDirectives.NONE : read.directives();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return read == null ? CostDirectives.NONE : read.directives();
        }
    }

    /** Starts reading the SDLs unless a read is under way; the read replaces the current directives when done. */
    private CompletableFuture<Read> refresh(GraphQLSchema schema) {
        var running = inFlight.get();
        if (running != null && !running.isDone()) {
            return running;
        }
        var next = new CompletableFuture<Read>();
        if (!inFlight.compareAndSet(running, next)) {
            var other = inFlight.get();
            return other == null ? next : other;
        }
        Thread.ofVirtual().name("cost-directives").start(() -> {
            try {
                var read = read(schema);
                current.set(read);
                next.complete(read);
            } catch (RuntimeException e) {
                next.completeExceptionally(e);
            }
        });
        return next;
    }

    private static boolean due(Read read) {
        return System.nanoTime() - read.readAtNanos() > RETRY.toNanos();
    }

    private Read read(GraphQLSchema schema) {
        var client = transport.getIfAvailable();
        boolean complete = client != null;
        for (String subgraph : client == null ? List.<String>of() : subgraphs) {
            try {
                var sdl = sdl(client.execute(subgraph, SDL_QUERY, Map.of(), Map.of()));
                if (sdl == null) {
                    complete = false;
                } else {
                    lastSdls.put(subgraph, sdl);
                }
            } catch (RuntimeException e) {
                log.debug("No SDL from '{}' for the cost model: {}", subgraph, e.getMessage());
                complete = false;
            }
        }
        CostDirectives directives;
        try {
            directives = CostDirectives.parse(new ArrayList<>(lastSdls.values()));
        } catch (RuntimeException e) {
            log.warn("Subgraph cost directives unreadable, using the defaults: {}", e.getMessage());
            directives = CostDirectives.NONE;
        }
        return new Read(schema, directives, complete, System.nanoTime());
    }

    private static @Nullable String sdl(Map<String, Object> response) {
        return response.get("data") instanceof Map<?, ?> data
                        && data.get("_service") instanceof Map<?, ?> service
                        && service.get("sdl") instanceof String sdl
                ? sdl
                : null;
    }
}
