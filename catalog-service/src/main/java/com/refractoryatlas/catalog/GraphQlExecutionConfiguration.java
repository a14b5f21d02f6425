package com.refractoryatlas.catalog;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * Runs controller methods on the request's own thread (already a virtual thread). Handing each blocking method to
 * the task executor lets a field register its DataLoader keys after the level was dispatched, which splits one batch
 * into two queries at random; the batching guarantee (N items, constant queries) needs the keys of a level gathered
 * before dispatch.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlExecutionConfiguration {

    @Bean
    static BeanPostProcessor controllersOnTheRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer configurer) {
                    configurer.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }
}
