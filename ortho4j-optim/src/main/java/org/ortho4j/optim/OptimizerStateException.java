package org.ortho4j.optim;

import java.io.IOException;

/**
 * An optimizer state file that cannot be used: truncated, corrupt (checksum), of an unknown
 * format version, or not matching the parameters it is loaded for. The message names the file
 * and what is wrong.
 */
public final class OptimizerStateException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what is wrong, including the file
     */
    public OptimizerStateException(String message) { super(message); }

    /**
     * An exception with a message and a cause.
     *
     * @param message what is wrong, including the file
     * @param cause   the underlying error
     */
    public OptimizerStateException(String message, Throwable cause) { super(message, cause); }
}
