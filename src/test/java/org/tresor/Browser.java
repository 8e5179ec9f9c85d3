package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A real browser for the tests: Debian's Chromium, headless, driven through its chromedriver with Selenium.
 * One browser for the whole test run (starting one costs about a second), quit when the run ends. A test class
 * registers it with {@code @RegisterExtension static final Browser browser = Browser.shared();} and gets a
 * clean browser for each test ({@link #reset()}). Without Chromium the tests fail with a message saying how to
 * install it: a browser test that silently skips would hide a broken page.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback {

	/** Where reviewers find a picture of every step. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Path CHROMIUM = Path.of(System.getProperty("tresor.test.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("tresor.test.chromedriver", "/usr/bin/chromedriver"));

	private static Browser shared;

	private final ChromeDriver driver;

	/** The size pages are shown at: a laptop, or a small phone. */
	public enum Viewport {

		DESKTOP(1280, 900, false), PHONE(360, 740, true);

		final int width;

		final int height;

		final boolean mobile;

		Viewport(int width, int height, boolean mobile) {
			this.width = width;
			this.height = height;
			this.mobile = mobile;
		}

		public String label() {
			return name().toLowerCase(Locale.ROOT) + "-" + width;
		}
	}

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	/** The browser of this test run, started on first use. */
	public static synchronized Browser shared() {
		if (shared == null) {
			shared = new Browser(start());
		}
		return shared;
	}

	private static synchronized void quitShared() {
		if (shared != null) {
			shared.driver.quit();
			shared = null;
		}
	}

	/** Quits the browser when the whole test run ends (its root context closes), before the JVM shuts down. */
	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.create(Browser.class))
			.computeIfAbsent("quit", key -> (AutoCloseable) Browser::quitShared, AutoCloseable.class);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		reset();
	}

	private static ChromeDriver start() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new AssertionError("The browser tests need Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
					+ "). Install them with: apt-get install chromium chromium-driver");
		}
		var options = new ChromeOptions();
		// with the binary and the driver named, Selenium Manager never tries to download a browser
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=en-US", "--no-first-run", "--disable-extensions",
				"--disable-background-networking", "--disable-search-engine-choice-screen");
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		var driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
		return driver;
	}

	public WebDriver driver() {
		return driver;
	}

	/** A clean start for a test: no cookies (so no login and no language choice), no emulation, desktop size. */
	public void reset() {
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
		online();
		use(Viewport.DESKTOP);
	}

	/** Shows pages at {@code viewport}'s size in CSS pixels, as a phone (touch, meta viewport) or a desktop. */
	public void use(Viewport viewport) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width, "height",
				viewport.height, "deviceScaleFactor", 1, "mobile", viewport.mobile));
		driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", viewport.mobile));
	}

	/** Turns JavaScript off for the pages opened from now on (until {@link #reset()}). */
	public void withoutJavaScript() {
		driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
	}

	/** Sends at most {@code bytesPerSecond}, so an upload of a few megabytes takes long enough to be watched. */
	public void throttleUploads(long bytesPerSecond) {
		networkConditions(false, bytesPerSecond);
	}

	/** The network goes away, as when a phone loses its signal: open connections fail. */
	public void offline() {
		networkConditions(true, -1);
	}

	public void online() {
		networkConditions(false, -1);
	}

	private void networkConditions(boolean offline, long uploadThroughput) {
		driver.executeCdpCommand("Network.enable", Map.of());
		driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
				"downloadThroughput", -1, "uploadThroughput", uploadThroughput));
	}

	public void open(String url) {
		driver.get(url);
	}

	public WebElement find(String cssSelector) {
		return driver.findElement(By.cssSelector(cssSelector));
	}

	public List<WebElement> findAll(String cssSelector) {
		return driver.findElements(By.cssSelector(cssSelector));
	}

	public WebElement byId(String id) {
		return driver.findElement(By.id(id));
	}

	/** Clicks {@code element} and waits until the page it leads to has replaced the current one. */
	public void clickToNavigate(WebElement element) {
		script("document.documentElement.setAttribute('data-test-old-page', '')");
		element.click();
		waitUntil(driver -> script("return document.readyState === 'complete'"
				+ " && !document.documentElement.hasAttribute('data-test-old-page');"));
	}

	/** Replaces the text of the field {@code id} (secrets too: nothing is logged). */
	public void type(String id, String text) {
		var field = byId(id);
		field.clear();
		field.sendKeys(text);
	}

	/** Waits for the first visible element that matches {@code cssSelector}. */
	public WebElement waitFor(String cssSelector) {
		return waitUntil(driver -> driver.findElements(By.cssSelector(cssSelector))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
	}

	/** Waits until {@code condition} gives something other than null or false. */
	public <T> T waitUntil(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(50)).until(condition);
	}

	@SuppressWarnings("unchecked")
	public <T> T script(String script, Object... arguments) {
		return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	public String path() {
		return java.net.URI.create(driver.getCurrentUrl()).getPath();
	}

	/** The page fits the viewport: nothing sticks out sideways, so a phone needs no horizontal scrolling. */
	public void assertNoHorizontalScrolling() {
		long pageWidth = this.<Number>script("return document.documentElement.scrollWidth;").longValue();
		long viewportWidth = this.<Number>script("return window.innerWidth;").longValue();
		assertThat(pageWidth).as("page width at a viewport of %d px on %s", viewportWidth, path())
			.isLessThanOrEqualTo(viewportWidth);
	}

	/** A picture of the whole page (not only the visible part) to {@code target/screenshots/<name>.png}. */
	@SuppressWarnings("unchecked")
	public void screenshot(String name) {
		var metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		var size = (Map<String, Number>) metrics.get("cssContentSize");
		var clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
		var shot = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Runs axe-core on the current page and fails on every serious or critical violation of WCAG 2.1 A/AA and
	 * of axe's best practices, naming the rule and the elements.
	 */
	public void assertAccessible() {
		var results = new AxeBuilder().setLegacyMode(true)
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
			.analyze(driver);
		assertThat(results.isErrored()).as("axe-core ran on %s: %s", path(), results.getErrorMessage()).isFalse();
		var serious = results.getViolations().stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(serious).as("serious accessibility violations on %s:\n%s", path(), describe(serious)).isEmpty();
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + "\n  "
					+ rule.getNodes().stream().map(node -> node.getHtml()).collect(Collectors.joining("\n  ")))
			.collect(Collectors.joining("\n"));
	}
}
