package newsroom.ingest.entities;

/**
 * A global entity as stored.
 *
 * @param mentions how many mentions in all articles refer to it
 */
public record KnownEntity(long id, String name, String nameKey, long mentions) {
}
