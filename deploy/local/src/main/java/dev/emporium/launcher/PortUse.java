package dev.emporium.launcher;

/** One TCP port the platform takes, and what for (used in error messages). */
record PortUse(int port, String purpose) {

    @Override
    public String toString() {
        return port + " (" + purpose + ")";
    }
}
