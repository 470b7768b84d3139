package org.ortho4j.core.io;

import java.io.IOException;

/**
 * A file (or stream) does not follow the format it claims to be in: bad magic bytes, an unsupported
 * version or element type, a malformed header, offsets or sizes that disagree with the shape,
 * truncated or trailing data, an unparsable CSV cell.
 *
 * <p>Every reader of this package reports such problems with this exception and never with an
 * unchecked array or index exception, so callers can handle "bad input file" in one place, apart
 * from genuine I/O failures (which stay plain {@link IOException}s). The message always starts
 * with the format and the source, then says what was expected and what was found, e.g.
 * <pre>npy file data/w.npy: truncated data: shape (3, 4) of &lt;f8 needs 96 bytes after the 128-byte header, found 40</pre>
 */
public class FileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Name of the format ("npy", "csv", "safetensors"). */
    private final String format;
    /** The file path, or a description of the stream, that was being read. */
    private final String source;
    /** The problem, without the format/source prefix. */
    private final String detail;

    /**
     * @param format the format's name, e.g. {@code "npy"}
     * @param source the file path or stream description being read
     * @param detail what was expected and what was found
     */
    public FileFormatException(String format, String source, String detail) {
        this(format, source, detail, null);
    }

    /**
     * @param format the format's name, e.g. {@code "npy"}
     * @param source the file path or stream description being read
     * @param detail what was expected and what was found
     * @param cause  the underlying parser error, or {@code null}
     */
    public FileFormatException(String format, String source, String detail, Throwable cause) {
        super(format + " " + source + ": " + detail, cause);
        this.format = format;
        this.source = source;
        this.detail = detail;
    }

    /** The format's name, e.g. {@code "npy"}. */
    public String format() { return format; }

    /** The file path, or a description of the stream, that was being read. */
    public String source() { return source; }

    /** The problem without the format/source prefix. */
    public String detail() { return detail; }
}
