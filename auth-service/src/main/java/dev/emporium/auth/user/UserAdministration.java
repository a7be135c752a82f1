package dev.emporium.auth.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators do with accounts: list them and change their roles. */
@Service
public class UserAdministration {

    private final UserRepository users;

    UserAdministration(UserRepository users) {
        this.users = users;
    }

    /**
     * A page of live accounts.
     * @throws dev.emporium.platform.paging.UnsupportedSortException when asked to sort by an unknown property
     */
    public Page<User> list(Pageable pageable) {
        return this.users.find(pageable);
    }

    /**
     * Replaces the account's roles. The new roles reach the account's tokens at their next refresh, within the
     * access token's lifetime.
     * @return the changed account, or empty when there is no such live account
     * @throws LastAdministratorException when this would take the role from the only administrator
     */
    @Transactional
    public Optional<User> changeRoles(UserId id, Set<Role> roles) {
        List<UserId> administrators = this.users.lockAdministrators();
        if (administrators.equals(List.of(id)) && !roles.contains(Role.ADMIN)) {
            throw new LastAdministratorException(id);
        }
        if (!this.users.updateRoles(id, roles)) {
            return Optional.empty();
        }
        return this.users.findById(id);
    }

}
