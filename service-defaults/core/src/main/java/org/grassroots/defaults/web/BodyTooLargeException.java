package org.grassroots.defaults.web;

import java.io.IOException;

/** Thrown by the counting request stream when a body crosses the limit; rendered as a 413 problem. */
public class BodyTooLargeException extends IOException {

	public BodyTooLargeException() {
		super("request body over the limit");
	}
}
