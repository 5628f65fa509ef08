package newsroom.cli.run;

/** Where the services find PostgreSQL. */
public record DatabaseConnection(String jdbcUrl, String user, String password) {
}
