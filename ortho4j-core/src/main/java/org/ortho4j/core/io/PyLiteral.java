package org.ortho4j.core.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A parser for the subset of Python literal syntax that {@code .npy} headers use (numpy reads them
 * with {@code ast.literal_eval}): dicts, tuples, lists, single- or double-quoted strings,
 * integers (with an optional Python-2 {@code L} suffix, found in very old files), {@code True},
 * {@code False} and {@code None}, with arbitrary whitespace and trailing commas. Nothing is ever
 * evaluated. Package-private; see {@link Npy}.
 *
 * <p>Results: dict → {@code LinkedHashMap<Object, Object>}, tuple → {@link Tuple}, list →
 * {@code List<Object>}, string → {@code String}, integer → {@code BigInteger}, booleans →
 * {@code Boolean}, None → {@link #NONE}. As in Python, {@code (5)} is the integer 5 and
 * {@code (5,)} a one-element tuple.
 */
final class PyLiteral {
    /** Python's {@code None}. */
    static final Object NONE = new Object() {
        @Override public String toString() { return "None"; }
    };

    /** A Python tuple (distinct from a list, as numpy requires the shape to be a tuple). */
    record Tuple(List<Object> items) {}

    /** Deepest nesting accepted (an npy header nests 2 levels; this bounds the recursion). */
    static final int MAX_DEPTH = 32;

    private final String text;
    private final Function<String, FileFormatException> fail;
    private int pos;
    private int depth;

    private PyLiteral(String text, Function<String, FileFormatException> fail) {
        this.text = text;
        this.fail = fail;
    }

    /**
     * Parses {@code text} as one literal (surrounding whitespace allowed).
     *
     * @param fail makes the exception for a syntax error; the detail names the character position
     * @throws FileFormatException through {@code fail} on any syntax error
     */
    static Object parse(String text, Function<String, FileFormatException> fail) throws FileFormatException {
        PyLiteral p = new PyLiteral(text, fail);
        Object value = p.value();
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected text after the literal");
        return value;
    }

    private Object value() throws FileFormatException {
        skipSpace();
        if (pos >= text.length()) throw error("the text ends where a value is expected");
        if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
        try {
            return scalarOrContainer(text.charAt(pos));
        } finally {
            depth--;
        }
    }

    private Object scalarOrContainer(char c) throws FileFormatException {
        switch (c) {
            case '{': return dict();
            case '(': return tupleOrParenthesized();
            case '[': pos++; return sequence(']', new ArrayList<>());
            case '\'': case '"': return string(c);
            default:
                if (c == '-' || c == '+' || Character.isDigit(c)) return integer();
                if (Character.isLetter(c) || c == '_') return keyword();
                throw error("unexpected character " + quote(c));
        }
    }

    private Map<Object, Object> dict() throws FileFormatException {
        pos++; // '{'
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek('}')) { pos++; return map; }
            int keyAt = pos;
            Object key = value();
            if (key instanceof Map || key instanceof List) { pos = keyAt; throw error("a dict key must be a string, number or tuple"); }
            expect(':');
            Object v = value();
            if (map.put(key, v) != null) { pos = keyAt; throw error("duplicate key " + key); }
            skipSpace();
            if (peek(',')) pos++;
            else if (!peek('}')) throw error("expected ',' or '}' in a dict");
        }
    }

    private Object tupleOrParenthesized() throws FileFormatException {
        pos++; // '('
        skipSpace();
        if (peek(')')) { pos++; return new Tuple(List.of()); }
        Object first = value();
        skipSpace();
        if (peek(')')) { pos++; return first; } // (x) is just x
        if (!peek(',')) throw error("expected ',' or ')'");
        pos++;
        List<Object> items = new ArrayList<>();
        items.add(first);
        return new Tuple(List.copyOf(sequence(')', items)));
    }

    /** Appends items up to the closing bracket {@code close} (after the opener or a comma) to {@code items}. */
    private List<Object> sequence(char close, List<Object> items) throws FileFormatException {
        while (true) {
            skipSpace();
            if (peek(close)) { pos++; return items; }
            items.add(value());
            skipSpace();
            if (peek(',')) pos++;
            else if (!peek(close)) throw error("expected ',' or '" + close + "'");
        }
    }

    private String string(char q) throws FileFormatException {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == q) return sb.toString();
            if (c == '\n') break;
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '\\', '\'', '"' -> sb.append(e);
                    default -> sb.append('\\').append(e);
                }
            } else {
                sb.append(c);
            }
        }
        pos = start;
        throw error("unterminated string");
    }

    private BigInteger integer() throws FileFormatException {
        int start = pos;
        if (peek('-') || peek('+')) pos++;
        int digits = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') pos++;
        if (pos == digits) throw error("expected digits after the sign");
        BigInteger v = new BigInteger(text.substring(start, pos));
        if (peek('L') || peek('l')) pos++;
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.'))
            throw error("expected an integer, found " + quote(text.charAt(pos)) + " in a number");
        return v;
    }

    private Object keyword() throws FileFormatException {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        String word = text.substring(start, pos);
        switch (word) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return NONE;
            default:
                pos = start;
                throw error("unexpected name '" + word + "' (only True, False and None are literals)");
        }
    }

    private void expect(char c) throws FileFormatException {
        skipSpace();
        if (!peek(c)) throw error("expected '" + c + "'");
        pos++;
    }

    private boolean peek(char c) { return pos < text.length() && text.charAt(pos) == c; }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private FileFormatException error(String what) {
        String where = pos < text.length() ? "near " + excerpt(text, pos - 20, pos + 20) : "at the end";
        return fail.apply("malformed header at character " + pos + " (" + where + "): " + what);
    }

    /** {@code text[from, to)} clipped to the text, quoted, with non-printable characters escaped. */
    static String excerpt(String text, int from, int to) {
        int a = Math.max(0, from), b = Math.min(text.length(), to);
        StringBuilder sb = new StringBuilder("\"");
        if (a > 0) sb.append("...");
        for (int i = a; i < b; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') sb.append(c);
            else sb.append(c <= 0xFF ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
        }
        if (b < text.length()) sb.append("...");
        return sb.append('"').toString();
    }

    private static String quote(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
