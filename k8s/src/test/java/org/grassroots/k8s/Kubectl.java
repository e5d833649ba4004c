package org.grassroots.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders kustomizations with {@code kubectl kustomize} (offline: no cluster, no kubeconfig). The binary is
 * {@code $KUBECTL}, the system property {@code kubectl}, or {@code kubectl} on the PATH. A missing kubectl, or
 * one whose embedded kustomize is older than v5 (Debian's kubernetes-client 1.20 bundles kustomize v2, which
 * knows no components), fails the tests with a message saying what to install: they never skip.
 */
final class Kubectl {

	private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version:\\s*v?(\\d+)\\.(\\d+)");

	private static volatile Kubectl instance;

	private final String executable;

	private final String version;

	private Kubectl(String executable, String version) {
		this.executable = executable;
		this.version = version;
	}

	static Kubectl get() {
		Kubectl k = instance;
		if (k == null) {
			synchronized (Kubectl.class) {
				k = instance;
				if (k == null) {
					k = locate();
					instance = k;
				}
			}
		}
		return k;
	}

	String version() {
		return version;
	}

	/** The rendered YAML of one kustomization directory. */
	String kustomize(Path dir) {
		Result r = run(List.of(executable, "kustomize", dir.toString()), 120);
		if (r.exit != 0) {
			throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + r.exit + "):\n" + r.stderr);
		}
		return r.stdout;
	}

	private static Kubectl locate() {
		String configured = System.getenv("KUBECTL");
		if (configured == null || configured.isBlank()) {
			configured = System.getProperty("kubectl");
		}
		String executable = (configured != null && !configured.isBlank()) ? configured : onPath("kubectl");
		if (executable == null) {
			throw new AssertionError(missing("kubectl was not found on the PATH (nor in $KUBECTL)."));
		}
		Result r;
		try {
			r = run(List.of(executable, "version", "--client"), 60);
		}
		catch (AssertionError ex) {
			throw new AssertionError(missing("kubectl at " + executable + " could not run: " + ex.getMessage()));
		}
		String out = r.stdout + r.stderr;
		Matcher m = KUSTOMIZE_VERSION.matcher(out);
		if (r.exit != 0 || !m.find()) {
			throw new AssertionError(missing("kubectl at " + executable
					+ " reports no embedded kustomize version: too old (Debian bookworm's kubernetes-client 1.20 cannot render"
					+ " components).\n" + out.strip()));
		}
		if (Integer.parseInt(m.group(1)) < 5) {
			throw new AssertionError(missing("kubectl at " + executable + " embeds kustomize v" + m.group(1) + "."
					+ m.group(2) + "; the manifests need kustomize v5 (components, labels, replicas)."));
		}
		return new Kubectl(executable, out.strip().replace('\n', ' '));
	}

	private static String missing(String what) {
		return what + "\nThe k8s module renders every overlay with `kubectl kustomize` and cannot check anything"
				+ " without it. Install kubectl >= 1.27 (kustomize v5), or point KUBECTL at one."
				+ " See docs/operations.md, section \"Validation in the build\".";
	}

	private static String onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

	private record Result(int exit, String stdout, String stderr) {
	}

	private static Result run(List<String> command, int timeoutSeconds) {
		try {
			Path out = Files.createTempFile("kubectl", ".out");
			Path err = Files.createTempFile("kubectl", ".err");
			try {
				ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
				// Rendering needs no cluster; keep kubectl away from any kubeconfig on the machine.
				pb.environment().put("KUBECONFIG", "/dev/null");
				pb.redirectOutput(out.toFile()).redirectError(err.toFile());
				Process p = pb.start();
				if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
					p.destroyForcibly();
					throw new AssertionError(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
				}
				return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
						Files.readString(err, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new AssertionError(String.join(" ", command) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}
}
