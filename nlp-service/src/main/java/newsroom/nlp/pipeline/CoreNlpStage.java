package newsroom.nlp.pipeline;

import edu.stanford.nlp.pipeline.Annotation;
import java.util.Set;

/** Stage 2: CoreNLP's tokens, sentences, POS tags, lemmas, NER (with the fine-grained step) and dependency parse ({@link CoreNlpPipeline}). */
final class CoreNlpStage implements Stage {

    private final CoreNlpPipeline pipeline;

    CoreNlpStage(CoreNlpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public String name() {
        return "corenlp";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.CLEANED_TEXT, Layers.PUBLICATION_DATE);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.CORENLP, Layers.PARSE, Layers.NER_NAMES);
    }

    @Override
    public void run(DocumentLayers document) {
        String text = document.get(Layers.CLEANED_TEXT);
        Annotation annotation = pipeline.annotate(text, document.get(Layers.PUBLICATION_DATE));
        AnnotationReader reader = new AnnotationReader(annotation, text);
        document.set(Layers.CORENLP, annotation);
        document.set(Layers.PARSE, reader.parsedText());
        document.set(Layers.NER_NAMES, reader.names());
    }
}
