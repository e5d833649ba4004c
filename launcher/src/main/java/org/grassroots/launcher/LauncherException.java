package org.grassroots.launcher;

/**
 * A failure the user can act on (port in use, an app that did not start, another launcher running). The launcher
 * prints its message without a stack trace.
 */
public class LauncherException extends RuntimeException {

	public LauncherException(String message) {
		super(message);
	}

	public LauncherException(String message, Throwable cause) {
		super(message, cause);
	}

}
