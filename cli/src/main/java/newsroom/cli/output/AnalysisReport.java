package newsroom.cli.output;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Predicate;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Quote;
import newsroom.nlp.v1.TemporalExpression;

/** An {@code Analysis} for people: entities, who said what, dates, key phrases and tone. */
public final class AnalysisReport {

    private AnalysisReport() {
    }

    public static void print(Analysis analysis, PrintStream out) {
        section(out, "Entities", entities(analysis.getEntitiesList(), entity -> true));
        section(out, "Quotes", quotes(analysis.getQuotesList()));
        section(out, "Dates", dates(analysis.getTemporalExpressionsList()));
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
        Table table = new Table("NAME", "TYPE", "MENTIONS", "ALIASES");
        for (Entity entity : entities) {
            if (which.test(entity)) {
                table.row(entity.getName(), entity.getType().name(), entity.getMentionsCount(),
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

    public static Table dates(List<TemporalExpression> expressions) {
        Table table = new Table("TEXT", "TYPE", "VALUE");
        for (TemporalExpression expression : expressions) {
            table.row(expression.getText(), expression.getType(), expression.getValue());
        }
        return table;
    }
}
