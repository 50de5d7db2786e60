// A small CDS Hooks client, shared by the demo EHR and the SMART app: discovery, prefetch from a FHIR server (the way
// an EHR fills prefetch templates), service calls and feedback. Every exchange is reported to an optional observer.

export function uuid() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function getJson(url, headers = {}) {
  const response = await fetch(url, { headers: { Accept: 'application/json', ...headers } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

export class CdsClient {
  constructor({ discoveryUrl, fhirServer, accessToken = null, observe = () => {} }) {
    this.discoveryUrl = discoveryUrl;
    this.fhirServer = fhirServer;
    this.accessToken = accessToken;
    this.observe = observe;
    this.services = null;
  }

  async discover() {
    if (!this.services) this.services = (await getJson(this.discoveryUrl)).services;
    return this.services;
  }

  async service(hook) {
    const found = (await this.discover()).find(s => s.hook === hook);
    if (!found) throw new Error(`No CDS service answers ${hook}`);
    return found;
  }

  fhirHeaders() {
    const headers = { Accept: 'application/fhir+json' };
    if (this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
    return headers;
  }

  // Fills each template with the context and reads it from the FHIR server; a key that fails is left out, as the
  // CDS Hooks spec lets an EHR do, and the service then fetches it itself.
  async prefetch(service, context) {
    const result = {};
    await Promise.all(Object.entries(service.prefetch || {}).map(async ([key, template]) => {
      const query = template.replace(/\{\{\s*context\.(\w+)\s*\}\}/g, (_, name) => encodeURIComponent(context[name] ?? ''))
        .replace(/\{\{\s*userPractitionerId\s*\}\}/g, encodeURIComponent((context.userId || '').split('/')[1] || ''));
      try {
        const response = await fetch(`${this.fhirServer}/${query}`, { headers: this.fhirHeaders() });
        if (response.ok) result[key] = await response.json();
      } catch { /* omitted: the service falls back to fhirServer */ }
    }));
    return result;
  }

  async call(hook, context) {
    const service = await this.service(hook);
    const request = {
      hookInstance: uuid(),
      hook,
      fhirServer: this.fhirServer,
      context,
      prefetch: await this.prefetch(service, context),
    };
    const url = new URL(service.id, this.discoveryUrl.endsWith('/') ? this.discoveryUrl : this.discoveryUrl + '/').href;
    const body = await this.exchange(url, request);
    return { service, request, response: body };
  }

  async feedback(serviceId, items) {
    const url = new URL(`${serviceId}/feedback`, this.discoveryUrl.endsWith('/') ? this.discoveryUrl : this.discoveryUrl + '/').href;
    return this.exchange(url, { feedback: items });
  }

  async exchange(url, request, headers = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: JSON.stringify(request),
    });
    const text = await response.text();
    let body;
    try { body = text ? JSON.parse(text) : null; } catch { body = text; }
    this.observe({ url, request, status: response.status, response: body });
    if (!response.ok) {
      const detail = body?.issue?.[0]?.diagnostics || `HTTP ${response.status}`;
      throw new Error(detail);
    }
    return body;
  }
}
