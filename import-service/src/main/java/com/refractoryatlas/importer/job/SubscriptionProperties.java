package com.refractoryatlas.importer.job;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The budget of {@code Subscription.importJobUpdated} in one service instance: the jobs followed are read back from
 * MongoDB (the worker running a job may be another replica), so each knob bounds what the followers cost the database
 * and this process.
 *
 * @param pollInterval how often the followed jobs are read again, all in one query
 * @param maxPerProcess how many subscriptions this instance serves at once
 * @param maxPerUser how many subscriptions one user (the gateway's user id) holds at once in this instance
 * @param maxLifetime after this long a subscription completes, whatever the job's state (subscribe again to follow on)
 */
@ConfigurationProperties("atlas.import.subscriptions")
@Validated
record SubscriptionProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("1000") @Min(1) int maxPerProcess,
        @DefaultValue("20") @Min(1) int maxPerUser,
        @DefaultValue("1h") Duration maxLifetime) {}
