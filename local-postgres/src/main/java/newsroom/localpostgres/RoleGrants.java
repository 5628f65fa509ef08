package newsroom.localpostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates Newsroom's roles and gives each only the rights its user needs. Run as the
 * superuser on every start, so it is idempotent: it also brings a data directory made
 * before the roles existed (everything owned by {@code postgres}) to the same state.
 *
 * <p>Rights, and why:
 * <ul>
 *   <li>{@link DatabaseRole#OWNER} owns the database, its {@code public} schema and every
 *       object in it: Flyway creates and alters tables as it. It is no superuser and cannot
 *       create roles or databases, so a leaked owner password still cannot run programs on
 *       the server ({@code COPY ... TO PROGRAM}) or reach other databases.</li>
 *   <li>{@link DatabaseRole#WRITER} reads and writes rows of every table, uses the
 *       sequences and calls the functions; it cannot create, alter or drop anything.</li>
 *   <li>{@link DatabaseRole#READER} reads rows only, and its sessions are read-only.</li>
 *   <li>{@code PUBLIC} loses what PostgreSQL grants every role by default: connecting to the
 *       database, creating temporary tables and (before PostgreSQL 15) creating objects in
 *       {@code public}.</li>
 * </ul>
 * Default privileges give the writer and the reader their rights on the tables, sequences
 * and functions later migrations create, since those are created by the owner.
 */
final class RoleGrants {

    private static final String OWNER = DatabaseRole.OWNER.roleName();
    private static final String WRITER = DatabaseRole.WRITER.roleName();
    private static final String READER = DatabaseRole.READER.roleName();

    private RoleGrants() {
    }

    /** The roles, their passwords, and the database owned by the owner; {@code connection} is to any database. */
    static void ensureRolesAndDatabase(Connection connection, DatabasePasswords passwords, String database)
            throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER ROLE " + DatabaseRole.SUPERUSER.roleName()
                    + " PASSWORD '" + passwords.of(DatabaseRole.SUPERUSER) + "'");
            for (DatabaseRole role : new DatabaseRole[] {DatabaseRole.OWNER, DatabaseRole.WRITER, DatabaseRole.READER}) {
                sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role.roleName()
                        + "') THEN CREATE ROLE " + role.roleName() + "; END IF; END $$");
                sql.execute("ALTER ROLE " + role.roleName()
                        + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
                        + " PASSWORD '" + passwords.of(role) + "'");
            }
            sql.execute("ALTER ROLE " + READER + " SET default_transaction_read_only = on");
            boolean exists;
            try (ResultSet rows = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                exists = rows.next();
            }
            if (!exists) {
                sql.execute("CREATE DATABASE " + database + " OWNER " + OWNER);
            }
            sql.execute("ALTER DATABASE " + database + " OWNER TO " + OWNER);
            sql.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + database + " TO " + WRITER + ", " + READER);
        }
    }

    /** Ownership and rights inside the database; {@code connection} is to it, as the superuser. */
    static void grantInDatabase(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            sql.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            sql.execute("GRANT USAGE ON SCHEMA public TO " + WRITER + ", " + READER);
            sql.execute(TRANSFER_OWNERSHIP);
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + WRITER);
            sql.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + WRITER);
            sql.execute("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO " + WRITER);
            sql.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READER);
            String defaults = "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public ";
            sql.execute(defaults + "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + WRITER);
            sql.execute(defaults + "GRANT USAGE ON SEQUENCES TO " + WRITER);
            sql.execute(defaults + "GRANT EXECUTE ON FUNCTIONS TO " + WRITER);
            sql.execute(defaults + "GRANT SELECT ON TABLES TO " + READER);
            // Migration history is the owner's: a writer that could edit it could hide a migration.
            sql.execute("DO $$ BEGIN IF to_regclass('public.flyway_schema_history') IS NOT NULL THEN "
                    + "REVOKE INSERT, UPDATE, DELETE ON public.flyway_schema_history FROM " + WRITER + "; END IF; END $$");
        }
    }

    /**
     * Gives the owner every object in {@code public} that another role owns (the superuser,
     * in a data directory made before the roles). {@code REASSIGN OWNED BY postgres} cannot
     * do it: the bootstrap superuser's objects include the system's own. Skipped: indexes and
     * the sequences of serial and identity columns (they follow their table) and what an
     * extension owns (pg_trgm's functions stay the extension's).
     */
    private static final String TRANSFER_OWNERSHIP = ("""
            DO $$
            DECLARE
                object record;
            BEGIN
            """ + toOwner("""
                SELECT c.oid::regclass AS name,
                       CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                      WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                                      WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END AS kind
                FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace
                  AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c')
                  AND c.relowner <> '%1$s'::regrole
                  AND NOT EXISTS (SELECT FROM pg_depend d
                                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                    AND d.deptype IN ('a', 'i', 'e'))
            """) + toOwner("""
                SELECT p.oid::regprocedure AS name,
                       CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END AS kind
                FROM pg_proc p
                WHERE p.pronamespace = 'public'::regnamespace
                  AND p.proowner <> '%1$s'::regrole
                  AND NOT EXISTS (SELECT FROM pg_depend d
                                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
            """) + toOwner("""
                SELECT t.oid::regtype AS name, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END AS kind
                FROM pg_type t
                WHERE t.typnamespace = 'public'::regnamespace
                  AND t.typtype IN ('e', 'd', 'r')
                  AND t.typowner <> '%1$s'::regrole
                  AND NOT EXISTS (SELECT FROM pg_depend d
                                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
            """) + """
            END $$""").formatted(OWNER);

    /**
     * The block's loop that gives the owner each object the query finds: its rows name the
     * object ({@code name}) and say what kind of object it is ({@code kind}, as ALTER spells it).
     */
    private static String toOwner(String objects) {
        return "    FOR object IN\n" + objects.indent(4) + """
                    LOOP
                        EXECUTE format('ALTER %%s %%s OWNER TO %1$s', object.kind, object.name);
                    END LOOP;
                """;
    }
}
