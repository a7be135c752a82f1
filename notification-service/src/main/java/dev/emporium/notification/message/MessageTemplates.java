package dev.emporium.notification.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the message templates with {@code {{name}}} placeholders. Values go into the plain text as they are and
 * into the HTML escaped, so that user-provided text such as a display name can never become markup. Every template
 * is read and checked when the service starts, so a missing or malformed template fails the start-up; rendering
 * with a missing value fails loudly rather than sending a message with a gap.
 */
@Component
public class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

    private static final String SUBJECT_PREFIX = "Subject: ";

    /** What a notification's subject may hold. */
    private static final int SUBJECT_MAX_LENGTH = 200;

    private final Map<MessageTemplate, Parts> templates = new EnumMap<>(MessageTemplate.class);

    private final String layout;

    public MessageTemplates() {
        this.layout = read("mail/layout.html");
        if (!placeholders(this.layout).equals(Set.of("subject", "content"))) {
            throw new IllegalStateException("mail/layout.html must use exactly {{subject}} and {{content}}");
        }
        for (MessageTemplate template : MessageTemplate.values()) {
            String text = read("mail/" + template.fileName() + ".txt");
            String html = read("mail/" + template.fileName() + ".html");
            int end = text.indexOf("\n\n");
            if (!text.startsWith(SUBJECT_PREFIX) || end < 0) {
                throw new IllegalStateException("mail/" + template.fileName() + ".txt must start with a '"
                        + SUBJECT_PREFIX + "...' line and a blank line");
            }
            Parts parts = new Parts(text.substring(SUBJECT_PREFIX.length(), end).strip(), text.substring(end + 2),
                    html);
            this.templates.put(template, parts);
        }
    }

    /**
     * Renders a message.
     *
     * @param values a value for every placeholder the template uses
     * @throws IllegalArgumentException when a value is missing
     */
    public Message render(MessageTemplate template, Map<String, String> values) {
        Parts parts = this.templates.get(template);
        String subject = abbreviate(fill(parts.subject(), values, UnaryOperator.identity()).replaceAll("\\s+", " "));
        String text = fill(parts.text(), values, UnaryOperator.identity());
        String content = fill(parts.html(), values, HtmlUtils::htmlEscape);
        String html = fill(this.layout, Map.of("subject", HtmlUtils.htmlEscape(subject), "content", content),
                UnaryOperator.identity());
        return new Message(subject, text, html);
    }

    private static String fill(String template, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String abbreviate(String subject) {
        return subject.length() <= SUBJECT_MAX_LENGTH ? subject : subject.substring(0, SUBJECT_MAX_LENGTH - 1) + "…";
    }

    private static String read(String resource) {
        ClassPathResource file = new ClassPathResource(resource, MessageTemplates.class.getClassLoader());
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the message template classpath:" + resource, ex);
        }
    }

    private record Parts(String subject, String text, String html) {
    }

}
