package newsroom.nlp.pipeline;

import java.util.Objects;

/**
 * One kind of result the analysis of a document holds while its stages run,
 * as CoreNLP's annotation keys are: a stage declares the layers it requires
 * and the layers it provides ({@link Stage}), and reads and writes them in
 * {@link DocumentLayers}.
 *
 * @param <T> the type of the layer's value
 */
public final class Layer<T> {

    private final String name;
    private final T whenSkipped;

    private Layer(String name, T whenSkipped) {
        this.name = Objects.requireNonNull(name);
        this.whenSkipped = whenSkipped;
    }

    /** A layer whose providing stage always runs: it has no value for "not asked for". */
    public static <T> Layer<T> of(String name) {
        return new Layer<>(name, null);
    }

    /**
     * A layer a request may switch off; a skipped stage leaves {@code whenSkipped}
     * in it (an empty list), so that later stages read "nothing found" and not a gap.
     */
    public static <T> Layer<T> skippable(String name, T whenSkipped) {
        return new Layer<>(name, Objects.requireNonNull(whenSkipped));
    }

    public String name() {
        return name;
    }

    boolean isSkippable() {
        return whenSkipped != null;
    }

    T whenSkipped() {
        return whenSkipped;
    }

    @Override
    public String toString() {
        return name;
    }
}
