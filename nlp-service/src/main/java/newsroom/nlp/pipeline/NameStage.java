package newsroom.nlp.pipeline;

import java.util.List;
import java.util.Set;
import newsroom.nlp.entities.NameMention;
import newsroom.nlp.entities.NameTitles;
import newsroom.nlp.entities.OrganizationNames;
import newsroom.nlp.entities.SurnameMentions;
import newsroom.nlp.text.ParsedText;

/**
 * Stage 4: the names of the document: NER's names, the surname-only mentions
 * it missed ({@link SurnameMentions}), organisation names it split into pieces
 * joined again ({@link OrganizationNames}), and the title before each name
 * ({@link NameTitles}), which entity grouping takes as evidence.
 */
final class NameStage extends SingleLayerStage<List<NameMention>> {

    private final SurnameMentions surnames = new SurnameMentions();
    private final OrganizationNames organizations = new OrganizationNames();
    private final NameTitles titles = new NameTitles();

    NameStage() {
        super("names", Set.of(Layers.NER_NAMES, Layers.PARSE), Layers.NAMES);
    }

    @Override
    List<NameMention> compute(DocumentLayers document) {
        ParsedText parsed = document.get(Layers.PARSE);
        List<NameMention> names = surnames.addTo(document.get(Layers.NER_NAMES), parsed.tokens());
        return titles.addTo(organizations.join(names, parsed), parsed.tokens());
    }
}
