package newsroom.nlp.pipeline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.quarkus.grpc.runtime.health.GrpcHealthStorage;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import newsroom.nlp.ner.KbpGazetteer;
import newsroom.nlp.quotes.CueLexicon;
import newsroom.nlp.time.TemporalWords;
import newsroom.nlp.v1.NlpServiceGrpc;
import org.jboss.logging.Logger;

/**
 * The one Stanford CoreNLP pipeline of the process, followed by Newsroom's
 * fine-grained NER stage ({@link FineGrainedNer}). Loading the models takes
 * about 11 s on a quiet 2-core machine (BENCHMARKS.md), so it happens once,
 * on a background thread started with the application: the server answers at
 * once, reports not ready (HTTP readiness DOWN, gRPC health NOT_SERVING) and
 * refuses analyses with UNAVAILABLE until the models are in memory.
 */
@ApplicationScoped
public class CoreNlpPipeline {

    private static final Logger LOG = Logger.getLogger(CoreNlpPipeline.class);
    private static final String[] GRPC_SERVICES = {GrpcHealthStorage.DEFAULT_SERVICE_NAME, NlpServiceGrpc.SERVICE_NAME};

    @Inject
    Instance<GrpcHealthStorage> grpcHealth;

    /** The most tokens one document may have; more is refused before any model runs on it. */
    public static final int DEFAULT_MAX_TOKENS = 100_000;

    private final CueLexicon cues = new CueLexicon();
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "newsroom.nlp.max-tokens", defaultValue = "100000")
    int maxTokens = DEFAULT_MAX_TOKENS;
    private volatile Parts parts;
    private volatile String failure;

    /**
     * CoreNLP in four parts, so that its two costliest steps run only where
     * their results are read (docs/nlp.md, "Where CoreNLP's time goes"):
     * SUTime only in sentences that can hold a date, the dependency parser
     * only in sentences that can hold an attribution.
     */
    private record Parts(StanfordCoreNLP tokens, StanfordCoreNLP tags, StanfordCoreNLP nerWithDates, StanfordCoreNLP nerWithoutDates,
            BasicDependencyParser parser, FineGrainedNer fineGrainedNer) {
    }

    /** The only CoreNLP configuration: every process, tests included, loads exactly this. */
    public static Properties properties() {
        Properties properties = new Properties();
        // No coref and no quote annotator: they cost most of the time and memory, and Newsroom's
        // own stages (newsroom.nlp.quotes, newsroom.nlp.entities) do their work better on news.
        properties.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse");
        // A blank line ends a sentence: headlines and form lines never run into the next paragraph.
        properties.setProperty("ssplit.newlineIsSentenceBreak", "two");
        // Fine-grained NER (CITY, COUNTRY, TITLE, NATIONALITY...) and the entity mentions built on
        // it are FineGrainedNer's: the same KBP lists and labels in one lookup pass, where
        // CoreNLP's TokensRegex matcher took 40% of the CPU of an analysis.
        properties.setProperty("ner.applyFineGrained", "false");
        properties.setProperty("ner.buildEntityMentions", "false");
        return properties;
    }

    void onStart(@Observes StartupEvent event) {
        setGrpcStatus(ServingStatus.NOT_SERVING);
        Thread loader = new Thread(this::load, "corenlp-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        long start = System.nanoTime();
        LOG.info("Loading CoreNLP models");
        try {
            // The gazetteer loads on a thread of its own while CoreNLP loads its models.
            CompletableFuture<KbpGazetteer> gazetteer = CompletableFuture.supplyAsync(() -> {
                long gazetteerStart = System.nanoTime();
                KbpGazetteer loaded = KbpGazetteer.load();
                LOG.infof("KBP gazetteer (%,d entries) loaded in %.1f s", loaded.size(),
                        (System.nanoTime() - gazetteerStart) / 1e9);
                return loaded;
            }, runnable -> new Thread(runnable, "kbp-gazetteer-loader").start());
            Properties base = properties();
            parts = new Parts(new StanfordCoreNLP(part(base, "tokenize,ssplit")),
                    new StanfordCoreNLP(part(base, "pos,lemma")),
                    new StanfordCoreNLP(part(base, "ner")),
                    new StanfordCoreNLP(withoutSuTime(part(base, "ner"))),
                    new BasicDependencyParser(),
                    new FineGrainedNer(gazetteer.join()));
            setGrpcStatus(ServingStatus.SERVING);
            LOG.infof("CoreNLP models loaded in %.1f s", (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException | Error e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            failure = cause.toString();
            LOG.error("Loading CoreNLP models failed; the service stays not ready", cause);
        }
    }

    /**
     * A pipeline loaded on the calling thread, outside any application: for the
     * benchmarks, which time analyses in a plain JVM.
     */
    public static CoreNlpPipeline loadedNow() {
        CoreNlpPipeline loaded = new CoreNlpPipeline();
        loaded.load();
        if (loaded.failure != null) {
            throw new IllegalStateException("CoreNLP models failed to load: " + loaded.failure);
        }
        return loaded;
    }

    /** The base configuration with only some of its annotators, run on an annotation the earlier ones made. */
    private static Properties part(Properties base, String annotators) {
        Properties part = new Properties();
        part.putAll(base);
        part.setProperty("annotators", annotators);
        part.setProperty("enforceRequirements", "false");
        return part;
    }

    /** NER exactly as configured, but with CoreNLP's older numeric rules instead of SUTime for the dates. */
    private static Properties withoutSuTime(Properties ner) {
        ner.setProperty("ner.useSUTime", "false");
        return ner;
    }

    private void setGrpcStatus(ServingStatus status) {
        if (grpcHealth != null && grpcHealth.isResolvable()) {
            for (String service : GRPC_SERVICES) {
                grpcHealth.get().setStatus(service, status);
            }
        }
    }

    public boolean isReady() {
        return parts != null;
    }

    /** Why loading failed, or null when it has not failed. */
    public String failure() {
        return failure;
    }

    /**
     * Runs the pipeline on a text, resolving relative dates against
     * {@code documentDate}. Every sentence gets tokens, POS tags, lemmas and
     * NER; SUTime's dates only the sentences that can hold one
     * ({@link TemporalWords}); a dependency parse only the sentences that can
     * hold an attribution ({@link #mayHoldAttribution}), the only ones
     * Newsroom's stages read it in.
     */
    public Annotation annotate(String text, LocalDate documentDate) {
        Parts loaded = parts;
        if (loaded == null) {
            throw new ModelsLoadingException(failure == null
                    ? "NLP models are still loading; retry in a few seconds"
                    : "NLP models failed to load (" + failure + "); the service must be restarted");
        }
        // The guarded text has the same length: every offset CoreNLP gives is one into the text.
        Annotation annotation = new Annotation(InputGuard.forTokenizer(text));
        annotation.set(CoreAnnotations.DocDateAnnotation.class, documentDate.toString());
        loaded.tokens().annotate(annotation);
        int tokens = annotation.get(CoreAnnotations.TokensAnnotation.class).size();
        if (tokens > maxTokens) {
            throw new InvalidDocumentException("document.content", "is " + tokens + " tokens long; the limit is " + maxTokens
                    + " (newsroom.nlp.max-tokens): split it into shorter documents");
        }
        InputGuard.cutLongSentences(annotation);
        loaded.tags().annotate(annotation);
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        List<CoreMap> dated = new ArrayList<>();
        List<CoreMap> undated = new ArrayList<>();
        for (CoreMap sentence : sentences) {
            List<String> words = sentence.get(CoreAnnotations.TokensAnnotation.class).stream().map(CoreLabel::word).toList();
            (TemporalWords.mayHoldDate(words) ? dated : undated).add(sentence);
        }
        loaded.nerWithDates().annotate(subset(annotation, dated));
        loaded.nerWithoutDates().annotate(subset(annotation, undated));
        loaded.fineGrainedNer().annotate(annotation);
        loaded.parser().parse(sentencesToParse(sentences));
        return annotation;
    }

    /**
     * An annotation over some of a document's sentences, sharing their
     * tokens: an annotator run on it annotates those sentences in place.
     */
    private static Annotation subset(Annotation document, List<CoreMap> sentences) {
        Annotation subset = new Annotation(document.get(CoreAnnotations.TextAnnotation.class));
        subset.set(CoreAnnotations.DocDateAnnotation.class, document.get(CoreAnnotations.DocDateAnnotation.class));
        subset.set(CoreAnnotations.SentencesAnnotation.class, sentences);
        List<CoreLabel> tokens = new ArrayList<>();
        sentences.forEach(s -> tokens.addAll(s.get(CoreAnnotations.TokensAnnotation.class)));
        subset.set(CoreAnnotations.TokensAnnotation.class, tokens);
        return subset;
    }

    /**
     * The sentences the attribution stages read the parse of: a sentence with
     * a quotation mark; a sentence with a word that may report speech
     * ({@link #mayHoldAttribution}); and a sentence next to a quotation's that
     * can introduce or close it: one ending in a colon ("Stated Stone:"), one
     * with a verb that may cue a quotation ("“…?” Graham asked."), and one
     * between two quotations, whose subject the second may continue.
     */
    public List<CoreMap> sentencesToParse(List<CoreMap> sentences) {
        int n = sentences.size();
        boolean[] quoted = new boolean[n];
        boolean[] parse = new boolean[n];
        boolean[] cuesQuote = new boolean[n];
        for (int s = 0; s < n; s++) {
            List<CoreLabel> tokens = sentences.get(s).get(CoreAnnotations.TokensAnnotation.class);
            for (CoreLabel t : tokens) {
                quoted[s] |= isQuotationMark(t);
                parse[s] |= mayHoldAttribution(t);
                cuesQuote[s] |= cues.mayCueQuote(t.word(), t.lemma(), t.tag());
            }
            cuesQuote[s] |= !tokens.isEmpty() && tokens.get(tokens.size() - 1).word().equals(":");
        }
        List<CoreMap> selected = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            boolean before = s > 0 && quoted[s - 1];
            boolean after = s + 1 < n && quoted[s + 1];
            if (parse[s] || quoted[s] || ((before || after) && cuesQuote[s]) || (before && after)) {
                selected.add(sentences.get(s));
            }
        }
        return selected;
    }

    /** A word that may report speech away from any quotation ({@link CueLexicon#mayReport}). */
    private boolean mayHoldAttribution(CoreLabel t) {
        return cues.mayReport(t.word(), t.lemma(), t.tag());
    }

    private static boolean isQuotationMark(CoreLabel t) {
        String tag = t.tag();
        return tag.equals("``") || tag.equals("''") || t.word().indexOf('"') >= 0 || t.word().indexOf('\u201c') >= 0
                || t.word().indexOf('\u201d') >= 0;
    }
}
