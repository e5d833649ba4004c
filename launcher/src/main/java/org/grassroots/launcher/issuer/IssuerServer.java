package org.grassroots.launcher.issuer;

import java.net.URI;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/** Runs the issuer's Spring context inside the launcher JVM. */
public final class IssuerServer implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final URI issuer;

	private IssuerServer(ConfigurableApplicationContext context, URI issuer) {
		this.context = context;
		this.issuer = issuer;
	}

	/**
	 * @param port the port to listen on (must be known: it is part of the issuer URL in every token)
	 */
	public static IssuerServer start(int port, RSAKey signingKey, List<IssuerClient> clients) {
		URI issuer = URI.create("http://localhost:" + port);
		IssuerSettings settings = new IssuerSettings(issuer.toString(), signingKey, clients);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(IssuerApplication.class)
			.web(WebApplicationType.SERVLET)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// the launcher stops the issuer itself, in order, after the apps
			.registerShutdownHook(false)
			.initializers(ctx -> ((GenericApplicationContext) ctx).registerBean(IssuerSettings.class, () -> settings))
			// command-line arguments outrank the environment: a SERVER_PORT in the shell must not move the issuer;
			// an own config name keeps application.yml files in the working directory out
			.run("--server.port=" + port, "--spring.config.name=grassroots-issuer",
					"--spring.application.name=grassroots-issuer");
		return new IssuerServer(context, issuer);
	}

	public URI issuer() {
		return issuer;
	}

	public URI tokenEndpoint() {
		return issuer.resolve("/oauth2/token");
	}

	@Override
	public void close() {
		context.close();
	}

}
