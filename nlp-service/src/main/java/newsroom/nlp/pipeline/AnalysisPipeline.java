package newsroom.nlp.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The stages of an analysis in the order they run, stated once (docs/nlp.md
 * lists the same order), each with the features of a request that switch it
 * on. Built once per process: construction checks that every stage finds the
 * layers it requires provided by an earlier stage (as CoreNLP checks its
 * annotators' requirements), and that a stage a request can switch off
 * provides only layers with a value for "skipped".
 */
public final class AnalysisPipeline {

    /** A stage and when it runs. */
    public record Step(Stage stage, Predicate<FeatureSet> runsWhen) {
    }

    private final List<Step> steps;

    /**
     * Newsroom's analysis: the one place that says which stages run, in which
     * order, for which features.
     */
    public static AnalysisPipeline newsroom(CoreNlpPipeline corenlp) {
        return new AnalysisPipeline(Set.of(Layers.DOCUMENT, Layers.PUBLICATION_DATE), List.of(
                always(new CleaningStage()),
                always(new CoreNlpStage(corenlp)),
                always(new QuotationStage()),
                new Step(new NameStage(), FeatureSet::entities),
                new Step(new EntityStage(), FeatureSet::entities),
                new Step(new AttributionCandidateStage(), FeatureSet::quotes),
                new Step(new CueStage(), FeatureSet::quotes),
                new Step(new SpeakerStage(), FeatureSet::quotes),
                new Step(new CoreferenceStage(), FeatureSet::quotes),
                new Step(new RolePhraseStage(), FeatureSet::entities),
                new Step(new EntityToneStage(), FeatureSet::entitySentiment),
                new Step(new DateStage(), FeatureSet::temporalExpressions),
                new Step(new EventStage(), FeatureSet::events),
                new Step(new KeyPhraseStage(), FeatureSet::keyPhrases),
                new Step(new DocumentToneStage(), FeatureSet::sentiment)));
    }

    private static Step always(Stage stage) {
        return new Step(stage, features -> true);
    }

    public AnalysisPipeline(Set<Layer<?>> given, List<Step> steps) {
        Set<Layer<?>> available = new HashSet<>(given);
        for (Step step : steps) {
            for (Layer<?> required : step.stage().requires()) {
                if (!available.contains(required)) {
                    throw new IllegalArgumentException("stage '" + step.stage().name() + "' requires layer '" + required
                            + "', which no earlier stage provides");
                }
            }
            for (Layer<?> provided : step.stage().provides()) {
                if (!available.add(provided)) {
                    throw new IllegalArgumentException("layer '" + provided + "' is provided twice, the second time by '"
                            + step.stage().name() + "'");
                }
            }
        }
        this.steps = List.copyOf(steps);
    }

    /** The stages' names in the order they run. */
    public List<String> stageNames() {
        return steps.stream().map(step -> step.stage().name()).toList();
    }

    public List<Stage> stages() {
        return steps.stream().map(Step::stage).toList();
    }

    /** Runs every stage the features ask for; a stage not asked for leaves its layers empty. */
    public void run(DocumentLayers document, FeatureSet features) {
        for (Step step : steps) {
            Stage stage = step.stage();
            if (step.runsWhen().test(features)) {
                stage.run(document);
                for (Layer<?> provided : stage.provides()) {
                    if (!document.has(provided)) {
                        throw new IllegalStateException("stage '" + stage.name() + "' did not provide layer '" + provided + "'");
                    }
                }
            } else {
                for (Layer<?> provided : stage.provides()) {
                    skip(document, provided, stage);
                }
            }
        }
    }

    private static <T> void skip(DocumentLayers document, Layer<T> layer, Stage stage) {
        if (!layer.isSkippable()) {
            throw new IllegalStateException("stage '" + stage.name() + "' was switched off, but its layer '" + layer
                    + "' has no value for \"skipped\"");
        }
        document.set(layer, layer.whenSkipped());
    }
}
