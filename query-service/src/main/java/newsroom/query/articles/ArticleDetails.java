package newsroom.query.articles;

import java.util.Map;
import java.util.Optional;
import newsroom.nlp.v1.Analysis;

/**
 * One article in full.
 *
 * @param analysis        empty until the article is ANALYZED
 * @param globalEntityIds for each of the analysis' entity ids ("e1"), the global entity it resolved to
 * @param failure         why its analysis failed for good (its code, then the message); empty unless FAILED
 */
public record ArticleDetails(ArticleMetadata summary, String cleanedText, Optional<Analysis> analysis,
                             Map<String, Long> globalEntityIds, String failure) {

    public ArticleDetails {
        globalEntityIds = Map.copyOf(globalEntityIds);
    }
}
