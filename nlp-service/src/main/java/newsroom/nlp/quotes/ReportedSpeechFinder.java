package newsroom.nlp.quotes;

import java.util.List;

/** Reported speech in the dependency parse. */
final class ReportedSpeechFinder {

    private final CueLexicon lexicon;

    ReportedSpeechFinder(CueLexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<ReportedClause> find(QuoteContext context) {
        return List.of();
    }
}
