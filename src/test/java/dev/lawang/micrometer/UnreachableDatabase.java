package dev.lawang.micrometer;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A database server that is down: every connection attempt fails as the PostgreSQL driver reports a refused
 * connection (SQLState 08001), which the JDBC stores retry. Counts the attempts.
 */
final class UnreachableDatabase implements DataSource {
    private int attempts;

    synchronized int attempts() {
        return attempts;
    }

    @Override
    public Connection getConnection() throws SQLException {
        synchronized (this) {
            attempts++;
        }
        throw new SQLException("Connection to localhost:5432 refused.", "08001");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return new PrintWriter(PrintWriter.nullWriter());
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
