package dev.emporium.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A parsed command line of {@code ./platform}. */
sealed interface CliCommand {

    record Up(Path dataDirectory, boolean fresh, int portOffset, TracesMode traces) implements CliCommand {
    }

    record Down(Path dataDirectory) implements CliCommand {
    }

    record Status(Path dataDirectory) implements CliCommand {
    }

    record Logs(String component, Path dataDirectory) implements CliCommand {
    }

    record Help() implements CliCommand {
    }

    /** A command line that cannot be run; the message says why, in words for the person who typed it. */
    final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses the arguments after the script name. Relative data directories are resolved against
     * {@code workingDirectory}; the default data directory is {@code <repositoryRoot>/.emporium}.
     */
    static CliCommand parse(List<String> args, Path repositoryRoot, Path workingDirectory) {
        if (args.isEmpty()) {
            return new Help();
        }
        String command = args.getFirst();
        Options options = Options.parse(args.subList(1, args.size()), workingDirectory);
        Path dataDirectory = options.dataDirectory != null ? options.dataDirectory
            : repositoryRoot.resolve(".emporium").toAbsolutePath().normalize();
        return switch (command) {
            case "up" -> {
                options.noPositionals("up");
                yield new Up(dataDirectory, options.fresh, options.portOffset, options.traces);
            }
            case "down" -> {
                options.allowOnly("down", "--data-dir");
                options.noPositionals("down");
                yield new Down(dataDirectory);
            }
            case "status" -> {
                options.allowOnly("status", "--data-dir");
                options.noPositionals("status");
                yield new Status(dataDirectory);
            }
            case "logs" -> {
                options.allowOnly("logs", "--data-dir");
                if (options.positionals.size() != 1) {
                    throw new UsageException("logs takes exactly one component, e.g. logs order-service");
                }
                yield new Logs(options.positionals.getFirst(), dataDirectory);
            }
            case "help", "-h", "--help" -> new Help();
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    /** Options shared by all commands; each command then rejects the ones that make no sense for it. */
    final class Options {

        private Path dataDirectory;
        private boolean fresh;
        private int portOffset;
        private TracesMode traces = TracesMode.ZIPKIN;
        private final List<String> given = new ArrayList<>();
        private final List<String> positionals = new ArrayList<>();

        private static Options parse(List<String> args, Path workingDirectory) {
            Options options = new Options();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                switch (name) {
                    case "--fresh" -> {
                        if (value != null) {
                            throw new UsageException("--fresh takes no value");
                        }
                        options.fresh = true;
                    }
                    case "--data-dir" -> {
                        value = value != null ? value : valueAfter(args, i++, name);
                        options.dataDirectory = workingDirectory.resolve(value).toAbsolutePath().normalize();
                    }
                    case "--port-offset" -> {
                        value = value != null ? value : valueAfter(args, i++, name);
                        options.portOffset = portOffset(value);
                    }
                    case "--traces" -> {
                        value = value != null ? value : valueAfter(args, i++, name);
                        try {
                            options.traces = TracesMode.parse(value);
                        } catch (IllegalArgumentException e) {
                            throw new UsageException("--traces must be one of " + TracesMode.names()
                                + ", not '" + value + "'");
                        }
                    }
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new UsageException("unknown option '" + arg + "'");
                        }
                        options.positionals.add(arg);
                        continue;
                    }
                }
                options.given.add(name);
            }
            return options;
        }

        private static String valueAfter(List<String> args, int index, String option) {
            if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(index + 1);
        }

        private static int portOffset(String value) {
            int offset;
            try {
                offset = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new UsageException("--port-offset must be a whole number, not '" + value + "'");
            }
            try {
                PortPlan.withOffset(offset);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return offset;
        }

        private void allowOnly(String command, String allowed) {
            for (String option : given) {
                if (!option.equals(allowed)) {
                    throw new UsageException(option + " does not apply to " + command);
                }
            }
        }

        private void noPositionals(String command) {
            if (!positionals.isEmpty()) {
                throw new UsageException(command + " takes no arguments, got " + positionals);
            }
        }
    }
}
