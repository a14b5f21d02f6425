package com.refractoryatlas.k8s;

/**
 * One broken invariant.
 *
 * @param rule the invariant
 * @param object the object breaking it, as {@code Kind/name}
 * @param message what is wrong, for the operator reading the test report
 */
record Violation(Rule rule, String object, String message) {

    @Override
    public String toString() {
        return rule + " " + object + ": " + message;
    }
}
