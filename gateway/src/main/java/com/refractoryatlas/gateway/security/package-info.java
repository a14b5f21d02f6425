/**
 * Who may do what through the gateway: bearer JWT authentication, role checks on mutations, and the abuse limits
 * every operation passes before the federation engine sees it.
 */
@NullMarked
package com.refractoryatlas.gateway.security;

import org.jspecify.annotations.NullMarked;
