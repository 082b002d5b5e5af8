package io.gatewatch.app.topology;

import io.gatewatch.aggregate.TenantWindowCounts;

/**
 * What the aggregate stage hands on for one tenant window: its counts now, and what changed since
 * the roll-ups last saw it (everything when it closes on time; the late event's own counts when
 * one arrives after the close, so hours and days add it once).
 *
 * @param late       the window had already closed when this update came
 * @param correction an earlier record of this window was emitted; this one replaces it
 */
record WindowUpdate(TenantWindowCounts counts, TenantWindowCounts change, boolean late, boolean correction) {
}
