package com.refractoryatlas.importer.parse.jats;

import com.refractoryatlas.importer.parse.ParseIssue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects a structured reader's issues, keeping at most a configured number per code (hostile input must not flood
 * a job with millions of warnings), then one {@link ParseIssue.Code#TRUNCATED_ISSUES} note per truncated code.
 */
public final class Issues {

    private final int maxPerCode;
    private final List<ParseIssue> kept = new ArrayList<>();
    private final Map<ParseIssue.Code, Integer> counts = new EnumMap<>(ParseIssue.Code.class);

    public Issues(int maxPerCode) {
        this.maxPerCode = maxPerCode;
    }

    public void error(ParseIssue.Code code, String message, @Nullable Integer line) {
        add(new ParseIssue(code, message, line, ParseIssue.Severity.ERROR));
    }

    public void warning(ParseIssue.Code code, String message, @Nullable Integer line) {
        add(new ParseIssue(code, message, line, ParseIssue.Severity.WARNING));
    }

    public void info(ParseIssue.Code code, String message, @Nullable Integer line) {
        add(new ParseIssue(code, message, line, ParseIssue.Severity.INFO));
    }

    /** Adds issues another component produced (the reference labeller's warnings). */
    public void addAll(List<ParseIssue> issues) {
        issues.forEach(this::add);
    }

    private void add(ParseIssue issue) {
        int count = counts.merge(issue.code(), 1, Integer::sum);
        if (count <= maxPerCode) {
            kept.add(issue);
        }
    }

    public boolean hasErrors() {
        return kept.stream().anyMatch(i -> i.severity() == ParseIssue.Severity.ERROR);
    }

    /** The issues in the order they were met, then the truncation notes. */
    public List<ParseIssue> toList() {
        List<ParseIssue> out = new ArrayList<>(kept);
        counts.forEach((code, count) -> {
            if (count > maxPerCode) {
                out.add(new ParseIssue(
                        ParseIssue.Code.TRUNCATED_ISSUES,
                        (count - maxPerCode) + " more " + code + " issues not listed (" + count + " in all)",
                        null,
                        ParseIssue.Severity.INFO));
            }
        });
        return List.copyOf(out);
    }
}
