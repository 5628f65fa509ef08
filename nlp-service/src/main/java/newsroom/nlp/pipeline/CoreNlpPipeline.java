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
import java.time.LocalDate;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import newsroom.nlp.ner.KbpGazetteer;
import newsroom.nlp.v1.NlpServiceGrpc;
import org.jboss.logging.Logger;

/**
 * The one Stanford CoreNLP pipeline of the process, followed by Newsroom's
 * fine-grained NER stage ({@link FineGrainedNer}). Loading the models takes
 * tens of seconds, so it happens once, on a background thread started with the
 * application: the server answers at once, reports not ready (HTTP readiness
 * DOWN, gRPC health NOT_SERVING) and refuses analyses with UNAVAILABLE until
 * the models are in memory.
 */
@ApplicationScoped
public class CoreNlpPipeline {

    private static final Logger LOG = Logger.getLogger(CoreNlpPipeline.class);
    private static final String[] GRPC_SERVICES = {GrpcHealthStorage.DEFAULT_SERVICE_NAME, NlpServiceGrpc.SERVICE_NAME};

    @Inject
    Instance<GrpcHealthStorage> grpcHealth;

    private volatile StanfordCoreNLP pipeline;
    private volatile FineGrainedNer fineGrainedNer;
    private volatile String failure;

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
            StanfordCoreNLP loading = new StanfordCoreNLP(properties());
            fineGrainedNer = new FineGrainedNer(gazetteer.join());
            pipeline = loading;
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

    private void setGrpcStatus(ServingStatus status) {
        if (grpcHealth != null && grpcHealth.isResolvable()) {
            for (String service : GRPC_SERVICES) {
                grpcHealth.get().setStatus(service, status);
            }
        }
    }

    public boolean isReady() {
        return pipeline != null;
    }

    /** Why loading failed, or null when it has not failed. */
    public String failure() {
        return failure;
    }

    /** Runs the pipeline on a text, resolving relative dates against {@code documentDate}. */
    public Annotation annotate(String text, LocalDate documentDate) {
        StanfordCoreNLP loaded = pipeline;
        if (loaded == null) {
            throw new ModelsLoadingException(failure == null
                    ? "NLP models are still loading; retry in a few seconds"
                    : "NLP models failed to load (" + failure + "); the service must be restarted");
        }
        Annotation annotation = new Annotation(text);
        annotation.set(CoreAnnotations.DocDateAnnotation.class, documentDate.toString());
        loaded.annotate(annotation);
        fineGrainedNer.annotate(annotation);
        return annotation;
    }
}
