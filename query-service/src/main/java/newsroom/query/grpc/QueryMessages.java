package newsroom.query.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.query.articles.ArticleDetails;
import newsroom.query.articles.ArticleMetadata;
import newsroom.query.articles.SearchMatch;
import newsroom.query.articles.SearchResult;
import newsroom.query.entities.CoMentionedEntity;
import newsroom.query.entities.EntityDetails;
import newsroom.query.entities.EntityIdentity;
import newsroom.query.entities.EntityProfile;
import newsroom.query.entities.TimelinePeriod;
import newsroom.query.events.ReportedEvent;
import newsroom.query.export.ExportedArticle;
import newsroom.query.quotes.AttributedQuote;
import newsroom.query.stories.StoryCluster;
import newsroom.query.stories.StoryDetails;
import newsroom.query.v1.ArticleHit;
import newsroom.query.v1.ArticleSummary;
import newsroom.query.v1.CoMention;
import newsroom.query.v1.EntityFacet;
import newsroom.query.v1.EntityRef;
import newsroom.query.v1.EventRecord;
import newsroom.query.v1.ExportedAnalysis;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.GetEntityResponse;
import newsroom.query.v1.GetStoryResponse;
import newsroom.query.v1.GlobalEntity;
import newsroom.query.v1.QuoteRecord;
import newsroom.query.v1.SearchArticlesResponse;
import newsroom.query.v1.SourceFacet;
import newsroom.query.v1.Story;
import newsroom.query.v1.TimelineBucket;
import newsroom.store.ArticleState;

/** Turns the query beans' results into the messages of {@code newsroom.query.v1}. */
final class QueryMessages {

    private QueryMessages() {
    }

    static GetArticleResponse article(ArticleDetails details) {
        GetArticleResponse.Builder response = GetArticleResponse.newBuilder()
                .setArticle(summary(details.summary()))
                .setCleanedText(details.cleanedText())
                .putAllGlobalEntityIds(details.globalEntityIds())
                .setFailure(details.failure());
        details.analysis().ifPresent(response::setAnalysis);
        return response.build();
    }

    static ArticleHit hit(SearchMatch hit) {
        return ArticleHit.newBuilder()
                .setArticle(summary(hit.article()))
                .setRank(hit.rank())
                .setSnippet(hit.snippet())
                .build();
    }

    static SearchArticlesResponse searchResponse(SearchResult result) {
        SearchArticlesResponse.Builder response = SearchArticlesResponse.newBuilder()
                .addAllHits(result.page().items().stream().map(QueryMessages::hit).toList())
                .setNextPageToken(result.page().nextPageToken());
        result.facets().ifPresent(facets -> response
                .setTotalSize(facets.countedMatches())
                .setTotalSizeIsLowerBound(facets.moreThanCounted())
                .addAllTopSources(facets.topSources().stream()
                        .map(source -> SourceFacet.newBuilder()
                                .setSource(source.source()).setArticleCount(source.articles()).build())
                        .toList())
                .addAllTopEntities(facets.topEntities().stream()
                        .map(entity -> EntityFacet.newBuilder()
                                .setEntity(entityRef(entity.entity())).setArticleCount(entity.articles()).build())
                        .toList()));
        return response.build();
    }

    static GlobalEntity entity(EntityProfile profile) {
        GlobalEntity.Builder entity = GlobalEntity.newBuilder()
                .setId(profile.id())
                .setName(profile.name())
                .setType(profile.type())
                .addAllAliases(profile.aliases())
                .setMentionCount(profile.mentionCount())
                .setArticleCount(profile.articleCount())
                .setQuoteCount(profile.quoteCount());
        profile.firstSeen().ifPresent(time -> entity.setFirstSeenTime(timestamp(time)));
        profile.lastSeen().ifPresent(time -> entity.setLastSeenTime(timestamp(time)));
        return entity.build();
    }

    static GetEntityResponse entityDetails(EntityDetails details) {
        return GetEntityResponse.newBuilder()
                .setEntity(entity(details.profile()))
                .addAllToneTrend(details.toneTrend().stream().map(QueryMessages::bucket).toList())
                .addAllTopCoMentions(details.topCoMentions().stream().map(QueryMessages::coMention).toList())
                .build();
    }

    static EntityRef entityRef(EntityIdentity entity) {
        return EntityRef.newBuilder().setId(entity.id()).setName(entity.name()).setType(entity.type()).build();
    }

    static CoMention coMention(CoMentionedEntity coMention) {
        return CoMention.newBuilder()
                .setEntity(entityRef(coMention.entity()))
                .setSharedArticleCount(coMention.sharedArticles())
                .setWeight(coMention.weight())
                .build();
    }

    static TimelineBucket bucket(TimelinePeriod bucket) {
        return TimelineBucket.newBuilder()
                .setStartTime(timestamp(bucket.start()))
                .setMentionCount(bucket.mentions())
                .setArticleCount(bucket.articles())
                .setAverageTone(bucket.averageTone())
                .setTonedArticleCount(bucket.tonedArticles())
                .setAllArticleCount(bucket.allArticles())
                .build();
    }

    static Story story(StoryCluster story) {
        return Story.newBuilder()
                .setId(story.firstReport().id())
                .setFirstReport(summary(story.firstReport()))
                .setReportCount(story.reportCount())
                .setLastReportTime(timestamp(story.lastReport()))
                .addAllSources(story.sources())
                .build();
    }

    static GetStoryResponse storyDetails(StoryDetails details) {
        return GetStoryResponse.newBuilder()
                .setStory(story(details.story()))
                .addAllReports(details.reports().stream().map(QueryMessages::summary).toList())
                .build();
    }

    static ExportedAnalysis exported(ExportedArticle article) {
        return ExportedAnalysis.newBuilder()
                .setArticle(summary(article.summary()))
                .setAnalysis(article.analysis())
                .putAllGlobalEntityIds(article.globalEntityIds())
                .build();
    }

    static QuoteRecord quote(AttributedQuote quote) {
        return QuoteRecord.newBuilder()
                .setText(quote.text())
                .setSpeakerEntityId(quote.speakerEntityId())
                .setSpeaker(quote.speaker())
                .setCue(quote.cue())
                .setForm(quote.form())
                .setArticle(summary(quote.article()))
                .setBegin(quote.begin())
                .setEnd(quote.end())
                .build();
    }

    static EventRecord event(ReportedEvent event) {
        EventRecord.Builder record = EventRecord.newBuilder()
                .setType(event.type())
                .setTrigger(event.trigger())
                .addAllActors(event.actors().stream().map(QueryMessages::entityRef).toList())
                .addAllParticipants(event.participants().stream().map(QueryMessages::entityRef).toList())
                .setTopic(event.topic())
                .setDate(event.date())
                .setEventTime(timestamp(event.time()))
                .setArticle(summary(event.article()))
                .setBegin(event.begin())
                .setEnd(event.end());
        event.location().ifPresent(location -> record.setLocation(entityRef(location)));
        return record.build();
    }

    static ArticleSummary summary(ArticleMetadata article) {
        return ArticleSummary.newBuilder()
                .setId(article.id())
                .setTitle(article.title())
                .setSource(article.source())
                .setUrl(article.url())
                .setPublishedTime(timestamp(article.publishedAt()))
                .setLanguage(article.language())
                .setStatus(status(article.status()))
                .setStoryId(article.storyId())
                .setDuplicateOf(article.duplicateOf())
                .setAuthor(article.author())
                .setCanonicalUrl(article.canonicalUrl())
                .setPublishedTimeEstimated(article.publishedTimeEstimated())
                .setSourceId(article.sourceId())
                .build();
    }

    private static ArticleStatus status(ArticleState state) {
        // The store's states share their names with the API's statuses.
        return ArticleStatus.valueOf(state.name());
    }

    private static Timestamp timestamp(Instant time) {
        return Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()).build();
    }
}
