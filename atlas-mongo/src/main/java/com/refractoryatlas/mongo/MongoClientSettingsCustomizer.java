package com.refractoryatlas.mongo;

import com.mongodb.MongoClientSettings;

/** Adds to the driver settings (listeners, pools) without replacing the connection choice. */
@FunctionalInterface
public interface MongoClientSettingsCustomizer {
    void customize(MongoClientSettings.Builder builder);
}
