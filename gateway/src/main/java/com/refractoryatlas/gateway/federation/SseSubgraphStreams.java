package com.refractoryatlas.gateway.federation;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows subgraph subscriptions over GraphQL over SSE, distinct connections mode (what Spring for GraphQL serves on
 * {@code POST /graphql} with {@code Accept: text/event-stream}): one HTTP connection per subscription, {@code next}
 * events until {@code complete}. A stream silent for longer than the read timeout (the subgraph sends a comment line
 * every keep-alive) is taken for dead; an event above the size limit breaks the stream rather than the gateway.
 */
public final class SseSubgraphStreams implements SubgraphStreams, AutoCloseable {

    private static final String EVENT_STREAM = "text/event-stream";
    private static final int OK = 200;

    private final Map<String, URI> urls;
    private final JsonMapper json;
    private final Settings settings;
    private final CloseableHttpClient client;

    /**
     * @param connectTimeout TCP connect timeout
     * @param readTimeout longest silence of a stream (keep-alive comments count) before it is taken for dead
     * @param maxEventBytes largest event (and line) accepted from a subgraph
     * @param maxConnections how many streams may be open at once, all subgraphs together
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, int maxEventBytes, int maxConnections) {}

    public SseSubgraphStreams(Map<String, URI> urls, JsonMapper json, Settings settings) {
        this.urls = Map.copyOf(urls);
        this.json = json;
        this.settings = settings;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(settings.maxConnections())
                        .setMaxConnTotal(settings.maxConnections())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    @Override
    public Stream open(String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
        var url = urls.get(subgraph);
        if (url == null) {
            throw new SubgraphUnavailableException(subgraph, "no such subgraph", null);
        }
        var post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setHeader("Accept", EVENT_STREAM);
        post.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(settings.readTimeout()))
                .build());
        var body = new LinkedHashMap<String, Object>();
        body.put("query", query);
        body.put("variables", variables);
        post.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, post, null);
        } catch (IOException e) {
            throw new SubgraphUnavailableException(subgraph, e.getClass().getSimpleName(), e);
        }
        var entity = response.getEntity();
        var type = entity == null ? null : entity.getContentType();
        if (response.getCode() != OK || type == null || !type.startsWith(EVENT_STREAM)) {
            closeQuietly(response);
            throw new SubgraphUnavailableException(
                    subgraph, "answered HTTP " + response.getCode() + " " + type + " to a subscription", null);
        }
        try {
            return new SseStream(subgraph, post, response, new BufferedInputStream(entity.getContent()));
        } catch (IOException e) {
            closeQuietly(response);
            throw new SubgraphUnavailableException(subgraph, e.getClass().getSimpleName(), e);
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // closing a connection that is gone already
        }
    }

    /** One open SSE response, read line by line with every line and event bounded. */
    private final class SseStream implements Stream {
        private final String subgraph;
        private final HttpPost request;
        private final ClassicHttpResponse response;
        private final InputStream in;
        private final AtomicBoolean closed = new AtomicBoolean();
        private boolean completed;

        SseStream(String subgraph, HttpPost request, ClassicHttpResponse response, InputStream in) {
            this.subgraph = subgraph;
            this.request = request;
            this.response = response;
            this.in = in;
        }

        @Override
        public @Nullable Map<String, Object> next() {
            if (completed) {
                return null;
            }
            String event = "message";
            var data = new StringBuilder();
            while (true) {
                var line = readLine(data.length());
                if (line == null) {
                    throw broken("the stream ended without a complete event");
                }
                if (line.isEmpty()) {
                    if (event.equals("complete")) {
                        completed = true;
                        return null;
                    }
                    if (event.equals("next") && !data.isEmpty()) {
                        return parse(data.toString());
                    }
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = value(line, "event:");
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(value(line, "data:"));
                }
                // comment lines (keep-alive) and other fields (id, retry) carry nothing here
            }
        }

        private static String value(String line, String field) {
            var value = line.substring(field.length());
            return value.startsWith(" ") ? value.substring(1) : value;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> parse(String data) {
            try {
                if (json.readValue(data, Object.class) instanceof Map<?, ?> map) {
                    return (Map<String, Object>) map;
                }
            } catch (JacksonException e) {
                // answered below
            }
            throw broken("an event is not a JSON object");
        }

        /** One line without its end of line (LF, CRLF or CR-less); null at the end of the stream. */
        private @Nullable String readLine(int eventSoFar) {
            var line = new ByteArrayOutputStream();
            try {
                while (true) {
                    int b = in.read();
                    if (b == -1) {
                        return line.size() == 0 ? null : decode(line);
                    }
                    if (b == '\n') {
                        return decode(line);
                    }
                    line.write(b);
                    if (eventSoFar + line.size() > settings.maxEventBytes()) {
                        throw broken("an event is larger than " + settings.maxEventBytes() + " bytes");
                    }
                }
            } catch (IOException e) {
                if (closed.get()) {
                    return null;
                }
                throw new SubgraphUnavailableException(
                        subgraph, "stream broke: " + e.getClass().getSimpleName(), e);
            }
        }

        private static String decode(ByteArrayOutputStream line) {
            var text = line.toString(StandardCharsets.UTF_8);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        private SubgraphUnavailableException broken(String reason) {
            close();
            return new SubgraphUnavailableException(subgraph, reason, null);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                request.cancel();
                closeQuietly(response);
            }
        }
    }
}
