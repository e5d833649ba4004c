package org.grassroots.defaults.tenancy;

import java.util.concurrent.Callable;

/**
 * The tenant whose rows this thread may touch. Set from the internal token for requests and by
 * {@link #callAs(String, Callable)} for background work on behalf of one tenant; every transaction hands it to
 * PostgreSQL ({@code app.tenant_id}) so row-level security applies.
 */
public final class TenantContext {

	private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

	private static final ThreadLocal<String> CROSS_TENANT = new ThreadLocal<>();

	private TenantContext() {
	}

	public static String current() {
		return TENANT.get();
	}

	public static void set(String tenant) {
		TENANT.set(tenant);
	}

	public static void clear() {
		TENANT.remove();
	}

	/** Runs work as a tenant (background jobs, event consumers), restoring what was there before. */
	public static <T> T callAs(String tenant, Callable<T> work) {
		String previous = TENANT.get();
		TENANT.set(tenant);
		try {
			return work.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			restore(TENANT, previous);
		}
	}

	public static void runAs(String tenant, Runnable work) {
		callAs(tenant, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs system work that must see several tenants' rows of the tables whose policy names {@code purpose}
	 * (e.g. {@code outbox-relay}); every other table still shows nothing.
	 */
	public static <T> T callCrossTenant(String purpose, Callable<T> work) {
		String previous = CROSS_TENANT.get();
		CROSS_TENANT.set(purpose);
		try {
			return work.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			restore(CROSS_TENANT, previous);
		}
	}

	static String crossTenantPurpose() {
		return CROSS_TENANT.get();
	}

	private static void restore(ThreadLocal<String> holder, String previous) {
		if (previous == null) {
			holder.remove();
		}
		else {
			holder.set(previous);
		}
	}
}
