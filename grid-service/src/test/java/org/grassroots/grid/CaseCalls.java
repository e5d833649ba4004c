package org.grassroots.grid;

import org.grassroots.testsupport.TestHttp;

/** Reporting cases and taking workflow steps through the API, for tests. */
public final class CaseCalls {

	private CaseCalls() {
	}

	/** Reports a case at {@code at} (lat, lng; null for none) with extra JSON members. */
	public static TestHttp.Response report(TestHttp http, String token, String category, double[] at, String extra) {
		String location = at == null ? "" : ",\"lat\":" + at[0] + ",\"lng\":" + at[1];
		return http.post("/api/v1/cases")
			.bearer(token)
			.json("{\"category\":\"" + category + "\",\"description\":\"小区门口井盖缺失，夜间很危险\"" + location
					+ (extra == null ? "" : "," + extra) + "}")
			.send();
	}

	public static TestHttp.Response step(TestHttp http, String token, String id, String action, String body) {
		return http.post("/api/v1/cases/" + id + "/" + action).bearer(token).json(body).send();
	}
}
