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
import org.jspecify.annotations.Nullable;

/** The annotated password must not be on the {@link CommonPasswords} list; {@code null} is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = NotCommonPassword.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface NotCommonPassword {

    String message() default "is too common: choose a password that is not on lists of frequently used passwords";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a value against the bundled list. */
    class Validator implements ConstraintValidator<NotCommonPassword, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || !CommonPasswords.contains(value);
        }

    }

}
