package newsroom.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize} and loads what it prints into the fabric8 model. */
final class Kustomize {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Kustomize() {
    }

    /** Whether {@code kubectl} can be run here. */
    static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Every object the kustomization at {@code directory} renders, each checked to hold
     * only fields the Kubernetes API knows (see {@link UnknownFields}).
     */
    static List<HasMetadata> render(Path directory) {
        String yaml = run(directory);
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object loaded = SERIALIZATION.unmarshal(document);
            if (!(loaded instanceof HasMetadata object)) {
                fail(directory + " renders something that is not a Kubernetes object: " + document);
                continue;
            }
            UnknownFields.assertNone(object);
            objects.add(object);
        }
        return objects;
    }

    private static String run(Path directory) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString()).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + directory + " did not finish");
            }
            if (process.exitValue() != 0) {
                fail("kubectl kustomize " + directory + " failed: " + new String(errors.join(), StandardCharsets.UTF_8));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(java.io.InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            return e.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Writes a kustomization under {@code workDirectory} that adds {@code components} to the
     * overlay at {@code overlay}, for components no overlay of the repository uses. Kustomize
     * only accepts relative paths, so it must live inside the repository's tree.
     */
    static Path withComponents(Path workDirectory, Path overlay, List<Path> components) throws IOException {
        Files.createDirectories(workDirectory);
        StringBuilder kustomization = new StringBuilder()
                .append("apiVersion: kustomize.config.k8s.io/v1beta1\n")
                .append("kind: Kustomization\n")
                .append("resources:\n")
                .append("  - ").append(relative(workDirectory, overlay)).append('\n')
                .append("components:\n");
        for (Path component : components) {
            kustomization.append("  - ").append(relative(workDirectory, component)).append('\n');
        }
        Files.writeString(workDirectory.resolve("kustomization.yaml"), kustomization, StandardCharsets.UTF_8);
        return workDirectory;
    }

    private static String relative(Path from, Path to) {
        return from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
