package newsroom.localpostgres;

/**
 * The roles of Newsroom's database, each with only the rights its user needs
 * ({@link RoleGrants} gives them). Only {@link #SUPERUSER} may run programs on the
 * server ({@code COPY ... TO PROGRAM}), create roles or drop the schema.
 */
public enum DatabaseRole {

    /** PostgreSQL's bootstrap superuser: only {@link LocalPostgres} itself logs in as it, to set up the others. */
    SUPERUSER("postgres"),
    /** Owns the database and its schema; Flyway migrates as it. Not a superuser, cannot create roles. */
    OWNER("newsroom_owner"),
    /** ingest-service: reads and writes rows, uses sequences and functions; cannot change the schema. */
    WRITER("newsroom_writer"),
    /** query-service: reads rows only. */
    READER("newsroom_reader");

    private final String roleName;

    DatabaseRole(String roleName) {
        this.roleName = roleName;
    }

    /** The role's name in PostgreSQL, which is also the user name it logs in with. */
    public String roleName() {
        return roleName;
    }
}
