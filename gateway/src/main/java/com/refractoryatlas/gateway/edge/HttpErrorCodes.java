package com.refractoryatlas.gateway.edge;

/** The {@code extensions.code} and message for an HTTP status answered outside GraphQL (container, routing). */
public final class HttpErrorCodes {

    private HttpErrorCodes() {}

    public static String code(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 431 -> "REQUEST_HEADERS_TOO_LARGE";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_SERVER_ERROR" : "HTTP_" + status;
        };
    }

    public static String message(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "Nothing here; GraphQL is served at /graphql";
            case 405 -> "The method is not allowed here; /graphql takes GET and POST";
            case 413 -> "The request is too large";
            case 414 -> "The request URI is too long";
            case 431 -> "The request headers are too large";
            default -> status >= 500 ? "The gateway failed to answer" : "The request was refused (HTTP " + status + ")";
        };
    }
}
