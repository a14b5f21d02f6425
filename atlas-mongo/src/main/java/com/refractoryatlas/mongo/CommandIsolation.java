package com.refractoryatlas.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the embedded server needs to keep a real MongoDB's single-document guarantees: each collection under a
 * read-write lock, a write to it alone, reads of it together, and reads answered with copies. mongo-java-server finds
 * the documents a write matches and then writes them without holding anything in between, and changes a stored
 * document in place, field by field, while a concurrent read may still be encoding that very object. Collections are
 * locked apart, so a long write to one (an article with a thousand references) never holds up reads of another (the
 * import jobs, a health check). Commands that touch no documents take no lock; any command this class does not know,
 * or an aggregation that reaches other collections or writes ({@code $lookup}, {@code $unionWith}, {@code $out},
 * {@code $merge}), runs alone on the whole server.
 */
final class CommandIsolation {

    /** Commands naming one collection (the value of the command key) that only read it; {@code getMore} names it apart. */
    private static final Set<String> COLLECTION_READS =
            Set.of("find", "getmore", "count", "distinct", "aggregate", "listindexes", "collstats");

    private static final Set<String> COLLECTION_WRITES =
            Set.of("insert", "update", "delete", "findandmodify", "createindexes", "dropindexes");

    /** Commands about the server or the session, or metadata only: no documents. */
    private static final Set<String> NO_DOCUMENTS = Set.of(
            "hello",
            "ismaster",
            "ping",
            "buildinfo",
            "serverstatus",
            "endsessions",
            "killcursors",
            "getparameter",
            "getcmdlineopts",
            "hostinfo",
            "whatsmyuri",
            "connectionstatus",
            "listdatabases",
            "listcollections",
            "dbstats");

    private static final Set<String> CROSS_COLLECTION_STAGES = Set.of("$lookup", "$unionWith", "$out", "$merge");

    private final ReentrantReadWriteLock server = new ReentrantReadWriteLock();
    private final Map<String, ReentrantReadWriteLock> collections = new ConcurrentHashMap<>();

    Document run(String database, String command, Document query, Supplier<Document> handler) {
        var name = command.toLowerCase(Locale.ROOT);
        if (NO_DOCUMENTS.contains(name)) {
            return handler.get();
        }
        var collection = collectionOf(name, command, query);
        boolean read = COLLECTION_READS.contains(name) && !crossCollection(name, query);
        if (collection == null || !(read || COLLECTION_WRITES.contains(name))) {
            return locked(server.writeLock(), handler);
        }
        var lock = collections.computeIfAbsent(database + "." + collection, key -> new ReentrantReadWriteLock());
        server.readLock().lock();
        try {
            return read
                    ? locked(lock.readLock(), () -> handler.get().cloneDeeply())
                    : locked(lock.writeLock(), handler);
        } finally {
            server.readLock().unlock();
        }
    }

    private static Document locked(Lock lock, Supplier<Document> handler) {
        lock.lock();
        try {
            return handler.get();
        } finally {
            lock.unlock();
        }
    }

    private static @Nullable String collectionOf(String name, String command, Document query) {
        var value = name.equals("getmore") ? query.get("collection") : query.get(command);
        return value instanceof String collection && !collection.isEmpty() ? collection : null;
    }

    private static boolean crossCollection(String name, Document query) {
        if (!name.equals("aggregate")) {
            return false;
        }
        var pipeline = String.valueOf(query.get("pipeline"));
        return CROSS_COLLECTION_STAGES.stream().anyMatch(pipeline::contains);
    }
}
