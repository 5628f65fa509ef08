package newsroom.bench.nlp;

import newsroom.nlp.v1.Analysis;

/** One system under benchmark: plain text in, the Analysis contract out. */
interface TextAnalyzer {

    /** A short name for tables and directories: "newsroom" or "corenlp". */
    String name();

    Analysis analyze(String text);

    /**
     * The analyser for texts written one sentence per line (the CoNLL
     * documents): the same system unless it needs telling where sentences end.
     */
    default TextAnalyzer forOneSentencePerLine() {
        return this;
    }
}
