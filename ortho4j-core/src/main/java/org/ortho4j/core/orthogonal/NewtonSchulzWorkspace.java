package org.ortho4j.core.orthogonal;

/**
 * Reusable work buffers for {@link NewtonSchulz}: pass the same workspace to repeated calls and
 * no matrix-sized buffer is allocated after the first call of the largest size (buffers only
 * grow). Without a workspace each call allocates its own buffers (four for the plain form, six
 * for the Gram-side form: two of {@code min(m,n)·max(m,n)} elements, the rest of
 * {@code min(m,n)²}).
 *
 * <p>A workspace holds a double and a float set of buffers, each created on first use. It is not
 * thread-safe: use one per thread. It does not depend on the schedule, so one workspace can serve
 * several {@link NewtonSchulz} instances.
 */
public final class NewtonSchulzWorkspace {
    private NewtonSchulzKernel.F64 f64;
    private NewtonSchulzKernel.F32 f32;

    /** An empty workspace; buffers are allocated on first use. */
    public NewtonSchulzWorkspace() {}

    NewtonSchulzKernel.F64 f64() {
        if (f64 == null) f64 = new NewtonSchulzKernel.F64();
        return f64;
    }

    NewtonSchulzKernel.F32 f32() {
        if (f32 == null) f32 = new NewtonSchulzKernel.F32();
        return f32;
    }
}
