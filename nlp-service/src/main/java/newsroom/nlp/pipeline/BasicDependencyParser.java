package newsroom.nlp.pipeline;

import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations.BasicDependenciesAnnotation;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Properties;

/**
 * CoreNLP's neural dependency parser (the model and settings of its
 * {@code depparse} annotator), keeping only the basic dependencies, the one
 * graph Newsroom's stages read ({@link AnnotationReader}). CoreNLP's annotator
 * builds five graphs from each parse (basic, collapsed, CC-processed, enhanced,
 * enhanced++), and the four unread ones cost a third of the parser's time.
 * The basic graph is built exactly as the annotator builds it.
 */
final class BasicDependencyParser {

    private final DependencyParser parser;

    /** Loads the model {@code depparse} loads by default, with the annotator's default settings. */
    BasicDependencyParser() {
        this.parser = DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL, new Properties());
    }

    /** Sets each sentence's {@link BasicDependenciesAnnotation}. */
    void parse(List<CoreMap> sentences) {
        for (CoreMap sentence : sentences) {
            GrammaticalStructure structure = parser.predict(sentence);
            sentence.set(BasicDependenciesAnnotation.class, SemanticGraphFactory.makeFromTree(structure,
                    SemanticGraphFactory.Mode.BASIC, GrammaticalStructure.Extras.NONE, null));
        }
    }
}
