package newsroom.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The stage machinery on toy stages: requirements checked when built, skipped stages, what a stage owes. */
class AnalysisPipelineTest {

    private static final Layer<String> GIVEN = Layer.of("given");
    private static final Layer<String> UPPER = Layer.of("upper");
    private static final Layer<List<String>> WORDS = Layer.skippable("words", List.of());
    private static final Layer<List<String>> COUNTS = Layer.skippable("counts", List.of());

    private record ToyStage(String name, Set<Layer<?>> requires, Set<Layer<?>> provides, Consumer<DocumentLayers> work)
            implements Stage {
        @Override
        public void run(DocumentLayers document) {
            work.accept(document);
        }
    }

    private static final ToyStage UPPER_CASE = new ToyStage("upper case", Set.of(GIVEN), Set.of(UPPER),
            d -> d.set(UPPER, d.get(GIVEN).toUpperCase()));
    private static final ToyStage SPLIT = new ToyStage("split", Set.of(UPPER), Set.of(WORDS),
            d -> d.set(WORDS, List.of(d.get(UPPER).split(" "))));
    private static final ToyStage COUNT = new ToyStage("count", Set.of(WORDS), Set.of(COUNTS),
            d -> d.set(COUNTS, d.get(WORDS).stream().map(w -> w + "=" + w.length()).toList()));

    private static DocumentLayers given(String text) {
        DocumentLayers document = new DocumentLayers();
        document.set(GIVEN, text);
        return document;
    }

    @Test
    void stagesRunInTheStatedOrderAndReadWhatEarlierStagesProvided() {
        AnalysisPipeline pipeline = new AnalysisPipeline(Set.of(GIVEN), List.of(
                new AnalysisPipeline.Step(UPPER_CASE, f -> true), new AnalysisPipeline.Step(SPLIT, f -> true),
                new AnalysisPipeline.Step(COUNT, f -> true)));
        DocumentLayers document = given("ab c");
        pipeline.run(document, FeatureSet.ALL);
        assertEquals(List.of("AB=2", "C=1"), document.get(COUNTS));
        assertEquals(List.of("upper case", "split", "count"), pipeline.stageNames());
    }

    @Test
    void aStageWhoseRequirementNoEarlierStageProvidesIsRefusedWhenBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AnalysisPipeline(Set.of(GIVEN),
                List.of(new AnalysisPipeline.Step(SPLIT, f -> true), new AnalysisPipeline.Step(UPPER_CASE, f -> true))));
        assertTrue(e.getMessage().contains("'split' requires layer 'upper'"), e.getMessage());
    }

    @Test
    void aLayerProvidedTwiceIsRefusedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new AnalysisPipeline(Set.of(GIVEN),
                List.of(new AnalysisPipeline.Step(UPPER_CASE, f -> true), new AnalysisPipeline.Step(UPPER_CASE, f -> true))));
    }

    @Test
    void aSkippedStageLeavesItsLayersEmptyForLaterStages() {
        List<String> ran = new ArrayList<>();
        ToyStage count = new ToyStage("count", Set.of(WORDS), Set.of(COUNTS), d -> {
            ran.add("count");
            d.set(COUNTS, List.of(String.valueOf(d.get(WORDS).size())));
        });
        AnalysisPipeline pipeline = new AnalysisPipeline(Set.of(GIVEN), List.of(
                new AnalysisPipeline.Step(UPPER_CASE, f -> true), new AnalysisPipeline.Step(SPLIT, FeatureSet::quotes),
                new AnalysisPipeline.Step(count, f -> true)));
        DocumentLayers document = given("ab c");
        pipeline.run(document, new FeatureSet(true, false, false, false, false, false, false));
        assertEquals(List.of(), document.get(WORDS));
        assertEquals(List.of("0"), document.get(COUNTS));
        assertEquals(List.of("count"), ran);
    }

    @Test
    void aStageThatDoesNotProvideWhatItDeclaresFailsLoudly() {
        ToyStage lazy = new ToyStage("lazy", Set.of(GIVEN), Set.of(UPPER), d -> { });
        AnalysisPipeline pipeline = new AnalysisPipeline(Set.of(GIVEN), List.of(new AnalysisPipeline.Step(lazy, f -> true)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pipeline.run(given("x"), FeatureSet.ALL));
        assertTrue(e.getMessage().contains("did not provide layer 'upper'"), e.getMessage());
    }

    @Test
    void aLayerWithoutASkippedValueCannotBeSwitchedOff() {
        AnalysisPipeline pipeline = new AnalysisPipeline(Set.of(GIVEN),
                List.of(new AnalysisPipeline.Step(UPPER_CASE, FeatureSet::quotes)));
        assertThrows(IllegalStateException.class,
                () -> pipeline.run(given("x"), new FeatureSet(true, false, false, false, false, false, false)));
    }
}
