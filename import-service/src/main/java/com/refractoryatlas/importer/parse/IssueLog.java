package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Collects issues, keeping at most a configured number per code so that hostile input cannot flood a job. */
final class IssueLog {

    private final int maxPerCode;
    private final List<ParseIssue> issues = new ArrayList<>();
    private final Map<ParseIssue.Code, Integer> counts = new EnumMap<>(ParseIssue.Code.class);

    IssueLog(int maxPerCode) {
        this.maxPerCode = maxPerCode;
    }

    void error(ParseIssue.Code code, String message, @Nullable Integer line) {
        add(ParseIssue.error(code, message, line));
    }

    void warning(ParseIssue.Code code, String message, @Nullable Integer line) {
        add(ParseIssue.warning(code, message, line));
    }

    void info(ParseIssue.Code code, String message, @Nullable Integer line) {
        add(ParseIssue.info(code, message, line));
    }

    private void add(ParseIssue issue) {
        int count = counts.merge(issue.code(), 1, Integer::sum);
        if (count <= maxPerCode) {
            issues.add(issue);
        }
    }

    boolean hasErrors() {
        return issues.stream().anyMatch(i -> i.severity() == ParseIssue.Severity.ERROR);
    }

    /** The issues in line order (whole-document issues first), plus one note per truncated code. */
    List<ParseIssue> toList() {
        List<ParseIssue> out = new ArrayList<>(issues);
        out.sort(Comparator.comparingInt(i -> i.line() == null ? 0 : i.line()));
        counts.forEach((code, count) -> {
            if (count > maxPerCode) {
                out.add(ParseIssue.info(
                        ParseIssue.Code.TRUNCATED_ISSUES,
                        (count - maxPerCode) + " more " + code + " issues not listed (" + count + " in all)",
                        null));
            }
        });
        return List.copyOf(out);
    }
}
