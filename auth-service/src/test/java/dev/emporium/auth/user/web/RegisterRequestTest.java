package dev.emporium.auth.user.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterRequestTest {

    private static ValidatorFactory validatorFactory;

    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        validatorFactory = Validation.buildDefaultValidatorFactory();
        validator = validatorFactory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        validatorFactory.close();
    }

    @Test
    void acceptsAPasswordOfExactlyTwelveCharacters() {
        assertThat(violatedFields(new RegisterRequest("ann@example.com", "tulip ladder", "Ann"))).isEmpty();
    }

    @Test
    void rejectsACommonPasswordWhateverItsCase() {
        assertThat(violatedFields(new RegisterRequest("ann@example.com", "QwertyUiopAsdf", "Ann")))
            .containsExactly("password");
    }

    @Test
    void rejectsAPasswordOfElevenCharacters() {
        assertThat(violatedFields(new RegisterRequest("ann@example.com", "12345678901", "Ann")))
            .containsExactly("password");
    }

    @Test
    void rejectsAnAbsurdlyLongPassword() {
        assertThat(violatedFields(new RegisterRequest("ann@example.com", "x".repeat(257), "Ann")))
            .containsExactly("password");
    }

    @Test
    void rejectsMissingFields() {
        assertThat(violatedFields(new RegisterRequest(null, null, null)))
            .containsExactlyInAnyOrder("email", "password", "displayName");
    }

    @Test
    void rejectsAnAddressWithoutAnAtSign() {
        assertThat(violatedFields(new RegisterRequest("ann.example.com", "tulip ladder", "Ann")))
            .containsExactly("email");
    }

    @Test
    void rejectsAWellFormedAddressTheUserRegisteredEventCannotCarry() {
        // Bean validation takes a domain without a dot; the event's schema wants one.
        assertThat(violations(new RegisterRequest("ann@localhost", "tulip ladder", "Ann"))).containsExactly("email");
        assertThat(violations(new RegisterRequest("ann@corp.internal", "tulip ladder", "Ann"))).isEmpty();
        assertThat(violations(new RegisterRequest("ann@corp.example.org", "tulip ladder", "Ann"))).isEmpty();
    }

    @Test
    void aMalformedAddressIsOneViolation() {
        assertThat(violations(new RegisterRequest("ann.example.com", "tulip ladder", "Ann"))).containsExactly("email");
        assertThat(violations(new RegisterRequest("ann@", "tulip ladder", "Ann"))).containsExactly("email");
    }

    @Test
    void rejectsABlankDisplayName() {
        assertThat(violatedFields(new RegisterRequest("ann@example.com", "tulip ladder", "   ")))
            .containsExactly("displayName");
    }

    @Test
    void normalisesTheAddressBeforeItIsValidated() {
        RegisterRequest request = new RegisterRequest("  Ann@Example.COM  ", "tulip ladder", "  Ann Lee ");

        assertThat(request.email()).isEqualTo("ann@example.com");
        assertThat(request.displayName()).isEqualTo("Ann Lee");
        assertThat(violatedFields(request)).isEmpty();
    }

    @Test
    void dropsARolesFieldFromTheJsonBody() {
        RegisterRequest request = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build()
            .readValue("""
                    {"email": "ann@example.com", "password": "tulip ladder", "displayName": "Ann",
                     "roles": ["ADMIN"]}
                    """, RegisterRequest.class);

        assertThat(request).isEqualTo(new RegisterRequest("ann@example.com", "tulip ladder", "Ann"));
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(new RegisterRequest("ann@example.com", "tulip ladder", "Ann").toString()).doesNotContain("tulip");
    }

    /** The violated fields, once per violation. */
    private static List<String> violations(RegisterRequest request) {
        return validator.validate(request)
            .stream()
            .map(ConstraintViolation::getPropertyPath)
            .map(Object::toString)
            .toList();
    }

    private static Set<String> violatedFields(RegisterRequest request) {
        return validator.validate(request)
            .stream()
            .map(ConstraintViolation::getPropertyPath)
            .map(Object::toString)
            .collect(Collectors.toSet());
    }

}
