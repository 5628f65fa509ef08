package newsroom.nlp.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.quotes.AttributedQuote;
import newsroom.nlp.tone.Tone;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import newsroom.nlp.v1.Features;
import newsroom.nlp.v1.KeyPhrase;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.Quote;
import newsroom.nlp.v1.Sentiment;
import newsroom.nlp.v1.TemporalExpression;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Analyses one document: validates the request, runs the stages of
 * {@link AnalysisPipeline} that its features ask for, and writes their layers
 * as an {@code Analysis}. Stateless and safe to call from many threads.
 */
@ApplicationScoped
public class DocumentAnalyzer {

    private static final Logger LOG = Logger.getLogger(DocumentAnalyzer.class);

    private final AnalysisPipeline stages;
    private final RequestValidator validator;

    @Inject
    public DocumentAnalyzer(CoreNlpPipeline pipeline,
            @ConfigProperty(name = "newsroom.nlp.max-content-bytes", defaultValue = "1048576") int maxContentBytes) {
        this.stages = AnalysisPipeline.newsroom(pipeline);
        this.validator = new RequestValidator(maxContentBytes);
    }

    public Analysis analyze(AnalyzeDocumentRequest request) {
        validator.validate(request);
        long start = System.nanoTime();
        DocumentLayers document = new DocumentLayers();
        document.set(Layers.DOCUMENT, request.getDocument());
        document.set(Layers.PUBLICATION_DATE, documentDate(request));
        stages.run(document, FeatureSet.of(request.hasFeatures() ? request.getFeatures() : Features.getDefaultInstance()));
        Analysis analysis = toAnalysis(document);
        LOG.infof("Analysed a document of %d words in %d ms", analysis.getWordCount(), (System.nanoTime() - start) / 1_000_000);
        return analysis;
    }

    private static Analysis toAnalysis(DocumentLayers document) {
        Analysis.Builder analysis = Analysis.newBuilder()
                .setCleanedText(document.get(Layers.CLEANED_TEXT))
                .setLanguage("en")
                .setWordCount((int) document.get(Layers.PARSE).tokens().stream().filter(t -> !t.isPunctuation()).count());
        Map<String, Tone> tones = document.get(Layers.ENTITY_TONES);
        for (DocumentEntity e : document.get(Layers.ENTITIES)) {
            Entity.Builder entity = toProto(e);
            if (tones.containsKey(e.id())) {
                entity.setSentiment(toProto(tones.get(e.id())));
            }
            analysis.addEntities(entity);
        }
        for (AttributedQuote q : document.get(Layers.ATTRIBUTIONS)) {
            analysis.addQuotes(Quote.newBuilder().setText(q.text()).setBegin(q.begin()).setEnd(q.end())
                    .setSpeakerEntityId(q.speakerEntityId()).setSpeaker(q.speaker()).setCue(q.cue())
                    .setForm(AttributionForm.valueOf(q.form().name())));
        }
        document.get(Layers.DATES).forEach(t -> analysis.addTemporalExpressions(
                TemporalExpression.newBuilder().setText(t.text()).setBegin(t.begin()).setEnd(t.end())
                        .setValue(t.value()).setType(TemporalExpression.Type.valueOf(t.type().name()))));
        document.get(Layers.EVENTS).forEach(e -> analysis.addEvents(Event.newBuilder()
                .setType(Event.Type.valueOf(e.type().name())).setTrigger(e.trigger())
                .addAllActorEntityIds(e.actorEntityIds()).addAllParticipantEntityIds(e.participantEntityIds())
                .setTopic(e.topic()).setLocationEntityId(e.locationEntityId()).setDate(e.date())
                .setBegin(e.begin()).setEnd(e.end())));
        document.get(Layers.KEY_PHRASES).forEach(
                p -> analysis.addKeyPhrases(KeyPhrase.newBuilder().setText(p.text()).setScore(p.score())));
        document.get(Layers.DOCUMENT_TONE).ifPresent(tone -> analysis.setSentiment(toProto(tone)));
        return analysis.build();
    }

    private static LocalDate documentDate(AnalyzeDocumentRequest request) {
        Instant published = request.hasPublicationTime()
                ? Instant.ofEpochSecond(request.getPublicationTime().getSeconds(), request.getPublicationTime().getNanos())
                : Instant.now();
        return LocalDate.ofInstant(published, ZoneOffset.UTC);
    }

    private static Sentiment toProto(Tone tone) {
        return Sentiment.newBuilder().setScore(tone.score()).setMagnitude(tone.magnitude()).build();
    }

    private static Entity.Builder toProto(DocumentEntity e) {
        Entity.Builder entity = Entity.newBuilder().setId(e.id()).setName(e.name())
                .setType(Entity.Type.valueOf(e.type().name())).addAllAliases(e.aliases()).setSalience(e.salience());
        e.mentions().forEach(m -> entity.addMentions(Mention.newBuilder().setText(m.text()).setBegin(m.begin())
                .setEnd(m.end()).setKind(Mention.Kind.valueOf(m.kind().name()))));
        return entity;
    }
}
