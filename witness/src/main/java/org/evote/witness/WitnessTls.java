package org.evote.witness;

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
 * The witness's HTTPS listener: TLS 1.3/1.2 with its {@link TlsIdentity} (held in memory only), then HTTP/1.1.
 * Boards pin the certificate ({@code serve --witness-tls NAME=FINGERPRINT}) rather than check its names, so no SNI
 * or Host check.
 */
final class WitnessTls {
  private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();
  private final TlsIdentity identity;
  private final String host;
  private final int port;

  WitnessTls(TlsIdentity identity, String host, int port) {
    this.identity = identity;
    this.host = host;
    this.port = port;
  }

  /** The connector, as Javalin's {@code config.jetty.addConnector} asks for it. */
  ServerConnector create(Server server, HttpConfiguration http) {
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    secure.setSniRequired(false);
    https.addCustomizer(secure);
    SslContextFactory.Server tls = new SslContextFactory.Server();
    char[] password = IN_MEMORY_PASSWORD.clone();
    tls.setKeyStore(identity.keyStore("witness", password));
    tls.setKeyStorePassword(new String(password));
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    ServerConnector c = new ServerConnector(server, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
        new HttpConnectionFactory(https));
    c.setHost(host);
    c.setPort(port);
    return c;
  }
}
