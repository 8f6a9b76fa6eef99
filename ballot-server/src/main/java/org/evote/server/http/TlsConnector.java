package org.evote.server.http;

import java.util.Objects;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.evote.crypto.keystore.TlsIdentity;

/**
 * The board's HTTPS listener (docs/api.md, "Transport"): a Jetty {@link ServerConnector} speaking TLS 1.2/1.3 with
 * the board's {@link TlsIdentity}, then HTTP/1.1 with the application's {@link HttpConfiguration}. Clients pin the
 * certificate rather than check its names, so the server does not refuse a request whose SNI or Host is not among
 * them. The key is handed to Jetty in an in-memory key store, never written out.
 */
public final class TlsConnector {
  /** The in-memory key store's password: the store is never written, so it protects nothing and is no secret. */
  private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();
  private final TlsIdentity identity;
  private final String host;
  private final int port;

  /** A listener on {@code host:port} (port 0: any free port) presenting {@code identity}. */
  public TlsConnector(TlsIdentity identity, String host, int port) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
  }

  /** The connector for {@code server}, as Javalin's {@code config.jetty.addConnector} asks for it. */
  public ServerConnector create(Server server, HttpConfiguration http) {
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    secure.setSniRequired(false);
    https.addCustomizer(secure);
    https.setSecureScheme("https");
    SslContextFactory.Server tls = new SslContextFactory.Server();
    char[] password = IN_MEMORY_PASSWORD.clone();
    tls.setKeyStore(identity.keyStore("board", password));
    tls.setKeyStorePassword(new String(password));
    tls.setCertAlias("board");
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    tls.setSniRequired(false);
    ServerConnector c = new ServerConnector(server, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
        new HttpConnectionFactory(https));
    c.setHost(host);
    c.setPort(port);
    return c;
  }
}
