package org.ortho4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command line with stdout and stderr captured (tests must not touch System.out/err). */
final class Cli {
    private Cli() {}

    /** Exit code and captured streams of one run. */
    record Result(int exit, String out, String err) {
        /** The output lines. */
        String[] outLines() { return out.split("\n"); }
    }

    /** Runs {@code args} on the real root command ({@link Main#commandLine()}). */
    static Result main(String... args) { return run(Main.commandLine(), args); }

    /** Runs {@code args} on {@code cl}. */
    static Result run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
