package newsroom.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code NEWSROOM_*} environment variable the shipped code reads has a row in the
 * settings table of README.md ("## Configuration"), so a user can find each setting in one
 * place.
 *
 * <p>"Read by the code" is what can be seen without running it: a {@code ${NEWSROOM_...}}
 * reference in a module's {@code src/main/resources/application*.properties}, a
 * {@code "NEWSROOM_..."} string literal in a module's {@code src/main/java} (how the CLI and
 * the auth and TLS code name the variables they read), and a {@code ${NEWSROOM_...}}
 * expansion in the {@code newsroom} launcher. benchmarks/ is left out: it is run by hand and
 * ships nothing.
 */
class SettingsDocumentedTest {

    private static final Path HOME = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath().normalize();
    private static final Set<String> NOT_SHIPPED = Set.of("benchmarks");

    /**
     * String literals in main code that look like settings but are none, each with the reason.
     * Each must still occur in the code, so the list cannot outlive what it excuses.
     */
    private static final Map<String, String> NOT_SETTINGS = Map.of(
            "NEWSROOM_DB", "a prefix: DatabaseConnection appends _USER and _PASSWORD",
            "NEWSROOM_DB_MIGRATION", "a prefix: DatabaseConnection appends _USER and _PASSWORD",
            "NEWSROOM_DB_READ", "a prefix: DatabaseConnection appends _USER and _PASSWORD",
            "NEWSROOM_KEYTOOL_PASSWORD", "set by LocalCertificateAuthority for the keytool process it runs, "
                    + "so the store password is not on a command line; never read from the user's environment");

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{(NEWSROOM_[A-Z0-9_]*[A-Z0-9])[:}]");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"(NEWSROOM_[A-Z0-9_]*[A-Z0-9])\"");
    private static final Pattern SHELL_EXPANSION = Pattern.compile("\\$\\{(NEWSROOM_[A-Z0-9_]*[A-Z0-9])[:}]");
    private static final Pattern TABLE_NAME = Pattern.compile("`(NEWSROOM_[A-Z0-9_]*[A-Z0-9])`");

    @Test
    void everyVariableTheCodeReadsHasARowInTheReadmeTable() throws IOException {
        Map<String, Set<String>> read = variablesReadByTheCode();
        Set<String> documented = documentedInTheReadmeTable();
        assertTrue(documented.size() > 20, "README.md's settings table was found: " + documented);

        List<String> missing = new ArrayList<>();
        read.forEach((variable, where) -> {
            if (!documented.contains(variable) && !NOT_SETTINGS.containsKey(variable)) {
                missing.add(variable + " (read in " + String.join(", ", where) + ")");
            }
        });
        assertEquals(List.of(), missing, "NEWSROOM_* variables the code reads but README.md's settings table "
                + "(## Configuration) has no row for: add a row with its default and meaning");
    }

    @Test
    void everyExcusedNameStillOccursInTheCode() throws IOException {
        Map<String, Set<String>> read = variablesReadByTheCode();
        List<String> stale = NOT_SETTINGS.keySet().stream().filter(name -> !read.containsKey(name)).sorted().toList();
        assertEquals(List.of(), stale, "names excused as not settings that the code no longer holds: remove them");
    }

    /** Each variable, with the files that read it (relative to the repository). */
    private static Map<String, Set<String>> variablesReadByTheCode() throws IOException {
        Map<String, Set<String>> read = new TreeMap<>();
        for (String module : modules()) {
            if (NOT_SHIPPED.contains(module)) {
                continue;
            }
            collect(HOME.resolve(module).resolve("src/main/java"), ".java", JAVA_LITERAL, read);
            collect(HOME.resolve(module).resolve("src/main/resources"), ".properties", PROPERTY_REFERENCE, read);
        }
        find(HOME.resolve("newsroom"), SHELL_EXPANSION, read);
        assertTrue(read.containsKey("NEWSROOM_DB_URL") && read.containsKey("NEWSROOM_STATE_DIR"),
                "the scan finds the variables the services and the CLI read: " + read.keySet());
        return read;
    }

    private static void collect(Path directory, String suffix, Pattern reference, Map<String, Set<String>> read)
            throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(suffix)).toList()) {
                find(file, reference, read);
            }
        }
    }

    private static void find(Path file, Pattern reference, Map<String, Set<String>> read) throws IOException {
        Matcher matcher = reference.matcher(Files.readString(file));
        while (matcher.find()) {
            read.computeIfAbsent(matcher.group(1), name -> new TreeSet<>()).add(HOME.relativize(file).toString());
        }
    }

    /** The names in the first column of the table under README.md's "## Configuration". */
    private static Set<String> documentedInTheReadmeTable() throws IOException {
        Set<String> documented = new TreeSet<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(HOME.resolve("README.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Configuration");
            } else if (inSection && line.startsWith("|")) {
                String[] cells = line.split("\\|");
                if (cells.length > 1) {
                    Matcher name = TABLE_NAME.matcher(cells[1]);
                    while (name.find()) {
                        documented.add(name.group(1));
                    }
                }
            }
        }
        return documented;
    }

    private static List<String> modules() throws IOException {
        Matcher module = MODULE.matcher(Files.readString(HOME.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1).strip());
        }
        assertTrue(modules.contains("cli"), "the root pom lists its modules: " + modules);
        return modules;
    }
}
