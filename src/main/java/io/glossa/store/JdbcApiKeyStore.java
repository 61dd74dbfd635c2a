package io.glossa.store;

import io.glossa.access.ApiKey;
import io.glossa.access.ApiKeyStore;
import io.glossa.access.KeyScope;
import io.glossa.access.RateLimit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The api_keys table (migration V3) over JDBC, on the embedded database and PostgreSQL alike. */
final class JdbcApiKeyStore implements ApiKeyStore {
    private static final String COLUMNS = "id, name, created_at, revoked_at, rate_per_second, rate_burst, scope";
    private static final String INSERT =
            "INSERT INTO api_keys (name, secret_hash, created_at, rate_per_second, rate_burst, scope)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";
    private static final String BY_HASH = "SELECT " + COLUMNS + " FROM api_keys WHERE secret_hash = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM api_keys ORDER BY id";
    // COALESCE keeps the first revocation time when a key is revoked twice
    private static final String REVOKE = "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?";

    private final Transactions transactions;
    private final SqlDialect dialect;

    public JdbcApiKeyStore(Database database) {
        this.transactions = new Transactions(database);
        this.dialect = database.dialect();
    }

    @Override
    public ApiKey add(
            String name, String secretHash, Optional<RateLimit> rateLimit, KeyScope scope, Instant createdAt) {
        long id = transactions.writeStatement("storing an API key", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
                insert.setString(1, name);
                insert.setString(2, secretHash);
                dialect.setInstant(insert, 3, createdAt);
                if (rateLimit.isPresent()) {
                    insert.setDouble(4, rateLimit.get().perSecond());
                    insert.setInt(5, rateLimit.get().burst());
                } else {
                    insert.setNull(4, Types.DOUBLE);
                    insert.setNull(5, Types.INTEGER);
                }
                insert.setString(6, scope.key());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new ApiKey(id, name, createdAt, null, rateLimit, scope);
    }

    @Override
    public List<ApiKey> list() {
        return transactions.read("listing API keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement(ALL);
                    ResultSet rows = select.executeQuery()) {
                List<ApiKey> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(key(rows));
                }
                return keys;
            }
        });
    }

    @Override
    public Optional<ApiKey> findByHash(String secretHash) {
        return transactions.read("checking an API key", connection -> one(connection, BY_HASH, secretHash));
    }

    @Override
    public Optional<ApiKey> revoke(long id, Instant at) {
        return transactions.write("revoking an API key", connection -> {
            try (PreparedStatement update = connection.prepareStatement(REVOKE)) {
                dialect.setInstant(update, 1, at);
                update.setLong(2, id);
                update.executeUpdate();
            }
            return one(connection, BY_ID, id);
        });
    }

    private Optional<ApiKey> one(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(key(rows)) : Optional.empty();
            }
        }
    }

    private ApiKey key(ResultSet row) throws SQLException {
        double perSecond = row.getDouble("rate_per_second");
        Optional<RateLimit> limit =
                row.wasNull() ? Optional.empty() : Optional.of(new RateLimit(perSecond, row.getInt("rate_burst")));
        return new ApiKey(
                row.getLong("id"),
                row.getString("name"),
                dialect.getInstant(row, "created_at"),
                dialect.getInstant(row, "revoked_at"),
                limit,
                KeyScope.fromKey(row.getString("scope")));
    }
}
