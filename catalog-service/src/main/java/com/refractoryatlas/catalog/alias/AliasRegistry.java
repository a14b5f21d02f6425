package com.refractoryatlas.catalog.alias;

import com.refractoryatlas.catalog.naming.Names;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Who owns which alias. Look-ups by alias ({@code condition(id: "trd")}) and the rule that an alias names one
 * condition or one therapy both rest on it; writers check ownership for a whole batch before writing anything.
 */
@Service
public class AliasRegistry {

    private final AliasRepository aliases;

    AliasRegistry(AliasRepository aliases) {
        this.aliases = aliases;
    }

    /** The keys an entity answers to: its id, the slug of its name and the slugs of its aliases. */
    public static Set<String> keysOf(String id, String name, Collection<String> aliases) {
        var keys = new LinkedHashSet<String>();
        keys.add(id);
        keys.add(Names.slug(name));
        aliases.stream().map(Names::slug).forEach(keys::add);
        keys.remove("");
        return Set.copyOf(keys);
    }

    /** The owner of {@code text} read as an alias or an alias's slug, if any. */
    public @Nullable String ownerOf(AliasKind kind, String text) {
        var key = Names.slug(text);
        if (key.isEmpty()) {
            return null;
        }
        return owners(kind, List.of(key)).get(key);
    }

    /** The current owner of each of the given keys that has one, in one query. */
    public Map<String, String> owners(AliasKind kind, Collection<String> keys) {
        var ids = keys.stream().map(key -> AliasEntry.idOf(kind, key)).toList();
        return aliases.findAllById(ids).stream().collect(Collectors.toMap(AliasEntry::key, AliasEntry::ownerId));
    }

    /** Records {@code ownerId} as the owner of the given keys (callers have checked they are free or its own). */
    public void claim(AliasKind kind, String ownerId, Collection<String> keys) {
        claimAll(kind, Map.of(ownerId, keys));
    }

    /**
     * Claims the keys of many owners in one bulk write. A key another owner claimed meanwhile (on any replica) is
     * not taken over: a {@code WriteConflictException}, and the caller checks ownership again.
     */
    public void claimAll(AliasKind kind, Map<String, ? extends Collection<String>> keysByOwner) {
        var entries = keysByOwner.entrySet().stream()
                .flatMap(owner -> owner.getValue().stream()
                        .map(key -> new AliasEntry(AliasEntry.idOf(kind, key), kind.name(), key, owner.getKey())))
                .toList();
        aliases.claimAll(entries);
    }

    /** Frees those of the given keys that {@code ownerId} owns. */
    public void release(AliasKind kind, String ownerId, Collection<String> keys) {
        aliases.deleteOwned(
                kind,
                ownerId,
                keys.stream().map(key -> AliasEntry.idOf(kind, key)).toList());
    }

    public void releaseAll(AliasKind kind, String ownerId) {
        aliases.deleteAllOwnedBy(kind, ownerId);
    }

    /** Hands every alias of {@code fromOwnerId} to {@code toOwnerId}, as a merge does. */
    public void transfer(AliasKind kind, String fromOwnerId, String toOwnerId) {
        aliases.transfer(kind, fromOwnerId, toOwnerId);
    }
}
