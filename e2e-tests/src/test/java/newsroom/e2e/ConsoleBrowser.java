package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driving the console: Debian's {@code chromium} through its
 * {@code chromedriver} (.ci/run installs both), both named explicitly so that Selenium
 * Manager never downloads a browser or driver. Saves a screenshot of every page it is asked to.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("newsroom.e2e.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("newsroom.e2e.chromedriver", "/usr/bin/chromedriver"));

    /** Where {@link #screenshot} saves its pictures, kept as test artefacts. */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("newsroom.e2e.screenshots", "target/screenshots"));
    /** A bound, not an expectation: a page and its chart on a loaded CI machine. */
    private static final Duration PAGE_LIMIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final URI console;

    private ConsoleBrowser(ChromeDriver driver, URI console) {
        this.driver = driver;
        this.console = console;
    }

    /**
     * A browser for the console at {@code console} ("http://localhost:9093/"). With
     * {@code serverCertificate} (PEM) it trusts that certificate's key alone: Chromium reads
     * trust anchors from an NSS database that Debian fills only with certutil, which CI lacks,
     * so the suite's certificate is pinned by its public key instead of trusting everything.
     */
    static ConsoleBrowser start(URI console, Optional<Path> serverCertificate) throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: install Debian's chromium (.ci/run does)");
        assertTrue(Files.isExecutable(CHROMEDRIVER),
                CHROMEDRIVER + " is missing: install Debian's chromium-driver (.ci/run does)");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        if (serverCertificate.isPresent()) {
            options.addArguments("--ignore-certificate-errors-spki-list=" + publicKeyPin(serverCertificate.get()));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ConsoleBrowser(new ChromeDriver(service, options), console);
    }

    /** Opens {@code path} ("/search?q=Lavrov") on the console. */
    void open(String path) {
        driver.get(console.resolve(path).toString());
    }

    /** Opens an absolute URL, such as a sign-in link. */
    void openUrl(String url) {
        driver.get(url);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    String title() {
        return driver.getTitle();
    }

    /** The element, once the page shows it. */
    WebElement await(By locator) {
        return new WebDriverWait(driver, PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** The value of {@code attribute} on {@code locator} once it is set and non-empty. */
    String awaitAttribute(By locator, String attribute) {
        return new WebDriverWait(driver, PAGE_LIMIT).until(page -> {
            String value = page.findElement(locator).getAttribute(attribute);
            return value == null || value.isEmpty() ? null : value;
        });
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves the page as {@code name}.png under the screenshot directory; returns the file. */
    Path screenshot(String name) throws IOException {
        File taken = driver.getScreenshotAs(OutputType.FILE);
        Path saved = SCREENSHOTS.resolve(name + ".png");
        Files.copy(taken.toPath(), saved, StandardCopyOption.REPLACE_EXISTING);
        return saved;
    }

    /**
     * Fetches {@code href} from inside the page, as a click on a download link would: same
     * origin, with the browser's session cookie (HttpOnly, so the page's script never sees it).
     */
    @SuppressWarnings("unchecked")
    Fetched fetch(String href) {
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => r.text().then(body => done({status: r.status,"
                        + " contentType: r.headers.get('content-type') || '', body: body})))"
                        + ".catch(e => done({status: -1, contentType: '', body: String(e)}));",
                href);
        return new Fetched(((Number) result.get("status")).intValue(), (String) result.get("contentType"),
                (String) result.get("body"));
    }

    record Fetched(int status, String contentType, String body) {
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** base64(SHA-256(SubjectPublicKeyInfo)) of the certificate, as Chromium's SPKI list wants it. */
    private static String publicKeyPin(Path certificatePem) throws IOException {
        try (var in = Files.newInputStream(certificatePem)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (CertificateException | NoSuchAlgorithmException e) {
            throw new IOException("cannot read the certificate " + certificatePem + ": " + e.getMessage(), e);
        }
    }
}
