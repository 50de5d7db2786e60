// The demo EHR: patient list, chart, hooks, cards, order entry and the developer panel.
import { CdsClient, getJson, uuid } from './cds-client.js';
import { renderCard, renderDetails } from './cards.js';
import { drawTimeline, OUTCOMES } from './timeline.js';

const USER = 'Practitioner/COREPRACTITIONER1';
const $ = id => document.getElementById(id);
const origin = location.origin;
const fhirServer = `${origin}/fhir`;
const client = new CdsClient({ discoveryUrl: `${origin}/cds-services`, fhirServer, observe: showExchange });

const state = { patients: [], patient: null, chart: null, drugs: [], basket: [], lastService: null };

function showExchange({ url, request, status, response }) {
  $('dev-url').textContent = `POST ${url}`;
  $('dev-status').textContent = `HTTP ${status}`;
  $('dev-request').textContent = JSON.stringify(request, null, 2);
  $('dev-response').textContent = typeof response === 'string' ? response : JSON.stringify(response, null, 2);
}

function item(text, attributes = {}) {
  const li = document.createElement('li');
  li.textContent = text;
  for (const [key, value] of Object.entries(attributes)) li.setAttribute(key, value);
  return li;
}

function cell(row, text) { const td = document.createElement('td'); td.textContent = text ?? ''; row.append(td); }

async function loadPatients() {
  state.patients = await getJson('demo/api/patients');
  const areas = [...new Map(state.patients.map(p => [p.area, p.areaTitle])).entries()];
  for (const [area, title] of areas) $('area-filter').append(new Option(title, area));
  renderPatientList();
}

function renderPatientList() {
  const area = $('area-filter').value;
  const list = $('patients');
  list.replaceChildren();
  for (const patient of state.patients.filter(p => !area || p.area === area)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.patientId = patient.id;
    button.setAttribute('aria-current', String(state.patient === patient.id));
    button.append(document.createTextNode(`${patient.name} (${patient.vignette})`));
    const areaLabel = document.createElement('span');
    areaLabel.className = 'area';
    areaLabel.textContent = patient.areaTitle;
    button.append(areaLabel);
    button.title = patient.summary;
    button.addEventListener('click', () => selectPatient(patient.id));
    const li = document.createElement('li');
    li.append(button);
    list.append(li);
  }
}

async function selectPatient(id) {
  state.patient = id;
  state.basket = [];
  renderPatientList();
  $('cards').replaceChildren();
  $('cds-status').textContent = 'Press "Open chart" to call the patient-view service.';
  await loadChart();
  $('chart-body').hidden = false;
  $('chart').focus();
}

async function loadChart() {
  const chart = await getJson(`demo/api/patients/${encodeURIComponent(state.patient)}/chart`);
  state.chart = chart;
  const p = chart.patient;
  $('chart-heading').textContent = p.name;
  $('banner').textContent = `${p.gender ?? 'sex not recorded'}, ${p.age ?? '?'} years (born ${p.birthDate ?? 'unknown'}) · ${state.patients.find(x => x.id === p.id)?.areaTitle ?? chart.area} · vignette ${chart.vignette} · id ${p.id}`;
  $('vignette-summary').textContent = chart.summary;
  $('conditions').replaceChildren(...(chart.conditions.length ? chart.conditions.map(c => item(`${c.text}${c.onset ? ` (since ${c.onset})` : ''}`)) : [item('None recorded')]));
  $('pending-orders').replaceChildren(...(chart.pendingOrders.length
    ? chart.pendingOrders.map(o => item(`${o.label} (${o.resourceType}, ${o.status ?? 'no status'})${o.mechanism ? ' · ' + o.mechanism : ''}`, { 'data-reference': o.reference }))
    : [item('None')]));
  const labs = $('labs').tBodies[0];
  labs.replaceChildren();
  for (const result of chart.keyResults) {
    const row = labs.insertRow();
    cell(row, result.text); cell(row, result.value + (result.interpretation ? ` (${result.interpretation})` : '')); cell(row, result.time); cell(row, result.valueSets.join('; '));
  }
  const { svg, colours } = drawTimeline(chart);
  $('timeline').replaceChildren(svg);
  const legend = $('timeline-legend');
  legend.replaceChildren();
  for (const { colour, label } of colours.values()) {
    const entry = document.createElement('span');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    entry.append(swatch, document.createTextNode(label));
    legend.append(entry);
  }
  const outcomes = document.createElement('span');
  outcomes.textContent = 'Outcome markers: ' + Object.values(OUTCOMES).map(o => `${o.glyph} ${o.text}`).join(' · ') + ' · dashed bar: no end recorded';
  legend.append(outcomes);
  const episodes = $('episodes').tBodies[0];
  episodes.replaceChildren();
  for (const e of chart.episodes) {
    const row = episodes.insertRow();
    cell(row, e.label); cell(row, e.mechanism ?? 'not classified'); cell(row, e.line ?? ''); cell(row, e.start ?? 'unknown'); cell(row, e.end ?? (e.active ? 'ongoing' : 'not recorded')); cell(row, e.outcomeText);
  }
  renderOrderForm();
  renderBasket();
}

function renderOrderForm() {
  const select = $('order-drug');
  select.replaceChildren();
  const vignette = document.createElement('optgroup');
  vignette.label = "This patient's draft orders";
  state.chart.vignetteOrders.forEach((order, i) => vignette.append(new Option(orderLabel(order), `vignette:${i}`)));
  if (vignette.children.length) select.append(vignette);
  const all = document.createElement('optgroup');
  all.label = 'All drugs the packs know';
  state.drugs.forEach((drug, i) => all.append(new Option(`${drug.inn}${drug.mechanism ? ' (' + drug.mechanism + ')' : ''}`, `drug:${i}`)));
  select.append(all);
}

function orderLabel(order) {
  const concept = order.medicationCodeableConcept || order.code || {};
  return concept.text || concept.coding?.[0]?.display || order.resourceType;
}

function buildOrder(choice) {
  const [kind, index] = choice.split(':');
  if (kind === 'vignette') return structuredClone(state.chart.vignetteOrders[Number(index)]);
  const drug = state.drugs[Number(index)];
  return {
    resourceType: 'MedicationRequest',
    id: `draft-${uuid().slice(0, 8)}`,
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: { coding: drug.codings, text: drug.inn },
    subject: { reference: `Patient/${state.patient}` },
    authoredOn: state.chart.asOf.slice(0, 10),
  };
}

function renderBasket() {
  const basket = $('basket');
  basket.replaceChildren(...state.basket.map(order => {
    const li = item(`${orderLabel(order)} (${order.resourceType}/${order.id}) `);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${orderLabel(order)}`);
    remove.addEventListener('click', () => { state.basket = state.basket.filter(o => o !== order); renderBasket(); });
    li.append(remove);
    return li;
  }));
  if (!state.basket.length) basket.append(item('No orders yet'));
  $('order-sign').disabled = state.basket.length === 0;
}

function draftBundle(orders) {
  return { resourceType: 'Bundle', type: 'collection', entry: orders.map(resource => ({ resource })) };
}

async function fireHook(hook, extraContext = {}) {
  const context = { userId: USER, patientId: state.patient, ...extraContext };
  $('cds-status').textContent = `Calling the ${hook} service…`;
  try {
    const { service, response } = await client.call(hook, context);
    state.lastService = service.id;
    await showCards(response.cards || [], service.id, hook);
  } catch (error) {
    $('cds-status').textContent = `The ${hook} call failed: ${error.message}`;
  }
}

async function showCards(cards, serviceId, hook) {
  const details = await renderDetails(cards);
  const handlers = { accept: (c, s, status, el) => accept(serviceId, c, s, status, el), dismiss: (c, status, el) => dismiss(serviceId, c, status, el), launch };
  $('cards').replaceChildren(...cards.map((card, i) => renderCard(card, details[i], handlers, i)));
  $('cds-status').textContent = cards.length ? `${hook}: ${cards.length} card${cards.length === 1 ? '' : 's'}.` : `${hook}: no cards (the service had nothing to say).`;
}

async function applyAction(action) {
  const headers = { 'Content-Type': 'application/fhir+json', Accept: 'application/fhir+json' };
  if (action.type === 'create') {
    const response = await fetch(`fhir/${action.resource.resourceType}`, { method: 'POST', headers, body: JSON.stringify(action.resource) });
    if (!response.ok) throw new Error(`creating a ${action.resource.resourceType} answered ${response.status}`);
    return `added ${action.resource.resourceType}`;
  }
  if (action.type === 'delete') {
    const inBasket = state.basket.find(o => `${o.resourceType}/${o.id}` === action.resourceId);
    if (inBasket) { state.basket = state.basket.filter(o => o !== inBasket); renderBasket(); return `removed ${action.resourceId} from the orders to sign`; }
    const response = await fetch(`fhir/${action.resourceId}`, { method: 'DELETE', headers });
    if (!response.ok) throw new Error(`deleting ${action.resourceId} answered ${response.status}`);
    return `deleted ${action.resourceId}`;
  }
  const resource = action.resource;
  const response = await fetch(`fhir/${resource.resourceType}/${resource.id}`, { method: 'PUT', headers, body: JSON.stringify(resource) });
  if (!response.ok) throw new Error(`updating ${resource.resourceType}/${resource.id} answered ${response.status}`);
  return `updated ${resource.resourceType}/${resource.id}`;
}

async function accept(serviceId, card, suggestion, status, article) {
  try {
    const done = [];
    for (const action of suggestion.actions || []) done.push(await applyAction(action));
    let stored = 'no feedback (card has no uuid)';
    if (card.uuid) {
      const receipt = await client.feedback(serviceId, [{ card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: suggestion.uuid }], outcomeTimestamp: new Date().toISOString() }]);
      stored = `feedback stored (${receipt.stored} new)`;
    }
    status.textContent = `Accepted "${suggestion.label}": ${done.join('; ') || 'no actions'}; ${stored}.`;
    article.querySelectorAll('.suggestions button').forEach(b => { b.disabled = true; });
    await loadChart();
  } catch (error) {
    status.textContent = `Accepting failed: ${error.message}`;
  }
}

function dismiss(serviceId, card, status, article) {
  const dialog = $('dismiss-dialog');
  $('dismiss-summary').textContent = card.summary;
  const reasons = $('dismiss-reasons');
  reasons.replaceChildren(Object.assign(document.createElement('legend'), { textContent: card.overrideReasons?.length ? 'Reason' : 'This card offers no coded reasons; add a comment' }));
  (card.overrideReasons || []).forEach((reason, i) => {
    const label = document.createElement('label');
    const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'override-reason', value: String(i), required: true });
    label.append(radio, document.createTextNode(reason.display || reason.code));
    reasons.append(label);
  });
  $('dismiss-comment').value = '';
  dialog.onclose = async () => {
    if (dialog.returnValue !== 'confirm') return;
    const chosen = reasons.querySelector('input:checked');
    const reason = chosen ? card.overrideReasons[Number(chosen.value)] : null;
    const comment = $('dismiss-comment').value.trim();
    try {
      let stored = 'no feedback (card has no uuid)';
      if (card.uuid) {
        const overrideReason = {};
        if (reason) overrideReason.reason = reason;
        if (comment) overrideReason.userComment = comment;
        const feedback = { card: card.uuid, outcome: 'overridden', outcomeTimestamp: new Date().toISOString() };
        if (reason || comment) feedback.overrideReason = overrideReason;
        const receipt = await client.feedback(serviceId, [feedback]);
        stored = `feedback stored (${receipt.stored} new)`;
      }
      article.classList.add('card--dismissed');
      article.querySelectorAll('button').forEach(b => { b.disabled = true; });
      status.textContent = `Dismissed${reason ? ` (${reason.display || reason.code})` : ''}; ${stored}.`;
    } catch (error) {
      status.textContent = `Dismissing failed: ${error.message}`;
    }
  };
  dialog.showModal();
}

// SMART launch as the CDS Hooks sandbox does it: register the context with the FHIR server, then open the app with
// launch and iss.
async function launch(card, link, status) {
  try {
    const response = await fetch('fhir/_services/smart/Launch', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ launchUrl: link.url, parameters: { patient: state.patient, appContext: link.appContext } }),
    });
    if (!response.ok) throw new Error(`launch registration answered ${response.status}`);
    const { launch_id: launchId } = await response.json();
    const url = new URL(link.url);
    url.searchParams.set('launch', launchId);
    url.searchParams.set('iss', fhirServer);
    window.open(url.href, '_blank', 'noopener');
    status.textContent = `Opened "${link.label}" in a new tab.`;
  } catch (error) {
    status.textContent = `Could not open the app: ${error.message}`;
  }
}

$('area-filter').addEventListener('change', renderPatientList);
$('open-chart').addEventListener('click', () => fireHook('patient-view'));
$('order-form').addEventListener('submit', event => {
  event.preventDefault();
  const order = buildOrder($('order-drug').value);
  state.basket.push(order);
  renderBasket();
  fireHook('order-select', { selections: [`${order.resourceType}/${order.id}`], draftOrders: draftBundle(state.basket) });
});
$('order-sign').addEventListener('click', () => fireHook('order-sign', { draftOrders: draftBundle(state.basket) }));
$('reset-demo').addEventListener('click', async () => {
  await fetch('demo/api/reset', { method: 'POST' });
  if (state.patient) await loadChart();
  $('cds-status').textContent = 'Demo data reset: orders written by the page are gone.';
});

state.drugs = await getJson('demo/api/drugs');
await loadPatients();
const requested = new URLSearchParams(location.search).get('patient');
if (requested && state.patients.some(p => p.id === requested)) await selectPatient(requested);
