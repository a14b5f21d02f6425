package com.refractoryatlas.importer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the folder import command in this JVM and captures what it prints, for tests. */
public final class ImportCommandRunner {

    private ImportCommandRunner() {}

    public record Run(int exitCode, String output) {}

    public static Run run(String... args) {
        var output = new StringWriter();
        var out = new PrintWriter(output, true);
        var commandLine = new CommandLine(new ImportCommand(out));
        commandLine.setOut(out);
        commandLine.setErr(out);
        int exitCode = commandLine.execute(args);
        out.flush();
        return new Run(exitCode, output.toString());
    }
}
