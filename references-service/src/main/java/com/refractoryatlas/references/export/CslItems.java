package com.refractoryatlas.references.export;

import com.refractoryatlas.references.reference.Reference;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;

/** Maps a stored reference to CSL item data, the input of every CSL processor (and of CSL-JSON). */
final class CslItems {

    private CslItems() {}

    static CSLItemData of(Reference reference) {
        var names = reference.authors().stream()
                .map(author -> new CSLNameBuilder()
                        .family(author.family())
                        .given(author.given())
                        .suffix(author.suffix())
                        .build())
                .toArray(CSLName[]::new);
        var builder = new CSLItemDataBuilder()
                .id(reference.id())
                .type(CSLType.ARTICLE_JOURNAL)
                .title(reference.title())
                .author(names)
                .containerTitle(reference.journal())
                .volume(reference.volume())
                .issue(reference.issue())
                .page(reference.pages())
                .DOI(reference.doi());
        if (reference.year() != null) {
            builder.issued(reference.year());
        }
        return builder.build();
    }
}
