package newsroom.nlp.pipeline;

import java.util.Set;

/**
 * One step of the analysis of a document, in the spirit of CoreNLP's
 * {@code Annotator}: it names the layers it reads ({@link #requires()}) and
 * the layers it writes ({@link #provides()}), and does one job. The order of
 * the stages is stated once, in {@link AnalysisPipeline}.
 *
 * <p>A stage is stateless across documents and safe to run from many threads:
 * everything about one document lives in its {@link DocumentLayers}.
 */
public interface Stage {

    /** The stage's name as docs/nlp.md lists it ("quote candidates"). */
    String name();

    /** The layers this stage reads; earlier stages must provide them. */
    Set<Layer<?>> requires();

    /** The layers this stage writes, each exactly once. */
    Set<Layer<?>> provides();

    /** Reads the required layers of a document and writes the provided ones. */
    void run(DocumentLayers document);
}
