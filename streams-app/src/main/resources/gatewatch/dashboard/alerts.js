// Gatewatch dashboard: the alerts panel — filters by severity, rule and time, an alert's detail, CSV of the list.
window.GW.alerts = (() => {
  'use strict';
  const { $, api, el, actionable, downloadCsv, fileStamp } = window.GW;
  const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
  let all = [];
  let shown = [];
  let openId = null;
  let opener = null;

  const userOf = (a) => (a.entity.type.startsWith('user') ? a.entity.value.split('|')[0] : null);

  function filtered() {
    const severity = $('alert-severity').value;
    const rule = $('alert-rule').value;
    const within = Number($('alert-since').value);
    const since = within ? Date.now() - within * 60e3 : 0;
    return all.filter((a) => (!severity || a.severity === severity) && (!rule || a.rule === rule)
      && Date.parse(a.lastSeen) >= since);
  }

  // the rule's MITRE ATT&CK technique ids beside it (none for an operational rule)
  function attack(a) {
    const techniques = (a.attack && a.attack.techniques) || [];
    if (!techniques.length) return '';
    const tactics = a.attack.tactics || [];
    return [el('span', { class: 'attack', title: 'MITRE ATT&CK' + (tactics.length ? ' ' + tactics.join(' ') : '') },
      techniques.join(' ')), ' '];
  }

  function draw() {
    const rules = [...new Set(all.map((a) => a.rule))].sort();
    const rule = $('alert-rule');
    const chosen = rule.value;
    rule.replaceChildren(el('option', { value: '' }, 'any rule'), ...rules.map((r) => el('option', { value: r }, r)));
    rule.value = rules.includes(chosen) ? chosen : '';
    shown = filtered();
    $('alert-count').textContent = `${shown.length} of ${all.length}`;
    $('alerts').replaceChildren(...shown.map((a) => {
      const user = userOf(a);
      const entity = el('span', { class: user ? 'entity' : '', title: user ? 'diagnose this user' : '' },
        `${a.entity.type}:${a.entity.value}`);
      if (user) {
        entity.addEventListener('click', (e) => { e.stopPropagation(); window.GW.diagnose(user); });
      }
      const item = el('li', { class: 'alert' + (a.alertId === openId ? ' open' : ''), 'data-alert-id': a.alertId,
        'data-severity': a.severity, 'data-rule': a.rule },
      el('span', { class: 'sev ' + a.severity }, a.severity), ' ', el('b', {}, a.rule), ' ', attack(a), entity, ' — ',
      a.summary, ' ', el('small', {}, new Date(a.lastSeen).toLocaleString()), a.update ? el('small', {}, ' (updated)') : '');
      return actionable(item, () => open(a, item), `alert ${a.rule} ${a.severity}: open its detail`);
    }));
    if (openId && !all.some((a) => a.alertId === openId)) close();
  }

  async function load(tenant, from) {
    all = await api(`/api/v1/tenants/${encodeURIComponent(tenant)}/alerts?from=${from}&limit=500`);
    draw();
    $('alerts').dataset.tenant = tenant; // whose alerts these are, for a reader (and a test) that switched tenants
  }

  function copyable(label, text) {
    if (!text) return '';
    const button = el('button', { type: 'button', class: 'copy' }, 'copy');
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'copied';
      } catch (e) { // no clipboard (plain HTTP on another host): select the text for Ctrl+C
        window.getSelection().selectAllChildren(button.nextElementSibling);
        button.textContent = 'selected: press Ctrl+C';
      }
    });
    return el('div', { class: 'pivot' }, el('b', {}, label), ' ', button, el('pre', {}, text));
  }

  function facts(rows) {
    return el('table', { class: 'facts' }, el('tbody', {}, rows.filter(([, v]) => v)
      .map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))));
  }

  // the alert in one read: who and where, ATT&CK, triage answered from the evidence, the response, pivots to copy
  function open(a, item) {
    openId = a.alertId;
    opener = item;
    document.querySelectorAll('#alerts li.open').forEach((li) => li.classList.remove('open'));
    item.classList.add('open');
    const e = a.evidence || {};
    const more = (list, total) => (total > (list || []).length ? ` (+${total - list.length} more)` : '');
    const tactics = (a.attack && a.attack.tactics) || [];
    const techniques = (a.attack && a.attack.techniques) || [];
    const signIns = e.signIns || [];
    const close = el('button', { type: 'button', id: 'alert-detail-close' }, 'close (Esc)');
    close.addEventListener('click', () => window.GW.alerts.close());
    $('alert-detail').replaceChildren(close,
      el('h3', {}, el('span', { class: 'sev ' + a.severity }, a.severity), ' ', a.rule, ' — ',
        `${a.entity.type}:${a.entity.value}`),
      el('p', {}, a.summary),
      facts([['first seen', new Date(a.firstSeen).toLocaleString()], ['last seen', new Date(a.lastSeen).toLocaleString()],
        ['count', a.count != null ? `${a.count} (threshold ${a.threshold})` : ''],
        ['ATT&CK techniques', techniques.join(', ')], ['ATT&CK tactics', tactics.join(', ')],
        ['correlation ids', (a.correlationIds || []).join(', ')],
        ['users', (e.users || []).join(', ') + more(e.users, e.usersTotal || 0)],
        ['addresses', (e.addresses || []).map((x) => x.ip + (x.country ? ' ' + x.country : '') + (x.asn ? ' AS' + x.asn : ''))
          .join(', ') + more(e.addresses, e.addressesTotal || 0)],
        ['apps', (e.apps || []).join(', ')], ['countries', (e.countries || []).join(', ')],
        ['sessions', (e.sessions || []).join(', ')],
        ['signed in afterwards', e.signedInAfterwards ? e.signedInAfterwards.users.join(', ') || 'none' : ''],
        ['alert id', a.alertId]]),
      (a.triage || []).length ? el('h4', {}, 'Triage') : '',
      el('ul', { class: 'triage' }, (a.triage || []).map((t) => el('li', {}, t.question, t.answer ? el('b', {}, ' ' + t.answer) : ''))),
      (a.remediation || []).length ? el('h4', {}, 'Response') : '',
      el('ol', { class: 'response' }, (a.remediation || []).map((r) => el('li', {}, r))),
      signIns.length ? el('h4', {}, `Contributing sign-ins (${signIns.length} of ${e.signInsTotal || signIns.length})`) : '',
      signIns.length ? el('div', { class: 'scroll' }, el('table', { class: 'signins' },
        el('thead', {}, el('tr', {}, ['time', 'correlation id', 'user', 'address', 'result', 'kind'].map((h) => el('th', {}, h)))),
        el('tbody', {}, signIns.map((s) => el('tr', {}, [new Date(s.time).toLocaleString(), s.correlationId, s.user,
          s.address, s.resultCode, s.kind].map((v) => el('td', {}, v == null ? '' : String(v)))))))) : '',
      copyable('KQL (Sentinel / Log Analytics)', a.pivots && a.pivots.kql),
      copyable('Microsoft Graph', a.pivots && a.pivots.graph));
    $('alert-detail').hidden = false;
    $('alert-detail').focus();
  }

  function close() {
    if ($('alert-detail').hidden) return false;
    $('alert-detail').hidden = true;
    openId = null;
    document.querySelectorAll('#alerts li.open').forEach((li) => li.classList.remove('open'));
    const back = opener && document.querySelector(`#alerts li[data-alert-id="${CSS.escape(opener.dataset.alertId)}"]`);
    if (back) back.focus();
    return true;
  }

  function csv(tenant) {
    downloadCsv(`gatewatch-alerts-${tenant}-${fileStamp()}.csv`,
      ['lastSeen', 'firstSeen', 'severity', 'rule', 'entity', 'summary', 'attackTechniques', 'correlationIds', 'alertId'],
      shown.map((a) => [a.lastSeen, a.firstSeen, a.severity, a.rule, `${a.entity.type}:${a.entity.value}`, a.summary,
        ((a.attack && a.attack.techniques) || []).join(' '), (a.correlationIds || []).join(' '), a.alertId]));
  }

  $('alert-severity').replaceChildren(el('option', { value: '' }, 'any severity'),
    ...SEVERITIES.map((s) => el('option', { value: s }, s)));
  ['alert-severity', 'alert-rule', 'alert-since'].forEach((id) => $(id).addEventListener('change', draw));
  return { load, close, csv };
})();
