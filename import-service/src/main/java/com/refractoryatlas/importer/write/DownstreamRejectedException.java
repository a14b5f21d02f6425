package com.refractoryatlas.importer.write;

/**
 * The service answered and refused the write (a GraphQL error such as {@code BAD_USER_INPUT}): trying again would
 * give the same answer, so the job fails.
 */
public class DownstreamRejectedException extends RuntimeException {

    private final String service;
    private final String code;

    public DownstreamRejectedException(String service, String code, String message) {
        super(service + " rejected the write (" + code + "): " + message);
        this.service = service;
        this.code = code;
    }

    public String service() {
        return service;
    }

    public String code() {
        return code;
    }
}
