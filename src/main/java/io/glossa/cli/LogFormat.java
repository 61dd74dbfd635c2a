package io.glossa.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The global {@code --log-format text|json}. Logback configures itself from logback.xml when the first class asks for
 * a logger, before picocli has parsed anything, so a format other than the one it started with (from
 * {@code GLOSSA_LOG_FORMAT}) is applied by loading the same file again with the system property it reads.
 * A configuration of someone else's ({@code -Dlogback.configurationFile}, the tests' own) is left alone.
 */
final class LogFormat {
    static final String PROPERTY = "glossa.log.format";
    /** Set by logback.xml (scope context) to the format it chose. */
    private static final String CONFIGURED = "GLOSSA_LOG_FORMAT_IN_USE";

    private LogFormat() {}

    /** @throws IllegalArgumentException naming the accepted values */
    static String parse(String value) {
        String format = value == null ? "text" : value.strip().toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--log-format must be text or json, got '" + value + "'");
        }
        return format;
    }

    /**
     * The file logback read: logback 1.5.19 and later record it in the watch list only when scanning, so without
     * one it is our own logback.xml (the property {@link #CONFIGURED} shows our file was read).
     */
    private static URL configurationFile(LoggerContext context) {
        URL watched = ConfigurationWatchListUtil.getMainWatchURL(context);
        return watched != null ? watched : LogFormat.class.getClassLoader().getResource("logback.xml");
    }

    static void use(String format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        String inUse = context.getProperty(CONFIGURED);
        URL file = configurationFile(context);
        if (inUse == null || inUse.equals(format) || file == null) {
            return;
        }
        System.setProperty(PROPERTY, format);
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(file);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot reload the log configuration " + file + ": " + e.getMessage(), e);
        }
    }
}
