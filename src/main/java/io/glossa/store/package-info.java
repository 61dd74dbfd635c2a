/** The JDBC adapter of the store ports: embedded SQLite or PostgreSQL, one schema history, the dialect between them. */
package io.glossa.store;
