package org.ironcds.auth;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/** Where a trusted client's public JWK Set comes from: inline, a local file, or a URL. */
public sealed interface JwksSource {

  /** Keys written into the trusted-clients file. Checked to hold only public signing keys. */
  record Inline(JWKSet keys) implements JwksSource {
    public Inline {
      KeySetRules.requirePublicSigningKeys(keys);
    }
  }

  /** Keys in a JWK Set file, read at startup and again when an unknown {@code kid} arrives. */
  record FromFile(Path path) implements JwksSource {
    public FromFile {
      Objects.requireNonNull(path, "path == null");
    }
  }

  /** Keys published by the client at {@code jwks_uri}, fetched and cached. */
  record FromUrl(URI uri) implements JwksSource {
    public FromUrl {
      RemoteUrls.requireFetchable(uri, "jwksUri");
    }
  }
}
