package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Controller;

class ControllerThreadTests {

    private static final String SCHEMA = "type Query { items: [Item!]! } type Item { name: String! label: String! }";

    @Test
    void queryAndBatchMethodsRunOnTheCallingThreadThoughAnExecutorIsSet() {
        var answer = execute(true);

        assertThat(answer.result()).isEqualTo(Map.of("items", List.of(Map.of("name", "a", "label", "A"))));
        assertThat(answer.executorUses()).isZero();
        assertThat(answer.threads()).containsOnlyKeys("items", "label").containsValues(Thread.currentThread());
    }

    @Test
    void withoutItTheSameMethodsGoToTheExecutor() {
        var answer = execute(false);

        assertThat(answer.result()).isEqualTo(Map.of("items", List.of(Map.of("name", "a", "label", "A"))));
        assertThat(answer.executorUses()).isEqualTo(2);
        assertThat(answer.threads().values()).doesNotContain(Thread.currentThread());
    }

    private record Answer(Object result, int executorUses, Map<String, Thread> threads) {}

    private static Answer execute(boolean onRequestThread) {
        try (var context = new AnnotationConfigApplicationContext()) {
            if (onRequestThread) {
                context.getBeanFactory()
                        .addBeanPostProcessor(SubgraphAutoConfiguration.controllerMethodsOnRequestThread());
            }
            context.register(Wiring.class);
            context.refresh();
            var configurer = context.getBean(AnnotatedControllerConfigurer.class);
            var source = GraphQlSource.schemaResourceBuilder()
                    .schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8)))
                    .configureRuntimeWiring(configurer)
                    .build();
            var service = new DefaultExecutionGraphQlService(source);
            service.addDataLoaderRegistrar(context.getBean(BatchLoaderRegistry.class));
            var request =
                    new DefaultExecutionGraphQlRequest("{ items { name label } }", null, null, null, "1", Locale.ROOT);
            var response = service.execute(request).block();
            assertThat(response.getErrors()).isEmpty();
            var wiring = context.getBean(Wiring.class);
            return new Answer(response.getData(), wiring.executorUses.get(), context.getBean(Items.class).threads);
        }
    }

    record Item(String name) {}

    @Controller
    static class Items {

        final Map<String, Thread> threads = new ConcurrentHashMap<>();

        @QueryMapping
        List<Item> items() {
            threads.put("items", Thread.currentThread());
            return List.of(new Item("a"));
        }

        @BatchMapping
        Map<Item, String> label(List<Item> items) {
            threads.put("label", Thread.currentThread());
            return items.stream().collect(Collectors.toMap(Function.identity(), item -> item.name()
                    .toUpperCase(Locale.ROOT)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        final AtomicInteger executorUses = new AtomicInteger();

        @Bean
        Items items() {
            return new Items();
        }

        @Bean
        BatchLoaderRegistry batchLoaderRegistry() {
            return new DefaultBatchLoaderRegistry();
        }

        @Bean
        AnnotatedControllerConfigurer annotatedControllerConfigurer() {
            var configurer = new AnnotatedControllerConfigurer();
            var threads = Executors.newVirtualThreadPerTaskExecutor();
            Executor counting = task -> {
                executorUses.incrementAndGet();
                threads.execute(task);
            };
            configurer.setExecutor(counting);
            return configurer;
        }
    }
}
