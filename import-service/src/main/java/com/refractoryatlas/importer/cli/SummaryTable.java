package com.refractoryatlas.importer.cli;

import com.refractoryatlas.importer.cli.AtlasClient.Counts;
import com.refractoryatlas.importer.cli.AtlasClient.Job;
import java.io.PrintWriter;
import java.util.List;

/** Prints one line per file and a total line, counts as created/matched. */
final class SummaryTable {

    private static final String FORMAT = "%-32s %-10s %9s %11s %11s %11s %11s  %s%n";
    private static final int MAX_SOURCE = 32;
    private static final int COUNT_COLUMNS = 5;

    private final PrintWriter out;

    SummaryTable(PrintWriter out) {
        this.out = out;
    }

    void print(List<FileOutcome> outcomes) {
        out.println();
        out.printf(
                FORMAT, "SOURCE", "STATUS", "ARTICLES", "REFERENCES", "CONDITIONS", "THERAPIES", "TREATMENTS", "NOTES");
        var created = new int[COUNT_COLUMNS];
        var matched = new int[COUNT_COLUMNS];
        for (var outcome : outcomes) {
            printLine(outcome, created, matched);
        }
        long ok = outcomes.stream().filter(SummaryTable::ok).count();
        out.printf(
                FORMAT,
                "TOTAL (" + outcomes.size() + ")",
                ok + " ok",
                pair(created[0], matched[0]),
                pair(created[1], matched[1]),
                pair(created[2], matched[2]),
                pair(created[3], matched[3]),
                pair(created[4], matched[4]),
                "");
        out.println("Counts are created/matched (matched: already there, updated or unchanged).");
        out.flush();
    }

    private void printLine(FileOutcome outcome, int[] created, int[] matched) {
        switch (outcome) {
            case FileOutcome.Submitted s -> {
                add(created, s.job().counts());
                add(matched, s.job().matched());
                line(s.source(), s.job().status(), s.job().counts(), s.job().matched(), notes(s.job()));
            }
            case FileOutcome.AlreadyImported a ->
                line(a.source(), "ALREADY", Counts.NONE, Counts.NONE, alreadyImported(a.job()));
            case FileOutcome.Refused r ->
                line(r.source(), "REFUSED", Counts.NONE, Counts.NONE, r.code() + ": " + r.message());
            case FileOutcome.Skipped s -> line(s.source(), "SKIPPED", Counts.NONE, Counts.NONE, s.reason());
        }
    }

    private void line(String source, String status, Counts created, Counts matched, String notes) {
        out.printf(
                FORMAT,
                shorten(source),
                status,
                pair(created.articles(), matched.articles()),
                pair(created.references(), matched.references()),
                pair(created.conditions(), matched.conditions()),
                pair(created.therapies(), matched.therapies()),
                pair(created.treatments(), matched.treatments()),
                notes);
    }

    private static boolean ok(FileOutcome outcome) {
        return switch (outcome) {
            case FileOutcome.Submitted s -> "SUCCEEDED".equals(s.job().status());
            case FileOutcome.AlreadyImported a -> true;
            case FileOutcome.Refused r -> false;
            case FileOutcome.Skipped s -> false;
        };
    }

    /** Names the earlier job and its article, so the curator can find what is already there. */
    static String alreadyImported(Job job) {
        var article = job.article() == null ? "" : ", article " + job.article().id();
        return "already imported by job " + job.id() + article + " (as " + job.source() + ")";
    }

    private static void add(int[] totals, Counts counts) {
        totals[0] += counts.articles();
        totals[1] += counts.references();
        totals[2] += counts.conditions();
        totals[3] += counts.therapies();
        totals[4] += counts.treatments();
    }

    private static String pair(int created, int matched) {
        return created + "/" + matched;
    }

    private static String shorten(String source) {
        return source.length() <= MAX_SOURCE ? source : "…" + source.substring(source.length() - MAX_SOURCE + 1);
    }

    private static String notes(Job job) {
        if (!job.errors().isEmpty()) {
            return describe(job.errors());
        }
        return job.warnings().isEmpty() ? "" : "warnings: " + describe(job.warnings());
    }

    private static String describe(List<AtlasClient.Error> errors) {
        var first = errors.getFirst();
        var line = first.line() == null ? "" : " (line " + first.line() + ")";
        var more = errors.size() > 1 ? " +" + (errors.size() - 1) + " more" : "";
        return first.code() + line + ": " + first.message() + more;
    }
}
