package com.refractoryatlas.importer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The curated vocabulary of conditions, therapies and resistance mechanisms. It is data, not code: a versioned
 * text file ({@code vocabulary/refractory-vocabulary.txt} on the class path) that curators extend without touching
 * the parser. Lines are {@code kind | name | ... | aliases separated by ;}; {@code #} starts a comment.
 */
public final class Vocabulary {

    /** Class-path location of the bundled vocabulary. */
    public static final String BUNDLED_RESOURCE = "/vocabulary/refractory-vocabulary.txt";

    private static final String SEPARATOR = "\\|";
    private static final int CONDITION_FIELDS = 4;
    private static final int THERAPY_FIELDS = 5;
    private static final int MECHANISM_FIELDS = 4;

    private final String version;
    private final List<ConditionTerm> conditions;
    private final List<TherapyTerm> therapies;
    private final List<MechanismTerm> mechanisms;

    private Vocabulary(
            String version,
            List<ConditionTerm> conditions,
            List<TherapyTerm> therapies,
            List<MechanismTerm> mechanisms) {
        this.version = version;
        this.conditions = List.copyOf(conditions);
        this.therapies = List.copyOf(therapies);
        this.mechanisms = List.copyOf(mechanisms);
    }

    /** A condition entry. */
    record ConditionTerm(String id, String name, Specialty specialty, List<String> aliases) {}

    /** A therapy entry. */
    record TherapyTerm(
            String id,
            String name,
            TherapyKind kind,
            @Nullable String drugClass,
            List<String> aliases) {}

    /** A mechanism entry; triggers are the phrases that reveal it in text. */
    record MechanismTerm(String id, String name, String summary, List<String> triggers) {}

    /** The vocabulary shipped with the service (read once; the caller keeps it). */
    public static Vocabulary bundled() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled vocabulary missing: " + BUNDLED_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a vocabulary from its text form.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry (a curator error, found at start-up)
     */
    public static Vocabulary parse(String text) {
        String version = "unversioned";
        List<ConditionTerm> conditions = new ArrayList<>();
        List<TherapyTerm> therapies = new ArrayList<>();
        List<MechanismTerm> mechanisms = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(SEPARATOR, -1);
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].strip();
            }
            try {
                switch (f[0]) {
                    case "version" -> version = f[1];
                    case "condition" -> conditions.add(condition(f));
                    case "therapy" -> therapies.add(therapy(f));
                    case "mechanism" -> mechanisms.add(mechanism(f));
                    default -> throw new IllegalArgumentException("unknown entry kind '" + f[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("vocabulary line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Vocabulary(version, conditions, therapies, mechanisms);
    }

    private static ConditionTerm condition(String[] f) {
        requireFields(f, CONDITION_FIELDS);
        return new ConditionTerm(slug(f[1]), f[1], Specialty.valueOf(f[2]), list(f[3]));
    }

    private static TherapyTerm therapy(String[] f) {
        requireFields(f, THERAPY_FIELDS);
        String drugClass = f[3].isEmpty() ? null : f[3];
        return new TherapyTerm(slug(f[1]), f[1], TherapyKind.valueOf(f[2]), drugClass, list(f[4]));
    }

    private static MechanismTerm mechanism(String[] f) {
        requireFields(f, MECHANISM_FIELDS);
        return new MechanismTerm(slug(f[1]), f[1], f[2], list(f[3]));
    }

    private static void requireFields(String[] f, int count) {
        if (f.length != count) {
            throw new IllegalArgumentException("expected " + count + " fields separated by |, found " + f.length);
        }
    }

    private static List<String> list(String field) {
        List<String> out = new ArrayList<>();
        for (String part : field.split(";")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The id of a canonical name: lower case, ASCII letters and digits, words joined by single hyphens
     * ("Crohn's disease" → {@code crohns-disease}).
     */
    public static String slug(String name) {
        String lower = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && !out.isEmpty()) {
                    out.append('-');
                }
                out.append(c);
                pendingHyphen = false;
            } else if (c != '\'' && c != '\u2019' && Character.getType(c) != Character.NON_SPACING_MARK) {
                pendingHyphen = true;
            }
        }
        return out.toString();
    }

    public String version() {
        return version;
    }

    public int conditionCount() {
        return conditions.size();
    }

    public int therapyCount() {
        return therapies.size();
    }

    List<ConditionTerm> conditions() {
        return conditions;
    }

    List<TherapyTerm> therapies() {
        return therapies;
    }

    List<MechanismTerm> mechanisms() {
        return mechanisms;
    }
}
