package io.glossa.registry;

import io.glossa.model.LanguageModel;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models one worker process predicts with: the active one and an optional shadow candidate, each swapped
 * atomically. A job reads {@link #get()} once, so it runs start to end on one model and a swap takes effect between
 * jobs. {@link #refresh()} brings the process in line with the registry (on an announcement, periodically, at
 * start); a version that fails verification is refused, reported to the registry and the metrics, and the current
 * model stays.
 */
public final class ActiveModels implements Supplier<LanguageModel> {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveModels.class);

    private final ModelRegistry registry;
    private final String worker;
    private final ModelMetrics metrics;
    private final Clock clock;
    private final AtomicReference<LanguageModel> active;
    private final AtomicReference<Optional<LanguageModel>> shadow = new AtomicReference<>(Optional.empty());
    /** Verified models by version: swapping back and forth, or re-scoring with an older version, loads once. */
    private final ConcurrentHashMap<String, LanguageModel> loaded = new ConcurrentHashMap<>();
    /** Versions this process refused: not retried at every periodic check, only when announced again. */
    private final ConcurrentHashMap<String, String> refused = new ConcurrentHashMap<>();

    private boolean reported;

    /** @param fallback what to run while the registry has no active version (the --model file or the built-in one) */
    public ActiveModels(
            ModelRegistry registry, LanguageModel fallback, String worker, ModelMetrics metrics, Clock clock) {
        this.registry = registry;
        this.worker = worker;
        this.metrics = metrics;
        this.clock = clock;
        this.active = new AtomicReference<>(fallback);
        loaded.put(fallback.version(), fallback);
    }

    @Override
    public LanguageModel get() {
        return active.get();
    }

    public Optional<LanguageModel> shadow() {
        return shadow.get();
    }

    /**
     * Reads the registry's state and swaps to its active and shadow versions if they differ from what runs here.
     * Synchronized: announcements and the periodic check may arrive together.
     */
    public synchronized void refresh() {
        ModelState state = registry.state();
        boolean changed = false;
        Optional<LanguageModel> next = state.activeVersion()
                .filter(v -> !v.equals(active.get().version()))
                .flatMap(this::verified);
        if (next.isPresent()) {
            LanguageModel previous = active.getAndSet(next.get());
            metrics.loaded(next.get().version());
            LOG.info(
                    "model: switched from {} to {}",
                    previous.version(),
                    next.get().version());
            changed = true;
        }
        Optional<String> wantedShadow = state.shadowVersion();
        if (!wantedShadow.equals(shadowVersion())) {
            Optional<LanguageModel> candidate = wantedShadow.flatMap(this::verified);
            if (!candidate.map(LanguageModel::version).equals(shadowVersion())) {
                shadow.set(candidate);
                LOG.info("model: shadow {}", shadowVersion().orElse("off"));
                changed = true;
            }
        }
        if (changed || !reported) {
            reportStatus();
        }
    }

    private Optional<String> shadowVersion() {
        return shadow.get().map(LanguageModel::version);
    }

    /** Tells the registry what runs here, after the swap: a reader of it may rely on the new version being used. */
    private void reportStatus() {
        try {
            registry.report(new WorkerStatus(
                    worker, active.get().version(), shadowVersion().orElse(null), clock.instant()));
            reported = true;
        } catch (RuntimeException e) {
            LOG.warn("could not report this worker's models to the registry: {}", e.getMessage());
        }
    }

    /** After an announcement: versions refused before are tried again (an operator may have fixed the store). */
    public synchronized void refreshAfterAnnouncement() {
        refused.clear();
        refresh();
    }

    /**
     * A registered version, verified, for re-scoring stored texts.
     * @throws BadModelException if it is not registered or fails verification
     */
    public LanguageModel version(String version) {
        LanguageModel model = loaded.get(version);
        if (model != null) {
            return model;
        }
        synchronized (this) {
            return verified(version)
                    .orElseThrow(() -> new BadModelException("model " + version + " is not usable here: "
                            + refused.getOrDefault(version, "see the worker's log")));
        }
    }

    private Optional<LanguageModel> verified(String version) {
        LanguageModel cached = loaded.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (refused.containsKey(version)) {
            return Optional.empty();
        }
        try {
            ModelEntry entry = registry.find(version)
                    .orElseThrow(() -> new BadModelException("model " + version + " is not in the registry"));
            byte[] bytes = registry.bytes(version)
                    .orElseThrow(() -> new BadModelException("model " + version + " has no stored file"));
            LanguageModel model = ModelVerifier.load(entry, bytes);
            loaded.put(version, model);
            return Optional.of(model);
        } catch (BadModelException e) {
            refused.put(version, e.getMessage());
            LOG.error("model {} refused: {}", version, e.getMessage());
            metrics.refused(version);
            try {
                registry.refused(new Refusal(worker, version, e.getMessage(), clock.instant()));
            } catch (RuntimeException notRecorded) {
                LOG.warn(
                        "could not record the refusal of model {} in the registry: {}",
                        version,
                        notRecorded.getMessage());
            }
            return Optional.empty();
        }
    }
}
