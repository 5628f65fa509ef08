package newsroom.auth.tls;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PEM files of one server's TLS set-up.
 *
 * @param ca          the certificate of the CA that signed {@code certificate}: what clients trust
 * @param certificate the server's certificate
 * @param privateKey  the server's private key, PKCS#8, readable by its owner only
 */
public record TlsFiles(Path ca, Path certificate, Path privateKey) {

    /** The names {@link LocalCertificateAuthority} writes in {@code directory}. */
    public static TlsFiles in(Path directory) {
        return new TlsFiles(directory.resolve("ca.crt"), directory.resolve("server.crt"),
                directory.resolve("server.key"));
    }

    public boolean exist() {
        return Files.isRegularFile(ca) && Files.isRegularFile(certificate) && Files.isRegularFile(privateKey);
    }
}
