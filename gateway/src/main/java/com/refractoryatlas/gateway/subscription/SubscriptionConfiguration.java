package com.refractoryatlas.gateway.subscription;

import com.refractoryatlas.gateway.edge.EdgeProperties;
import com.refractoryatlas.gateway.federation.FederationEngine;
import com.refractoryatlas.gateway.federation.FederationProperties;
import com.refractoryatlas.gateway.federation.SseSubgraphStreams;
import com.refractoryatlas.gateway.security.BearerTokens;
import com.refractoryatlas.gateway.security.OperationGuard;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions on {@code /graphql}: a WebSocket upgrade there speaks graphql-transport-ws (Spring for GraphQL's
 * protocol handler over the gateway's own execution service), a plain GET or POST still reaches the GraphQL-over-HTTP
 * endpoint; the subgraph streams are followed over GraphQL over SSE.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionProperties.class)
class SubscriptionConfiguration {

    static final String PATH = "/graphql";

    @Bean(destroyMethod = "close")
    SseSubgraphStreams subgraphStreams(FederationProperties federation, SubscriptionProperties settings) {
        Map<String, URI> urls = new LinkedHashMap<>();
        federation.subgraphs().forEach(subgraph -> urls.put(subgraph.name(), subgraph.url()));
        return new SseSubgraphStreams(
                urls,
                new JsonMapper(),
                new SseSubgraphStreams.Settings(
                        federation.federation().connectTimeout(),
                        settings.subgraphReadTimeout(),
                        (int) settings.maxEventSize().toBytes(),
                        settings.maxPerProcess()));
    }

    @Bean
    Subscriptions subscriptions(
            FederationEngine engine, OperationGuard guard, EdgeProperties edge, SubscriptionProperties settings) {
        return new Subscriptions(engine, guard, edge, settings);
    }

    /** Before the routes and the controllers, and only for upgrade requests: a plain GET /graphql stays a query. */
    @Bean
    WebSocketHandlerMapping graphQlWebSocketMapping(
            Subscriptions subscriptions, BearerTokens tokens, SubscriptionProperties settings, EdgeProperties edge) {
        var json = new JsonMapper();
        var handler = WebGraphQlHandler.builder(new GatewayExecutionService(subscriptions))
                .build();
        var protocol = new GraphQlWebSocketHandler(
                handler,
                new JacksonJsonHttpMessageConverter(json),
                settings.connectionInitTimeout(),
                settings.keepAlive(),
                cors(edge));
        // Spring's own handshake interceptors (the context snapshot its handler restores per message, the allowed
        // origins), then ours; the protocol guard sits in front of Spring's handler
        var interceptors = new ArrayList<HandshakeInterceptor>(
                protocol.initWebSocketHttpRequestHandler(new DefaultHandshakeHandler())
                        .getHandshakeInterceptors());
        interceptors.add(new ConnectionAttributes());
        var requestHandler = new WebSocketHttpRequestHandler(
                new ProtocolGuard(protocol, json, new ConnectionInit(tokens)), new DefaultHandshakeHandler());
        requestHandler.setHandshakeInterceptors(interceptors);
        var mapping = new WebSocketHandlerMapping();
        mapping.setUrlMap(Map.of(PATH, requestHandler));
        mapping.setWebSocketUpgradeMatch(true);
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }

    /** Tomcat's WebSocket limits: a client message above the size limit closes the connection with 1009. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer(SubscriptionProperties settings) {
        var container = new ServletServerContainerFactoryBean();
        int max = (int) settings.maxMessageSize().toBytes();
        container.setMaxTextMessageBufferSize(max);
        container.setMaxBinaryMessageBufferSize(max);
        return container;
    }

    private static CorsConfiguration cors(EdgeProperties edge) {
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(edge.cors().allowedOrigins());
        return cors;
    }
}
