package io.glossa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.broker.BrokerSession;
import io.glossa.broker.FailedJob;
import io.glossa.broker.FailedQueue;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glossa failed list | show ID | replay [ID…|--all]}: the failed queue, inspected and re-driven. */
@Command(
        name = "failed",
        mixinStandardHelpOptions = true,
        description = {
            "Inspect and replay the failed queue (<prefix>.failed): jobs given up after --max-attempts, "
                    + "malformed messages, jobs RabbitMQ dead-lettered. Each carries its reason.",
            "Broker options as serve: --amqp-uri for RabbitMQ; without it, the embedded broker of a running glossa "
                    + "serve on 127.0.0.1:--amqp-port."
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            FailedCommand.List.class,
            FailedCommand.Show.class,
            FailedCommand.Replay.class
        })
final class FailedCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "say what to do: list, show ID, replay ID… | --all");
    }

    private static BrokerSession open(BrokerOptions broker) {
        return broker.openAsClient("failed");
    }

    private static ObjectNode json(FailedJob job, boolean withOriginal) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", job.id());
        node.put("reason", job.reason());
        node.put("attempts", job.attempts());
        node.put("failed_at", job.failedAt() == null ? null : job.failedAt().toString());
        node.put("lane", job.lane());
        node.put("original_bytes", job.originalBytes());
        node.put("replayable", job.replayable());
        if (withOriginal) {
            node.put("original", job.original());
        }
        return node;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "One line per failed job, oldest first: id, when, lane, attempts, reason. The queue is left as it is.")
    static final class List implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        BrokerOptions broker;

        @Option(
                names = "--limit",
                defaultValue = "100",
                paramLabel = "N",
                description = "Show at most N (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "One JSON object per line instead of columns.")
        boolean json;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new UserError("--limit must be at least 1, got " + limit);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (BrokerSession session = open(broker)) {
                java.util.List<FailedJob> jobs = new FailedQueue(session.broker()).list(limit);
                if (jobs.isEmpty() && !json) {
                    out.println("the failed queue is empty");
                }
                for (FailedJob job : jobs) {
                    out.println(
                            json
                                    ? json(job, false).toString()
                                    : String.format(
                                            Locale.ROOT,
                                            "%-36s  %-27s  %-8s  %2d  %s",
                                            job.id(),
                                            job.failedAt() == null ? "-" : job.failedAt(),
                                            job.lane() == null ? "-" : job.lane(),
                                            job.attempts(),
                                            job.reason()));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "One failed job as JSON: its reason, attempts, lane and the original body.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        BrokerOptions broker;

        @Parameters(index = "0", paramLabel = "ID", description = "A job id (or #n) from glossa failed list.")
        String id;

        @Override
        public Integer call() {
            try (BrokerSession session = open(broker)) {
                FailedJob job = new FailedQueue(session.broker())
                        .list(Integer.MAX_VALUE).stream()
                                .filter(j -> j.id().equals(id))
                                .findFirst()
                                .orElseThrow(() -> new UserError(
                                        "no job " + id + " in the failed queue; glossa failed list shows them"));
                spec.commandLine().getOut().println(json(job, true).toPrettyString());
            }
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = {
                "Publish failed jobs back to their lane (confirmed) and take them off the failed queue; they "
                        + "get a fresh set of attempts. A text marked failed becomes done once a worker answers it.",
                "Jobs whose body was cut at 64 KiB cannot be replayed and stay."
            })
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        BrokerOptions broker;

        @Parameters(paramLabel = "ID", arity = "0..*", description = "Job ids from glossa failed list.")
        java.util.List<String> ids = java.util.List.of();

        @Option(names = "--all", description = "Replay every replayable job.")
        boolean all;

        @Override
        public Integer call() {
            if (all == !ids.isEmpty()) {
                throw new UserError("name the jobs to replay (IDs from glossa failed list) or say --all, not both");
            }
            Set<String> wanted = Set.copyOf(ids);
            PrintWriter out = spec.commandLine().getOut();
            try (BrokerSession session = open(broker)) {
                java.util.List<FailedJob> replayed =
                        new FailedQueue(session.broker()).replay(job -> all || wanted.contains(job.id()));
                replayed.forEach(job -> out.println("replayed " + job.id() + " to " + job.lane()));
                out.println("replayed " + replayed.size() + " job(s)");
                java.util.List<String> missing = ids.stream()
                        .filter(id ->
                                replayed.stream().noneMatch(job -> job.id().equals(id)))
                        .toList();
                out.flush();
                if (!missing.isEmpty()) {
                    throw new UserError("not replayed (not in the failed queue, or its body was cut): "
                            + String.join(", ", missing));
                }
            }
            return ExitCodes.OK;
        }
    }
}
