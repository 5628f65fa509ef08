package newsroom.cli.output;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import newsroom.nlp.v1.Quote;
import newsroom.nlp.v1.TemporalExpression;

/** An {@code Analysis} for people: entities, who said what, dates, events, key phrases and tone. */
public final class AnalysisReport {

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

    public static Table quotes(List<Quote> quotes) {
        Table table = new Table("SPEAKER", "CUE", "TEXT");
        for (Quote quote : quotes) {
            table.row(quote.getSpeaker().isEmpty() ? "(unattributed)" : quote.getSpeaker(), quote.getCue(),
                    "“" + quote.getText() + "”");
        }
        return table;
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
