package newsroom.cli.ingest;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import newsroom.ingest.v1.Article;

/** The metadata given on the command line, applied to each file sent. */
public record ArticleTemplate(String source, String title, String url, Timestamp published) {

    /** The article for one file; its bytes are sent as they are, the service checks they are UTF-8. */
    public Article articleFrom(Path file) throws IOException {
        return articleFrom(ByteString.copyFrom(Files.readAllBytes(file)), ArticleFiles.contentType(file));
    }

    /** The article with this content and the command line's metadata. */
    public Article articleFrom(ByteString content, Article.ContentType contentType) {
        Article.Builder article = Article.newBuilder()
                .setContent(content)
                .setContentType(contentType);
        if (source != null) {
            article.setSource(source);
        }
        if (title != null) {
            article.setTitle(title);
        }
        if (url != null) {
            article.setUrl(url);
        }
        if (published != null) {
            article.setPublishedTime(published);
        }
        return article.build();
    }
}
