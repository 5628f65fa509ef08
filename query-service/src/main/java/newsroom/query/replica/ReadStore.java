package newsroom.query.replica;

/**
 * Where a read is answered from: the primary (the store ingest-service writes) or its streaming
 * replica. Each is a Hibernate ORM tenant of the default persistence unit (DATABASE
 * multitenancy): {@link ReadStoreTenants} names the tenant of a session, and
 * {@link ReadStoreConnections} gives it the store's datasource.
 */
public enum ReadStore {

    /** The default datasource (NEWSROOM_DB_URL): always there, always current. */
    PRIMARY("primary"),
    /** The datasource {@value ReadReplica#DATASOURCE} (NEWSROOM_DB_READ_URL), when one is configured. */
    REPLICA("replica");

    private final String name;

    ReadStore(String name) {
        this.name = name;
    }

    /**
     * The store's name: its Hibernate ORM tenant identifier, and the value of the {@code store}
     * tag of {@code newsroom_query_reads_total}.
     */
    public String storeName() {
        return name;
    }

    /** The store named {@code name}. */
    static ReadStore named(String name) {
        for (ReadStore store : values()) {
            if (store.name.equals(name)) {
                return store;
            }
        }
        throw new IllegalArgumentException("no read store is named \"" + name + "\"");
    }
}
