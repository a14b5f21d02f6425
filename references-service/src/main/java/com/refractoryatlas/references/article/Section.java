package com.refractoryatlas.references.article;

/** A headed part of an article's body text, kept in document order. */
public record Section(String heading, String text) {}
