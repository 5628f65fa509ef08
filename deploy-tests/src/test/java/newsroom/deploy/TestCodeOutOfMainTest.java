package newsroom.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Test code stays out of what ships: no module's {@code src/main} holds a test class or
 * reaches for JUnit or a module of test support, and those modules, {@code test-keys},
 * {@code test-store} and {@code test-admin-port} (whose main code is test code by design), are
 * dependencies of tests only.
 */
class TestCodeOutOfMainTest {

    private static final Path HOME = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath().normalize();
    /** Each module of test support, and the services whose tests use it. */
    private static final Map<String, List<String>> TEST_SUPPORT = Map.of(
            "test-keys", List.of("ingest-service", "query-service", "nlp-service"),
            "test-store", List.of("ingest-service", "query-service"),
            "test-admin-port", List.of("ingest-service", "query-service", "nlp-service"));
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern TEST_CLASS_NAME = Pattern.compile("Test[A-Z0-9_].*|.*(Test|Tests|IT)\\.java");
    private static final Pattern TEST_IMPORT = Pattern.compile("^import (static )?(org\\.junit\\.|newsroom\\.testkeys\\.|newsroom\\.teststore\\.|newsroom\\.testadminport\\.)",
            Pattern.MULTILINE);
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    @Test
    void noModuleShipsTestCode() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : modules()) {
            Path main = HOME.resolve(module).resolve("src/main");
            if (TEST_SUPPORT.containsKey(module) || !Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String where = HOME.relativize(file).toString();
                    if (TEST_CLASS_NAME.matcher(file.getFileName().toString()).matches()) {
                        problems.add(where + ": a test class in main code; move it to src/test or to a test support module " + TEST_SUPPORT.keySet());
                    }
                    Matcher testImport = TEST_IMPORT.matcher(Files.readString(file));
                    if (testImport.find()) {
                        problems.add(where + ": main code imports " + testImport.group(2) + "*, which is for tests only");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theTestSupportModulesAreDependenciesOfTestsOnly() throws IOException {
        List<String> modules = modules();
        for (Map.Entry<String, List<String>> support : TEST_SUPPORT.entrySet()) {
            List<String> problems = new ArrayList<>();
            List<String> users = new ArrayList<>();
            for (String module : modules) {
                if (TEST_SUPPORT.containsKey(module)) {
                    continue; // one module of test support may build on another
                }
                Matcher dependency = DEPENDENCY.matcher(Files.readString(HOME.resolve(module).resolve("pom.xml")));
                while (dependency.find()) {
                    String declaration = dependency.group(1);
                    if (declaration.contains("<artifactId>" + support.getKey() + "</artifactId>")) {
                        users.add(module);
                        if (!declaration.contains("<scope>test</scope>")) {
                            problems.add(module + "/pom.xml depends on " + support.getKey() + " without <scope>test</scope>");
                        }
                    }
                }
            }
            assertEquals(List.of(), problems);
            assertTrue(users.containsAll(support.getValue()),
                    "the services' tests use " + support.getKey() + ": " + users);
        }
    }

    private static List<String> modules() throws IOException {
        Matcher module = MODULE.matcher(Files.readString(HOME.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1).strip());
        }
        assertTrue(modules.containsAll(TEST_SUPPORT.keySet()), "the root pom lists its modules: " + modules);
        return modules;
    }
}
