package com.refractoryatlas.references.reference;

import org.jspecify.annotations.Nullable;

/**
 * A person credited on a work, with family name, given names and generational suffix kept apart so that exports can
 * render each style's own order ("Zarate CA Jr" in Vancouver, "Zarate, C. A., Jr." in APA).
 */
public record Author(
        String family, @Nullable String given, @Nullable String suffix) {}
