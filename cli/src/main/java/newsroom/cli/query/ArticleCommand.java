package newsroom.cli.query;

import java.time.Instant;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.output.AnalysisReport;
import newsroom.cli.output.Reply;
import newsroom.query.v1.ArticleSummary;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetArticleResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom article ID}: one article with what was found in it. */
@Command(name = "article", mixinStandardHelpOptions = true,
        description = "Shows one article: its metadata and, once analysed, its entities, quotes and dates.")
public class ArticleCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Parameters(paramLabel = "ID", description = "The article's id, as 'ingest' printed it.")
    long articleId;

    @Option(names = "--text", description = "Also print the stored (cleaned) text.")
    boolean withText;

    @Option(names = "--json", description = "Print the GetArticleResponse as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        GetArticleResponse response = QueryChannel.callOnce(newsroom,
                stub -> stub.getArticle(GetArticleRequest.newBuilder().setArticleId(articleId).build()));
        Reply.print(json, response, this::show);
        return 0;
    }

    private void show(GetArticleResponse response) {
        printSummary(response.getArticle());
        if (withText) {
            System.out.println();
            System.out.println(response.getCleanedText());
        }
        System.out.println();
        if (response.hasAnalysis()) {
            AnalysisReport.print(response.getAnalysis(), System.out);
        } else if (!response.getFailure().isEmpty()) {
            System.out.println("Analysis failed: " + response.getFailure());
        } else {
            System.out.println("Not analysed yet.");
        }
    }

    static void printSummary(ArticleSummary article) {
        System.out.println("Article " + article.getId() + (article.getTitle().isEmpty() ? "" : ": " + article.getTitle()));
        if (!article.getSource().isEmpty() || article.getSourceId() != 0) {
            System.out.println("Source:    " + article.getSource() + (article.getSourceId() == 0 ? ""
                    : (article.getSource().isEmpty() ? "" : " ") + "(followed source " + article.getSourceId()
                            + ", 'newsroom sources show " + article.getSourceId() + "')"));
        }
        if (!article.getAuthor().isEmpty()) {
            System.out.println("Author:    " + article.getAuthor());
        }
        if (!article.getUrl().isEmpty()) {
            System.out.println("URL:       " + article.getUrl());
        }
        if (!article.getCanonicalUrl().isEmpty() && !article.getCanonicalUrl().equals(article.getUrl())) {
            System.out.println("Canonical: " + article.getCanonicalUrl());
        }
        if (article.hasPublishedTime()) {
            System.out.println("Published: " + Instant.ofEpochSecond(article.getPublishedTime().getSeconds())
                    + (article.getPublishedTimeEstimated()
                            ? " (estimated: when it was stored; neither the item nor the page said)" : ""));
        }
        System.out.println("Status:    " + article.getStatus());
    }
}
