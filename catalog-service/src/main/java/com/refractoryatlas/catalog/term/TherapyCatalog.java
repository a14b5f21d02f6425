package com.refractoryatlas.catalog.term;

import com.refractoryatlas.catalog.CatalogProperties;
import com.refractoryatlas.catalog.alias.AliasKind;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import org.springframework.stereotype.Service;

/** The therapies: the shared term look-ups in the therapy alias namespace. */
@Service
public final class TherapyCatalog extends TermCatalog<Therapy> {

    TherapyCatalog(TherapyRepository therapies, AliasRegistry aliases, CatalogProperties properties) {
        super(therapies, aliases, AliasKind.THERAPY, properties);
    }
}
