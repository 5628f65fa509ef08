package newsroom.nlp.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityMention;
import newsroom.nlp.entities.RolePhraseLinker;
import newsroom.nlp.quotes.AttributedQuote;

/** Stage 10: the speakers' pronouns and role phrases as mentions of their entities, then free role phrases ("the Russian foreign minister") joined to the person they describe ({@link RolePhraseLinker}). After coreference: its pronouns tell a person's gender, and the role subjects it resolved are not linked twice. */
final class RolePhraseStage extends SingleLayerStage<List<DocumentEntity>> {

    private final RolePhraseLinker linker = new RolePhraseLinker();

    RolePhraseStage() {
        super("role phrases", Set.of(Layers.NAMED_ENTITIES, Layers.ATTRIBUTIONS, Layers.PARSE, Layers.CLEANED_TEXT, Layers.QUOTATIONS), Layers.ENTITIES);
    }

    @Override
    List<DocumentEntity> compute(DocumentLayers document) {
        Map<String, List<EntityMention>> speakerMentions = new HashMap<>();
        for (AttributedQuote quote : document.get(Layers.ATTRIBUTIONS)) {
            if (quote.speakerMention() != null) {
                speakerMentions.computeIfAbsent(quote.speakerEntityId(), id -> new ArrayList<>()).add(quote.speakerMention());
            }
        }
        return linker.link(document.get(Layers.NAMED_ENTITIES).stream()
                .map(e -> e.withMentions(speakerMentions.getOrDefault(e.id(), List.of()))).toList(),
                document.get(Layers.PARSE).tokens(), document.get(Layers.CLEANED_TEXT), document.get(Layers.QUOTATIONS));
    }
}
