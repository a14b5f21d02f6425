package com.refractoryatlas.importer.parse;

/**
 * One headed part of a document body; paragraphs are separated by a blank line and emphasis markers removed.
 *
 * @param heading as printed, without markdown markers
 */
public record Section(String heading, String text) {}
