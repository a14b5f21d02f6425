package com.refractoryatlas.subgraph;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * How one of our services calls another's GraphQL endpoint: Apache HttpClient 5 (the gateway's subgraph transport
 * uses the same library) under Spring's {@code RestClient}, so that the whole system has one HTTP client stack:
 * pooled keep-alive connections, no hidden retries (callers decide, with resilience4j), and no redirects, cookies or
 * compression, as before with the JDK client. HttpClient's own response timeout only bounds the silence between two
 * reads; {@link ExchangeDeadline} adds the bound on the whole call that the JDK client gave. The factory owns its
 * connection pool: as a Spring bean it is closed on shutdown ({@link HttpComponentsClientHttpRequestFactory#destroy()});
 * elsewhere its owner calls {@code destroy()}.
 *
 * @param connectTimeout how long to wait for a connection: the TCP connect, and a free pooled connection when
 *     {@code maxConnectionsPerRoute} calls to the same service are already under way
 * @param responseTimeout how long one call may take, from its start to the end of its answer, however the time goes
 *     (waiting, connecting, an answer that is slow to start or trickles in): the meaning the JDK client through
 *     Spring's {@code JdkClientHttpRequestFactory} gave our read and request timeouts
 * @param maxConnectionsPerRoute connections open at most to one host and port (calls beyond it wait, up to
 *     {@code connectTimeout}, for one to be free)
 * @param maxConnections connections open at most in all
 */
public record PooledHttpClient(
        Duration connectTimeout, Duration responseTimeout, int maxConnectionsPerRoute, int maxConnections) {

    /**
     * A connection idle longer than this is checked before it is used again: a restarted service leaves dead ones
     * behind, and a request sent on one would fail.
     */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(1);

    /**
     * Idle connections are closed after this long, below the subgraphs' Tomcat keep-alive (their
     * {@code server.tomcat.connection-timeout}, 5 s by default), so that the pool rarely holds one the server closed.
     */
    private static final TimeValue IDLE_EVICTION = TimeValue.ofSeconds(3);

    public PooledHttpClient {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("responseTimeout", responseTimeout);
        if (maxConnectionsPerRoute < 1 || maxConnections < maxConnectionsPerRoute) {
            throw new IllegalArgumentException("need 1 <= maxConnectionsPerRoute <= maxConnections, got "
                    + maxConnectionsPerRoute + " and " + maxConnections);
        }
    }

    private static void requirePositive(String name, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive (zero would wait forever), got " + timeout);
        }
    }

    /** A request factory for {@code RestClient.builder().requestFactory(...)} with its own new connection pool. */
    public HttpComponentsClientHttpRequestFactory requestFactory() {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(maxConnectionsPerRoute)
                .setMaxConnTotal(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build())
                .build();
        var client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .build())
                .addExecInterceptorFirst(ExchangeDeadline.class.getSimpleName(), new ExchangeDeadline(responseTimeout))
                .evictIdleConnections(IDLE_EVICTION)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
    }
}
