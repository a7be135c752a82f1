package dev.emporium.platform.defaults;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every Spring MVC error into {@code application/problem+json}. Field problems are listed under
 * {@code errors} as {@code {"field", "message"}} so that a client can show them next to its inputs; a path or
 * query parameter that cannot be converted is a 400 naming the parameter and the form it must have; anything
 * unexpected is a 500 whose body says nothing about the internals.
 */
@RestControllerAdvice
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

    /** Problem type of a request whose fields failed validation. */
    public static final URI VALIDATION_PROBLEM = URI.create("https://emporium.dev/problems/validation");

    /** Problem type of a path or query parameter that cannot be converted to the type the endpoint expects. */
    public static final URI INVALID_PARAMETER_PROBLEM = URI.create("https://emporium.dev/problems/invalid-parameter");

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    /** Echoed values are cut to this length, so that a huge parameter does not come back as a huge answer. */
    private static final int MAX_ECHOED_LENGTH = 100;

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Byte.class, Short.class, Integer.class, Long.class,
            BigInteger.class);

    private static final Set<Class<?>> NUMBERS = Set.of(Float.class, Double.class, BigDecimal.class);

    /** One field that failed validation. */
    public record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return validationProblem(ex.getBody(), errors, headers, status, request, ex);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                // A validated request body among other constrained parameters: name its fields, as above.
                body.getFieldErrors().forEach(error -> errors.add(new FieldProblem(error.getField(),
                        error.getDefaultMessage())));
                body.getGlobalErrors().forEach(error -> errors.add(new FieldProblem(error.getObjectName(),
                        error.getDefaultMessage())));
            }
            else {
                String name = parameterName(result.getMethodParameter());
                result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(name,
                        error.getDefaultMessage())));
            }
        }
        return validationProblem(ex.getBody(), errors, headers, status, request, ex);
    }

    /** The name the client used: the header's, the query parameter's or the path variable's, not the Java one. */
    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null && !variable.name().isEmpty()) {
            return variable.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "parameter" : name;
    }

    private ResponseEntity<Object> validationProblem(ProblemDetail body, List<FieldProblem> errors,
            HttpHeaders headers, HttpStatusCode status, WebRequest request, Exception ex) {
        errors.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        body.setType(VALIDATION_PROBLEM);
        body.setTitle("Invalid request");
        body.setDetail(errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    /**
     * A path variable or request parameter that does not convert, such as {@code /orders/abc} for a UUID id. The
     * detail names the parameter, the form it must have and the value received. A service's own value types (typed
     * ids) explain themselves: when their factory refused the value with an {@link IllegalArgumentException}, its
     * message is the explanation.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String parameter = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String reason = ownTypesReason(ex);
        String detail = reason != null
                ? "'" + parameter + "' is invalid: " + reason
                : "'" + parameter + "' must be " + expectedForm(ex.getRequiredType()) + "; got '"
                        + echo(ex.getValue()) + "'";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(INVALID_PARAMETER_PROBLEM);
        body.setTitle("Invalid parameter");
        body.setProperty("parameter", parameter);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    /**
     * The message of the IllegalArgumentException with which a service's own type refused the value. JDK types and
     * enums are left out: their messages ({@code For input string: "abc"}, {@code No enum constant ...}) explain
     * less than the expected form does, and name internals.
     */
    private static String ownTypesReason(TypeMismatchException ex) {
        Class<?> type = ex.getRequiredType();
        if (type == null || type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")) {
            return null;
        }
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null
                    && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return null;
    }

    private static String expectedForm(Class<?> requiredType) {
        if (requiredType == null) {
            return "a valid value";
        }
        Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(requiredType);
        if (type == UUID.class) {
            return "a UUID such as 3f1c2b9e-1d2a-4c6b-9a51-0e4f2a7b8c9d";
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return "a whole number";
        }
        if (NUMBERS.contains(type)) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a timestamp such as 2025-03-01T10:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 2025-03-01";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String echo(Object value) {
        String text = value instanceof Object[] values ? String.join(",", Arrays.stream(values).map(String::valueOf)
                .toList()) : String.valueOf(value);
        return text.length() <= MAX_ECHOED_LENGTH ? text : text.substring(0, MAX_ECHOED_LENGTH) + "...";
    }

    /** A bug or an outage, never the client's fault: log it, and answer without leaking internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        log.error("Unexpected error while handling a request", ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed because of an internal error.");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
