package com.posterincust.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox register as a cashier sees it, in Debian's Chromium: the register page around the app, and the app's
 * popup (an iframe) found by the names people read on it.
 */
final class SandboxRegisterPage implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "register-app-screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final String language;
    private final String menuItem;

    SandboxRegisterPage(int port) throws IOException {
        this(port, "1440,1000", "en", "inCust: Choose customer");
    }

    /** The register in another language ({@code Poster.settings.lang}) on a screen of {@code window} pixels. */
    SandboxRegisterPage(int port, String window, String language, String menuItem) throws IOException {
        driver = Chromium.start(window, java.util.Map.of());
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        baseUrl = "http://localhost:" + port;
        this.language = language;
        this.menuItem = menuItem;
    }

    /** Opens the register page at a register, once the demo account is installed and its registers bound. */
    SandboxRegisterPage open(String register) {
        driver.get(baseUrl + "/sandbox/register?lang=" + language);
        wait.until(ExpectedConditions.attributeToBe(By.id("setup-status"), "data-ready", "true"));
        new Select(driver.findElement(By.id("tablet"))).selectByValue(register);
        waitForApp();
        return this;
    }

    /** The app is loaded when it has put its item into the order's menu. */
    void waitForApp() {
        driver.switchTo().defaultContent();
        wait.until(d -> {
            d.findElement(By.id("order-menu-button")).click();
            boolean shown = !d.findElements(By.xpath("//div[@id='order-menu']/button[text()='" + menuItem + "']"))
                    .isEmpty();
            d.findElement(By.id("order-menu-button")).click();
            return shown;
        });
    }

    void add(String product) {
        onRegister();
        driver.findElement(By.cssSelector("#products button[data-product='" + product + "']")).click();
    }

    void chooseCustomer(String identifier) {
        openChooseCustomer();
        type("Phone, email, QR or code", identifier);
        press("Find");
    }

    /** The app's item in the order's "•••" menu. */
    void openChooseCustomer() {
        onRegister();
        driver.findElement(By.id("order-menu-button")).click();
        driver.findElement(By.xpath("//div[@id='order-menu']/button[text()='" + menuItem + "']")).click();
    }

    void pay() {
        onRegister();
        driver.findElement(By.id("pay")).click();
    }

    // ---- inside the app's popup -----------------------------------------------------------------------------------

    /** Types into the field whose label reads {@code label}, as a screen reader would find it. */
    void type(String label, String text) {
        WebElement field = inApp(By.xpath("//label[normalize-space(text())='" + label
                + "' or starts-with(normalize-space(text()),'" + label + " (')]"));
        WebElement input = driver.findElement(By.id(field.getAttribute("for")));
        input.clear();
        input.sendKeys(text);
    }

    /** Types and presses Enter, as a cashier or a barcode scanner does. */
    void typeAndEnter(String label, String text) {
        type(label, text + org.openqa.selenium.Keys.ENTER);
    }

    /** The field of that label: whether it is marked wrong, and what is said beside it. */
    String fieldError(String label) {
        WebElement field = inApp(By.xpath("//label[normalize-space(text())='" + label
                + "' or starts-with(normalize-space(text()),'" + label + " (')]"));
        WebElement input = driver.findElement(By.id(field.getAttribute("for")));
        return "true".equals(input.getAttribute("aria-invalid"))
                ? driver.findElement(By.id(input.getAttribute("id") + "-error")).getText() : "";
    }

    String fieldValue(String label) {
        WebElement field = inApp(By.xpath("//label[normalize-space(text())='" + label
                + "' or starts-with(normalize-space(text()),'" + label + " (')]"));
        return driver.findElement(By.id(field.getAttribute("for"))).getAttribute("value");
    }

    /** What the app drew is no wider than its frame, and the register page no wider than the screen. */
    boolean fitsTheScreen() {
        onRegister();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        boolean page = (Boolean) js.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth");
        if (!popupOpen()) {
            return page;
        }
        enterApp();
        boolean app = (Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
        onRegister();
        boolean popup = (Boolean) js.executeScript("var frame = document.querySelector('#popup .frame');"
                + "return frame.getBoundingClientRect().right <= window.innerWidth + 1");
        return page && app && popup;
    }

    String notifications() {
        onRegister();
        return driver.findElement(By.id("notifications")).getText();
    }

    /** Whether a notice on screen lies over one of the register page's panels (menu, order, receipts, SMS). */
    boolean noticesCoverThePanels() {
        onRegister();
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "var notes = Array.from(document.querySelectorAll('#notifications div'))"
                        + ".map(function (n) { return n.getBoundingClientRect(); });"
                        + "var panels = Array.from(document.querySelectorAll('main section'))"
                        + ".map(function (p) { return p.getBoundingClientRect(); });"
                        + "return notes.some(function (n) { return panels.some(function (p) {"
                        + "return n.left < p.right && p.left < n.right && n.top < p.bottom && p.top < n.bottom; }); });");
    }

    /** The register page's own words, as the cashier reads them around the app. */
    String pageText() {
        onRegister();
        return driver.findElement(By.tagName("main")).getText();
    }

    String payButton() {
        onRegister();
        return driver.findElement(By.id("pay")).getText();
    }

    /**
     * The identification window's examples can be read whole: the field's placeholder fits inside the field, the
     * longer hint under it wraps instead of running out of its box.
     */
    boolean identifierExamplesFit() {
        enterApp();
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "var input = document.getElementById('incust-identifier'); var style = getComputedStyle(input);"
                        + "var text = document.createElement('canvas').getContext('2d'); text.font = style.font;"
                        + "var room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);"
                        + "var hint = document.querySelector(\"[data-field='identifier-hint']\");"
                        + "return text.measureText(input.placeholder).width <= room"
                        + " && hint.scrollWidth <= hint.clientWidth && hint.getBoundingClientRect().right <= window.innerWidth;");
    }

    /** How the SMS panel shows the row of a code: {@code latest} or {@code older} (replaced by a newer one). */
    String smsRowOf(String code) {
        onRegister();
        WebElement row = driver.findElement(By.xpath("//table[@id='sms']//td[@data-code='" + code + "']/.."));
        return "older".equals(row.getAttribute("class")) ? "older"
                : row.findElements(By.cssSelector(".latest")).isEmpty() ? "unmarked" : "latest";
    }

    String printedText() {
        onRegister();
        return driver.findElement(By.id("print-text")).getText();
    }

    void press(String button) {
        inApp(By.xpath("//button[normalize-space(text())='" + button + "']")).click();
    }

    boolean appShows(String button) {
        return !inAppAll(By.xpath("//button[normalize-space(text())='" + button + "']")).isEmpty();
    }

    String appField(String field) {
        return inApp(By.cssSelector("[data-field='" + field + "']")).getText();
    }

    String appText() {
        return inApp(By.cssSelector(".ic")).getText();
    }

    void tick(String coupon) {
        inApp(By.id("incust-coupon-" + coupon)).click();
    }

    /** Waits until the app shows the text, and answers what the app shows. */
    String waitForAppText(String text) {
        wait.until(d -> appTextOrEmpty().contains(text));
        return appText();
    }

    private String appTextOrEmpty() {
        try {
            return appText();
        } catch (RuntimeException notYet) {
            return "";
        }
    }

    private WebElement inApp(By by) {
        return wait.until(d -> {
            enterApp();
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    private List<WebElement> inAppAll(By by) {
        enterApp();
        return driver.findElements(by);
    }

    private void enterApp() {
        driver.switchTo().defaultContent();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("popup")));
        driver.switchTo().frame("app-frame");
    }

    // ---- the register around it ----------------------------------------------------------------------------------

    private void onRegister() {
        driver.switchTo().defaultContent();
    }

    boolean popupOpen() {
        onRegister();
        return driver.findElement(By.id("popup")).isDisplayed();
    }

    void waitForPopupClosed() {
        onRegister();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("popup")));
    }

    /** The payment screen: what the order costs, what inCust paid and what is left. */
    String payment(String figure) {
        onRegister();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payment")));
        return driver.findElement(By.id("pay-" + figure)).getText();
    }

    void closeReceipt() {
        onRegister();
        driver.findElement(By.id("close-receipt")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-screen")));
    }

    /** A fiscal return of {@code count} of {@code product} from the newest receipt of the archive. */
    void returnFromNewestReceipt(String product, int count) {
        onRegister();
        driver.findElement(By.cssSelector("#receipts tr:first-child button[data-action='return-items']")).click();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".return-form input[data-name='" + product + "']")));
        input.clear();
        input.sendKeys(String.valueOf(count));
        driver.findElement(By.cssSelector(".return-form button[data-action='return']")).click();
    }

    void backToOrder() {
        onRegister();
        driver.findElement(By.id("back-to-order")).click();
    }

    String orderClient() {
        onRegister();
        return driver.findElement(By.id("order-client")).getText();
    }

    void offline(boolean offline) {
        onRegister();
        WebElement box = driver.findElement(By.id("offline"));
        if (box.isSelected() != offline) {
            box.click();
        }
    }

    /** The sandbox's own control, not the cashier's: it reloads the app as the platform does, popup open or not. */
    void reloadApp() {
        onRegister();
        ((JavascriptExecutor) driver).executeScript("document.getElementById('reload').click()");
        waitForApp();
    }

    /** Waits until the page's SMS outbox shows the code, as the cashier would read it off the guest's phone. */
    void waitForSms(String code) {
        onRegister();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sms td[data-code='" + code + "']")));
    }

    String localStorage(String key) {
        onRegister();
        return (String) ((JavascriptExecutor) driver).executeScript("return window.localStorage.getItem(arguments[0])",
                key);
    }

    void waitUntil(Supplier<Boolean> condition) {
        wait.until(d -> condition.get());
    }

    void waitUntil(Supplier<Boolean> condition, Duration atMost) {
        new WebDriverWait(driver, atMost).until(d -> condition.get());
    }

    /** A picture of the register page as it stands, for docs/register-app.md. */
    void screenshot(String name) throws IOException {
        onRegister();
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
