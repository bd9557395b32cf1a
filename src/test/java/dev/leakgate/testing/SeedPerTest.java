package dev.leakgate.testing;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Reseeds {@link Tokens} from the run's seed and the test's name before each test (and before
 * each test instance is built, for values drawn in field initialisers), so that what a test draws
 * depends on the seed and on that test alone; prints the replay hint when a test fails.
 * Registered for every test through the service file and JUnit's extension auto-detection.
 */
public final class SeedPerTest implements BeforeAllCallback, TestInstancePreConstructCallback, BeforeEachCallback,
        TestWatcher {

    @Override
    public void beforeAll(ExtensionContext context) {
        Tokens.reseed(context.getRequiredTestClass().getName());
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
        Tokens.reseed(factory.getTestClass().getName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Tokens.reseed(context.getRequiredTestClass().getName() + '#' + context.getRequiredTestMethod().getName()
                + context.getDisplayName());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String test = context.getTestClass().map(Class::getSimpleName).orElse("?")
                + context.getTestMethod().map(m -> "#" + m.getName()).orElse("");
        System.out.println(TestSeed.replayHint(test));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
    }
}
