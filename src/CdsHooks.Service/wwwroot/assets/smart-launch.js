// SMART App Launch (EHR launch): discover the authorization server from iss, then ask for a code with PKCE (S256).
const CLIENT_ID = 'refractory-assessment-explainer';
const SCOPE = 'launch openid fhirUser patient/*.read';

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const status = document.getElementById('launch-status');
try {
  const params = new URLSearchParams(location.search);
  const launch = params.get('launch');
  const iss = params.get('iss');
  if (!launch || !iss) throw new Error('This app must be launched from the EHR (launch and iss are missing).');
  const configuration = await (await fetch(`${iss.replace(/\/$/, '')}/.well-known/smart-configuration`, { headers: { Accept: 'application/json' } })).json();
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const redirectUri = new URL('index.html', location.href).href;
  sessionStorage.setItem(`smart-${state}`, JSON.stringify({ verifier, iss, redirectUri, tokenEndpoint: configuration.token_endpoint }));
  const authorize = new URL(configuration.authorization_endpoint);
  for (const [key, value] of Object.entries({
    response_type: 'code', client_id: CLIENT_ID, redirect_uri: redirectUri, launch, scope: SCOPE, state, aud: iss,
    code_challenge: challenge, code_challenge_method: 'S256',
  })) authorize.searchParams.set(key, value);
  location.assign(authorize.href);
} catch (error) {
  status.textContent = `Launch failed: ${error.message}`;
}
