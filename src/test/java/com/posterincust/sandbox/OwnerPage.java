package com.posterincust.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The owner at Poster's back office (the sandbox's), in Chromium with third-party cookies blocked as browsers do:
 * <i>Applications → inCust</i> frames the app's page from another site; everything is found by the names the owner
 * reads.
 */
final class OwnerPage implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "owner-page-screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String backOffice;

    OwnerPage(int port) throws IOException {
        driver = Chromium.start("1280,900", Map.of("profile.block_third_party_cookies", true,
                "profile.cookie_controls_mode", 1));
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        backOffice = "http://localhost:" + port + "/sandbox/back-office";
    }

    /** Opens Applications → inCust: the page, framed with a fresh code, once it lists the registers. */
    OwnerPage open() {
        return open("en");
    }

    /** Opens the page with Poster's back office in this language (ua, ru, pl, en). */
    OwnerPage open(String language) {
        driver.switchTo().defaultContent();
        driver.get(backOffice + "?lang=" + language);
        enterPage();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#registers tr")));
        return this;
    }

    /** Where the page comes from, and where the page framing it: two sites. */
    List<String> originsOfBackOfficeAndPage() {
        driver.switchTo().defaultContent();
        String top = (String) ((JavascriptExecutor) driver).executeScript("return location.origin");
        enterPage();
        String page = (String) ((JavascriptExecutor) driver).executeScript("return location.origin");
        return List.of(top, page);
    }

    String heading() {
        enterPage();
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The row of one register: its cells register, location, terminal, status. */
    List<String> row(String register) {
        return rowOf(register).findElements(By.tagName("td")).stream().limit(4).map(WebElement::getText).toList();
    }

    List<String> registers() {
        enterPage();
        return driver.findElements(By.cssSelector("#registers tr td:first-child")).stream().map(WebElement::getText)
                .toList();
    }

    void press(String button, String register) {
        rowOf(register).findElement(By.xpath(".//button[normalize-space(text())='" + button + "']")).click();
    }

    void type(String label, String text) {
        enterPage();
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[normalize-space(text())='" + label + "']")));
        WebElement input = driver.findElement(By.id(field.getAttribute("for")));
        input.clear();
        input.sendKeys(text);
    }

    void press(String button) {
        enterPage();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//dialog[@open]//button[normalize-space(text())='"
                + button + "']"))).click();
    }

    String formError() {
        enterPage();
        WebElement error = driver.findElement(By.cssSelector("dialog[open] [role='alert']"));
        wait.until(d -> !error.getText().isBlank() && !error.getText().startsWith("Checking"));
        return error.getText();
    }

    void waitForStatus(String register, String status) {
        wait.until(d -> {
            try {
                return row(register).get(3).equals(status);
            } catch (RuntimeException redrawn) {
                return false;
            }
        });
    }

    /** A button of the page itself, outside any form. */
    void pressOnPage(String button) {
        enterPage();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//main//button[normalize-space(text())='"
                + button + "']"))).click();
    }

    /** The row of a checked day, once its status reads {@code status}: day, receipts, with inCust, agreed, fixed, open, status. */
    List<String> dayRow(String day, String status) {
        enterPage();
        return wait.until(d -> {
            try {
                List<String> cells = d.findElements(By.cssSelector("#days tr[data-day='" + day + "'] td")).stream()
                        .map(WebElement::getText).toList();
                return cells.size() == 7 && cells.get(6).equals(status) ? cells : null;
            } catch (RuntimeException redrawn) {
                return null;
            }
        });
    }

    /** Everything the page says, as the owner reads it. */
    String text() {
        enterPage();
        return driver.findElement(By.tagName("body")).getText();
    }

    String language() {
        enterPage();
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** The checkouts needing attention, top to bottom: each one's id, why (its kind) and the row's text. */
    List<List<String>> attention() {
        enterPage();
        return wait.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#attention tr"));
            return rows.isEmpty() ? null : rows.stream().map(row -> List.of(row.getAttribute("data-checkout"),
                    row.getAttribute("data-attention"), row.getText())).toList();
        });
    }

    /** The row of a checkout in the list of checkouts. */
    String checkoutRow(String checkoutId) {
        enterPage();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#checkouts tr[data-checkout='" + checkoutId + "']"))).getText();
    }

    void pressInCheckoutRow(String button, String checkoutId) {
        enterPage();
        driver.findElement(By.cssSelector("#checkouts tr[data-checkout='" + checkoutId + "']"))
                .findElement(By.xpath(".//button[normalize-space(text())='" + button + "']")).click();
    }

    String openDialog() {
        enterPage();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]"))).getText();
    }

    void closeDialog() {
        enterPage();
        driver.findElement(By.cssSelector("dialog[open] [data-close]")).click();
    }

    String dayCheckStatus() {
        enterPage();
        return driver.findElement(By.id("days-status")).getText();
    }

    boolean dialogOpen() {
        enterPage();
        return !driver.findElements(By.cssSelector("dialog[open]")).isEmpty();
    }

    String cookies() {
        enterPage();
        return (String) ((JavascriptExecutor) driver).executeScript("return document.cookie");
    }

    void screenshot(String name) throws IOException {
        driver.switchTo().defaultContent();
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private WebElement rowOf(String register) {
        enterPage();
        return wait.until(d -> d.findElements(By.cssSelector("#registers tr")).stream()
                .filter(row -> row.findElement(By.tagName("td")).getText().equals(register)).findFirst().orElse(null));
    }

    private void enterPage() {
        driver.switchTo().defaultContent();
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("app-page")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
