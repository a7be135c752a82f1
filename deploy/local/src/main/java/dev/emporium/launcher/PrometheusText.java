package dev.emporium.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the Prometheus text exposition format (version 0.0.4), enough for {@code ./platform status}:
 * samples with labels and values; comments, {@code # TYPE} and {@code # HELP} lines are skipped, timestamps ignored.
 * Written here because the launcher has no metrics library on its classpath and should not pull one in for this.
 */
final class PrometheusText {

    /** One sample line: metric name, labels in their order, value. */
    record Sample(String name, Map<String, String> labels, double value) {

        String label(String label) {
            return labels.getOrDefault(label, "");
        }
    }

    private PrometheusText() {
    }

    /** Parses an exposition; a line that cannot be read is skipped rather than failing the whole scrape. */
    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                samples.add(parseLine(trimmed));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                // a malformed line: the rest of the scrape is still worth reading
            }
        }
        return samples;
    }

    static Sample parseLine(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no metric name in: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        i = skipSpaces(line, i);
        if (line.charAt(i) == '{') {
            i++;
            while (true) {
                i = skipSpaces(line, i);
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq).strip();
                i = skipSpaces(line, eq + 1);
                if (line.charAt(i) != '"') {
                    throw new IllegalArgumentException("label value not quoted in: " + line);
                }
                i++;
                StringBuilder value = new StringBuilder();
                while (line.charAt(i) != '"') {
                    char c = line.charAt(i);
                    if (c == '\\') {
                        char escaped = line.charAt(++i);
                        value.append(switch (escaped) {
                            case 'n' -> '\n';
                            case '\\' -> '\\';
                            case '"' -> '"';
                            default -> throw new IllegalArgumentException("bad escape \\" + escaped + " in: " + line);
                        });
                    } else {
                        value.append(c);
                    }
                    i++;
                }
                i++;
                labels.put(label, value.toString());
                i = skipSpaces(line, i);
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        return new Sample(name, Collections.unmodifiableMap(labels), parseValue(rest[0]));
    }

    static double parseValue(String value) {
        return switch (value) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }

    private static int skipSpaces(String line, int i) {
        while (Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
