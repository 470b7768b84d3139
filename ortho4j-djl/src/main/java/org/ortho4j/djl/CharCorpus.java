package org.ortho4j.djl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeSet;
import org.ortho4j.core.Check;
import org.ortho4j.core.random.SplitMix64;

/**
 * A character-level corpus: the vocabulary (the sorted distinct characters), the text as token ids,
 * a training split (the first {@code 1 − valFraction} of the characters) and a validation split
 * (the rest), and seeded sampling of fixed-length windows. Immutable.
 *
 * <p>{@link #shakespeare()} is the corpus shipped with this module: the first 299,868 characters
 * of tinyshakespeare (public domain, from {@code karpathy/char-rnn}; see
 * {@code org/ortho4j/djl/data/README.md}), 62 distinct characters, split 90% / 10%.
 */
public final class CharCorpus {
    /** Resource path of the shipped text. */
    public static final String SHAKESPEARE_RESOURCE = "/org/ortho4j/djl/data/tinyshakespeare-300k.txt";

    private final char[] vocabulary;
    private final int[] train, val;

    private CharCorpus(char[] vocabulary, int[] train, int[] val) {
        this.vocabulary = vocabulary;
        this.train = train;
        this.val = val;
    }

    /**
     * The shipped tinyshakespeare slice, 90% training / 10% validation.
     *
     * @return the corpus
     * @throws UncheckedIOException if the resource cannot be read (a broken build)
     */
    public static CharCorpus shakespeare() {
        try (InputStream in = CharCorpus.class.getResourceAsStream(SHAKESPEARE_RESOURCE)) {
            if (in == null) throw new IOException("resource " + SHAKESPEARE_RESOURCE + " is missing");
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8), 0.1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A corpus from a text.
     *
     * @param text        at least 4 characters
     * @param valFraction share of the characters (at the end) held out for validation, in (0, 1)
     * @return the corpus
     * @throws IllegalArgumentException if the text is too short or the fraction out of range
     */
    public static CharCorpus of(String text, double valFraction) {
        Check.notNull("text", text);
        if (!(valFraction > 0 && valFraction < 1))
            throw new IllegalArgumentException("valFraction = " + valFraction + ", expected a value in (0, 1)");
        if (text.length() < 4) throw new IllegalArgumentException("text.length() = " + text.length() + ", expected >= 4");
        TreeSet<Character> set = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) set.add(text.charAt(i));
        char[] vocab = new char[set.size()];
        int k = 0;
        for (char c : set) vocab[k++] = c;
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) ids[i] = Arrays.binarySearch(vocab, text.charAt(i));
        int split = Math.max(2, Math.min(ids.length - 2, (int) Math.round(ids.length * (1 - valFraction))));
        return new CharCorpus(vocab, Arrays.copyOf(ids, split), Arrays.copyOfRange(ids, split, ids.length));
    }

    /** Number of distinct characters. */
    public int vocabularySize() { return vocabulary.length; }

    /** The characters, ascending (token id = index). */
    public char[] vocabulary() { return vocabulary.clone(); }

    /** Number of training tokens. */
    public int trainTokens() { return train.length; }

    /** Number of validation tokens. */
    public int valTokens() { return val.length; }

    /**
     * {@code count} windows of {@code context + 1} consecutive tokens of one split, at start
     * positions drawn uniformly (with replacement) from a {@link SplitMix64} stream: inputs are the
     * first {@code context} tokens of each window, targets the last {@code context} (next-character
     * prediction).
     *
     * @param validation true for the validation split
     * @param count      number of windows, ≥ 1
     * @param context    tokens per window, ≥ 1 and less than the split's length
     * @param rng        the stream (advanced by {@code count} draws)
     * @return {@code [inputs, targets]}, each {@code count·context} ids, row-major
     */
    public long[][] windows(boolean validation, int count, int context, SplitMix64 rng) {
        Check.positive("count", count);
        Check.notNull("rng", rng);
        int[] ids = validation ? val : train;
        Check.inRange("context", context, 1, ids.length - 1);
        long[] x = new long[Math.multiplyExact(count, context)], y = new long[x.length];
        for (int b = 0; b < count; b++) {
            int start = rng.nextInt(ids.length - context);
            for (int j = 0; j < context; j++) {
                x[b * context + j] = ids[start + j];
                y[b * context + j] = ids[start + j + 1];
            }
        }
        return new long[][] {x, y};
    }
}
