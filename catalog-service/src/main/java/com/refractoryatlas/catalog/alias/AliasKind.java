package com.refractoryatlas.catalog.alias;

/** The namespaces aliases live in: a condition and a therapy may share an alias, two conditions may not. */
public enum AliasKind {
    CONDITION,
    THERAPY
}
