package com.refractoryatlas.systemtests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link AtlasSystem} once for the whole test run (kept in the root context's store, so every test class
 * shares it and JUnit closes it after the last one) and injects it into test methods and constructors. When the
 * service jars are not built the tests are skipped with a message saying how to build them; when the system fails to
 * start, every test fails with the reason and the end of the failing process's log.
 */
final class AtlasSystemExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AtlasSystemExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        system(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AtlasSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return system(context);
    }

    static AtlasSystem system(ExtensionContext context) {
        var settings = AtlasSystem.Settings.fromSystemProperties();
        var missing = settings.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
        var holder = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Holder.class, type -> new Holder(settings), Holder.class);
        return holder.system();
    }

    /** Remembers a failed start so that it is reported once per test instead of retried for every class. */
    private static final class Holder implements AutoCloseable {

        private final AtlasSystem system;
        private final RuntimeException failure;

        Holder(AtlasSystem.Settings settings) {
            var candidate = new AtlasSystem(settings);
            RuntimeException error = null;
            try {
                candidate.start();
            } catch (RuntimeException e) {
                error = e;
            }
            this.system = candidate;
            this.failure = error;
        }

        AtlasSystem system() {
            if (failure != null) {
                throw new IllegalStateException(
                        "The system under test did not start: " + failure.getMessage(), failure);
            }
            return system;
        }

        @Override
        public void close() {
            system.close();
        }
    }
}
