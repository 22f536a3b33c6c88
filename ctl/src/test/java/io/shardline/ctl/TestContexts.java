package io.shardline.ctl;

import java.time.Duration;

/** Builds a {@link CtlContext} for tests in other packages (its constructor is package-private). */
public final class TestContexts {

    private TestContexts() {
    }

    public static CtlContext context(String verb, String bind, Duration timeout, CtlEnvironment env) {
        return new CtlContext(verb, bind, timeout, env);
    }
}
