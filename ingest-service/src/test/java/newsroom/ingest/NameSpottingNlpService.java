package newsroom.ingest;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.AnalyzeDocumentResponse;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.Quote;
import newsroom.nlp.v1.NlpService;

/**
 * A small, real NlpService for the ingest tests, served over gRPC on the test
 * port (the real one loads half a gigabyte of models). It spots a fixed list
 * of names, folds a person's surname into the full name when the text uses
 * both, and attributes each quotation to the nearest person named after it
 * (else before it), much as the real service shapes its Analysis.
 *
 * <p>Markers in the text script failures: {@code [nlp-unavailable xN]} fails
 * the first N calls for that text with UNAVAILABLE; {@code [nlp-rejects]}
 * fails every call with INVALID_ARGUMENT, {@code [nlp-rejects after N]} every
 * call after the first N. They also script a changing service:
 * {@code [nlp-slow Nms]} answers N milliseconds late; {@code [nlp-learns]}
 * finds reported speech ("Lavrov said the talks went well.": an INDIRECT
 * quote of the clause after "said") from the second call for that text on,
 * as an nlp-service upgraded between an article's analysis and its
 * re-analysis would.
 */
@GrpcService
public class NameSpottingNlpService implements NlpService {

    static final Map<String, Entity.Type> KNOWN_NAMES = new LinkedHashMap<>();

    static {
        for (String person : List.of("Sergey Lavrov", "Shah Mahmood Qureshi", "Maria Zakharova")) {
            KNOWN_NAMES.put(person, Entity.Type.PERSON);
        }
        for (String place : List.of("Pakistan", "Russia", "Islamabad", "Moscow")) {
            KNOWN_NAMES.put(place, Entity.Type.GPE);
        }
    }

    private static final Pattern UNAVAILABLE_MARKER = Pattern.compile("\\[nlp-unavailable x(\\d+)]");
    private static final String REJECT_MARKER = "[nlp-rejects]";
    private static final Pattern REJECT_AFTER_MARKER = Pattern.compile("\\[nlp-rejects after (\\d+)]");
    private static final Pattern SLOW_MARKER = Pattern.compile("\\[nlp-slow (\\d+)ms]");
    private static final String LEARNS_MARKER = "[nlp-learns]";
    private static final Pattern REPORTED_SPEECH = Pattern.compile(" said (?:that )?([^.\u201C\"]+)");
    private static final Pattern QUOTATION = Pattern.compile("\u201C([^\u201D]+)\u201D|\"([^\"]+)\"");

    private final Map<String, AtomicInteger> callsByText = new ConcurrentHashMap<>();
    private final Map<String, AnalyzeDocumentRequest> lastRequestByText = new ConcurrentHashMap<>();

    /** How many times the text was sent for analysis. */
    public int calls(String text) {
        AtomicInteger calls = callsByText.get(text);
        return calls == null ? 0 : calls.get();
    }

    /** The last request that carried the text; null when none did. */
    public AnalyzeDocumentRequest lastRequest(String text) {
        return lastRequestByText.get(text);
    }

    @Override
    public Uni<AnalyzeDocumentResponse> analyzeDocument(AnalyzeDocumentRequest request) {
        String text = request.getDocument().getContent();
        int call = callsByText.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
        lastRequestByText.put(text, request);
        Matcher unavailable = UNAVAILABLE_MARKER.matcher(text);
        if (unavailable.find() && call <= Integer.parseInt(unavailable.group(1))) {
            return Uni.createFrom().failure(
                    Status.UNAVAILABLE.withDescription("models are loading (test double)").asRuntimeException());
        }
        Matcher rejectsAfter = REJECT_AFTER_MARKER.matcher(text);
        if (text.contains(REJECT_MARKER) || rejectsAfter.find() && call > Integer.parseInt(rejectsAfter.group(1))) {
            return Uni.createFrom().failure(
                    Status.INVALID_ARGUMENT.withDescription("document.content: rejected (test double)")
                            .asRuntimeException());
        }
        Analysis analysis = analyze(text);
        if (text.contains(LEARNS_MARKER) && call > 1) {
            analysis = withReportedSpeech(analysis);
        }
        Uni<AnalyzeDocumentResponse> response =
                Uni.createFrom().item(AnalyzeDocumentResponse.newBuilder().setAnalysis(analysis).build());
        Matcher slow = SLOW_MARKER.matcher(text);
        return slow.find() ? response.onItem().delayIt().by(Duration.ofMillis(Long.parseLong(slow.group(1)))) : response;
    }

    /** The analysis with an INDIRECT quote for each "NAME said CLAUSE." where NAME is a person's mention. */
    static Analysis withReportedSpeech(Analysis analysis) {
        String text = analysis.getCleanedText();
        Analysis.Builder learned = analysis.toBuilder();
        for (Entity entity : analysis.getEntitiesList()) {
            if (entity.getType() != Entity.Type.PERSON) {
                continue;
            }
            for (Mention mention : entity.getMentionsList()) {
                Matcher reported = REPORTED_SPEECH.matcher(text).region(mention.getEnd(), text.length());
                if (reported.lookingAt()) {
                    learned.addQuotes(Quote.newBuilder().setText(reported.group(1).strip())
                            .setBegin(reported.start(1)).setEnd(reported.start(1) + reported.group(1).strip().length())
                            .setSpeakerEntityId(entity.getId()).setSpeaker(entity.getName()).setCue("say")
                            .setForm(AttributionForm.INDIRECT));
                }
            }
        }
        return learned.build();
    }

    static Analysis analyze(String text) {
        List<Entity.Builder> entities = new ArrayList<>();
        List<int[]> fullNameSpans = new ArrayList<>();
        Map<String, Entity.Builder> bySurname = new LinkedHashMap<>();
        for (Map.Entry<String, Entity.Type> known : KNOWN_NAMES.entrySet()) {
            List<int[]> spans = find(text, known.getKey());
            if (spans.isEmpty()) {
                continue;
            }
            fullNameSpans.addAll(spans);
            Entity.Builder entity = Entity.newBuilder().setName(known.getKey()).setType(known.getValue());
            spans.forEach(span -> entity.addMentions(mention(text, span)));
            entities.add(entity);
            if (known.getValue() == Entity.Type.PERSON) {
                bySurname.put(surname(known.getKey()), entity);
            }
        }
        // Surnames standing alone join the full name used in the same text, or stand for themselves.
        for (Map.Entry<String, Entity.Type> known : KNOWN_NAMES.entrySet()) {
            if (known.getValue() != Entity.Type.PERSON) {
                continue;
            }
            String surname = surname(known.getKey());
            List<int[]> alone = find(text, surname).stream()
                    .filter(span -> fullNameSpans.stream().noneMatch(full -> full[0] <= span[0] && span[1] <= full[1]))
                    .toList();
            if (alone.isEmpty()) {
                continue;
            }
            Entity.Builder entity = bySurname.get(surname);
            if (entity == null) {
                entity = Entity.newBuilder().setName(surname).setType(Entity.Type.PERSON);
                entities.add(entity);
                bySurname.put(surname, entity);
            } else {
                entity.addAliases(surname);
            }
            for (int[] span : alone) {
                entity.addMentions(mention(text, span));
            }
        }
        Analysis.Builder analysis = Analysis.newBuilder().setCleanedText(text).setLanguage("en");
        for (int i = 0; i < entities.size(); i++) {
            Entity.Builder entity = entities.get(i).setId("e" + (i + 1)).setSalience(1.0 / (i + 1));
            List<Mention> sorted = new ArrayList<>(entity.getMentionsList());
            sorted.sort((a, b) -> Integer.compare(a.getBegin(), b.getBegin()));
            entity.clearMentions().addAllMentions(sorted);
            analysis.addEntities(entity);
        }
        Matcher quotation = QUOTATION.matcher(text);
        while (quotation.find()) {
            int group = quotation.group(1) != null ? 1 : 2;
            Quote.Builder quote = Quote.newBuilder().setText(quotation.group(group))
                    .setBegin(quotation.start(group)).setEnd(quotation.end(group));
            Entity speaker = nearestPerson(analysis.getEntitiesList(), quotation.start(), quotation.end());
            if (speaker != null) {
                quote.setSpeakerEntityId(speaker.getId()).setSpeaker(speaker.getName()).setCue("say");
            }
            analysis.addQuotes(quote);
        }
        return analysis.build();
    }

    private static Entity nearestPerson(List<Entity> entities, int quoteStart, int quoteEnd) {
        Entity after = null;
        int afterDistance = Integer.MAX_VALUE;
        Entity before = null;
        int beforeDistance = Integer.MAX_VALUE;
        for (Entity entity : entities) {
            if (entity.getType() != Entity.Type.PERSON) {
                continue;
            }
            for (Mention mention : entity.getMentionsList()) {
                if (mention.getBegin() >= quoteEnd && mention.getBegin() - quoteEnd < afterDistance) {
                    after = entity;
                    afterDistance = mention.getBegin() - quoteEnd;
                } else if (mention.getEnd() <= quoteStart && quoteStart - mention.getEnd() < beforeDistance) {
                    before = entity;
                    beforeDistance = quoteStart - mention.getEnd();
                }
            }
        }
        return after != null && afterDistance < 60 ? after : before;
    }

    private static String surname(String fullName) {
        return fullName.substring(fullName.lastIndexOf(' ') + 1);
    }

    private static List<int[]> find(String text, String name) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }

    private static Mention mention(String text, int[] span) {
        return Mention.newBuilder().setText(text.substring(span[0], span[1])).setBegin(span[0]).setEnd(span[1])
                .setKind(Mention.Kind.NAME).build();
    }
}
