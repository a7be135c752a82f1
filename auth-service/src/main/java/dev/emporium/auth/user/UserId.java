package dev.emporium.auth.user;

import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return this.value.toString();
    }

}
