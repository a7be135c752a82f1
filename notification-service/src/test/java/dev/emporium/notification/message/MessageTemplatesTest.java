package dev.emporium.notification.message;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageTemplatesTest {

    private static final MessageTemplates templates = new MessageTemplates();

    @ParameterizedTest
    @EnumSource(MessageTemplate.class)
    void everyTemplateRendersASubjectATextAndAnHtmlDocument(MessageTemplate template) {
        Message message = templates.render(template, everyValue("value"));

        assertThat(message.subject()).isNotBlank().doesNotContain("{{").hasSizeLessThanOrEqualTo(200);
        assertThat(message.text()).isNotBlank().doesNotContain("{{").doesNotContain("<p>");
        assertThat(message.html()).startsWith("<!DOCTYPE html>").contains("<p>").doesNotContain("{{");
    }

    @Test
    void valuesAreEscapedInTheHtmlAndLeftAsTheyAreInTheText() {
        Message message = templates.render(MessageTemplate.WELCOME,
                Map.of("name", "<script>alert(1)</script> & \"friends\"", "email", "ada@example.com"));

        assertThat(message.html()).contains("Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;,")
            .doesNotContain("<script>");
        assertThat(message.text()).contains("Hello <script>alert(1)</script> & \"friends\",");
    }

    @Test
    void theSubjectIsEscapedInTheHtmlTitle() {
        Message message = templates.render(MessageTemplate.PAYMENT_REFUNDED, Map.of("greeting", "Hello,", "amount",
                "<b>1.00 EUR</b>", "orderId", "42", "refundReference", "re_1"));

        assertThat(message.subject()).isEqualTo("Refund of <b>1.00 EUR</b> for order 42");
        assertThat(message.html()).contains("<title>Refund of &lt;b&gt;1.00 EUR&lt;/b&gt; for order 42</title>");
    }

    @Test
    void aMissingValueFailsInsteadOfLeavingAGap() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> templates.render(MessageTemplate.WELCOME, Map.of("name", "Ada")))
            .withMessageContaining("{{email}}");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderOrAReplacementIsTakenLiterally() {
        Message message = templates.render(MessageTemplate.WELCOME, Map.of("name", "{{email}} $1 \\", "email", "x@y.z"));

        assertThat(message.text()).contains("Hello {{email}} $1 \\,");
    }

    @Test
    void aLongSubjectIsShortenedToWhatANotificationHolds() {
        Message message = templates.render(MessageTemplate.ORDER_PLACED, everyValue("x".repeat(300)));

        assertThat(message.subject()).hasSize(200).endsWith("…");
    }

    private static Map<String, String> everyValue(String value) {
        Map<String, String> values = new HashMap<>();
        for (String name : new String[] { "name", "email", "greeting", "orderId", "total", "items", "reason", "money",
                "amount", "refundReference" }) {
            values.put(name, value);
        }
        return values;
    }

}
