package dev.emporium.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyDomainTopicHasItsDeadLetterTopic() {
        assertThat(Topics.ALL).containsExactlyInAnyOrder(
                "orders.v1", "orders.v1.DLT", "payments.v1", "payments.v1.DLT", "users.v1", "users.v1.DLT");
        Topics.DOMAIN.forEach(topic -> assertThat(Topics.ALL).contains(Topics.dlt(topic)));
    }

    @Test
    void aDeadLetterTopicHasNoDeadLetterTopicOfItsOwn() {
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.dlt("orders.v1.DLT"));
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.dlt(" "));
    }
}
