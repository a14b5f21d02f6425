package com.refractoryatlas.importer.extract;

/**
 * The contract's {@code TreatmentRole} enum, by value. Declared strongest first: when one pairing is stated with
 * several roles, the earliest constant wins.
 */
public enum TreatmentRole {
    GOLD_STANDARD,
    SALVAGE,
    RESCUE,
    AUGMENTATION,
    SURGICAL,
    SUPPORTIVE,
    EMERGING,
    STANDARD,
    UNSPECIFIED
}
