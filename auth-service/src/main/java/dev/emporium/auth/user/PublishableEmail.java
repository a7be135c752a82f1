package dev.emporium.auth.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import org.jspecify.annotations.Nullable;

/**
 * A well-formed e-mail address ({@link Email}) that the {@code UserRegistered} event can also carry: its schema
 * also wants a dot in the domain. An account whose registration could not be
 * published is refused with 400 instead of failing with 500. One violation at most; {@code null} is left to
 * {@code @NotBlank}.
 */
@Documented
@Email
@ReportAsSingleViolation
@Constraint(validatedBy = PublishableEmail.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface PublishableEmail {

    String message() default "must be a well-formed e-mail address with a dot in its domain";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks the event's schema. */
    class Validator implements ConstraintValidator<PublishableEmail, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || UserEvents.publishable(value);
        }

    }

}
