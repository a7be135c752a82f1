package dev.emporium.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Finds ports another process already listens on, before anything is started. */
final class Ports {

    private Ports() {
    }

    /**
     * Binds the wildcard address the way the services do (Spring Boot listens on all interfaces), so a port held
     * on loopback alone also counts as taken.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static List<PortUse> busy(List<PortUse> uses) {
        return uses.stream().filter(use -> !isFree(use.port())).toList();
    }
}
