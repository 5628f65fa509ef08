package newsroom.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CoreNlpPipelineTest {

    @Test
    void refusesToAnalyzeBeforeTheModelsAreLoaded() {
        CoreNlpPipeline pipeline = new CoreNlpPipeline();
        assertFalse(pipeline.isReady());
        var e = assertThrows(ModelsLoadingException.class, () -> pipeline.annotate("Hello.", LocalDate.of(2021, 4, 7)));
        assertEquals("NLP models are still loading; retry in a few seconds", e.getMessage());
    }

    @Test
    void configuresTheSixAnnotatorsWithoutCoreferenceOrQuotes() {
        assertEquals("tokenize,ssplit,pos,lemma,ner,depparse",
                CoreNlpPipeline.properties().getProperty("annotators"));
    }
}
