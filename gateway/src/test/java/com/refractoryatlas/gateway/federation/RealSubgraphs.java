package com.refractoryatlas.gateway.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The services' own schema files ({@code src/main/resources/graphql/*.graphqls}), one SDL per subgraph. */
final class RealSubgraphs {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private RealSubgraphs() {}

    static List<SubgraphSdl> sdls() {
        return List.of(
                sdl("catalog", "catalog-service"),
                sdl("references", "references-service"),
                sdl("import", "import-service"));
    }

    static Supergraph composed() {
        var result = new Composer().compose(sdls());
        if (result instanceof CompositionResult.Failed failed) {
            throw new AssertionError("the real subgraph schemas do not compose: " + failed.errors());
        }
        return ((CompositionResult.Composed) result).supergraph();
    }

    private static SubgraphSdl sdl(String name, String module) {
        var dir = REPO.resolve(module).resolve("src/main/resources/graphql");
        try (Stream<Path> files = Files.list(dir)) {
            var sdl = files.filter(file -> file.toString().endsWith(".graphqls"))
                    .sorted()
                    .map(RealSubgraphs::read)
                    .collect(Collectors.joining("\n"));
            return new SubgraphSdl(name, sdl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
