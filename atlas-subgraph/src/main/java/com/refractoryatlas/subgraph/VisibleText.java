package com.refractoryatlas.subgraph;

/**
 * The one rule for which characters stored text may hold, shared by the service that refuses the others (the
 * catalog's input rules) and the service that must send text it will accept (the importer fitting extracted values):
 * no control characters (line breaks and tabs only in prose), no format characters (bidi overrides and isolates,
 * zero-width spaces and joiners, the BOM, soft hyphens), no lone surrogates.
 */
public final class VisibleText {

    private VisibleText() {}

    /** Whether {@code codePoint} may stand in a name ({@code prose} false) or in prose ({@code prose} true). */
    public static boolean allowed(int codePoint, boolean prose) {
        if (prose && (codePoint == '\n' || codePoint == '\t' || codePoint == '\r')) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE;
    }
}
