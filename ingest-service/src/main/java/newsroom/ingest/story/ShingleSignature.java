package newsroom.ingest.story;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The MinHash signature of an article's text: for each of {@link #SIZE} hash
 * functions, the smallest hash over the text's word shingles (runs of
 * {@link #SHINGLE_WORDS} words). The share of positions where two signatures
 * agree estimates the Jaccard similarity of the two texts' shingle sets, so
 * a copy with a new headline, some boilerplate and an edited sentence or two
 * still agrees on most positions while another article on the same topic
 * agrees on almost none.
 *
 * <p>Signatures are grouped into {@link #BANDS} bands of {@link #ROWS} values
 * (locality-sensitive hashing): two texts whose similarity is 0.6 share at
 * least one band with probability 1 - (1 - 0.6^4)^32 ≈ 0.99, texts of
 * similarity 0.1 with probability 0.003. Looking up an article's band keys is
 * a fixed number of index probes however many articles are stored.
 */
public final class ShingleSignature {

    public static final int SIZE = 128;
    public static final int ROWS = 4;
    public static final int BANDS = SIZE / ROWS;
    static final int SHINGLE_WORDS = 5;

    /**
     * Texts with fewer words are not compared: a handful of words says too
     * little to call two texts the same story (identical texts are still
     * recognised by their content hash).
     */
    public static final int MIN_WORDS = 40;

    private static final long[] SEEDS = seeds();

    private final int[] minHashes;

    private ShingleSignature(int[] minHashes) {
        this.minHashes = minHashes;
    }

    /** The signature of {@code text}; empty when the text has fewer than {@link #MIN_WORDS} words. */
    public static java.util.Optional<ShingleSignature> of(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS) {
            return java.util.Optional.empty();
        }
        long[] shingles = shingleHashes(words);
        int[] mins = new int[SIZE];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < SIZE; i++) {
                int h = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
                if (h < mins[i]) {
                    mins[i] = h;
                }
            }
        }
        return java.util.Optional.of(new ShingleSignature(mins));
    }

    /** Reads a signature written by {@link #toBytes()}. */
    public static ShingleSignature fromBytes(byte[] bytes) {
        if (bytes.length != SIZE * Integer.BYTES) {
            throw new IllegalArgumentException("a signature is " + SIZE * Integer.BYTES + " bytes, not " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] mins = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            mins[i] = buffer.getInt();
        }
        return new ShingleSignature(mins);
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE * Integer.BYTES);
        for (int min : minHashes) {
            buffer.putInt(min);
        }
        return buffer.array();
    }

    /** Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]. */
    public double similarity(ShingleSignature other) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (minHashes[i] == other.minHashes[i]) {
                same++;
            }
        }
        return same / (double) SIZE;
    }

    /** One key per band; two signatures that share a key are candidates for the same story. */
    public long[] bandKeys() {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = mix(band + 1L);
            for (int row = 0; row < ROWS; row++) {
                key = mix(key ^ (minHashes[band * ROWS + row] & 0xFFFFFFFFL));
            }
            keys[band] = key;
        }
        return keys;
    }

    /** Lower-cased runs of letters and digits, any script. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static long[] shingleHashes(List<String> words) {
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = fnv1a(words.get(i));
        }
        long[] shingles = new long[wordHashes.length - SHINGLE_WORDS + 1];
        for (int i = 0; i < shingles.length; i++) {
            long h = 0;
            for (int j = 0; j < SHINGLE_WORDS; j++) {
                h = mix(h * 31 + wordHashes[i + j]);
            }
            shingles[i] = h;
        }
        return shingles;
    }

    private static long fnv1a(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: a cheap, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        // Fixed seeds: signatures are stored, so they must be the same in every process and release.
        long[] seeds = new long[SIZE];
        long state = 0x5EED_0F_57_0E1EL;
        for (int i = 0; i < SIZE; i++) {
            state += 0x9e3779b97f4a7c15L;
            seeds[i] = mix(state);
        }
        return seeds;
    }
}
