package com.refractoryatlas.importer.job;

import com.refractoryatlas.subgraph.ApiException;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * {@code Subscription.importJobUpdated}: the job's state at once, then its changes as {@link JobUpdates} reads them
 * from MongoDB, until it is finished. The gateway reaches it over GraphQL over SSE (Spring for GraphQL's SSE handler
 * on {@code POST /graphql} with {@code Accept: text/event-stream}), with the internal credential and the user's
 * roles and id, as every other request.
 */
@Controller
class ImportJobSubscriptionController {

    private static final String FIELD = "importJobUpdated";

    private final ImportJobs jobs;
    private final JobUpdates updates;

    ImportJobSubscriptionController(ImportJobs jobs, JobUpdates updates) {
        this.jobs = jobs;
        this.updates = updates;
    }

    /**
     * Checked before the stream starts, so that an unknown or hidden job, or a budget in use, is the subscription's
     * one error: a job the caller may not see is answered exactly as one that does not exist.
     */
    @SubscriptionMapping
    Flux<ImportJob> importJobUpdated(@Argument String id, GraphQLContext context) {
        var viewer = ImportJobController.viewer(context);
        try {
            var job = jobs.find(id).filter(viewer::sees).orElseThrow(() -> ApiException.notFound("Import job"));
            return updates.follow(job, UserIdInterceptor.userOf(context));
        } catch (ApiException refused) {
            return Flux.error(refusal(refused));
        }
    }

    /**
     * The refusal as the stream's error rather than thrown: Spring for GraphQL's SSE handler answers a subscription
     * that fails before it has a stream with a generic "SSE handler supports only subscriptions", losing the code.
     */
    private static SubscriptionPublisherException refusal(ApiException refused) {
        var error = GraphqlErrorBuilder.newError()
                .message(refused.getMessage())
                .errorType(refused.code().classification())
                .path(List.of(FIELD))
                .extensions(refused.extensions())
                .build();
        return new SubscriptionPublisherException(List.of(error), refused);
    }
}
