package org.grassroots.grid.open311;

import org.springframework.http.MediaType;

/** The two formats GeoReport v2 names, chosen by the resource's extension ({@code .json}, {@code .xml}). */
enum Open311Format {

	JSON(MediaType.parseMediaType("application/json;charset=UTF-8")),
	XML(MediaType.parseMediaType("text/xml;charset=UTF-8"));

	final MediaType mediaType;

	Open311Format(MediaType mediaType) {
		this.mediaType = mediaType;
	}

	/** @return the format, or {@code null} for an unknown extension */
	static Open311Format of(String extension) {
		if ("json".equalsIgnoreCase(extension)) {
			return JSON;
		}
		if ("xml".equalsIgnoreCase(extension)) {
			return XML;
		}
		return null;
	}

	/** The format of a request path ending in {@code .json} or {@code .xml}; XML (the required one) otherwise. */
	static Open311Format ofPath(String path) {
		int dot = path == null ? -1 : path.lastIndexOf('.');
		Open311Format format = dot < 0 ? null : of(path.substring(dot + 1));
		return format == null ? XML : format;
	}
}
