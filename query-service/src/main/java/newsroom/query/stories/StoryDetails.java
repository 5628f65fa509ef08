package newsroom.query.stories;

import java.util.List;
import newsroom.query.articles.ArticleMetadata;

/** A story with its first reports in order of publication. */
public record StoryDetails(StoryCluster story, List<ArticleMetadata> reports) {

    public StoryDetails {
        reports = List.copyOf(reports);
    }
}
