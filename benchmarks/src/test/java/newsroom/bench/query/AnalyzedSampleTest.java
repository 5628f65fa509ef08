package newsroom.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base sample of the query benchmark: its size is the one asked for, whatever the files hold. */
class AnalyzedSampleTest {

    @TempDir
    Path directory;

    @Test
    void takesTheFirstArticlesAcrossTheFilesInOrder() throws Exception {
        Path first = directory.resolve("first.bin");
        Path second = directory.resolve("second.bin");
        AnalyzedSample.writeAll(first, samples(0, 3));
        AnalyzedSample.writeAll(second, samples(3, 4));

        List<AnalyzedSample> base = AnalyzedSample.readFirst(List.of(first, second), 5);

        assertEquals(List.of("article 0", "article 1", "article 2", "article 3", "article 4"),
                base.stream().map(AnalyzedSample::title).toList());
        assertEquals("entity of article 4", base.get(4).analysis().getEntities(0).getName());
    }

    @Test
    void aSampleOfFewerArticlesThanAskedForIsRefusedWithTheFix() throws Exception {
        Path only = directory.resolve("only.bin");
        AnalyzedSample.writeAll(only, samples(0, 3));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AnalyzedSample.readFirst(List.of(only), 685));

        assertTrue(refused.getMessage().contains("needs 685 analysed articles"), refused.getMessage());
        assertTrue(refused.getMessage().contains("hold only 3"), refused.getMessage());
        assertTrue(refused.getMessage().contains("-Darticles=685"), refused.getMessage());
    }

    private static List<AnalyzedSample> samples(int from, int count) {
        List<AnalyzedSample> samples = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            samples.add(new AnalyzedSample("Reuters", "article " + i, Instant.parse("1987-02-26T15:01:01Z").plusSeconds(i),
                    Analysis.newBuilder().addEntities(Entity.newBuilder().setId("e1").setName("entity of article " + i))
                            .build()));
        }
        return samples;
    }
}
