package newsroom.nlp.metrics;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsroom.nlp.v1.AnalyzeDocumentResponse;

/**
 * Counts the documents analysed and their words, as Prometheus counters
 * {@code newsroom_nlp_documents_total} and {@code newsroom_nlp_words_total}: their rate is
 * the throughput of this instance (documents and words per second). Counted from the
 * responses sent, so the analysis code does not need to know about metrics.
 */
// Created at start-up, so the counters are exported (at 0) before the first call.
@Startup
@ApplicationScoped
@GlobalInterceptor
public class AnalysisMetrics implements ServerInterceptor {

    @Inject
    MeterRegistry registry;

    private Counter documents;
    private Counter words;

    @PostConstruct
    void register() {
        documents = Counter.builder("newsroom.nlp.documents")
                .description("Documents analysed by this instance")
                .register(registry);
        words = Counter.builder("newsroom.nlp.words")
                .description("Words (tokens other than punctuation) of the documents analysed by this instance")
                .register(registry);
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
                                                                 ServerCallHandler<ReqT, RespT> next) {
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendMessage(RespT message) {
                if (message instanceof AnalyzeDocumentResponse response) {
                    documents.increment();
                    words.increment(response.getAnalysis().getWordCount());
                }
                super.sendMessage(message);
            }
        }, headers);
    }
}
