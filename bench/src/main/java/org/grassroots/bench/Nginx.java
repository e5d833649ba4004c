package org.grassroots.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * nginx (Debian's package) on loopback: a trivial upstream that answers a small JSON document, and a plain
 * reverse proxy in front of it as the baseline for what any proxy costs.
 */
public final class Nginx implements AutoCloseable {

	private final Process process;

	private Nginx(Process process) {
		this.process = process;
	}

	public static Nginx start(Path dir, int upstreamPort, int proxyPort) throws IOException {
		Files.createDirectories(dir.resolve("logs"));
		String conf = """
				worker_processes 1;
				error_log %1$s/logs/error.log warn;
				pid %1$s/nginx.pid;
				events { worker_connections 4096; }
				http {
				  access_log off;
				  keepalive_requests 1000000;
				  upstream trivial { server 127.0.0.1:%2$d; keepalive 64; }
				  server {
				    listen 127.0.0.1:%2$d;
				    location / { default_type application/json; return 200 '{"ok":true}'; }
				  }
				  server {
				    listen 127.0.0.1:%3$d;
				    location / {
				      proxy_pass http://trivial;
				      proxy_http_version 1.1;
				      proxy_set_header Connection "";
				    }
				  }
				}
				""".formatted(dir.toAbsolutePath(), upstreamPort, proxyPort);
		Path file = dir.resolve("nginx.conf");
		Files.writeString(file, conf);
		String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
		Process process = new ProcessBuilder(binary, "-p", dir.toAbsolutePath().toString(), "-c",
				file.toAbsolutePath().toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("logs/stdout.log").toFile())
			.start();
		return new Nginx(process);
	}

	@Override
	public void close() {
		process.destroy();
	}
}
