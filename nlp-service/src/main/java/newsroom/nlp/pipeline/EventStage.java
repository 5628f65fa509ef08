package newsroom.nlp.pipeline;

import java.util.List;
import java.util.Set;
import newsroom.nlp.events.DocumentEvent;
import newsroom.nlp.events.EventExtractor;

/** Stage 13: who met, visited, discussed, agreed, criticised or announced what, with whom, where and when ({@link EventExtractor}). */
final class EventStage extends SingleLayerStage<List<DocumentEvent>> {

    private final EventExtractor extractor = new EventExtractor();

    EventStage() {
        super("events", Set.of(Layers.PARSE, Layers.ENTITIES, Layers.DATES, Layers.QUOTATIONS), Layers.EVENTS);
    }

    @Override
    List<DocumentEvent> compute(DocumentLayers document) {
        return extractor.extract(document.get(Layers.PARSE).sentences(), document.get(Layers.ENTITIES),
                document.get(Layers.DATES), document.get(Layers.QUOTATIONS));
    }
}
