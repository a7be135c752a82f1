package dev.emporium.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free loopback port for one test class; the service sends to it, the test reads
 * back what arrived. It can be stopped and started again on the same port, to play an SMTP outage.
 */
public final class TestSmtp {

    private final int port;

    private GreenMail server;

    public TestSmtp() {
        this.port = freePort();
        start();
    }

    /** Points the service at this server. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> this.port);
    }

    public synchronized void start() {
        this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.server.start();
    }

    public synchronized void stop() {
        this.server.stop();
    }

    /** Every message that arrived since this server (re)started, to the address given. */
    public synchronized List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(this.server.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    /** The plain-text part of a multipart message. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML part of a multipart message. */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String part(MimeMessage message, String mimeType) {
        try {
            String found = find(message, mimeType);
            if (found == null) {
                throw new AssertionError("The message has no " + mimeType + " part");
            }
            return found;
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String find(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
