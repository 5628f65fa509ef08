package newsroom.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import newsroom.nlp.v1.Quote;
import newsroom.nlp.v1.TemporalExpression;

/** An {@code Analysis} for people: entities, who said what, dates, events, key phrases and tone. */
public final class AnalysisReport {

    private static final String BY_SPEAKER_INDENT = "  ";
    private static final String GAP = "  ";
    private static final int MINIMUM_WORDS_WIDTH = 30;

    private AnalysisReport() {
    }

    public static void print(Analysis analysis, PrintStream out) {
        section(out, "Entities", entities(analysis.getEntitiesList(), entity -> true));
        section(out, "Quotes", quotes(analysis.getQuotesList()));
        section(out, "Dates", dates(analysis.getTemporalExpressionsList()));
        section(out, "Events", events(analysis));
        if (analysis.getKeyPhrasesCount() > 0) {
            out.println("Key phrases: " + String.join("; ", analysis.getKeyPhrasesList().stream()
                    .limit(10).map(phrase -> phrase.getText()).toList()));
        }
        if (analysis.hasSentiment()) {
            out.printf("Tone: %.2f (magnitude %.2f)%n", analysis.getSentiment().getScore(),
                    analysis.getSentiment().getMagnitude());
        }
    }

    public static void section(PrintStream out, String title, Table table) {
        out.println(title);
        if (table.isEmpty()) {
            out.println("  (none)");
        } else {
            table.print(out);
        }
        out.println();
    }

    public static Table entities(List<Entity> entities, Predicate<Entity> which) {
        Table table = new Table("NAME", "TYPE", "MENTIONS", "TONE", "ALIASES");
        for (Entity entity : entities) {
            if (which.test(entity)) {
                table.row(entity.getName(), entity.getType().name(), entity.getMentionsCount(),
                        entity.hasSentiment() ? String.format("%+.2f", entity.getSentiment().getScore()) : "",
                        String.join(", ", entity.getAliasesList()));
            }
        }
        return table;
    }

    /** Who said what in the article's order: the speaker, the cue, the form, and the words. */
    public static Table quotes(List<Quote> quotes) {
        Table table = new Table("SPEAKER", "CUE", "FORM", "TEXT");
        for (Quote quote : quotes) {
            Attribution attribution = Attribution.of(quote);
            table.row(attribution.speaker(), attribution.cue(), attribution.form(), attribution.words());
        }
        return table;
    }

    /** {@link #whoSaidWhat(List, int)} in the terminal's width, under a title with the counts by form. */
    public static void printWhoSaidWhat(List<Quote> quotes, PrintStream out) {
        List<Attribution> attributions = quotes.stream().map(Attribution::of).toList();
        Map<String, Long> byForm = attributions.stream()
                .collect(Collectors.groupingBy(Attribution::form, Collectors.counting()));
        out.println("Who said what" + (attributions.isEmpty() ? "" : String.format(
                " (%d: %d direct, %d mixed, %d indirect)", attributions.size(), byForm.getOrDefault("direct", 0L),
                byForm.getOrDefault("mixed", 0L), byForm.getOrDefault("indirect", 0L))));
        out.print(attributions.isEmpty() ? "  (none)\n" : whoSaidWhat(quotes, TerminalWidth.columns()));
        out.println();
    }

    /**
     * Every attribution grouped by speaker, the speakers with the most first (then in the
     * order they first speak), each speaker's in the article's order: a line with the
     * speaker, then one indented line per attribution with its cue, form and words, the
     * words wrapped to {@code width} (aligned across speakers).
     */
    static String whoSaidWhat(List<Quote> quotes, int width) {
        Map<String, List<Attribution>> bySpeaker = new LinkedHashMap<>();
        for (Quote quote : quotes) {
            Attribution attribution = Attribution.of(quote);
            bySpeaker.computeIfAbsent(attribution.speaker(), speaker -> new ArrayList<>()).add(attribution);
        }
        List<List<Attribution>> groups = new ArrayList<>(bySpeaker.values());
        groups.sort(Comparator.comparingInt(group -> -group.size()));
        int cueWidth = bySpeaker.values().stream().flatMap(List::stream)
                .mapToInt(attribution -> attribution.cue().length()).max().orElse(0);
        int formWidth = "indirect".length();
        String indent = " ".repeat(BY_SPEAKER_INDENT.length() + cueWidth + GAP.length() + formWidth + GAP.length());
        int wordsWidth = Math.max(MINIMUM_WORDS_WIDTH, width - indent.length());
        StringBuilder text = new StringBuilder();
        for (List<Attribution> group : groups) {
            for (String line : Table.wrap(group.get(0).speaker(), width)) {
                text.append(line).append('\n');
            }
            for (Attribution attribution : group) {
                List<String> words = Table.wrap(attribution.words().replaceAll("\\s+", " ").strip(), wordsWidth);
                text.append(BY_SPEAKER_INDENT).append(padded(attribution.cue(), cueWidth)).append(GAP)
                        .append(padded(attribution.form(), formWidth)).append(GAP).append(words.get(0)).append('\n');
                for (String line : words.subList(1, words.size())) {
                    text.append(indent).append(line).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static String padded(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /** Who did what with whom, where and when; entity ids shown as the entities' names. */
    public static Table events(Analysis analysis) {
        Map<String, String> names = new HashMap<>();
        analysis.getEntitiesList().forEach(e -> names.put(e.getId(), e.getName()));
        Table table = new Table("EVENT", "WHO", "WITH", "WHERE", "WHEN", "WHAT");
        for (Event event : analysis.getEventsList()) {
            table.row(event.getType().name(), namesOf(event.getActorEntityIdsList(), names),
                    namesOf(event.getParticipantEntityIdsList(), names),
                    names.getOrDefault(event.getLocationEntityId(), ""), event.getDate(),
                    event.getTopic().isEmpty() ? "(" + event.getTrigger() + ")" : event.getTopic());
        }
        return table;
    }

    private static String namesOf(List<String> ids, Map<String, String> names) {
        return String.join(", ", ids.stream().map(id -> names.getOrDefault(id, id)).toList());
    }

    public static Table dates(List<TemporalExpression> expressions) {
        Table table = new Table("TEXT", "TYPE", "VALUE");
        for (TemporalExpression expression : expressions) {
            table.row(expression.getText(), expression.getType(), expression.getValue());
        }
        return table;
    }
}
