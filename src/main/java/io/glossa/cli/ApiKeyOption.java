package io.glossa.cli;

import io.glossa.client.load.ApiKey;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The API key the client commands ({@code load}, {@code batch --via-queue}) send to a glossa that requires one. */
final class ApiKeyOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--api-key",
            defaultValue = "${env:GLOSSA_API_KEY}",
            paramLabel = "KEY",
            arity = "1",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "API key to send (Authorization: Bearer), for a glossa started with --require-api-key "
                    + "(env GLOSSA_API_KEY; prefer the variable: flags show in ps). Default: none.")
    String secret;

    /** @throws ParameterException if the key cannot be a header value */
    ApiKey key() {
        try {
            return new ApiKey(secret);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--api-key: " + e.getMessage());
        }
    }
}
