package io.glossa.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A fake of the registry port for unit tests of the services; it passes the port's kit (InMemoryModelRegistryTest). */
final class InMemoryModelRegistry implements ModelRegistry {
    private final Clock clock;
    private final Map<String, ModelEntry> entries = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<ModelEvent> events = new ArrayList<>();
    private final Map<String, WorkerStatus> workers = new TreeMap<>();
    private final List<Refusal> refusals = new ArrayList<>();

    InMemoryModelRegistry(Clock clock) {
        this.clock = clock;
    }

    InMemoryModelRegistry() {
        this(Clock.systemUTC());
    }

    @Override
    public synchronized ModelEntry add(NewModel model) {
        if (entries.containsKey(model.version())) {
            throw new ModelRegistryException("model " + model.version() + " is already in the registry");
        }
        ModelEntry entry = new ModelEntry(
                model.version(),
                model.sha256(),
                model.bytes().length,
                model.devScore(),
                model.note(),
                clock.instant(),
                model.measuredScore());
        entries.put(model.version(), entry);
        files.put(model.version(), model.bytes().clone());
        return entry;
    }

    /** What a damaged disk or a careless UPDATE would do. */
    synchronized void replaceBytes(String version, byte[] bytes) {
        files.put(version, bytes);
    }

    @Override
    public synchronized List<ModelEntry> list() {
        return entries.values().stream()
                .sorted(Comparator.comparing(ModelEntry::addedAt).thenComparing(ModelEntry::version))
                .toList();
    }

    @Override
    public synchronized Optional<ModelEntry> find(String version) {
        return Optional.ofNullable(entries.get(version));
    }

    @Override
    public synchronized Optional<byte[]> bytes(String version) {
        return Optional.ofNullable(files.get(version));
    }

    @Override
    public synchronized ModelState state() {
        String active = null;
        String shadow = null;
        for (ModelEvent event : events) {
            if (event.action().changesActive()) {
                active = event.version();
            } else {
                shadow = event.version();
            }
        }
        return new ModelState(active, shadow);
    }

    @Override
    public synchronized ModelEvent record(ModelEvent.Action action, String version) {
        if (version != null && !entries.containsKey(version)) {
            throw new ModelRegistryException("no model " + version + " in the registry");
        }
        ModelEvent event = new ModelEvent(events.size() + 1, action, version, clock.instant());
        events.add(event);
        return event;
    }

    @Override
    public synchronized List<ModelEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public synchronized void report(WorkerStatus status) {
        workers.put(status.worker(), status);
    }

    @Override
    public synchronized void refused(Refusal refusal) {
        // the newest reason per worker and version, newest first
        refusals.removeIf(
                r -> r.worker().equals(refusal.worker()) && r.version().equals(refusal.version()));
        refusals.add(refusal);
        refusals.sort(Comparator.comparing(Refusal::at).reversed().thenComparing(Refusal::worker));
    }

    @Override
    public synchronized List<WorkerStatus> workers() {
        return List.copyOf(workers.values());
    }

    @Override
    public synchronized List<Refusal> refusals() {
        return List.copyOf(refusals);
    }
}
