package com.refractoryatlas.importer.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints one line per job and a total line, counts as created/matched. */
final class SummaryTable {

    private static final String FORMAT = "%-32s %-10s %9s %11s %11s %11s %11s  %s%n";
    private static final int MAX_SOURCE = 32;

    private final PrintWriter out;

    SummaryTable(PrintWriter out) {
        this.out = out;
    }

    void print(List<ImportServiceClient.Job> jobs) {
        out.println();
        out.printf(
                FORMAT,
                "SOURCE",
                "STATUS",
                "ARTICLES",
                "REFERENCES",
                "CONDITIONS",
                "THERAPIES",
                "TREATMENTS",
                "ERRORS");
        var created = new int[5];
        var matched = new int[5];
        for (var job : jobs) {
            var c = job.counts();
            var m = job.matched();
            add(created, c);
            add(matched, m);
            out.printf(
                    FORMAT,
                    shorten(job.source()),
                    job.status(),
                    pair(c.articles(), m.articles()),
                    pair(c.references(), m.references()),
                    pair(c.conditions(), m.conditions()),
                    pair(c.therapies(), m.therapies()),
                    pair(c.treatments(), m.treatments()),
                    errors(job));
        }
        long succeeded =
                jobs.stream().filter(job -> "SUCCEEDED".equals(job.status())).count();
        out.printf(
                FORMAT,
                "TOTAL (" + jobs.size() + ")",
                succeeded + " ok",
                pair(created[0], matched[0]),
                pair(created[1], matched[1]),
                pair(created[2], matched[2]),
                pair(created[3], matched[3]),
                pair(created[4], matched[4]),
                "");
        out.println("Counts are created/matched (matched: already there, updated or unchanged).");
        out.flush();
    }

    private static void add(int[] totals, ImportServiceClient.Counts counts) {
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

    private static String errors(ImportServiceClient.Job job) {
        if (job.errors().isEmpty()) {
            return "";
        }
        var first = job.errors().getFirst();
        var line = first.line() == null ? "" : " (line " + first.line() + ")";
        var more = job.errors().size() > 1 ? " +" + (job.errors().size() - 1) + " more" : "";
        return first.code() + line + ": " + first.message() + more;
    }
}
