package org.ortho4j.cli;

import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ortho4j} command. Results go to stdout, logs and progress to stderr. Exit codes:
 * {@value #OK} success, {@value #FAILED} a check failed or an error occurred, {@value #USAGE}
 * invalid usage.
 */
@Command(name = "ortho4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Orthogonal and structured linear algebra on the JVM.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {HelpCommand.class, InfoCommand.class, TourCommand.class, OrthogonalizeCommand.class, AssignCommand.class, OptimRaceCommand.class, QmcCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a check failed, or an error occurred", "2:invalid usage"})
public final class Main implements Callable<Integer> {
    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: a check failed or an error occurred. */
    public static final int FAILED = 1;
    /** Exit code: invalid usage (picocli's {@code ExitCode.USAGE}). */
    public static final int USAGE = 2;

    /** Strong references: java.util.logging keeps loggers only weakly. */
    private static final Logger ORTHO4J_LOG = Logger.getLogger("org.ortho4j"),
            NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib"), DJL_LOG = Logger.getLogger("ai.djl");

    @Spec CommandSpec spec;

    private boolean verbose;

    /** Builds the root command object; use {@link #commandLine()} to get a configured parser. */
    public Main() {}

    /** {@code -v/--verbose}, accepted by every subcommand: library INFO logs and stack traces on stderr. */
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log library messages (backend choice, ...) and print stack traces on errors.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) quietLibraryLogs(false);
    }

    /** Without a subcommand: prints the usage to stderr and returns {@value #USAGE}. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /**
     * A parser for a new {@code Main}, with the error handler that turns an exception in a
     * command into one line on stderr (a stack trace with {@code --verbose}) and exit code
     * {@value #FAILED}.
     */
    public static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("ortho4j " + cmd.getCommandName() + ": " + ex));
            if (main.verbose) ex.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return FAILED;
        });
        return cl;
    }

    /** Entry point: runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // DJL (the LM race of ortho4j-djl): never download at run time; one PyTorch thread unless told otherwise
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) System.setProperty("ai.djl.pytorch.num_threads", "1");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        if (System.getProperty("java.util.logging.config.file") == null) {
            if (System.getProperty("java.util.logging.SimpleFormatter.format") == null)
                System.setProperty("java.util.logging.SimpleFormatter.format", "ortho4j: %4$s: %5$s%6$s%n");
            quietLibraryLogs(true);
        }
        System.exit(commandLine().execute(args));
    }

    /** Library logs: warnings only ({@code quiet}) or everything from INFO up. */
    static void quietLibraryLogs(boolean quiet) {
        ORTHO4J_LOG.setLevel(quiet ? Level.WARNING : Level.INFO);
        NETLIB_LOG.setLevel(quiet ? Level.SEVERE : Level.INFO);
        DJL_LOG.setLevel(quiet ? Level.SEVERE : Level.INFO);
    }
}
