package org.ortho4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ortho4j info}: version, Java runtime, backends, threads, SIMD width, OS and heap. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the version, the Java runtime, the active backend and why, threads and SIMD width.")
public final class InfoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON object instead of text.")
    boolean json;

    /** Used by picocli. */
    public InfoCommand() {}

    /** Prints {@link MachineInfo#collect()} as aligned text or JSON to stdout; returns 0. */
    @Override
    public Integer call() {
        MachineInfo info = MachineInfo.collect();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(info));
        } else {
            TextTable t = new TextTable();
            for (String[] row : info.rows()) t.row(row);
            out.print(t.render());
        }
        out.flush();
        return Main.OK;
    }
}
