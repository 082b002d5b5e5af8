package io.gatewatch.rules.windowed;

/**
 * One credential failure as the cross-tenant view sees it: which tenant, which user, from where,
 * and how the address looks in that tenant — its distinct failing and succeeding users there, by
 * the tenant's PASSWORD_SPRAY window. This is what crosses the by-address repartition, so it
 * stays small.
 */
public record AddressFailure(String tenantId, String user, String ip, long timeMs, String correlationId,
                             int tenantFailingUsers, int tenantSucceedingUsers) {
}
