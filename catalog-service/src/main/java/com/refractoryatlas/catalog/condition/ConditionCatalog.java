package com.refractoryatlas.catalog.condition;

import com.mongodb.client.model.Filters;
import com.refractoryatlas.catalog.alias.AliasKind;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The conditions as other features see them: batched look-ups by id, alias or article, and bulk upserts. */
@Service
public class ConditionCatalog {

    private final ConditionRepository conditions;
    private final AliasRegistry aliases;

    ConditionCatalog(ConditionRepository conditions, AliasRegistry aliases) {
        this.conditions = conditions;
        this.aliases = aliases;
    }

    /** The condition with this id, or else the one owning it as an alias (or an alias's slug). */
    public Optional<Condition> resolve(String idOrAlias) {
        var direct = conditions.findById(idOrAlias);
        if (direct.isPresent()) {
            return direct;
        }
        var owner = aliases.ownerOf(AliasKind.CONDITION, idOrAlias);
        return owner == null ? Optional.empty() : conditions.findById(owner);
    }

    public Map<String, Condition> findAllById(Collection<String> ids) {
        return conditions.findAllById(ids).stream().collect(Collectors.toMap(Condition::id, Function.identity()));
    }

    /** The conditions that name any of the given articles as a source, in one query. */
    public List<Condition> discussedIn(Collection<String> articleIds) {
        return conditions.findByArticleIds(articleIds);
    }

    /** Upserts each condition by id in one bulk write (the caller has merged it with what is stored), each
     * only if it is still at the version it was read at: else a {@code WriteConflictException} and the caller merges
     * again. */
    public void saveAll(Collection<Condition> batch) {
        conditions.saveAll(batch);
    }

    /** Deletes the stored condition unless another writer changed it since it was read. */
    public void delete(Condition stored) {
        conditions.delete(stored);
    }

    public long count() {
        return conditions.count(Filters.empty());
    }
}
