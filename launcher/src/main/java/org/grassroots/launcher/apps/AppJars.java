package org.grassroots.launcher.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;

import org.grassroots.launcher.LauncherException;

/**
 * The apps' executable jars, embedded in the launcher as {@code apps/<app>.jar} by the build. Run from the
 * launcher jar, they are extracted once to the data directory and re-extracted only when the embedded copy
 * changed; run from a build's classes directory (tests, IDE) they are used where they are.
 */
final class AppJars {

	private final Path cache;

	AppJars(Path cache) {
		this.cache = cache;
	}

	Path jarFor(PlatformApp app) {
		String resource = "apps/" + app.appName() + ".jar";
		URL url = AppJars.class.getClassLoader().getResource(resource);
		if (url == null) {
			throw new LauncherException("This launcher has no " + resource + ". Build it with the apps: "
					+ "`mvn -pl " + app.appName() + " install` then `mvn -pl launcher package` (without "
					+ "-Dgrassroots.launcher.withoutApps).");
		}
		try {
			if ("file".equals(url.getProtocol())) {
				return Path.of(url.toURI());
			}
			return extract(url, cache.resolve(app.appName() + ".jar"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not extract " + resource, ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path extract(URL url, Path target) throws IOException {
		URLConnection connection = url.openConnection();
		String stamp = stamp(connection);
		Path stampFile = target.resolveSibling(target.getFileName() + ".stamp");
		if (Files.isRegularFile(target) && Files.isRegularFile(stampFile)
				&& Files.readString(stampFile).equals(stamp)) {
			return target;
		}
		Files.createDirectories(target.getParent());
		Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
		try (InputStream in = connection.getInputStream()) {
			Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
		}
		Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		Files.writeString(stampFile, stamp);
		return target;
	}

	/** Size and CRC of the embedded entry: changes whenever the embedded jar does, costs no read of it. */
	private static String stamp(URLConnection connection) throws IOException {
		if (connection instanceof JarURLConnection jar) {
			JarEntry entry = jar.getJarEntry();
			if (entry != null && entry.getCrc() >= 0) {
				return entry.getSize() + ":" + Long.toHexString(entry.getCrc());
			}
		}
		return connection.getContentLengthLong() + ":" + connection.getLastModified();
	}

}
