package newsroom.query.stories;

import java.util.List;
import newsroom.query.articles.ArticleSummary;

/** A story with its first reports in order of publication. */
public record StoryDetails(Story story, List<ArticleSummary> reports) {

    public StoryDetails {
        reports = List.copyOf(reports);
    }
}
