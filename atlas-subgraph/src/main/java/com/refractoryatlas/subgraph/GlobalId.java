package com.refractoryatlas.subgraph;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Relay global object id ({@code Node.nodeId}): the unpadded base64url of {@code <Typename>:<key>}, where the key is
 * the entity's own {@code id} (its federation key, e.g. the condition slug {@code depression} or the article id
 * {@code doi:10.1/x}). Every entity of the supergraph is keyed by that one {@code id} field, so the key needs no
 * further encoding: the type name ends at the first colon, and the key (which may contain colons) is the rest.
 *
 * <p>Every subgraph computes {@code nodeId} with this class, so an id one subgraph hands out is the id another decodes.
 * Decoding is strict, since the id is client input: canonical unpadded base64url only (no padding, no other alphabet,
 * no stray bits), valid UTF-8, a type name that looks like a GraphQL name, a non-empty key without control characters,
 * and at most {@value #MAX_LENGTH} characters. Anything else is not an id: {@link #decode} answers empty, which the
 * {@code node} field turns into null as the Relay specification asks for an id it cannot resolve.
 *
 * @param typename the GraphQL type name of the entity, e.g. {@code Condition}
 * @param key the entity's {@code id}
 */
public record GlobalId(String typename, String key) {

    /** The longest id accepted, in characters (a key of about 750 bytes): longer input is refused before decoding. */
    public static final int MAX_LENGTH = 1024;

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][_0-9A-Za-z]{0,63}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    public GlobalId {
        if (!TYPE_NAME.matcher(typename).matches()) {
            throw new IllegalArgumentException("not a GraphQL type name: " + typename);
        }
        if (key.isEmpty() || hasControlCharacter(key)) {
            throw new IllegalArgumentException("a key must be non-empty text without control characters");
        }
    }

    /** The opaque id of the entity of type {@code typename} whose {@code id} is {@code key}. */
    public static String encode(String typename, String key) {
        return new GlobalId(typename, key).encoded();
    }

    /** This id as clients see it. */
    public String encoded() {
        var raw = (typename + ":" + key).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The type and key inside {@code id}, or empty when {@code id} is not an id this class made. */
    public static Optional<GlobalId> decode(String id) {
        if (id.isEmpty()
                || id.length() > MAX_LENGTH
                || id.length() % 4 == 1
                || !BASE64URL.matcher(id).matches()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(id)) {
            return Optional.empty(); // stray bits in the last character: several spellings of one id are refused
        }
        var text = utf8(bytes);
        if (text == null) {
            return Optional.empty();
        }
        var colon = text.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        var typename = text.substring(0, colon);
        var key = text.substring(colon + 1);
        if (!TYPE_NAME.matcher(typename).matches() || key.isEmpty() || hasControlCharacter(key)) {
            return Optional.empty();
        }
        return Optional.of(new GlobalId(typename, key));
    }

    /** The id inside {@code id} when it names one of {@code typenames}, else empty. */
    public static Optional<GlobalId> decode(String id, Set<String> typenames) {
        return decode(id).filter(global -> typenames.contains(global.typename()));
    }

    private static @org.jspecify.annotations.Nullable String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
