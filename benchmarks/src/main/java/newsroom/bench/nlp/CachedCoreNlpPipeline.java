package newsroom.bench.nlp;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.ProtobufAnnotationSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import newsroom.nlp.pipeline.CoreNlpPipeline;

/**
 * nlp-service's CoreNLP pipeline with its annotations kept on disk, keyed by
 * the text and date: re-running Newsroom's own stages over the same articles
 * after a rule change then takes seconds, not the minutes CoreNLP needs. The
 * models are loaded only when a text is not in the cache yet. For tuning
 * runs only ({@link QuoteTuning}); timed runs never use it.
 */
final class CachedCoreNlpPipeline extends CoreNlpPipeline {

    private final Path directory;
    private final ProtobufAnnotationSerializer serializer = new ProtobufAnnotationSerializer(false);
    private final boolean cachedOnly;
    private CoreNlpPipeline loaded;

    /** {@code cachedOnly}: a text not in the cache throws {@link NotCachedException} instead of loading the models. */
    CachedCoreNlpPipeline(Path directory, boolean cachedOnly) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.cachedOnly = cachedOnly;
    }

    /** A text whose annotation is not in the cache, in cached-only mode. */
    static final class NotCachedException extends RuntimeException {
        NotCachedException() {
            super("not in the annotation cache", null, false, false);
        }
    }

    @Override
    public Annotation annotate(String text, LocalDate documentDate) {
        Path file = directory.resolve(key(text + "\u0000" + documentDate) + ".pb.gz");
        try {
            if (Files.exists(file)) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    return withParsesAsServed(serializer.read(in).first);
                }
            }
            if (cachedOnly) {
                throw new NotCachedException();
            }
            if (loaded == null) {
                loaded = CoreNlpPipeline.loadedNow();
            }
            Annotation annotation = loaded.annotate(text, documentDate);
            // (The cache holds what the service computes; older entries hold a parse of every sentence.)
            Path partial = directory.resolve(file.getFileName() + ".part");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial))) {
                serializer.write(annotation, out);
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return annotation;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Entries cached before the service parsed only the sentences that can
     * hold an attribution have every sentence parsed: drop the parses the
     * service no longer makes, so tuning sees what the service sees.
     */
    private Annotation withParsesAsServed(Annotation annotation) {
        var sentences = annotation.get(edu.stanford.nlp.ling.CoreAnnotations.SentencesAnnotation.class);
        var parsed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<edu.stanford.nlp.util.CoreMap, Boolean>());
        parsed.addAll(sentencesToParse(sentences));
        for (var sentence : sentences) {
            if (!parsed.contains(sentence)) {
                sentence.remove(edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            }
        }
        return annotation;
    }

    private static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
