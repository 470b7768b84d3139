package org.ortho4j.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.testkit.Ortho4jTest;

/** The shipped corpus and window sampling. */
class CharCorpusTest extends Ortho4jTest {

    @Test
    void shippedTextMatchesItsReadme() {
        CharCorpus c = CharCorpus.shakespeare();
        assertEquals(62, c.vocabularySize());               // README: 62 distinct characters
        assertEquals(299_868, c.trainTokens() + c.valTokens());
        assertEquals(Math.round(299_868 * 0.9), c.trainTokens());
        assertEquals('\n', c.vocabulary()[0]);
        assertEquals('z', c.vocabulary()[61]);
    }

    @Test
    void windowsAreShiftedPairsAndSeeded() {
        CharCorpus c = CharCorpus.of("abcdefghijklmnopqrst", 0.25);   // train "abcdefghijklmno", val "pqrst"
        long[][] w = c.windows(false, 3, 4, new SplitMix64(seed));
        for (int b = 0; b < 3; b++)
            for (int j = 0; j < 4; j++) {
                if (j < 3) assertEquals(w[0][b * 4 + j + 1], w[1][b * 4 + j], "target = next input");
                assertEquals(w[0][b * 4 + j] + 1, w[1][b * 4 + j], "consecutive letters");
                assertEquals(true, w[1][b * 4 + j] <= 14, "inside the training split");
            }
        assertArrayEquals(w[0], c.windows(false, 3, 4, new SplitMix64(seed))[0]);
        long[][] v = c.windows(true, 2, 4, new SplitMix64(seed));
        for (long id : v[0]) assertEquals(true, id >= 15, "validation split only");
    }
}
