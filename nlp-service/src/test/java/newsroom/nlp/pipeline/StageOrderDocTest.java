package newsroom.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/nlp.md's stage table lists the stages in the order the code runs
 * them, with the layers each requires and provides: the documentation a
 * reader learns the pipeline from stays the pipeline.
 */
class StageOrderDocTest {

    private static final Path DOC = Path.of("..", "docs", "nlp.md");

    @Test
    void theDocumentedStagesAreTheCodesInItsOrderWithTheirLayers() throws IOException {
        AnalysisPipeline pipeline = AnalysisPipeline.newsroom(new CoreNlpPipeline());
        List<String> documented = new ArrayList<>();
        List<String> code = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            String[] cells = line.split("\\|");
            if (cells.length > 6 && cells[1].trim().matches("\\d+")) {
                documented.add(cells[2].trim() + " | " + layers(cells[4]) + " | " + layers(cells[5]));
            }
        }
        for (Stage stage : pipeline.stages()) {
            code.add(stage.name() + " | " + names(stage.requires()) + " | " + names(stage.provides()));
        }
        assertEquals(code, documented);
    }

    private static String layers(String cell) {
        return String.join(", ", java.util.Arrays.stream(cell.split(",")).map(String::trim).sorted().toList());
    }

    private static String names(java.util.Set<Layer<?>> layers) {
        return String.join(", ", layers.stream().map(Layer::name).sorted().toList());
    }
}
