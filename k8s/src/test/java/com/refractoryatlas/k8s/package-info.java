/** Renders the Kustomize overlays and checks that what would reach a cluster keeps the deployment invariants. */
@NullMarked
package com.refractoryatlas.k8s;

import org.jspecify.annotations.NullMarked;
