package newsroom.cli.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import newsroom.ingest.v1.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {

    @Test
    void directoriesContributeTheirArticleFilesInNameOrderAndNamedFilesAreKept(@TempDir Path directory) throws Exception {
        Path articles = Files.createDirectories(directory.resolve("articles/nested"));
        Files.writeString(directory.resolve("articles/b.html"), "<p>b</p>");
        Files.writeString(directory.resolve("articles/a.txt"), "a");
        Files.writeString(articles.resolve("c.HTM"), "<p>c</p>");
        Files.writeString(directory.resolve("articles/notes.md"), "not an article");
        Path named = Files.writeString(directory.resolve("story.text"), "named explicitly");

        List<Path> files = ArticleFiles.collect(List.of(directory.resolve("articles"), named));

        assertEquals(List.of(directory.resolve("articles/a.txt"), directory.resolve("articles/b.html"),
                articles.resolve("c.HTM"), named), files);
    }

    @Test
    void htmlFilesAreSentAsHtmlEverythingElseAsPlainText() {
        assertEquals(Article.ContentType.HTML, ArticleFiles.contentType(Path.of("page.html")));
        assertEquals(Article.ContentType.HTML, ArticleFiles.contentType(Path.of("PAGE.HTM")));
        assertEquals(Article.ContentType.PLAIN_TEXT, ArticleFiles.contentType(Path.of("story.txt")));
        assertEquals(Article.ContentType.PLAIN_TEXT, ArticleFiles.contentType(Path.of("story")));
    }

    @Test
    void aMissingPathIsAnError(@TempDir Path directory) {
        assertThrows(NoSuchFileException.class, () -> ArticleFiles.collect(List.of(directory.resolve("missing.txt"))));
    }
}
