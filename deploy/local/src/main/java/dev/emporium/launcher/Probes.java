package dev.emporium.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a component whether it is ready: HTTP readiness endpoints for JVMs, a TCP connect for the rest. */
final class Probes {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .version(HttpClient.Version.HTTP_1_1)
        .build();

    private Probes() {
    }

    /** Readiness endpoints answer 200 only when every member of the readiness group is UP. */
    static boolean httpReady(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean tcpOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A probe written as {@code http://...} or {@code tcp://host:port}, as kept in the state file. */
    static boolean ready(String probe) {
        URI uri = URI.create(probe);
        return "tcp".equals(uri.getScheme()) ? tcpOpen(uri.getHost(), uri.getPort()) : httpReady(uri);
    }
}
