package io.tenantctl.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.agent.AgentHarness;
import io.tenantctl.agent.GitSource;
import io.tenantctl.agent.status.ConditionType;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The status page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * through Selenium): a source with a plan waiting for approval shows its name, its conditions and
 * the plan's steps; the approve button, with the API token, lets the agent apply it. Screenshots go
 * to {@code target/agent-page-*.png}.
 *
 * <p>Without Chromium the test fails when {@code CI} is set (CI installs it: {@code .ci/run}), and is
 * skipped on a developer's machine otherwise.
 */
class StatusPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @BeforeAll
    static void chromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String ci = System.getenv("CI");
        if (!present && ci != null && !ci.isBlank()) {
            Assertions.fail("CI is set and " + CHROMIUM + " or " + DRIVER
                    + " is missing: .ci/run installs chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "no Chromium here (apt-get install chromium chromium-driver)");
    }

    private static WebDriver browser(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,2000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @Test
    void thePageShowsTheWaitingPlanAndItsButtonApprovesIt() throws Exception {
        GitSource git = GitSource.create(dir);
        git.copy(Path.of("manifests/examples/seed/before"), "manifests");
        String first = git.push("seed, before");
        String state = "sqlite:" + dir.resolve("state.db");
        String yaml = AgentHarness.config(state, dir.resolve("agent").toString(), git.url(), "interval: 1s");
        try (AgentHarness agent = AgentHarness.start(yaml, state, AgentHarness.secrets())) {
            agent.awaitApplied(first);
            git.copy(Path.of("manifests/examples/seed/after"), "manifests");
            String after = git.push("seed, after");
            agent.await(
                    "a held plan",
                    s -> s.observedCommit().equals(after)
                            && s.condition(ConditionType.READY).reason().equals("AwaitingApproval"));

            WebDriver browser = browser(dir.resolve("chromium-profile"));
            try {
                browser.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(1));
                browser.get(agent.base() + "/");
                assertThat(browser.getTitle()).isEqualTo("tenantctl agent");
                WebElement source = browser.findElement(By.id("source-seed"));
                assertThat(source.findElement(By.tagName("h2")).getText()).isEqualTo("seed");
                List<WebElement> conditions = source.findElements(By.cssSelector("table.conditions tbody tr"));
                assertThat(conditions).hasSize(3);
                assertThat(conditions.get(0).getText())
                        .startsWith("Ready False AwaitingApproval")
                        .contains("waits for approval");
                assertThat(conditions.get(1).getText()).startsWith("Reconciling True AwaitingApproval");
                assertThat(conditions.get(2).getText()).startsWith("Stalled False");
                String plan = source.findElement(By.cssSelector("div.plan")).getText();
                assertThat(plan)
                        .contains("AddGlobalAdmin msmith@hotmail.com to Tenant/contoso")
                        .contains("TransferSubscription Subscription/msdn-1 from Tenant/default-directory to"
                                + " Tenant/contoso")
                        .contains("AddCoAdmin JohnDoe@contoso.com to Subscription/msdn-1");
                assertThat(source.findElement(By.cssSelector("table.history")).getText())
                        .contains("held")
                        .contains("applied");
                screenshot(browser, "waiting");

                source.findElement(By.name("token")).sendKeys("api-token");
                source.findElement(By.name("approve")).click();
                assertThat(browser.findElement(By.cssSelector("p.banner")).getText())
                        .startsWith("approved plan sha256:");
                agent.awaitApplied(after);

                browser.get(agent.base() + "/");
                WebElement applied = browser.findElement(By.id("source-seed"));
                assertThat(applied.findElement(By.cssSelector("table.conditions tbody tr"))
                                .getText())
                        .startsWith("Ready True Applied")
                        .contains("approved by status page");
                assertThat(applied.getText()).contains("No plan is waiting.");
                screenshot(browser, "applied");
            } finally {
                browser.quit();
            }
        }
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "agent-page-" + name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }
}
