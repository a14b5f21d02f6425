package com.refractoryatlas.importer.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the {@link RunningSystem} once for all test classes that use it and stops it (killing the service processes)
 * when the whole test run ends. Skips the tests, with the reason, when the service jars have not been built.
 */
public final class RunningSystemExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        var missing = RunningSystem.missingJars();
        assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElse(""));
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(
                        RunningSystem.class.getName(), key -> new Resource(RunningSystem.get()), Resource.class);
    }

    private record Resource(RunningSystem system) implements AutoCloseable {
        @Override
        public void close() {
            system.shutdownNow();
        }
    }
}
