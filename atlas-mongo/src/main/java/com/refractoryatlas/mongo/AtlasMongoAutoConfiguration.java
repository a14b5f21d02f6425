package com.refractoryatlas.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import java.util.concurrent.TimeUnit;
import org.bson.UuidRepresentation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that decides which MongoDB a service talks to: {@code atlas.mongo.uri} when set, else an embedded
 * MongoDB-wire server (file-backed under {@code atlas.mongo.embedded.data-dir}, or in memory for tests).
 */
@AutoConfiguration
@EnableConfigurationProperties(AtlasMongoProperties.class)
public class AtlasMongoAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EmbeddedMongoHolder embeddedMongoHolder(AtlasMongoProperties properties) {
        if (!properties.useEmbedded()) {
            return new EmbeddedMongoHolder(null);
        }
        var embedded = properties.embedded();
        var server =
                switch (embedded.storage()) {
                    case MEMORY -> EmbeddedMongoServer.inMemory();
                    case FILE ->
                        EmbeddedMongoServer.persistent(
                                embedded.dataDir().resolve(properties.database() + ".mv"), "127.0.0.1", 0);
                };
        return new EmbeddedMongoHolder(server);
    }

    @Bean
    @ConditionalOnMissingBean
    MongoCommandCounter mongoCommandCounter() {
        return new MongoCommandCounter();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MongoClient mongoClient(
            AtlasMongoProperties properties,
            EmbeddedMongoHolder embedded,
            MongoCommandCounter counter,
            ObjectProvider<MongoClientSettingsCustomizer> customizers) {
        var uri = embedded.server() != null ? embedded.server().connectionString() : properties.uri();
        var builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .addCommandListener(counter);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return MongoClients.create(builder.build());
    }

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, AtlasMongoProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "mongoHealthIndicator")
        MongoHealthIndicator mongoHealthIndicator(MongoDatabase database) {
            return new MongoHealthIndicator(database);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        MongoClientSettingsCustomizer mongoMetrics(ObjectProvider<MeterRegistry> registry) {
            return builder ->
                    registry.ifAvailable(meters -> builder.addCommandListener(new MongoMetricsCommandListener(meters))
                            .applyToConnectionPoolSettings(pool ->
                                    pool.addConnectionPoolListener(new MongoMetricsConnectionPoolListener(meters))));
        }
    }

    /** Keeps the embedded server's lifecycle tied to the context: it stops after the client closes. */
    public record EmbeddedMongoHolder(@Nullable EmbeddedMongoServer server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
