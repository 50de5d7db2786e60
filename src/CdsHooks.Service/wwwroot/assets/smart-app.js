// The assessment explainer: finishes the SMART launch, reads the patient's data from the FHIR server with its token
// (the same prefetch an EHR would send), and asks the service for the engine's own evaluation trace.
import { CdsClient, uuid } from './cds-client.js';

const $ = id => document.getElementById(id);
const TRI = { true: 'TRUE', false: 'FALSE', unknown: 'UNKNOWN' };
const STATUS = { refractory: 'Refractory', 'not-refractory': 'Not refractory', 'insufficient-data': 'Insufficient data to decide' };

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function token() {
  const params = new URLSearchParams(location.search);
  if (params.get('error')) throw new Error(`${params.get('error')}: ${params.get('error_description')}`);
  const saved = JSON.parse(sessionStorage.getItem(`smart-${params.get('state')}`) || 'null');
  if (!saved) throw new Error('Unknown state: launch the app again from the card.');
  sessionStorage.removeItem(`smart-${params.get('state')}`);
  const response = await fetch(saved.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: saved.redirectUri, client_id: 'refractory-assessment-explainer', code_verifier: saved.verifier }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${body.error}: ${body.error_description}`);
  history.replaceState(null, '', location.pathname);
  return { ...body, iss: saved.iss };
}

function renderNode(trace) {
  const li = el('li', undefined, 'node');
  li.dataset.kind = trace.kind;
  li.dataset.value = trace.evaluated ? trace.value : 'not-evaluated';
  const line = el('div');
  const badge = el('span', trace.evaluated ? TRI[trace.value] : 'NOT EVALUATED', `tri tri--${trace.evaluated ? trace.value : 'unknown'}`);
  line.append(badge, el('span', trace.description, trace.evaluated ? undefined : 'not-evaluated'));
  if (!trace.evaluated) line.append(el('span', ' (an earlier criterion already decided)', 'subtle'));
  if (trace.reused) line.append(el('span', ' (evaluated once, used again here)', 'subtle'));
  li.append(line);
  if (trace.evaluated && trace.facts?.length && !trace.children?.length) {
    const facts = el('ul', undefined, 'facts');
    facts.setAttribute('aria-label', 'Decided by');
    for (const fact of trace.facts) facts.append(el('li', `${fact.role} — ${fact.reference}`));
    li.append(facts);
  }
  if (trace.missing?.length && !trace.children?.length) {
    const missing = el('ul', undefined, 'missing');
    missing.setAttribute('aria-label', 'Missing data');
    for (const m of trace.missing) missing.append(el('li', `Missing: ${m}`));
    li.append(missing);
  }
  if (trace.children?.length) {
    const children = el('ul');
    for (const child of trace.children) children.append(renderNode(child));
    li.append(children);
  }
  return li;
}

function renderRule(rule, gaps) {
  $('rule-heading').textContent = `${rule.packTitle}: ${rule.rule}`;
  $('rule-status').textContent = rule.status ? `Assessment: ${STATUS[rule.status]} (criterion ${TRI[rule.value]})` : `Criterion: ${TRI[rule.value]}`;
  $('criteria').replaceChildren(renderNode(rule.criteria));
  const evidence = $('evidence').tBodies[0];
  evidence.replaceChildren();
  for (const e of rule.evidence) {
    const row = evidence.insertRow();
    const source = row.insertCell();
    if (e.url) Object.assign(source.appendChild(el('a', e.source)), { href: e.url, target: '_blank', rel: 'noopener noreferrer' }); else source.textContent = e.source;
    if (e.generalKnowledge) source.append(el('div', 'General clinical knowledge, not from the source paper', 'subtle'));
    row.insertCell().textContent = e.section ?? '';
    row.insertCell().textContent = e.reference ?? '';
    row.insertCell().textContent = [e.grade && `grade ${e.grade}`, e.level].filter(Boolean).join('; ');
    const quoted = row.insertCell();
    for (const figure of e.figures) quoted.append(el('blockquote', `“${figure}”`));
    if (e.note) quoted.append(el('p', `Note: ${e.note}`, 'subtle'));
  }
  const assumptions = $('assumptions').tBodies[0];
  assumptions.replaceChildren();
  for (const a of rule.assumptions) {
    const row = assumptions.insertRow();
    row.insertCell().textContent = a.name;
    row.insertCell().textContent = a.value + (a.overridden ? ' (changed by this site)' : '');
    row.insertCell().textContent = a.default;
    row.insertCell().textContent = a.description;
  }
  if (!rule.assumptions.length) assumptions.insertRow().insertCell().textContent = 'None: this rule uses no site assumption.';
  const missing = [...rule.missing, ...gaps.map(g => `${g.resourceType} could not be retrieved (${g.reason})`)];
  $('missing').replaceChildren(...(missing.length ? missing.map(m => el('li', m)) : [el('li', 'Nothing: every criterion could be decided.')]));
}

try {
  const grant = await token();
  $('app-status').textContent = 'Reading the patient record…';
  const client = new CdsClient({ discoveryUrl: `${location.origin}/cds-services`, fhirServer: grant.iss, accessToken: grant.access_token });
  const patient = await (await fetch(`${grant.iss}/Patient/${encodeURIComponent(grant.patient)}`, { headers: client.fhirHeaders() })).json();
  const name = patient.name?.[0];
  $('patient-banner').textContent = `${name?.text || [...(name?.given || []), name?.family].filter(Boolean).join(' ') || grant.patient} · ${patient.gender ?? ''} · born ${patient.birthDate ?? 'unknown'} · ${grant.patient}`;
  const appContext = grant.appContext ? JSON.parse(grant.appContext) : {};
  const service = await client.service('patient-view');
  const context = { userId: 'Practitioner/COREPRACTITIONER1', patientId: grant.patient };
  const request = { hookInstance: uuid(), hook: 'patient-view', fhirServer: grant.iss, context, prefetch: await client.prefetch(service, context) };
  $('app-status').textContent = 'Asking the service for its evaluation trace…';
  const explanation = await client.exchange(`${location.origin}/smart-app/api/explain/${service.id}`, request, { Authorization: `Bearer ${grant.access_token}` });
  const rules = explanation.rules;
  if (!rules.length) throw new Error('No knowledge pack applies to this patient.');
  const ordered = [...rules.filter(r => r.kind === 'refractory-status'), ...rules.filter(r => r.kind !== 'refractory-status')];
  const picker = $('rule-picker');
  for (const r of ordered) picker.append(new Option(`${r.rule} (${TRI[r.value]})`, r.rule));
  const first = ordered.find(r => r.rule === appContext.rule) || ordered[0];
  picker.value = first.rule;
  picker.addEventListener('change', () => renderRule(rules.find(r => r.rule === picker.value), explanation.dataGaps));
  renderRule(first, explanation.dataGaps);
  $('explanation').hidden = false;
  $('app-status').textContent = `Evaluated as of ${explanation.asOf.slice(0, 10)}.`;
  $('main').focus();
} catch (error) {
  $('app-status').textContent = `The explainer could not load: ${error.message}`;
}
