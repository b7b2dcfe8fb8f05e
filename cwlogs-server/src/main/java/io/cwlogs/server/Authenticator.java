package io.cwlogs.server;

import io.cwlogs.core.Tenant;
import io.cwlogs.core.MissingAuthenticationTokenException;
import io.cwlogs.core.UnrecognizedClientException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a request's signature into the tenant it acts for: the region from the credential scope, the
 * account from the access key (the default account for keys not configured, as LocalStack does). In
 * {@code verify} mode the signature must also be right.
 */
public final class Authenticator {

  private final ServerOptions.AuthMode mode;
  private final Map<String, ServerOptions.AccessKey> keys = new HashMap<>();
  private final String defaultAccount;
  private final String defaultRegion;

  public Authenticator(ServerOptions options) {
    this.mode = options.auth();
    options.accessKeys().forEach(k -> keys.put(k.accessKeyId(), k));
    this.defaultAccount = options.defaultAccount();
    this.defaultRegion = options.defaultRegion();
  }

  public Tenant authenticate(SigV4.SignedRequest request, Instant now) {
    Optional<SigV4.Credential> credential = SigV4.parse(request);
    if (mode == ServerOptions.AuthMode.OFF) {
      return credential
          .map(c -> new Tenant(Optional.ofNullable(keys.get(c.accessKey())).map(ServerOptions.AccessKey::account).orElse(defaultAccount), c.region()))
          .orElse(new Tenant(defaultAccount, defaultRegion));
    }
    SigV4.Credential c = credential.orElseThrow(
        () -> new MissingAuthenticationTokenException("Missing Authentication Token"));
    ServerOptions.AccessKey key = keys.get(c.accessKey());
    if (key == null) {
      throw new UnrecognizedClientException("The security token included in the request is invalid.");
    }
    SigV4.verify(request, c, key.secretKey(), now);
    return new Tenant(key.account(), c.region());
  }
}
