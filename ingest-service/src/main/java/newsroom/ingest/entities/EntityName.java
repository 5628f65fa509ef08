package newsroom.ingest.entities;

import java.util.List;

/**
 * A document-level entity to resolve to a global one.
 *
 * @param type    the name of its {@code newsroom.nlp.v1.Entity.Type} ("PERSON")
 * @param name    its canonical name in the document, the fullest form
 * @param aliases the other forms the document uses for it
 */
public record EntityName(String type, String name, List<String> aliases) {

    public EntityName {
        aliases = List.copyOf(aliases);
    }
}
