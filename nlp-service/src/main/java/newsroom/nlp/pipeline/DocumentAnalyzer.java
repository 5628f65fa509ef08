package newsroom.nlp.pipeline;

import edu.stanford.nlp.pipeline.Annotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsroom.cleaning.ArticleCleaner;
import newsroom.cleaning.ContentKind;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityBuilder;
import newsroom.nlp.entities.EntityMention;
import newsroom.nlp.entities.RolePhraseLinker;
import newsroom.nlp.entities.SurnameMentions;
import newsroom.nlp.events.EventExtractor;
import newsroom.nlp.phrases.KeyPhraseExtractor;
import newsroom.nlp.quotes.AttributedQuote;
import newsroom.nlp.quotes.QuoteAttributor;
import newsroom.nlp.quotes.QuoteFinder;
import newsroom.nlp.quotes.QuoteSpan;
import newsroom.nlp.text.ParsedText;
import newsroom.nlp.text.Token;
import newsroom.nlp.time.TemporalExpressionExtractor;
import newsroom.nlp.time.WeekdayTenseResolver;
import newsroom.nlp.tone.EntitySentiment;
import newsroom.nlp.tone.LexiconSentiment;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Document;
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
 * Analyses one document: validate, clean, run CoreNLP, then the Newsroom
 * stages (entities, quotes, role phrases, dates, events, key phrases, tone),
 * each switched on by the request's features. Stateless and safe to call from many threads.
 */
@ApplicationScoped
public class DocumentAnalyzer {

    private static final Logger LOG = Logger.getLogger(DocumentAnalyzer.class);

    private final CoreNlpPipeline pipeline;
    private final RequestValidator validator;
    private final ArticleCleaner cleaner = new ArticleCleaner();
    private final SurnameMentions surnames = new SurnameMentions();
    private final EntityBuilder entityBuilder = new EntityBuilder();
    private final QuoteFinder quoteFinder = new QuoteFinder();
    private final QuoteAttributor quoteAttributor = new QuoteAttributor();
    private final RolePhraseLinker rolePhrases = new RolePhraseLinker();
    private final TemporalExpressionExtractor temporalExtractor = new TemporalExpressionExtractor();
    private final WeekdayTenseResolver weekdays = new WeekdayTenseResolver();
    private final KeyPhraseExtractor keyPhraseExtractor = new KeyPhraseExtractor();
    private final LexiconSentiment sentiment = new LexiconSentiment();
    private final EntitySentiment entitySentiment = new EntitySentiment();
    private final EventExtractor eventExtractor = new EventExtractor();

    @Inject
    public DocumentAnalyzer(CoreNlpPipeline pipeline,
            @ConfigProperty(name = "newsroom.nlp.max-content-bytes", defaultValue = "1048576") int maxContentBytes) {
        this.pipeline = pipeline;
        this.validator = new RequestValidator(maxContentBytes);
    }

    public Analysis analyze(AnalyzeDocumentRequest request) {
        validator.validate(request);
        Document document = request.getDocument();
        String cleaned = cleaner.clean(document.getContent(),
                document.getType() == Document.Type.HTML ? ContentKind.HTML : ContentKind.PLAIN_TEXT);
        if (cleaned.isBlank()) {
            throw new InvalidDocumentException("document.content",
                    "nothing is left to analyse once markup and boilerplate are removed");
        }
        long start = System.nanoTime();
        LocalDate published = documentDate(request);
        Annotation annotation = pipeline.annotate(cleaned, published);
        AnnotationReader reader = new AnnotationReader(annotation, cleaned);
        ParsedText parsed = reader.parsedText();
        List<Token> tokens = parsed.tokens();
        FeatureSet features = FeatureSet.of(request.hasFeatures() ? request.getFeatures() : Features.getDefaultInstance());

        Analysis.Builder analysis = Analysis.newBuilder()
                .setCleanedText(cleaned)
                .setLanguage("en")
                .setWordCount((int) tokens.stream().filter(t -> !t.isPunctuation()).count());
        List<DocumentEntity> entities = List.of();
        List<QuoteSpan> quoteSpans = quoteFinder.find(cleaned);
        if (features.entities()) {
            entities = entityBuilder.build(surnames.addTo(reader.names(), tokens), cleaned.length());
            List<AttributedQuote> quotes = features.quotes()
                    ? quoteAttributor.attribute(parsed, quoteSpans, entities)
                    : List.of();
            Map<String, List<EntityMention>> speakerMentions = new HashMap<>();
            for (AttributedQuote q : quotes) {
                if (q.speakerMention() != null) {
                    speakerMentions.computeIfAbsent(q.speakerEntityId(), id -> new ArrayList<>()).add(q.speakerMention());
                }
                analysis.addQuotes(Quote.newBuilder().setText(q.text()).setBegin(q.begin()).setEnd(q.end())
                        .setSpeakerEntityId(q.speakerEntityId()).setSpeaker(q.speaker()).setCue(q.cue()));
            }
            // Role phrases come after the quote stage: its pronouns tell a person's gender, and
            // the role subjects it resolved ("the minister added") are not linked twice.
            entities = rolePhrases.link(entities.stream()
                    .map(e -> e.withMentions(speakerMentions.getOrDefault(e.id(), List.of()))).toList(), tokens, cleaned,
                    quoteSpans);
            Map<String, newsroom.nlp.tone.Sentiment> tones = features.entitySentiment()
                    ? entitySentiment.score(entities, parsed.sentences())
                    : Map.of();
            for (DocumentEntity e : entities) {
                Entity.Builder entity = toProto(e);
                if (tones.containsKey(e.id())) {
                    entity.setSentiment(toProto(tones.get(e.id())));
                }
                analysis.addEntities(entity);
            }
        }
        List<newsroom.nlp.time.TemporalExpression> dates = List.of();
        if (features.temporalExpressions()) {
            dates = weekdays.resolve(temporalExtractor.extract(annotation, cleaned), tokens, published);
            dates.forEach(t -> analysis.addTemporalExpressions(
                    TemporalExpression.newBuilder().setText(t.text()).setBegin(t.begin()).setEnd(t.end())
                            .setValue(t.value()).setType(t.type())));
        }
        if (features.events()) {
            eventExtractor.extract(parsed.sentences(), entities, dates, quoteSpans)
                    .forEach(e -> analysis.addEvents(Event.newBuilder().setType(Event.Type.valueOf(e.type().name()))
                            .setTrigger(e.trigger()).addAllActorEntityIds(e.actorEntityIds())
                            .addAllParticipantEntityIds(e.participantEntityIds()).setTopic(e.topic())
                            .setLocationEntityId(e.locationEntityId()).setDate(e.date())
                            .setBegin(e.begin()).setEnd(e.end())));
        }
        if (features.keyPhrases()) {
            keyPhraseExtractor.extract(cleaned, tokens).forEach(
                    p -> analysis.addKeyPhrases(KeyPhrase.newBuilder().setText(p.text()).setScore(p.score())));
        }
        if (features.sentiment()) {
            analysis.setSentiment(toProto(sentiment.score(tokens)));
        }
        LOG.infof("Analysed a document of %d words in %d ms", analysis.getWordCount(), (System.nanoTime() - start) / 1_000_000);
        return analysis.build();
    }

    private static LocalDate documentDate(AnalyzeDocumentRequest request) {
        Instant published = request.hasPublicationTime()
                ? Instant.ofEpochSecond(request.getPublicationTime().getSeconds(), request.getPublicationTime().getNanos())
                : Instant.now();
        return LocalDate.ofInstant(published, ZoneOffset.UTC);
    }

    private static Sentiment toProto(newsroom.nlp.tone.Sentiment tone) {
        return Sentiment.newBuilder().setScore(tone.score()).setMagnitude(tone.magnitude()).build();
    }

    private static Entity.Builder toProto(DocumentEntity e) {
        Entity.Builder entity = Entity.newBuilder().setId(e.id()).setName(e.name())
                .setType(Entity.Type.valueOf(e.type().name())).addAllAliases(e.aliases()).setSalience(e.salience());
        e.mentions().forEach(m -> entity.addMentions(Mention.newBuilder().setText(m.text()).setBegin(m.begin())
                .setEnd(m.end()).setKind(Mention.Kind.valueOf(m.kind().name()))));
        return entity;
    }

    /**
     * The parts of the analysis a request asked for: none asked means all;
     * quotes and entity sentiment need entities, events need entities and dates.
     */
    record FeatureSet(boolean entities, boolean quotes, boolean temporalExpressions, boolean keyPhrases,
            boolean sentiment, boolean entitySentiment, boolean events) {

        static FeatureSet of(Features f) {
            boolean all = !f.getExtractEntities() && !f.getExtractQuotes() && !f.getExtractTemporalExpressions()
                    && !f.getExtractKeyPhrases() && !f.getExtractDocumentSentiment() && !f.getExtractEntitySentiment()
                    && !f.getExtractEvents();
            return new FeatureSet(
                    all || f.getExtractEntities() || f.getExtractQuotes() || f.getExtractEntitySentiment()
                            || f.getExtractEvents(),
                    all || f.getExtractQuotes(),
                    all || f.getExtractTemporalExpressions() || f.getExtractEvents(),
                    all || f.getExtractKeyPhrases(),
                    all || f.getExtractDocumentSentiment(),
                    all || f.getExtractEntitySentiment(),
                    all || f.getExtractEvents());
        }
    }
}
