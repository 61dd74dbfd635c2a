package io.glossa.web;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * HTTP/1.1 connections whose unparseable requests are answered as client errors. Jetty answers a request line
 * without an HTTP version (what a raw line feed inside the target produces; it reads as HTTP/0.9) with 505, a 5xx
 * although the client sent nonsense; here that is a 400 like every other malformed request.
 */
final class ClientErrorConnections extends HttpConnectionFactory {
    private ClientErrorConnections(HttpConfiguration config) {
        super(config);
    }

    /** Swaps the HTTP/1.1 factory of every connector when the server starts (Javalin adds its connector late). */
    static void install(Server server) {
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof ServerConnector serverConnector) {
                        HttpConnectionFactory plain = serverConnector.getConnectionFactory(HttpConnectionFactory.class);
                        if (plain != null && !(plain instanceof ClientErrorConnections)) {
                            serverConnector.removeConnectionFactory(plain.getProtocol());
                            serverConnector.addConnectionFactory(new ClientErrorConnections(plain.getHttpConfiguration()));
                        }
                    }
                }
            }
        });
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
                isRecordHttpComplianceViolations()) {
            @Override
            protected HttpChannelOverHttp newHttpChannel() {
                return new HttpChannelOverHttp(this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
                    @Override
                    public void badMessage(BadMessageException failure) {
                        super.badMessage(failure.getCode() >= 500
                                ? new BadMessageException(400, "malformed request line (no HTTP version)", failure)
                                : failure);
                    }
                };
            }
        };
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }
}
