package io.glossa.registry;

import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFormatException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Turns stored bytes into a model only if they are exactly what was registered and the model behaves. */
public final class ModelVerifier {
    private ModelVerifier() {}

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * @throws BadModelException if the checksum differs, the bytes do not load, the version inside differs from the
     *         registered one, or the smoke test fails
     */
    public static LanguageModel load(ModelEntry entry, byte[] bytes) {
        String actual = sha256(bytes);
        if (!actual.equals(entry.sha256())) {
            throw new BadModelException("model " + entry.version() + " in the store has sha256 " + actual
                    + ", registered as " + entry.sha256() + ": its bytes were changed or damaged");
        }
        LanguageModel model;
        try {
            model = LanguageModel.fromBytes(bytes);
        } catch (ModelFormatException | IllegalArgumentException e) {
            throw new BadModelException("model " + entry.version() + " does not load: " + e.getMessage(), e);
        }
        if (!model.version().equals(entry.version())) {
            throw new BadModelException(
                    "the stored file of model " + entry.version() + " is version " + model.version());
        }
        SmokeTest.check(model);
        return model;
    }
}
