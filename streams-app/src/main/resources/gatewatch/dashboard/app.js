// Gatewatch dashboard: plain JS over the /api/v1 endpoints; uPlot and every script are served from the jar (no CDN).
(() => {
  'use strict';
  const { $, api, el, actionable, tableCsv, fileStamp, token, shown: worthShowing } = window.GW;
  const colors = ['#4f7cff', '#e8590c', '#2f9e44', '#ae3ec9', '#f59f00', '#1098ad', '#c92a2a', '#5c7cfa', '#66a80f',
    '#d6336c', '#495057', '#0ca678', '#7048e8', '#f76707', '#364fc7', '#868e96'];
  // interrupts are steps of a normal sign-in, not failures
  const NOT_FAILURES = new Set(['SUCCESS', 'EXPECTED_INTERRUPT', 'MFA_REQUIRED', 'MFA_REGISTRATION_REQUIRED']);
  // each range with the step that gives it a readable number of points: minutes up to 6 h, hours up to 7 days, then days
  const RANGES = { PT1H: [3600e3, 'PT1M'], PT6H: [6 * 3600e3, 'PT1M'], P1D: [86400e3, 'PT1H'],
    P7D: [7 * 86400e3, 'PT1H'], P30D: [30 * 86400e3, 'P1D'], P90D: [90 * 86400e3, 'P1D'] };
  // the values a click drills into: the users who failed on them
  const DRILLABLE = new Set(['app', 'country', 'errorCode', 'caPolicy']);
  let charts = [];
  let breakdownSort = null;
  let breakdownRows = [];

  const tenant = () => $('tenant').value;
  const tenantPath = () => `/api/v1/tenants/${encodeURIComponent(tenant())}`;
  const span = () => RANGES[$('range').value][0];
  const step = () => RANGES[$('range').value][1];
  const from = () => new Date(Date.now() - span()).toISOString();
  const shownValue = (r) => (r.label === r.value ? r.value : `${r.value} ${r.label}`);

  function showLogin(message) {
    $('main').hidden = true;
    $('login').hidden = false;
    $('status').textContent = message || '';
  }
  window.GW.onUnauthorized = showLogin;

  async function loadTenants() {
    const tenants = await api('/api/v1/tenants?from=' + from());
    const select = $('tenant');
    const current = select.value;
    select.replaceChildren(...tenants.map((t) => el('option', { value: t.tenantId },
      `${t.tenantName ? t.tenantName + ' — ' : ''}${t.tenantId} (${t.signIns} sign-ins, ${t.failures} failed)`)));
    if (tenants.some((t) => t.tenantId === current)) select.value = current;
    return tenants.length;
  }

  function draw(target, data, series) {
    const width = Math.max(240, $(target).clientWidth - 10);
    charts.push(new uPlot({ width, height: 240, series: [{}, ...series] }, data, $(target)));
  }

  async function loadTrends() {
    const trends = await api(`${tenantPath()}/trends?step=${step()}&from=${from()}`);
    // start where the tenant's data starts (a young tenant's 6 hours are mostly empty), keeping a little lead-in
    const firstData = trends.points.findIndex((p) => p.total > 0);
    const points = firstData < 0 ? trends.points : trends.points.slice(Math.max(0, firstData - 5));
    const xs = points.map((p) => Date.parse(p.windowStart) / 1000);
    const categories = [...new Set(points.flatMap((p) => Object.keys(p.byCategory)))]
      .filter((c) => !NOT_FAILURES.has(c)).sort();
    // stacked: each series is the running sum, drawn from the top down so every band shows
    const running = points.map(() => 0);
    const stacked = categories.map((c) => points.map((p, i) => (running[i] += p.byCategory[c] || 0)));
    charts.forEach((c) => c.destroy());
    charts = [];
    $('failures-chart').replaceChildren();
    $('rate-chart').replaceChildren();
    $('failures-chart').dataset.points = String(points.length);
    $('failures-chart').dataset.failures = String(running.reduce((a, b) => a + b, 0));
    $('failures-chart').dataset.step = trends.step;
    const order = categories.map((c, i) => i).reverse();
    draw('failures-chart', [xs, ...order.map((i) => stacked[i])],
      order.map((i) => ({ label: categories[i], stroke: colors[i % colors.length], fill: colors[i % colors.length] + 'cc' })));
    draw('rate-chart', [xs, points.map((p) => +(100 * p.failureRate).toFixed(2))],
      [{ label: 'failed %', stroke: '#c92a2a', width: 2 }]);
  }

  // error codes with Microsoft's description and Gatewatch's category; a click lists the users who got the code
  async function loadCodes() {
    const b = await api(`${tenantPath()}/breakdown?by=errorCode&from=${from()}&limit=10`);
    $('codes').tBodies[0].replaceChildren(...b.rows.map((r) => actionable(el('tr', {},
      el('td', {}, r.value), el('td', {}, r.label === r.value ? '' : r.label), el('td', {}, r.category || ''),
      el('td', {}, String(r.failures))), () => drill('errorCode', r.value, shownValue(r)), `users failing with ${r.value}`)));
  }

  async function diagnose(user) {
    if (user) $('user').value = user;
    const upn = $('user').value.trim();
    if (!tenant() || !upn) return;
    const d = await api(`${tenantPath()}/users/${encodeURIComponent(upn)}/diagnosis`);
    // security alerts first: a caller asking to be unlocked may be the attacker the alert is about
    const alerts = (d.alerts || []).map((a) => el('li', { class: 'diagnosis-alert' },
      el('span', { class: 'sev ' + a.severity }, a.severity), ' ', el('b', {}, a.rule), ' ',
      el('small', {}, new Date(a.lastSeen).toLocaleString()), ' — ', a.summary,
      ...(a.remediation || []).slice(0, 2).map((r) => el('div', { class: 'remediation' }, '→ ' + r))));
    const problems = d.problems.map((p) => el('li', {}, el('b', {}, p.category), ` (${p.check}) since `,
      new Date(p.since).toLocaleString(), `, ${p.count}×: ${p.evidence}`,
      el('ul', {}, p.remediation.map((r) => el('li', {}, r)))));
    const checks = el('table', { id: 'checklist' }, el('tbody', {}, d.checks.map((c) =>
      el('tr', {}, el('td', {}, c.check), el('td', { class: 'check ' + c.status }, c.status)))));
    const fields = ['createdDateTime', 'correlationId', 'appDisplayName', 'resource', 'ipAddress', 'browser',
      'operatingSystem', 'location', 'errorCode', 'category', 'failureReason'];
    const recent = el('div', { class: 'scroll' }, el('table', { id: 'recent' },
      el('thead', {}, el('tr', {}, fields.map((f) => el('th', {}, f)))),
      el('tbody', {}, d.recentSignIns.map((s) => el('tr', {}, fields.map((f) => el('td', {}, s[f] == null ? '' : String(s[f]))))))));
    $('diagnosis').replaceChildren(el('p', { class: 'verdict ' + d.status }, `${d.userPrincipalName}: ${d.status}`),
      d.headline ? el('p', { id: 'diagnosis-headline', class: 'headline' }, d.headline) : '',
      alerts.length ? el('h3', {}, 'Security alerts on this user') : '',
      alerts.length ? el('ul', { id: 'diagnosis-alerts' }, alerts) : '',
      problems.length ? el('ol', { id: 'problems' }, problems) : '', el('h3', {}, 'Checklist'), checks,
      el('h3', {}, 'Recent sign-ins (support-ticket fields)'), recent);
    $('diagnosis-panel').scrollIntoView({ block: 'nearest' });
  }
  window.GW.diagnose = (user) => diagnose(user).catch((e) => { if (worthShowing(e)) $('status').textContent = e.message; });

  function drawBreakdown() {
    const rows = breakdownSort ? [...breakdownRows].sort((a, b) => (typeof a[breakdownSort] === 'string'
      ? a[breakdownSort].localeCompare(b[breakdownSort]) : b[breakdownSort] - a[breakdownSort])) : breakdownRows;
    const by = $('breakdown-by').value;
    $('breakdown').tBodies[0].replaceChildren(...rows.map((r) => {
      const value = el('td', { title: r.value + (r.category ? ' (' + r.category + ')' : ''), 'data-csv': shownValue(r) },
        shownValue(r));
      const failures = el('td', r.failuresError ? { title: `at most ${r.failuresError} over` } : {},
        (r.failuresError ? '≤ ' : '') + r.failures);
      const share = breakdownRows.length ? r.failures / Math.max(...breakdownRows.map((x) => x.failures), 1) : 0;
      const bar = el('td', { class: 'bar-cell', 'data-csv': (100 * r.failureRate).toFixed(1) },
        el('span', { class: 'bar', style: `width:${Math.round(100 * share)}%` }), (100 * r.failureRate).toFixed(1));
      const row = el('tr', {}, value, el('td', {}, String(r.signIns)), failures, bar, el('td', {}, String(r.users)));
      if (by === 'user') {
        value.className = 'entity';
        return actionable(row, () => window.GW.diagnose(r.value), `diagnose ${r.value}`);
      }
      if (DRILLABLE.has(by)) {
        value.className = 'drill';
        return actionable(row, () => drill(by, r.value, shownValue(r)), `users failing on ${r.value}`);
      }
      return row;
    }));
  }

  async function loadBreakdown() {
    const b = await api(`${tenantPath()}/breakdown?by=${$('breakdown-by').value}`
      + `&outcome=${$('breakdown-outcome').value}&from=${from()}&limit=50`);
    breakdownRows = b.rows;
    $('breakdown-note').dataset.from = b.from;
    $('breakdown-note').textContent = `${new Date(b.from).toLocaleString()} – ${new Date(b.to).toLocaleString()}`
      + (b.approximate ? ` (approximate: counts within ${b.errorBound})` : '');
    drawBreakdown();
  }

  // the users who failed on one value: from the pairs of value and failing user the windows keep
  let drilled = null;
  async function drill(by, value, shown, refreshOnly) {
    drilled = { by, value, shown };
    const b = await api(`${tenantPath()}/breakdown?by=user&where=${encodeURIComponent(by + ':' + value)}`
      + `&from=${from()}&limit=50`);
    $('drill-title').textContent = `Users failing on ${by === 'errorCode' ? 'error code' : by === 'caPolicy' ? 'policy' : by} ${shown}`;
    $('drill-note').textContent = `${new Date(b.from).toLocaleString()} – ${new Date(b.to).toLocaleString()}`
      + (b.approximate ? ` (a user not listed failed there at most ${b.errorBound} times)` : '');
    $('drill').tBodies[0].replaceChildren(...b.rows.map((r) => actionable(el('tr', {},
      el('td', { class: 'entity' }, r.value), el('td', {}, (r.failuresError ? '≤ ' : '') + r.failures)),
    () => window.GW.diagnose(r.value), `diagnose ${r.value}`)));
    $('drill-empty').hidden = b.rows.length > 0;
    $('drill-panel').hidden = false;
    if (refreshOnly) return;
    $('drill-panel').scrollIntoView({ block: 'nearest' });
    const first = $('drill').tBodies[0].rows[0];
    if (first) first.focus({ preventScroll: true });
  }

  function closeDrill() {
    if ($('drill-panel').hidden) return false;
    $('drill-panel').hidden = true;
    drilled = null;
    return true;
  }

  async function loadMovers() {
    const [hours, baseline] = $('movers-span').value.split('/');
    const moversFrom = new Date(Date.now() - Number(hours) * 3600e3).toISOString();
    const m = await api(`${tenantPath()}/movers?by=${$('movers-by').value}&baseline=${baseline}&from=${moversFrom}`);
    const by = $('movers-by').value;
    $('movers').tBodies[0].replaceChildren(...m.rows.map((r) => {
      const row = el('tr', {}, el('td', { title: r.value, 'data-csv': shownValue(r) }, shownValue(r)),
        el('td', {}, String(r.failures)), el('td', {}, String(r.baselineFailures)), el('td', {}, '+' + r.change));
      if (by === 'user') return actionable(row, () => window.GW.diagnose(r.value), `diagnose ${r.value}`);
      return DRILLABLE.has(by) ? actionable(row, () => drill(by, r.value, shownValue(r)), `users failing on ${r.value}`) : row;
    }));
  }

  // one refresh at a time; a change asked for meanwhile (another tenant, range) runs once the current one is done
  let refreshing = false;
  let again = false;
  async function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    again = false;
    try {
      if (await loadTenants() === 0) { $('status').textContent = 'No sign-ins yet.'; return; }
      $('summary-link').href = `summary.html?tenant=${encodeURIComponent(tenant())}&day=${new Date().toISOString().slice(0, 10)}`;
      await Promise.all([loadTrends(), window.GW.alerts.load(tenant(), from()), loadBreakdown(), loadCodes(), loadMovers()]);
      if (drilled) await drill(drilled.by, drilled.value, drilled.shown, true);
      $('status').textContent = 'Updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      if (worthShowing(e)) $('status').textContent = e.message;
    } finally {
      refreshing = false;
      if (again) refresh();
    }
  }

  function start() {
    $('login').hidden = true;
    $('main').hidden = false;
    refresh();
  }

  const quiet = (f) => () => f().catch((e) => { if (worthShowing(e)) $('status').textContent = e.message; });
  $('save-token').addEventListener('click', () => { sessionStorage.setItem('gatewatch-token', $('token').value); start(); });
  $('tenant').addEventListener('change', () => { closeDrill(); window.GW.alerts.close(); refresh(); });
  $('range').addEventListener('change', refresh);
  $('auto-refresh').addEventListener('change', () => {
    if ($('auto-refresh').checked) refresh(); else window.GW.pause();
  });
  $('search').addEventListener('submit', (e) => { e.preventDefault(); window.GW.diagnose(); });
  $('breakdown-by').addEventListener('change', () => { breakdownSort = null; quiet(loadBreakdown)(); });
  $('breakdown-outcome').addEventListener('change', quiet(loadBreakdown));
  $('movers-by').addEventListener('change', quiet(loadMovers));
  $('movers-span').addEventListener('change', quiet(loadMovers));
  $('drill-close').addEventListener('click', closeDrill);
  document.querySelectorAll('#breakdown th').forEach((th) => {
    const sort = () => { breakdownSort = th.dataset.key; drawBreakdown(); };
    th.tabIndex = 0;
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter') sort(); });
  });
  document.querySelectorAll('button.csv').forEach((b) => b.addEventListener('click', () => (b.dataset.table === 'alerts'
    ? window.GW.alerts.csv(tenant()) : tableCsv($(b.dataset.table), `gatewatch-${b.dataset.table}-${tenant()}-${fileStamp()}.csv`))));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !window.GW.alerts.close()) closeDrill();
  });
  const live = () => token() && !$('main').hidden && $('auto-refresh').checked;
  // every 5 s the alerts, or, on a page with no tenant yet, the whole page: it finds the first tenant
  // as soon as its sign-ins arrive, not at the next 30-second refresh
  setInterval(() => {
    if (!live()) return;
    if (tenant()) window.GW.alerts.load(tenant(), from()).catch(() => {}); else refresh();
  }, 5000);
  setInterval(() => { if (live()) refresh(); }, 30000);
  if (token()) start(); else showLogin();
})();
