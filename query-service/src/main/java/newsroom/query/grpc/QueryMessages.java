package newsroom.query.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import newsroom.query.articles.ArticleDetails;
import newsroom.query.articles.ArticleHit;
import newsroom.query.articles.ArticleSummary;
import newsroom.query.entities.EntityProfile;
import newsroom.query.quotes.AttributedQuote;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.GlobalEntity;
import newsroom.query.v1.QuoteRecord;

/** Turns the query beans' results into the messages of {@code newsroom.query.v1}. */
final class QueryMessages {

    private QueryMessages() {
    }

    static GetArticleResponse article(ArticleDetails details) {
        GetArticleResponse.Builder response = GetArticleResponse.newBuilder()
                .setArticle(summary(details.summary()))
                .setCleanedText(details.cleanedText())
                .putAllGlobalEntityIds(details.globalEntityIds());
        details.analysis().ifPresent(response::setAnalysis);
        return response.build();
    }

    static newsroom.query.v1.ArticleHit hit(ArticleHit hit) {
        return newsroom.query.v1.ArticleHit.newBuilder()
                .setArticle(summary(hit.article()))
                .setRank(hit.rank())
                .setSnippet(hit.snippet())
                .build();
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

    static QuoteRecord quote(AttributedQuote quote) {
        return QuoteRecord.newBuilder()
                .setText(quote.text())
                .setSpeakerEntityId(quote.speakerEntityId())
                .setSpeaker(quote.speaker())
                .setCue(quote.cue())
                .setArticle(summary(quote.article()))
                .setBegin(quote.begin())
                .setEnd(quote.end())
                .build();
    }

    static newsroom.query.v1.ArticleSummary summary(ArticleSummary article) {
        return newsroom.query.v1.ArticleSummary.newBuilder()
                .setId(article.id())
                .setTitle(article.title())
                .setSource(article.source())
                .setUrl(article.url())
                .setPublishedTime(timestamp(article.publishedAt()))
                .setLanguage(article.language())
                .setStatus(article.status())
                .build();
    }

    private static Timestamp timestamp(Instant time) {
        return Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()).build();
    }
}
