/** Whole-system tests: the built service jars run as separate processes on loopback, driven over HTTP. */
@NullMarked
package com.refractoryatlas.systemtests;

import org.jspecify.annotations.NullMarked;
