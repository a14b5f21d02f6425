package com.refractoryatlas.catalog.term;

import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.mongo.Versioned;
import java.util.List;
import java.util.Set;

/**
 * A named entry of the curated vocabulary. Conditions and therapies are found the same way (by id, alias or word
 * prefix of either), so everything that finds, pages and writes them works on this.
 *
 * @param <T> the term type itself
 */
public sealed interface CuratedTerm<T extends CuratedTerm<T>> extends Versioned<T> permits Condition, Therapy {

    /** The stored field of the derived search tokens. */
    String SEARCH_TOKENS = "searchTokens";

    String name();

    List<String> aliases();

    /** The word tokens of the name and aliases, derived, never set by hand: what text filters search. */
    List<String> searchTokens();

    /** The keys the term answers to in the alias registry: its id, the slug of its name and of each alias. */
    default Set<String> aliasKeys() {
        return AliasRegistry.keysOf(id(), name(), aliases());
    }
}
