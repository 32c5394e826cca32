package com.posterincust.sandbox;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints each test's name and result into the build's output, where surefire shows only the class's counts. */
final class NamedInOutput implements TestWatcher {

    @Override
    public void testSuccessful(ExtensionContext context) {
        print(context, "passed");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        print(context, "FAILED");
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        print(context, "skipped");
    }

    private static void print(ExtensionContext context, String result) {
        System.out.println("[browser] " + context.getRequiredTestClass().getSimpleName() + " "
                + context.getRequiredTestMethod().getName() + ": " + result);
    }
}
