/**
 * Reads JATS 1.x and NLM 2.x/3.x article XML (PubMed Central, eLife, publishers) with StAX into a journal article,
 * without ever reading a DTD or an external entity; also holds the safe XML plumbing the other XML readers share.
 */
@NullMarked
package com.refractoryatlas.importer.parse.jats;

import org.jspecify.annotations.NullMarked;
