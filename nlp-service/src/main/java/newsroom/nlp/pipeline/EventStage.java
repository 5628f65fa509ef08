package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.nlp.events.EventExtractor;

/** Stage 13: who met, visited, discussed, agreed, criticised or announced what, with whom, where and when ({@link EventExtractor}). */
final class EventStage implements Stage {

    private final EventExtractor extractor = new EventExtractor();

    @Override
    public String name() {
        return "events";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.PARSE, Layers.ENTITIES, Layers.DATES, Layers.QUOTATIONS);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.EVENTS);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.EVENTS, extractor.extract(document.get(Layers.PARSE).sentences(), document.get(Layers.ENTITIES),
                document.get(Layers.DATES), document.get(Layers.QUOTATIONS)));
    }
}
