package newsroom.bench.query;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsroom.nlp.v1.Analysis;

/**
 * A real article with the analysis the real NLP pipeline produced for it: the
 * base sample the query benchmark widens into a large store. Saved as a
 * sequence of length-prefixed fields so the slow analysis runs once.
 */
record AnalyzedSample(String source, String title, Instant published, Analysis analysis) {

    static void writeAll(Path file, List<AnalyzedSample> samples) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (AnalyzedSample sample : samples) {
                bytes(out, sample.source.getBytes(StandardCharsets.UTF_8));
                bytes(out, sample.title.getBytes(StandardCharsets.UTF_8));
                out.writeLong(sample.published.getEpochSecond());
                bytes(out, sample.analysis.toByteArray());
            }
        }
    }

    /**
     * The first {@code size} samples of {@code files} read one after the
     * other. A base sample of another size widens into another store (other
     * entities, each in another number of copies), so the size is fixed
     * rather than whatever the analysis managed in its time budget.
     *
     * @throws IllegalArgumentException when the files hold fewer than {@code size} samples
     */
    static List<AnalyzedSample> readFirst(List<Path> files, int size) throws IOException {
        if (size < 1) {
            throw new IllegalArgumentException("the base sample size must be at least 1, not " + size);
        }
        List<AnalyzedSample> samples = new ArrayList<>();
        for (Path file : files) {
            samples.addAll(readAll(file));
        }
        if (samples.size() < size) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the base sample needs %d analysed articles but %s hold only %d: analyse more"
                            + " (exec:java@query-sample -Darticles=%d) or give a smaller -Dbase",
                    size, files, samples.size(), size));
        }
        return List.copyOf(samples.subList(0, size));
    }

    static List<AnalyzedSample> readAll(Path file) throws IOException {
        List<AnalyzedSample> samples = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                byte[] source;
                try {
                    source = bytes(in);
                } catch (EOFException end) {
                    return samples;
                }
                String title = new String(bytes(in), StandardCharsets.UTF_8);
                Instant published = Instant.ofEpochSecond(in.readLong());
                samples.add(new AnalyzedSample(new String(source, StandardCharsets.UTF_8), title, published,
                        parse(bytes(in))));
            }
        }
    }

    private static Analysis parse(byte[] bytes) throws InvalidProtocolBufferException {
        return Analysis.parseFrom(bytes);
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
