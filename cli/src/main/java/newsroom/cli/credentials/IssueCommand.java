package newsroom.cli.credentials;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import newsroom.auth.Role;
import newsroom.cli.UserError;
import newsroom.cli.run.CliHome;
import newsroom.cli.run.SuiteSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsroom credentials issue}: a new API key with the roles asked for. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {
            "Issues a new API key and adds it to the key file of the suite on this machine"
                + " ($NEWSROOM_STATE_DIR/credentials/keys); running services accept it at once.",
            "The key is shown only now. A client sends it as the metadata 'authorization: Bearer <key>';"
                + " the CLI sends NEWSROOM_API_KEY. For services elsewhere (Kubernetes), add the printed"
                + " key-file line to their key file."
        })
public class IssueCommand implements Callable<Integer> {

    @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
            description = "writer (ingest), reader (query) or analyzer (call nlp-service); repeat or separate"
                    + " with commas for several")
    List<String> roles;

    @Option(names = "--name", paramLabel = "NAME",
            description = "what the key is for, shown in refusals and logs (default: <roles>-<date-time>);"
                    + " letters, digits and . _ @ -")
    String name;

    @Option(names = "--elsewhere",
            description = "Only print the key and its key-file line, for services elsewhere (Kubernetes);"
                    + " this machine's key file is left as it is.")
    boolean elsewhere;

    @Option(names = "--json", description = "Print JSON: key, roles, name, keyFileLine.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        for (String role : roles) {
            try {
                granted.add(Role.ofLabel(role));
            } catch (IllegalArgumentException e) {
                throw new UserError("--role: " + e.getMessage());
            }
        }
        String keyName = name != null ? name : defaultName(granted);
        SuiteSettings settings = SuiteSettings.fromEnvironment(System.getenv(), CliHome.repository());
        LocalCredentials.IssuedKey issued;
        LocalCredentials credentials = null;
        try {
            if (elsewhere) {
                issued = LocalCredentials.newKey(granted, keyName);
            } else {
                credentials = LocalCredentials.ensure(settings.credentialsDirectory());
                issued = credentials.issue(granted, keyName);
            }
        } catch (IllegalArgumentException e) {
            throw new UserError("--name: " + e.getMessage());
        }
        if (json) {
            JsonObject out = new JsonObject();
            out.addProperty("key", issued.key());
            JsonArray roleList = new JsonArray();
            granted.forEach(role -> roleList.add(role.label()));
            out.add("roles", roleList);
            out.addProperty("name", keyName);
            out.addProperty("keyFileLine", issued.entry());
            System.out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(out));
            return 0;
        }
        System.out.println("Issued the API key \"" + keyName + "\" (" + labels(granted) + "):");
        System.out.println();
        System.out.println("  " + issued.key());
        System.out.println();
        System.out.println("It is shown only now. Use it with: NEWSROOM_API_KEY=<key> newsroom ...");
        if (credentials != null) {
            System.out.println("The suite on this machine accepts it at once (key file " + credentials.keysFile() + ").");
        }
        System.out.println("For services elsewhere, add this line to their key file (Kubernetes: the Secret"
                + " newsroom-api-keys, see docs/security.md):");
        System.out.println("  " + issued.entry());
        return 0;
    }

    private static String defaultName(Set<Role> roles) {
        return String.join("-", roles.stream().map(Role::label).toList()) + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    private static String labels(Set<Role> roles) {
        return String.join(", ", roles.stream().map(Role::label).toList());
    }
}
