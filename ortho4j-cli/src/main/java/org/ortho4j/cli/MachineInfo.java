package org.ortho4j.cli;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.backend.Backends;
import org.ortho4j.core.backend.Tuning;

/**
 * What {@code ortho4j info} reports, also embedded in the tour's JSON and HTML report. Serialised
 * as JSON by Jackson with these component names.
 *
 * @param version            ortho4j version ({@link VersionProvider#version()})
 * @param javaVersion        {@code java.version}
 * @param javaVendor         {@code java.vendor}
 * @param javaVm             {@code java.vm.name}
 * @param os                 {@code os.name} and {@code os.version}
 * @param arch               {@code os.arch}
 * @param cpus               processors visible to the JVM
 * @param maxHeapBytes       {@link Runtime#maxMemory()}
 * @param threads            threads of ortho4j's pool ({@link Tuning#THREADS})
 * @param simdBits           preferred vector size in bits of {@code jdk.incubator.vector}, or
 *                           {@code null} when that module is not loaded
 * @param backend            name of {@link Backends#active()}
 * @param backendDescription its {@link Backend#describe()}
 * @param backendLog         {@link Backends#log()}: why each backend was or was not chosen
 * @param availableBackends  {@link Backends#available()}
 */
public record MachineInfo(String version, String javaVersion, String javaVendor, String javaVm, String os,
                          String arch, int cpus, long maxHeapBytes, int threads, Integer simdBits, String backend,
                          String backendDescription, List<String> backendLog, List<String> availableBackends) {

    /** Name of the Vector API module. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Copies the lists. */
    public MachineInfo {
        backendLog = List.copyOf(backendLog);
        availableBackends = List.copyOf(availableBackends);
    }

    /** Collects the information of this JVM (initialises the backend selection). */
    public static MachineInfo collect() {
        Backend active = Backends.active();
        return new MachineInfo(VersionProvider.version(), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), Tuning.THREADS,
                preferredVectorBits(), active.name(), active.describe(), Backends.log(), Backends.available());
    }

    /**
     * {@code VectorShape.preferredShape().vectorBitSize()} read reflectively (this module does not
     * require {@code jdk.incubator.vector}), or {@code null} when the module is not in the boot
     * layer (start the JVM with {@code --add-modules jdk.incubator.vector}) or cannot be read.
     */
    static Integer preferredVectorBits() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) return null;
        try {
            Class<?> shape = Class.forName(VECTOR_MODULE + ".VectorShape");
            Object preferred = shape.getMethod("preferredShape").invoke(null);
            Method bits = shape.getMethod("vectorBitSize");
            return (Integer) bits.invoke(preferred);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** (label, value) pairs for the text and HTML renderings, in display order; values may span lines. */
    public List<String[]> rows() {
        List<String[]> r = new ArrayList<>();
        r.add(new String[] {"ortho4j", version});
        r.add(new String[] {"java", javaVersion + " (" + javaVendor + ", " + javaVm + ")"});
        r.add(new String[] {"os", os + " " + arch});
        r.add(new String[] {"cpus", Integer.toString(cpus)});
        r.add(new String[] {"threads", threads + " (ortho4j pool; -Dortho4j.threads=N)"});
        r.add(new String[] {"simd", simdBits == null ? "n/a (start the JVM with --add-modules " + VECTOR_MODULE + ")"
                : simdBits + "-bit preferred vectors (" + VECTOR_MODULE + ")"});
        r.add(new String[] {"max heap", String.format(Locale.ROOT, "%.1f GiB", maxHeapBytes / (double) (1L << 30))});
        r.add(new String[] {"backend", backend + ": " + backendDescription});
        r.add(new String[] {"available", String.join(", ", availableBackends)});
        r.add(new String[] {"backend log", String.join("\n", backendLog)});
        return r;
    }
}
