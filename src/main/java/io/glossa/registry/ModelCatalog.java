package io.glossa.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFile;
import io.glossa.model.ModelMetadata;

/**
 * The registry operations a person runs ({@code glossa models ...}): every model is loaded and smoke-tested before
 * it is added or made active, so a corrupt or nonsensical file never reaches the workers by this way.
 */
public final class ModelCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int MAX_NOTE_LENGTH = 1000;

    private final ModelRegistry registry;
    private final ModelAnnouncer announcer;

    public ModelCatalog(ModelRegistry registry, ModelAnnouncer announcer) {
        this.registry = registry;
        this.announcer = announcer;
    }

    /**
     * @param name where the bytes came from, for error messages
     * @throws io.glossa.model.ModelFormatException if the bytes are not a loadable model (corrupt, truncated, too
     *         large for this process's heap, ...)
     * @throws BadModelException if it loads but fails the smoke test (or knows too few languages to be checked)
     * @throws ModelRegistryException if the version is already registered
     */
    public Added add(String name, byte[] bytes, String note) {
        if (note == null || note.isBlank() || note.length() > MAX_NOTE_LENGTH) {
            throw new ModelRegistryException("a note of 1 to " + MAX_NOTE_LENGTH
                    + " characters is needed: say what changed in this model (--note)");
        }
        ModelFile.Contents contents = ModelFile.read(name, bytes);
        ModelMetadata metadata = contents.metadata();
        LanguageModel model = LanguageModel.of(contents);
        CheckSentences.Score measured = SmokeTest.check(model);
        registry.find(model.version()).ifPresent(existing -> {
            throw new ModelRegistryException("model " + existing.version() + " is already in the registry (added "
                    + existing.addedAt() + ", note: " + existing.note() + ")");
        });
        Double devScore = metadata.dev() == null ? null : metadata.dev().macroAccuracy();
        return new Added(
                registry.add(new NewModel(
                        model.version(),
                        ModelVerifier.sha256(bytes),
                        bytes,
                        json(metadata),
                        devScore,
                        note.strip(),
                        measured.macroAccuracy())),
                measured);
    }

    /**
     * A model just added: its registry entry (with the dev score its file claims) and the score glossa measured on
     * its own check sentences.
     */
    public record Added(ModelEntry entry, CheckSentences.Score measured) {
        public String version() {
            return entry.version();
        }
    }

    /** Makes a registered version active everywhere; its stored bytes are verified first. */
    public ModelEvent activate(String version) {
        verifyStored(version);
        if (registry.state().activeVersion().filter(version::equals).isPresent()) {
            throw new ModelRegistryException("model " + version + " is already active");
        }
        return announce(registry.record(ModelEvent.Action.ACTIVATE, version));
    }

    /** Re-activates the version that was active before the current one. */
    public ModelEvent rollback() {
        String target = Changelog.rollbackTarget(registry.events())
                .orElseThrow(
                        () -> new ModelRegistryException(
                                "nothing to roll back to: fewer than two versions were ever activated (see glossa models list)"));
        verifyStored(target);
        return announce(registry.record(ModelEvent.Action.ROLLBACK, target));
    }

    /** Runs {@code version} beside the active model on live traffic, its answers stored apart. */
    public ModelEvent shadow(String version) {
        verifyStored(version);
        if (registry.state().activeVersion().filter(version::equals).isPresent()) {
            throw new ModelRegistryException("model " + version + " is the active one; shadow another version");
        }
        return announce(registry.record(ModelEvent.Action.SHADOW, version));
    }

    public ModelEvent shadowOff() {
        if (registry.state().shadowVersion().isEmpty()) {
            throw new ModelRegistryException("no model is shadowing");
        }
        return announce(registry.record(ModelEvent.Action.SHADOW_OFF, null));
    }

    private void verifyStored(String version) {
        ModelEntry entry = registry.find(version)
                .orElseThrow(() -> new ModelRegistryException(
                        "no model " + version + " in the registry (see glossa models list)"));
        byte[] bytes = registry.bytes(version)
                .orElseThrow(() -> new ModelRegistryException("model " + version + " has no stored file"));
        ModelVerifier.load(entry, bytes);
    }

    private ModelEvent announce(ModelEvent event) {
        announcer.announce(ModelAnnouncement.of(event));
        return event;
    }

    private static String json(ModelMetadata metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a model header as JSON", e);
        }
    }
}
