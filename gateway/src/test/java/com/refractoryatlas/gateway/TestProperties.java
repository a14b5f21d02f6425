package com.refractoryatlas.gateway;

import com.refractoryatlas.gateway.edge.EdgeProperties;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link EdgeProperties} bound the way Spring binds them, from defaults plus the given overrides. */
public final class TestProperties {

    private TestProperties() {}

    public static EdgeProperties edge(Map<String, String> overrides) {
        return new Binder(new MapConfigurationPropertySource(overrides))
                .bindOrCreate("atlas.gateway.edge", EdgeProperties.class);
    }
}
