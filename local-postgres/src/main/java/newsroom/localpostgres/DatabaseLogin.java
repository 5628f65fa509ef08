package newsroom.localpostgres;

/** A user name and password to log in to PostgreSQL with. */
public record DatabaseLogin(String user, String password) {

    /** Without the password, so a login can be logged. */
    @Override
    public String toString() {
        return "DatabaseLogin[user=" + user + "]";
    }
}
