package org.grassroots.gateway.persistence;

import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs blocking JDBC work off the event loop, on Reactor's bounded elastic scheduler.
 */
public final class Blocking {

	private Blocking() {
	}

	public static <T> Mono<T> call(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
