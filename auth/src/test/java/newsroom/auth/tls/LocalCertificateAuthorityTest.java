package newsroom.auth.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateAuthorityTest {

    @TempDir
    Path directory;

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void theCaSignsAServerCertificateForLocalhost() throws Exception {
        TlsFiles files = LocalCertificateAuthority.generate(directory.resolve("tls"));

        X509Certificate ca = read(files.ca());
        X509Certificate server = read(files.certificate());
        server.verify(ca.getPublicKey());
        server.checkValidity();
        assertEquals(ca.getSubjectX500Principal(), server.getIssuerX500Principal());
        assertTrue(ca.getBasicConstraints() >= 0, "the CA certificate is a CA");
        assertEquals(-1, server.getBasicConstraints(), "the server certificate is not a CA");
        Collection<List<?>> names = server.getSubjectAlternativeNames();
        assertTrue(names.contains(List.of(2, "localhost")), names.toString());
        assertTrue(names.contains(List.of(7, "127.0.0.1")), names.toString());
        assertTrue(server.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "usable for TLS servers");
    }

    @Test
    void thePrivateKeyMatchesTheCertificateAndOnlyItsOwnerMayReadIt() throws Exception {
        TlsFiles files = LocalCertificateAuthority.generate(directory);

        String pem = Files.readString(files.privateKey());
        byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", ""));
        X509Certificate server = read(files.certificate());
        PrivateKey key = KeyFactory.getInstance(server.getPublicKey().getAlgorithm())
                .generatePrivate(new PKCS8EncodedKeySpec(der));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(server.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signature), "server.key is the key of server.crt");
        if (Files.getFileAttributeView(files.privateKey(), java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(files.privateKey()));
        }
        try (var left = Files.list(directory)) {
            assertEquals(Set.of("ca.crt", "server.crt", "server.key"),
                    Set.copyOf(left.map(path -> path.getFileName().toString()).toList()),
                    "the CA's private key and keytool's work files are gone");
        }
    }
}
