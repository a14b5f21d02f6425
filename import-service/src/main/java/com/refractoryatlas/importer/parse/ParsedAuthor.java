package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.Nullable;

/**
 * A person's name split the way citation styles need it, whatever order the source printed it in.
 *
 * @param family family name with its particles ("van der Wee", "Al-Tamimi", "D'Haens")
 * @param given given names or initials as printed ("Steven T.", "Bart P F"), null when the source gives none
 * @param suffix generational suffix ("Jr.", "III"), null when none
 */
public record ParsedAuthor(
        String family, @Nullable String given, @Nullable String suffix) {}
