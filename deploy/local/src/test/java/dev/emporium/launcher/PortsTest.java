package dev.emporium.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void aPortSomeoneListensOnLoopbackIsBusyAndFreeAgainAfterwards() throws IOException {
        int port;
        try (ServerSocket holder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = holder.getLocalPort();

            assertThat(Ports.isFree(port)).isFalse();
            assertThat(Ports.busy(List.of(new PortUse(port, "test holder"))))
                .containsExactly(new PortUse(port, "test holder"));
        }
        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    void aPortHeldOnAllInterfacesIsBusy() throws IOException {
        try (ServerSocket holder = new ServerSocket(0)) {
            assertThat(Ports.isFree(holder.getLocalPort())).isFalse();
        }
    }
}
