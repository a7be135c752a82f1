package dev.emporium.auth.user;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    /** 16-byte salt, as the Argon2 RFC recommends for password hashing. */
    static final int SALT_LENGTH = 16;

    static final int HASH_LENGTH = 32;

    /** OWASP's Argon2id baseline: 19 MiB of memory, 2 iterations, 1 lane. */
    static final int MEMORY_KIB = 19 * 1024;

    static final int ITERATIONS = 2;

    static final int PARALLELISM = 1;

    /**
     * Argon2id at OWASP's parameters. Spring's own defaults (16 MiB, t=2 in
     * {@code defaultsForSpringSecurity_v5_8}) fall short of them. Each hash holds 19 MiB for a few
     * tens of milliseconds, which bounds how many registrations and logins one instance runs at once.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }

}
