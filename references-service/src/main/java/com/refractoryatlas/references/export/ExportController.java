package com.refractoryatlas.references.export;

import com.refractoryatlas.references.reference.Reference;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The export fields of {@code Reference}: rendered from the stored fields, no extra query. */
@Controller
class ExportController {

    private final CitationRenderer renderer;
    private final BibTeXExporter bibtex;
    private final RisExporter ris;

    ExportController(CitationRenderer renderer, BibTeXExporter bibtex, RisExporter ris) {
        this.renderer = renderer;
        this.bibtex = bibtex;
        this.ris = ris;
    }

    /** An explicit {@code style: null} means the schema's default, Vancouver, rather than an internal error. */
    @SchemaMapping(typeName = "Reference")
    String formatted(Reference reference, @Argument @Nullable CitationStyle style) {
        return renderer.render(reference, style == null ? CitationStyle.VANCOUVER : style);
    }

    @SchemaMapping(typeName = "Reference")
    String bibtex(Reference reference) {
        return bibtex.export(reference);
    }

    @SchemaMapping(typeName = "Reference")
    String ris(Reference reference) {
        return ris.export(reference);
    }

    @SchemaMapping(typeName = "Reference")
    Map<String, Object> cslJson(Reference reference) {
        return CslItems.json(reference);
    }
}
