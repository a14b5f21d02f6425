package com.refractoryatlas.catalog.term;

import com.refractoryatlas.catalog.CatalogProperties;
import com.refractoryatlas.catalog.alias.AliasKind;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;

/** The conditions: the shared term look-ups, plus the conditions an article discusses. */
@Service
public final class ConditionCatalog extends TermCatalog<Condition> {

    private final ConditionRepository conditions;

    ConditionCatalog(ConditionRepository conditions, AliasRegistry aliases, CatalogProperties properties) {
        super(conditions, aliases, AliasKind.CONDITION, properties);
        this.conditions = conditions;
    }

    /** The conditions that name any of the given articles as a source, in one query. */
    public List<Condition> discussedIn(Collection<String> articleIds) {
        return conditions.findByArticleIds(articleIds);
    }
}
