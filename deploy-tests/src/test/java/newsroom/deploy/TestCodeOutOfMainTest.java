package newsroom.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Test code stays out of what ships: no module's {@code src/main} holds a test class or
 * reaches for JUnit or the test keys, and the one module of test support, {@code test-keys}
 * (whose main code is test code by design), is a dependency of tests only.
 */
class TestCodeOutOfMainTest {

    private static final Path HOME = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath().normalize();
    private static final String TEST_SUPPORT = "test-keys";
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern TEST_CLASS_NAME = Pattern.compile("Test[A-Z0-9_].*|.*(Test|Tests|IT)\\.java");
    private static final Pattern TEST_IMPORT = Pattern.compile("^import (static )?(org\\.junit\\.|newsroom\\.testkeys\\.)",
            Pattern.MULTILINE);
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    @Test
    void noModuleShipsTestCode() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : modules()) {
            Path main = HOME.resolve(module).resolve("src/main");
            if (module.equals(TEST_SUPPORT) || !Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String where = HOME.relativize(file).toString();
                    if (TEST_CLASS_NAME.matcher(file.getFileName().toString()).matches()) {
                        problems.add(where + ": a test class in main code; move it to src/test or to " + TEST_SUPPORT);
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
    void theTestSupportModuleIsADependencyOfTestsOnly() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (String module : modules()) {
            Matcher dependency = DEPENDENCY.matcher(Files.readString(HOME.resolve(module).resolve("pom.xml")));
            while (dependency.find()) {
                String declaration = dependency.group(1);
                if (declaration.contains("<artifactId>" + TEST_SUPPORT + "</artifactId>")) {
                    users.add(module);
                    if (!declaration.contains("<scope>test</scope>")) {
                        problems.add(module + "/pom.xml depends on " + TEST_SUPPORT + " without <scope>test</scope>");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(users.containsAll(List.of("ingest-service", "query-service", "nlp-service")),
                "the services' tests use " + TEST_SUPPORT + ": " + users);
    }

    private static List<String> modules() throws IOException {
        Matcher module = MODULE.matcher(Files.readString(HOME.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1).strip());
        }
        assertTrue(modules.contains(TEST_SUPPORT), "the root pom lists its modules: " + modules);
        return modules;
    }
}
