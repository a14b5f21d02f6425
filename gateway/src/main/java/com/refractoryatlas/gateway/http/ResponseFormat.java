package com.refractoryatlas.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The two response media types of GraphQL over HTTP. With {@code application/graphql-response+json} the status
 * code tells whether the request was executed; with {@code application/json} (for older clients) a well-formed
 * request always gets 200.
 */
enum ResponseFormat {
    GRAPHQL_RESPONSE_JSON(new MediaType("application", "graphql-response+json", StandardCharsets.UTF_8)),
    JSON(new MediaType("application", "json", StandardCharsets.UTF_8));

    private final MediaType mediaType;

    ResponseFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * The format for an {@code Accept} header: the most preferred acceptable one; {@code application/json} when
     * the client accepts anything or sent no header; empty when nothing acceptable is offered.
     */
    static Optional<ResponseFormat> negotiate(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return Optional.of(JSON);
        }
        accepted = accepted.stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .toList();
        for (MediaType type : accepted) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                if (type.includes(JSON.mediaType)) {
                    return Optional.of(JSON);
                }
                continue;
            }
            for (ResponseFormat format : values()) {
                if (format.mediaType.isCompatibleWith(type) && charsetAcceptable(type)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean charsetAcceptable(MediaType type) {
        var charset = type.getParameter("charset");
        return charset == null || charset.equalsIgnoreCase("utf-8");
    }
}
