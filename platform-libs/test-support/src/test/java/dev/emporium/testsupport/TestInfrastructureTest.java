package dev.emporium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.emporium.testsupport.TestInfrastructure.Mode;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void usesContainersOnlyWhenADockerEngineAnswers() {
        assertThat(TestInfrastructure.decideMode(null, () -> true)).isEqualTo(Mode.CONTAINERS);
        assertThat(TestInfrastructure.decideMode(null, () -> false)).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void anExplicitChoiceWinsOverDetection() {
        assertThat(TestInfrastructure.decideMode("embedded", () -> true)).isEqualTo(Mode.EMBEDDED);
        assertThat(TestInfrastructure.decideMode(" Containers ", () -> false)).isEqualTo(Mode.CONTAINERS);
    }

    @Test
    void anUnknownChoiceFailsNamingTheVariable() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestInfrastructure.decideMode("docker", () -> true))
                .withMessageContaining("EMPORIUM_TEST_INFRA");
    }
}
