package com.refractoryatlas.importer.extract;

/** The contract's {@code Specialty} enum, by value, so that extracted conditions map one to one. */
public enum Specialty {
    PSYCHIATRY,
    NEUROLOGY,
    RHEUMATOLOGY,
    GASTROENTEROLOGY,
    ONCOLOGY,
    HEMATOLOGY,
    OPHTHALMOLOGY,
    CRITICAL_CARE,
    PULMONOLOGY,
    NEPHROLOGY,
    CARDIOLOGY,
    INFECTIOUS_DISEASE,
    PAIN_MEDICINE,
    UROLOGY,
    IMMUNOLOGY,
    OTHER
}
