package newsroom.query.export;

import java.util.Map;
import newsroom.nlp.v1.Analysis;
import newsroom.query.articles.ArticleMetadata;

/**
 * One analysed article as exported.
 *
 * @param globalEntityIds for each of the analysis' entity ids ("e1"), the global entity it resolved to
 */
public record ExportedArticle(ArticleMetadata summary, Analysis analysis, Map<String, Long> globalEntityIds) {

    public ExportedArticle {
        globalEntityIds = Map.copyOf(globalEntityIds);
    }
}
