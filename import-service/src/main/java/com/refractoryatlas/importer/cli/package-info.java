/** The command-line folder import: submits files to a running import service and shows progress and a summary. */
@NullMarked
package com.refractoryatlas.importer.cli;

import org.jspecify.annotations.NullMarked;
