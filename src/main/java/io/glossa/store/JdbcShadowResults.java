package io.glossa.store;

import io.glossa.pipeline.Result;
import io.glossa.registry.ShadowResults;
import java.sql.PreparedStatement;
import java.time.temporal.ChronoUnit;

/** Shadow answers (migration V4): their own table, so no client-facing read can ever return them. */
final class JdbcShadowResults implements ShadowResults {
    private static final String INSERT = """
            INSERT INTO shadow_results (text_id, model_version, language, probability, completed_at)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """;

    private final Transactions transactions;
    private final SqlDialect dialect;

    public JdbcShadowResults(Database database) {
        this.transactions = new Transactions(database);
        this.dialect = database.dialect();
    }

    @Override
    public void store(Result result) {
        transactions.writeStatement("storing a shadow result", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                dialect.setUuid(insert, 1, result.id());
                insert.setString(2, result.modelVersion());
                insert.setString(3, result.prediction().language());
                insert.setDouble(4, result.prediction().probability());
                dialect.setInstant(insert, 5, result.completedAt().truncatedTo(ChronoUnit.MICROS));
                return insert.executeUpdate();
            }
        });
    }
}
