package newsroom.nlp.pipeline;

import edu.stanford.nlp.pipeline.Annotation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.NameMention;
import newsroom.nlp.events.DocumentEvent;
import newsroom.nlp.phrases.ScoredPhrase;
import newsroom.nlp.quotes.AttributedQuote;
import newsroom.nlp.quotes.AttributionCandidate;
import newsroom.nlp.quotes.Cue;
import newsroom.nlp.quotes.SpeakerReference;
import newsroom.nlp.text.ParsedText;
import newsroom.nlp.text.QuoteSpan;
import newsroom.nlp.time.DocumentTimex;
import newsroom.nlp.tone.Tone;
import newsroom.nlp.v1.Document;

/** Every layer an analysis builds, in the order the stages provide them. */
public final class Layers {

    private Layers() {
    }

    /** Given: the submitted document. */
    public static final Layer<Document> DOCUMENT = Layer.of("document");
    /** Given: the day relative dates are resolved against. */
    public static final Layer<LocalDate> PUBLICATION_DATE = Layer.of("publication date");

    public static final Layer<String> CLEANED_TEXT = Layer.of("cleaned text");
    /** CoreNLP's own annotation, read only by the stages that need CoreNLP types (dates). */
    public static final Layer<Annotation> CORENLP = Layer.of("corenlp annotation");
    /** Sentences, tokens with POS tags, lemmas and NER tags, and dependency trees. */
    public static final Layer<ParsedText> PARSE = Layer.of("parse");
    /** The proper names NER found. */
    public static final Layer<List<NameMention>> NER_NAMES = Layer.of("ner names");
    /** Text between quotation marks. */
    public static final Layer<List<QuoteSpan>> QUOTATIONS = Layer.of("quotations");

    public static final Layer<List<NameMention>> NAMES = Layer.skippable("names", List.of());
    /** One entity per real-world person, organization or place, named mentions only. */
    public static final Layer<List<DocumentEntity>> NAMED_ENTITIES = Layer.skippable("named entities", List.of());

    public static final Layer<List<AttributionCandidate>> ATTRIBUTION_CANDIDATES =
            Layer.skippable("attribution candidates", List.of());
    /** One cue per attribution candidate, in the same order. */
    public static final Layer<List<Cue>> CUES = Layer.skippable("cues", List.of());
    /** One speaker reference per attribution candidate, in the same order. */
    public static final Layer<List<SpeakerReference>> SPEAKER_REFERENCES = Layer.skippable("speaker references", List.of());
    public static final Layer<List<AttributedQuote>> ATTRIBUTIONS = Layer.skippable("attributions", List.of());

    /** The named entities with the pronouns and role phrases that refer to them added as mentions. */
    public static final Layer<List<DocumentEntity>> ENTITIES = Layer.skippable("entities", List.of());
    /** Tone per entity id. */
    public static final Layer<Map<String, Tone>> ENTITY_TONES = Layer.skippable("entity tones", Map.of());
    public static final Layer<List<DocumentTimex>> DATES = Layer.skippable("dates", List.of());
    public static final Layer<List<DocumentEvent>> EVENTS = Layer.skippable("events", List.of());
    public static final Layer<List<ScoredPhrase>> KEY_PHRASES = Layer.skippable("key phrases", List.of());
    public static final Layer<Optional<Tone>> DOCUMENT_TONE = Layer.skippable("document tone", Optional.empty());
}
