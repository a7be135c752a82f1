package dev.emporium.auth.login.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/auth/refresh} and {@code POST /api/auth/logout}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RefreshRequest(@NotBlank @Size(max = 512) @Nullable String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=[hidden]]";
    }

}
