// Gatewatch daily summary (summary.html?tenant=<id>&day=YYYY-MM-DD, UTC): what rose, top failing apps, users and
// codes, and the day's alerts, from the same API as the dashboard; printable.
(() => {
  'use strict';
  const { $, api, el } = window.GW;
  const query = new URLSearchParams(location.search);
  const tenant = query.get('tenant');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(query.get('day') || '') ? query.get('day') : new Date().toISOString().slice(0, 10);
  const from = new Date(day + 'T00:00:00Z');
  const to = new Date(from.getTime() + 86400e3);
  const range = `from=${from.toISOString()}&to=${to.toISOString()}`;
  const path = `/api/v1/tenants/${encodeURIComponent(tenant || '')}`;
  const fill = (id, rows) => $(id).tBodies[0].replaceChildren(...rows.map((cells) =>
    el('tr', {}, cells.map((c) => el('td', {}, c == null ? '' : String(c))))));

  // a heavy-hitter summary bounds what it cannot count exactly: say which tables hold bounds, not only the first
  const exactness = (byName) => {
    const bounded = Object.keys(byName).filter((name) => byName[name].approximate
      || byName[name].rows.some((r) => r.failuresError));
    return bounded.length ? `counts marked ≤ are upper bounds (${bounded.join(', ')})` : 'breakdowns exact';
  };

  async function load() {
    if (!tenant) { $('status').textContent = 'Give ?tenant=<id>&day=YYYY-MM-DD.'; return; }
    const [trends, movers, apps, users, codes, alerts] = await Promise.all([
      api(`${path}/trends?step=PT1H&${range}`),
      api(`${path}/movers?by=app&baseline=previous&${range}`),
      api(`${path}/breakdown?by=app&limit=10&${range}`),
      api(`${path}/breakdown?by=user&limit=10&${range}`),
      api(`${path}/breakdown?by=errorCode&limit=10&${range}`),
      api(`${path}/alerts?limit=200&${range}`)]);
    const points = trends.points.filter((p) => Date.parse(p.windowStart) < to.getTime());
    const signIns = points.reduce((n, p) => n + p.total, 0);
    const failures = points.reduce((n, p) => n + (p.byOutcome.FAILURE || 0), 0);
    $('summary-title').textContent = `${trends.tenantName ? trends.tenantName + ' — ' : ''}${tenant}, ${day} (UTC)`;
    $('summary-totals').textContent = `${signIns} sign-ins, ${failures} failed`
      + (signIns ? ` (${(100 * failures / signIns).toFixed(1)} %)` : '') + `; ${alerts.length} alerts`
      + ' — hours as closed so far; ' + exactness({ apps, users, 'error codes': codes });
    fill('summary-movers', movers.rows.map((r) => [r.label === r.value ? r.value : `${r.value} ${r.label}`,
      r.failures, r.baselineFailures, '+' + r.change]));
    fill('summary-apps', apps.rows.map((r) => [r.value, (r.failuresError ? '≤ ' : '') + r.failures, r.signIns, r.users]));
    fill('summary-users', users.rows.map((r) => [r.value, (r.failuresError ? '≤ ' : '') + r.failures]));
    fill('summary-codes', codes.rows.map((r) => [r.value, r.label === r.value ? '' : r.label, r.failures]));
    fill('summary-alerts', alerts.map((a) => [new Date(a.lastSeen).toISOString().slice(11, 16), a.severity, a.rule,
      ((a.attack && a.attack.techniques) || []).join(' '), `${a.entity.type}:${a.entity.value}`, a.summary]));
    document.body.dataset.loaded = 'true';
  }

  $('print').addEventListener('click', () => window.print());
  load().catch((e) => { $('status').textContent = e.message; });
})();
