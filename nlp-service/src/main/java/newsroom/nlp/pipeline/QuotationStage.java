package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.nlp.text.QuoteFinder;

/** Stage 3: the text between quotation marks ({@link QuoteFinder}), which later stages treat as someone's words. */
final class QuotationStage implements Stage {

    private final QuoteFinder finder = new QuoteFinder();

    @Override
    public String name() {
        return "quotation marks";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.CLEANED_TEXT);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.QUOTATIONS);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.QUOTATIONS, finder.find(document.get(Layers.CLEANED_TEXT)));
    }
}
