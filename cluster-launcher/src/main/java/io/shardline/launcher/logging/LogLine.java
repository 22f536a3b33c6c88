package io.shardline.launcher.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.event.KeyValuePair;

/**
 * One log event split into what both layouts print: time, level, the human message, and
 * {@code key=value} fields. Trailing {@code key=value} words of the formatted message (our
 * logging style) become fields, so {@code "Opened shard shard=17 db=telegraf"} prints as
 * {@code msg="Opened shard" shard=17 db=telegraf}.
 */
record LogLine(String ts, String level, String message, List<String[]> fields, String error, String stack) {

    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    static LogLine of(ILoggingEvent event, String node) {
        String formatted = event.getFormattedMessage() == null ? "" : event.getFormattedMessage();
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"node", node});
        String message = splitTrailingFields(formatted, fields);
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair kv : event.getKeyValuePairs()) {
                fields.add(new String[] {kv.key, String.valueOf(kv.value)});
            }
        }
        String logger = event.getLoggerName();
        fields.add(new String[] {"logger", logger.substring(logger.lastIndexOf('.') + 1)});
        IThrowableProxy t = event.getThrowableProxy();
        String error = t == null ? null : t.getClassName() + ": " + t.getMessage();
        String stack = t == null ? null : ThrowableProxyUtil.asString(t);
        return new LogLine(TS.format(event.getInstant() == null ? Instant.ofEpochMilli(event.getTimeStamp()) : event.getInstant()),
                event.getLevel().toString().toLowerCase(Locale.ROOT), message, fields, error, stack);
    }

    private static String splitTrailingFields(String formatted, List<String[]> fields) {
        String[] words = formatted.split(" ");
        int firstField = words.length;
        while (firstField > 1 && isField(words[firstField - 1])) {
            firstField--;
        }
        if (firstField == words.length) {
            return formatted;
        }
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < firstField; i++) {
            message.append(i == 0 ? "" : " ").append(words[i]);
        }
        for (int i = firstField; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            fields.add(new String[] {words[i].substring(0, eq), words[i].substring(eq + 1)});
        }
        return message.toString();
    }

    private static boolean isField(String word) {
        int eq = word.indexOf('=');
        if (eq <= 0 || word.indexOf('"') >= 0) {
            return false;
        }
        for (int i = 0; i < eq; i++) {
            char c = word.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
