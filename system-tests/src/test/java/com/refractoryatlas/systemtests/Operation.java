package com.refractoryatlas.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * One operation of the corpus under {@code src/test/resources/operations/}: {@code <name>.graphql}, optionally
 * {@code <name>.variables.json} and {@code <name>.operation-name.txt}. Names starting with {@code error-} are
 * operations that must fail (wholly or partly).
 */
record Operation(
        String name,
        String query,
        Map<String, Object> variables,
        @Nullable String operationName) {

    boolean expectsErrors() {
        return name.startsWith("error-");
    }

    static List<Operation> corpus() {
        try {
            var url = Operation.class.getClassLoader().getResource("operations");
            if (url == null) {
                throw new IllegalStateException("no operations/ on the test classpath");
            }
            var dir = Path.of(url.toURI());
            try (var files = Files.list(dir)) {
                return files.filter(file -> file.toString().endsWith(".graphql"))
                        .sorted()
                        .map(Operation::load)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Operation named(String name) {
        return corpus().stream()
                .filter(op -> op.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + name));
    }

    private static Operation load(Path file) {
        var name = file.getFileName().toString().replaceFirst("\\.graphql$", "");
        var variablesFile = file.resolveSibling(name + ".variables.json");
        var operationFile = file.resolveSibling(name + ".operation-name.txt");
        Map<String, Object> variables = Files.exists(variablesFile)
                ? GraphQl.JSON.readValue(GraphQl.read(variablesFile), new TypeReference<Map<String, Object>>() {})
                : Map.of();
        var operationName =
                Files.exists(operationFile) ? GraphQl.read(operationFile).strip() : null;
        return new Operation(name, GraphQl.read(file), variables, operationName);
    }

    GraphQl.Response sendTo(GraphQl client) {
        return client.query(query, variables, operationName);
    }

    @Override
    public String toString() {
        return name;
    }
}
