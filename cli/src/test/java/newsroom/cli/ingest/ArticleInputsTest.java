package newsroom.cli.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleInputsTest {

    @TempDir
    Path dir;

    @Test
    void eachLineOfAJsonLinesFileIsAnArticleAndEachOtherFileIsOne() throws IOException {
        Path lines = Files.writeString(dir.resolve("feed.jsonl"), """
                {"id": "a", "title": "First", "text": "The first article.", "published": "2021-04-07"}

                {"html": "<p>The second article.</p>", "url": "https://example.org/2", "language": "fr"}
                not json at all
                {"title": "No body"}
                """);
        Path text = Files.writeString(dir.resolve("one.txt"), "A plain file.");

        List<PendingArticle> read = new ArrayList<>();
        new ArticleInputs(List.of(lines, text), new ArticleTemplate("Wire", null, null, null))
                .forEachRemaining(read::add);

        assertEquals(5, read.size());
        assertEquals(5, ArticleInputs.count(List.of(lines, text)));
        Article first = read.get(0).article();
        assertEquals(lines + ":1", read.get(0).reference());
        assertEquals("First", first.getTitle());
        assertEquals("Wire", first.getSource());
        assertEquals("The first article.", first.getContent().toStringUtf8());
        assertEquals(Article.ContentType.PLAIN_TEXT, first.getContentType());
        assertTrue(first.hasPublishedTime());
        Article second = read.get(1).article();
        assertEquals(lines + ":3", read.get(1).reference());
        assertEquals(Article.ContentType.HTML, second.getContentType());
        assertEquals("https://example.org/2", second.getUrl());
        assertEquals("fr", second.getLanguage());
        assertNull(read.get(2).article());
        assertTrue(read.get(2).unreadable().startsWith("not valid JSON"), read.get(2).unreadable());
        assertEquals("has neither \"text\" nor \"html\"", read.get(3).unreadable());
        assertEquals(text.toString(), read.get(4).reference());
        assertEquals("A plain file.", read.get(4).article().getContent().toStringUtf8());
    }

    @Test
    void theSummaryCountsCopiesAndGroupsRejectionsByReason() {
        List<IngestOutcome> outcomes = List.of(
                new IngestOutcome("a", 1, ArticleStatus.ACCEPTED, false, 0, ""),
                new IngestOutcome("b", 2, ArticleStatus.ACCEPTED, false, 1, ""),
                new IngestOutcome("c", 3, ArticleStatus.UNSUPPORTED_LANGUAGE, false, 0, ""),
                new IngestOutcome("d", 1, ArticleStatus.ACCEPTED, true, 0, ""),
                IngestOutcome.rejected("e", "article.content: is 2000000 bytes, more than the limit of 1048576 bytes"),
                IngestOutcome.rejected("f", "article.content: is 3000000 bytes, more than the limit of 1048576 bytes"),
                IngestOutcome.rejected("g", "article.content: must not be empty"));

        List<String> lines = IngestSummary.of(outcomes, false).lines();

        assertEquals(List.of(
                "accepted 3 (1 same story as an earlier article, 1 not in English), already stored 1, rejected 3",
                "  rejected 2: article.content: is N bytes, more than the limit of N bytes",
                "  rejected 1: article.content: must not be empty"), lines);
    }
}
