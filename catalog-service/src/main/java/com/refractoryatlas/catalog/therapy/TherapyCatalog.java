package com.refractoryatlas.catalog.therapy;

import com.mongodb.client.model.Filters;
import com.refractoryatlas.catalog.alias.AliasKind;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The therapies as other features see them: batched look-ups by id or alias, and bulk upserts. */
@Service
public class TherapyCatalog {

    private final TherapyRepository therapies;
    private final AliasRegistry aliases;

    TherapyCatalog(TherapyRepository therapies, AliasRegistry aliases) {
        this.therapies = therapies;
        this.aliases = aliases;
    }

    /** The therapy with this id, or else the one owning it as an alias ({@code ect}) or an alias's slug. */
    public Optional<Therapy> resolve(String idOrAlias) {
        var direct = therapies.findById(idOrAlias);
        if (direct.isPresent()) {
            return direct;
        }
        var owner = aliases.ownerOf(AliasKind.THERAPY, idOrAlias);
        return owner == null ? Optional.empty() : therapies.findById(owner);
    }

    public Map<String, Therapy> findAllById(Collection<String> ids) {
        return therapies.findAllById(ids).stream().collect(Collectors.toMap(Therapy::id, Function.identity()));
    }

    /** Upserts each therapy by id in one bulk write (the caller has merged it with what is stored), each
     * only if it is still at the version it was read at: else a {@code WriteConflictException} and the caller merges
     * again. */
    public void saveAll(Collection<Therapy> batch) {
        therapies.saveAll(batch);
    }

    /** Deletes the stored therapy unless another writer changed it since it was read. */
    public void delete(Therapy stored) {
        therapies.delete(stored);
    }

    public long count() {
        return therapies.count(Filters.empty());
    }
}
