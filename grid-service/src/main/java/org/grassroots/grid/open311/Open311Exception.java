package org.grassroots.grid.open311;

import org.springframework.http.HttpStatus;

/** An Open311 error: rendered as {@code <errors><error><code/><description/></error></errors>} or its JSON twin. */
class Open311Exception extends RuntimeException {

	final HttpStatus status;

	Open311Exception(HttpStatus status, String description) {
		super(description);
		this.status = status;
	}
}
