package org.grassroots.launcher.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code local-credentials.json}. */
public final class CredentialsFile {

	private static final Logger log = LoggerFactory.getLogger(CredentialsFile.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CredentialsFile() {
	}

	/** The credentials of an earlier run, if the file is there and readable. */
	public static Optional<LocalCredentials> read(Path file) {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(Files.readString(file), LocalCredentials.class));
		}
		catch (IOException | JacksonException ex) {
			log.warn("Ignoring unreadable {} ({}); new client secrets will be generated", file, ex.getMessage());
			return Optional.empty();
		}
	}

	public static String toJson(LocalCredentials credentials) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(credentials);
	}

	public static void write(Path file, LocalCredentials credentials) {
		try {
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(temporary, toJson(credentials) + "\n");
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

}
