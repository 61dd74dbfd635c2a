package io.glossa.registry;

/**
 * A model about to be added: its file bytes and what was read from them.
 *
 * @param metadataJson the model's header (provenance, parameters, scores) as JSON
 */
public record NewModel(
        String version,
        String sha256,
        byte[] bytes,
        String metadataJson,
        Double devScore,
        String note,
        Double measuredScore) {
    /** A model whose score on the check sentences was not measured. */
    public NewModel(String version, String sha256, byte[] bytes, String metadataJson, Double devScore, String note) {
        this(version, sha256, bytes, metadataJson, devScore, note, null);
    }
}
