package dev.emporium.auth.user;

public enum Role {

    CUSTOMER, ADMIN

}
