package newsroom.nlp.pipeline;

import java.util.HashMap;
import java.util.Map;

/**
 * What the analysis of one document has found so far, layer by layer (the
 * counterpart of CoreNLP's {@code Annotation}). Each layer is written once, by
 * the stage that provides it; a stage reading a layer no earlier stage wrote
 * is a bug in the stage order, which {@link AnalysisPipeline} rules out when
 * it is built.
 */
public final class DocumentLayers {

    private final Map<Layer<?>, Object> values = new HashMap<>();

    public <T> T get(Layer<T> layer) {
        Object value = values.get(layer);
        if (value == null) {
            throw new IllegalStateException("layer '" + layer + "' has not been provided by any stage yet");
        }
        @SuppressWarnings("unchecked") // set() only stores a T under a Layer<T>
        T typed = (T) value;
        return typed;
    }

    public boolean has(Layer<?> layer) {
        return values.containsKey(layer);
    }

    public <T> void set(Layer<T> layer, T value) {
        if (values.putIfAbsent(layer, java.util.Objects.requireNonNull(value, layer.name())) != null) {
            throw new IllegalStateException("layer '" + layer + "' is provided twice");
        }
    }
}
