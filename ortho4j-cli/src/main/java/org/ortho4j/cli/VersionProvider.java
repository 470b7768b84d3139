package org.ortho4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * ortho4j's version for {@code --version} and {@code ortho4j info}. Read from the resource
 * {@code org/ortho4j/cli/version.properties}, which Maven filters at build time, so it is right
 * both from {@code target/classes} and from the shaded jar; falls back to the jar manifest's
 * {@code Implementation-Version}, then to {@code "unknown"}.
 */
public final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    /** Used by picocli. */
    public VersionProvider() {}

    /** {@code ortho4j <version>} and the Java runtime, one line each. */
    @Override
    public String[] getVersion() {
        return new String[] {
            "ortho4j " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ")"
        };
    }

    /** The ortho4j version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code "unknown"}. */
    public static String version() {
        String v = fromResource();
        if (v == null) v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "unknown" : v;
    }

    private static String fromResource() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || v.contains("${") ? null : v.trim();   // unfiltered copy: not a version
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
