package newsroom.auth.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes a certificate authority for one machine and one server certificate it signs, for
 * {@code localhost} and {@code 127.0.0.1}, as PEM files the services and clients read.
 *
 * <p>Only the JDK is used: {@code keytool} (run as a process) makes the keys and signs the
 * server certificate, because the JDK has no public API to sign a certificate; the server's
 * private key is then written out as PKCS#8 PEM. The CA's private key is not kept: nothing
 * else is ever signed with it, so there is nothing to steal that could vouch for another host.
 */
public final class LocalCertificateAuthority {

    /** Days the certificates are valid: 825, the longest clients such as browsers accept. */
    static final int VALIDITY_DAYS = 825;

    private LocalCertificateAuthority() {
    }

    /**
     * Writes {@link TlsFiles#ca}, {@link TlsFiles#certificate} and {@link TlsFiles#privateKey}
     * into {@code directory} (created if missing) and returns them.
     *
     * @throws IOException when keytool is missing or fails (its output is in the message)
     */
    public static TlsFiles generate(Path directory) throws IOException {
        Files.createDirectories(directory);
        TlsFiles files = TlsFiles.in(directory);
        Path work = Files.createTempDirectory(directory, "keytool-");
        String password = randomPassword();
        try {
            Path caStore = work.resolve("ca.p12");
            Path serverStore = work.resolve("server.p12");
            Path request = work.resolve("server.csr");
            Path signed = work.resolve("server.crt");
            keytool(password, "-genkeypair", "-alias", "ca", "-keystore", caStore.toString(),
                    "-dname", "CN=Newsroom local CA", "-ext", "bc:c=ca:true", "-ext", "ku:c=keyCertSign,cRLSign",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", Integer.toString(VALIDITY_DAYS));
            keytool(password, "-genkeypair", "-alias", "server", "-keystore", serverStore.toString(),
                    "-dname", "CN=localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-validity", Integer.toString(VALIDITY_DAYS));
            keytool(password, "-certreq", "-alias", "server", "-keystore", serverStore.toString(),
                    "-file", request.toString());
            keytool(password, "-gencert", "-alias", "ca", "-keystore", caStore.toString(),
                    "-infile", request.toString(), "-outfile", signed.toString(), "-rfc",
                    "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "eku=serverAuth",
                    "-validity", Integer.toString(VALIDITY_DAYS));
            keytool(password, "-exportcert", "-alias", "ca", "-keystore", caStore.toString(), "-rfc",
                    "-file", files.ca().toString());
            Files.copy(signed, files.certificate(), StandardCopyOption.REPLACE_EXISTING);
            writePrivateKey(serverStore, password, files.privateKey());
            return files;
        } finally {
            try (var stream = Files.list(work)) {
                for (Path file : stream.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static void writePrivateKey(Path store, String password, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
            PrivateKey key = (PrivateKey) keyStore.getKey("server", password.toCharArray());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.deleteIfExists(target);
            Files.createFile(target, ownerOnly());
            Files.writeString(target, pem, StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key keytool made in " + store + ": " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions
                .asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    /** Runs keytool from this JVM's own JDK; the store password goes through the environment, not argv. */
    private static void keytool(String password, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        // PKCS12 stores hold one password for the store and its keys.
        command.addAll(List.of("-storetype", "PKCS12", "-storepass:env", "NEWSROOM_KEYTOOL_PASSWORD", "-noprompt"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NEWSROOM_KEYTOOL_PASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException("keytool " + arguments[0] + " failed (exit " + exit + "): " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while keytool " + arguments[0] + " ran", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
