package newsroom.cli.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import newsroom.ingest.v1.Article;

/** Which files are articles, and how their content is encoded. */
public final class ArticleFiles {

    private ArticleFiles() {
    }

    /**
     * The files to send: each named file as it is, and every .txt, .jsonl, .html and .htm file
     * under each named directory, in name order.
     */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(ArticleFiles::hasArticleExtension).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new NoSuchFileException(path.toString());
            }
        }
        return files;
    }

    static boolean hasArticleExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".jsonl") || isHtml(file);
    }

    public static boolean isHtml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    public static Article.ContentType contentType(Path file) {
        return isHtml(file) ? Article.ContentType.HTML : Article.ContentType.PLAIN_TEXT;
    }
}
