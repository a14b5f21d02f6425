package com.refractoryatlas.importer.write;

/**
 * A write could not be made because the service is unreachable, slow, failing or behind an open circuit. Nothing
 * about the document is wrong: the job waits and tries again.
 */
public class DownstreamUnavailableException extends RuntimeException {

    private final String service;

    public DownstreamUnavailableException(String service, String message, Throwable cause) {
        super(service + ": " + message, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
