package dev.emporium.auth.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.emporium.platform.paging.SortWhitelist;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code auth.users}. Erased accounts are tombstones that no query here returns. */
@Repository
class UserRepository {

    private static final SortWhitelist SORTING = SortWhitelist.tiebreaker("id")
        .property("createdAt", "created_at")
        .property("email", "email")
        .property("displayName", "display_name")
        .defaultSort(Sort.by("createdAt"));

    private static final String COLUMNS = "id, email, display_name, password_hash, roles, created_at";

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
            insertStatement(user, "").update();
        }
        catch (DuplicateKeyException ex) {
            // The id is a fresh random UUID, so the only unique value a client can collide on is the e-mail.
            throw new EmailAlreadyRegisteredException(user.email(), ex);
        }
    }

    /** Stores the user unless the address already has an account; true when this call stored it. */
    boolean insertIfEmailAbsent(User user) {
        return insertStatement(user, " on conflict (email) do nothing").update() == 1;
    }

    private JdbcClient.StatementSpec insertStatement(User user, String onConflict) {
        return this.jdbc.sql("""
                insert into users (id, email, display_name, password_hash, roles, created_at)
                values (:id, :email, :displayName, :passwordHash, :roles, :createdAt)
                """ + onConflict)
            .param("id", user.id().value())
            .param("email", user.email().value())
            .param("displayName", user.displayName())
            .param("passwordHash", user.passwordHash())
            .param("roles", roleNames(user.roles()))
            .param("createdAt", timestamp(user.createdAt()));
    }

    Optional<User> findById(UserId id) {
        return this.jdbc.sql("select " + COLUMNS + " from users where id = :id and erased_at is null")
            .param("id", id.value())
            .query(UserRepository::mapRow)
            .optional();
    }

    Optional<User> findByEmail(EmailAddress email) {
        return this.jdbc.sql("select " + COLUMNS + " from users where email = :email and erased_at is null")
            .param("email", email.value())
            .query(UserRepository::mapRow)
            .optional();
    }

    Page<User> find(Pageable pageable) {
        List<User> content = this.jdbc
            .sql("select " + COLUMNS + " from users where erased_at is null order by "
                    + SORTING.orderBy(pageable.getSort()) + " limit :limit offset :offset")
            .param("limit", pageable.getPageSize())
            .param("offset", pageable.getOffset())
            .query(UserRepository::mapRow)
            .list();
        return PageableExecutionUtils.getPage(content, pageable,
                () -> this.jdbc.sql("select count(*) from users where erased_at is null").query(Long.class).single());
    }

    /**
     * Locks the rows of every live administrator until the transaction ends and returns their ids. Two role
     * changes that could each remove "the other" last administrator therefore run one after the other.
     */
    List<UserId> lockAdministrators() {
        return this.jdbc.sql("select id from users where 'ADMIN' = any (roles) and erased_at is null for update")
            .query((rs, row) -> new UserId(rs.getObject("id", UUID.class)))
            .list();
    }

    boolean updateRoles(UserId id, Set<Role> roles) {
        return this.jdbc.sql("update users set roles = :roles where id = :id and erased_at is null")
            .param("roles", roleNames(roles))
            .param("id", id.value())
            .update() == 1;
    }

    /** Removes the account's personal data and leaves a tombstone; false when there was no live account. */
    boolean erase(UserId id, Instant erasedAt) {
        return this.jdbc.sql("""
                update users
                set email = null, display_name = null, password_hash = null, erased_at = :erasedAt
                where id = :id and erased_at is null
                """)
            .param("erasedAt", timestamp(erasedAt))
            .param("id", id.value())
            .update() == 1;
    }

    private static String[] roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
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
