package org.grassroots.launcher.issuer;

import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;

/** What the issuer's Spring context is built from; registered as a bean before it refreshes. */
record IssuerSettings(String issuer, RSAKey signingKey, List<IssuerClient> clients) {
}
