/** Which format a document is in, found from its content; a media type or file name only breaks ties. */
@NullMarked
package com.refractoryatlas.importer.parse.format;

import org.jspecify.annotations.NullMarked;
