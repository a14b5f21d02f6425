package com.refractoryatlas.catalog.term;

import com.refractoryatlas.catalog.CatalogProperties;
import com.refractoryatlas.catalog.alias.AliasKind;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.Connection;
import com.refractoryatlas.subgraph.Cursor;
import com.refractoryatlas.subgraph.PageRequest;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One kind of term as other features see it: look-up by id or alias, batched look-ups, filtered pages, versioned
 * writes. {@link ConditionCatalog} and {@link TherapyCatalog} are this with their alias namespace and collection.
 *
 * @param <T> the term type
 */
public abstract sealed class TermCatalog<T extends CuratedTerm<T>> permits ConditionCatalog, TherapyCatalog {

    private final CuratedTermRepository<T> terms;
    private final AliasRegistry aliases;
    private final AliasKind kind;
    private final int maxTextLength;

    TermCatalog(CuratedTermRepository<T> terms, AliasRegistry aliases, AliasKind kind, CatalogProperties properties) {
        this.terms = terms;
        this.aliases = aliases;
        this.kind = kind;
        this.maxTextLength = properties.limits().nameLength();
    }

    /** The alias namespace of this kind of term. */
    public AliasKind aliasKind() {
        return kind;
    }

    /** The term with this id, or else the one owning it as an alias (or an alias's slug). */
    public Optional<T> resolve(String idOrAlias) {
        var direct = terms.findById(idOrAlias);
        if (direct.isPresent()) {
            return direct;
        }
        var owner = aliases.ownerOf(kind, idOrAlias);
        return owner == null ? Optional.empty() : terms.findById(owner);
    }

    public Map<String, T> findAllById(Collection<String> ids) {
        return terms.findAllById(ids).stream().collect(Collectors.toMap(T::id, Function.identity()));
    }

    /**
     * One Relay page of the terms matching {@code filter} in id order.
     *
     * @param counted whether to count every match for {@code totalCount} (one more query); when false, because the
     *     operation does not select it, the connection's {@code totalCount} is 0 and must not be shown
     */
    public Connection<T> page(TermFilter filter, PageRequest page, boolean counted) {
        var text = filter.text();
        if (text != null && text.length() > maxTextLength) {
            throw ApiException.badUserInput("filter.text", "must be at most " + maxTextLength + " characters");
        }
        return Connection.of(
                terms.page(filter, page), page, term -> Cursor.encode(term.id()), counted ? terms.count(filter) : 0);
    }

    /**
     * Upserts each term by id in one bulk write (the caller has merged it with what is stored), each only if it is
     * still at the version it was read at: else a {@code WriteConflictException} and the caller merges again.
     */
    public void saveAll(Collection<T> batch) {
        terms.saveAll(batch);
    }

    /** Deletes the stored term unless another writer changed it since it was read. */
    public void delete(T stored) {
        terms.delete(stored);
    }

    public long count() {
        return terms.count(TermFilter.none());
    }
}
