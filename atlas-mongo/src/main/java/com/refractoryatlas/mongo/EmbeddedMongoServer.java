package com.refractoryatlas.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server (mongo-java-server) on loopback, and only there: it has no authentication and answers every
 * command of anyone who reaches it, so it refuses any other address; outside the local stack a real MongoDB with
 * authentication ({@code MONGODB_URI}) is required. With a file it persists through restarts (H2 MVStore);
 * without one it keeps everything in memory. Also runnable on its own, as one server shared by several services
 * ({@link #main}).
 *
 * <p>Each write command runs alone on this server, and reads see whole documents. mongo-java-server finds the documents
 * a write matches and then writes them without holding anything in between, so two conditional replaces (on
 * {@code _id} and version) could both match the same version; and it changes a stored document in place, field by
 * field, while a concurrent read may be encoding that very document, so a reader could see the new version with the
 * old content and, writing back at that version, overwrite an update. A real MongoDB's single-document atomicity
 * rules out both, and the versioned writes ({@link VersionedWrites}) rely on it: {@link CommandIsolation} (a
 * read-write lock per collection, reads answered with copies) gives the same guarantee here. A real MongoDB needs
 * nothing of the sort.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final @Nullable Path file;

    private EmbeddedMongoServer(MongoBackend backend, @Nullable Path file, String host, int port) {
        this.server = new MongoServer(backend);
        server.bind(host, port);
        this.address = server.getLocalAddress();
        this.file = file;
    }

    /** An in-memory server on a free loopback port. */
    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(memoryBackend(), null, "127.0.0.1", 0);
    }

    private static MongoBackend memoryBackend() {
        return new MemoryBackend() {
            private final CommandIsolation isolation = new CommandIsolation();

            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return isolation.run(
                        database, command, query, () -> super.handleCommand(channel, database, command, query));
            }
        };
    }

    private static MongoBackend fileBackend(Path file) {
        return new H2Backend(file.toString()) {
            private final CommandIsolation isolation = new CommandIsolation();

            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return isolation.run(
                        database, command, query, () -> super.handleCommand(channel, database, command, query));
            }
        };
    }

    /** A server persisting to {@code file} (created with its folder when missing) on {@code host:port}. */
    public static EmbeddedMongoServer persistent(Path file, String host, int port) {
        requireLoopback(host);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder for " + file, e);
        }
        var server = new EmbeddedMongoServer(fileBackend(file), file, host, port);
        log.info("Embedded MongoDB-wire server at {} persisting to {}", server.connectionString(), file);
        return server;
    }

    /** Refuses a host that is not a loopback address (a name resolving to one, such as {@code localhost}, is fine). */
    static void requireLoopback(String host) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalArgumentException("The embedded MongoDB-wire server has no authentication and binds to"
                    + " loopback only, not '" + host + "'; outside the local stack set MONGODB_URI to a MongoDB with"
                    + " authentication");
        }
    }

    /** The connection string clients use to reach this server. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    public @Nullable Path file() {
        return file;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /**
     * Runs one server for several processes, e.g. the system tests: {@code EmbeddedMongoServer <port> [file]}. Without
     * a file the data lives in memory.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
        var server = args.length > 1
                ? persistent(Path.of(args[1]), "127.0.0.1", port)
                : new EmbeddedMongoServer(memoryBackend(), null, "127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("embedded MongoDB-wire server listening at " + server.connectionString());
        Thread.currentThread().join();
    }
}
