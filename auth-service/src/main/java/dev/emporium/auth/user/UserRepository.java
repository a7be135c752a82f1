package dev.emporium.auth.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new user.
     * @throws EmailAlreadyRegisteredException when another account holds the address, even one
     * inserted concurrently a moment ago
     */
    void insert(User user) {
        try {
            this.jdbc.sql("""
                    insert into users (id, email, display_name, password_hash, roles, created_at)
                    values (:id, :email, :displayName, :passwordHash, :roles, :createdAt)
                    """)
                .param("id", user.id().value())
                .param("email", user.email().value())
                .param("displayName", user.displayName())
                .param("passwordHash", user.passwordHash())
                .param("roles", user.roles().stream().map(Role::name).sorted().toArray(String[]::new))
                .param("createdAt", OffsetDateTime.ofInstant(user.createdAt(), ZoneOffset.UTC))
                .update();
        }
        catch (DuplicateKeyException ex) {
            // The id is a fresh random UUID, so the only unique value a client can collide on is the e-mail.
            throw new EmailAlreadyRegisteredException(user.email(), ex);
        }
    }

    Optional<User> findById(UserId id) {
        return this.jdbc.sql("""
                select id, email, display_name, password_hash, roles, created_at
                from users
                where id = :id
                """)
            .param("id", id.value())
            .query(UserRepository::mapRow)
            .optional();
    }

    private static User mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new User(new UserId(rs.getObject("id", UUID.class)), new EmailAddress(rs.getString("email")),
                rs.getString("display_name"), rs.getString("password_hash"), roles(rs.getArray("roles")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Set<Role> roles(Array array) throws SQLException {
        try {
            return Arrays.stream((String[]) array.getArray())
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        }
        finally {
            array.free();
        }
    }

}
