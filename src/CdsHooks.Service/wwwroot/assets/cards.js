// Renders CDS Hooks cards as an EHR would: indicator, summary, detail (markdown rendered to safe HTML by the service),
// source, suggestions with Accept, links (absolute and SMART) and Dismiss. Card text goes in as text, never as markup;
// only the server-sanitised detail HTML is inserted as HTML.

const INDICATOR_TEXT = { info: 'Info', warning: 'Warning', critical: 'Critical' };

function node(tag, { className, text, attributes } = {}) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  for (const [key, value] of Object.entries(attributes || {})) element.setAttribute(key, value);
  return element;
}

export async function renderDetails(cards) {
  const texts = cards.map(card => card.detail || '');
  if (!texts.some(Boolean)) return texts;
  const response = await fetch('demo/api/markdown', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ texts }) });
  if (!response.ok) throw new Error(`markdown rendering answered ${response.status}`);
  return (await response.json()).html;
}

export function renderCard(card, detailHtml, handlers, index) {
  const indicator = INDICATOR_TEXT[card.indicator] ? card.indicator : 'info';
  const headingId = `card-${index}-summary`;
  const article = node('article', { className: `card card--${indicator}`, attributes: { 'aria-labelledby': headingId, 'data-indicator': indicator, 'data-uuid': card.uuid || '' } });
  const header = node('header');
  header.append(node('span', { className: `badge badge--${indicator}`, text: INDICATOR_TEXT[indicator] }));
  header.append(node('h4', { text: card.summary, attributes: { id: headingId } }));
  article.append(header);

  if (detailHtml) {
    const detail = node('div', { className: 'card-detail' });
    detail.innerHTML = detailHtml; // sanitised by the service: raw HTML escaped, only http(s)/mailto links
    article.append(detail);
  }

  if (card.source?.label) {
    const source = node('p', { className: 'subtle card-source', text: 'Source: ' });
    if (card.source.url) {
      source.append(node('a', { text: card.source.label, attributes: { href: card.source.url, target: '_blank', rel: 'noopener noreferrer' } }));
    } else {
      source.append(document.createTextNode(card.source.label));
    }
    article.append(source);
  }

  const status = node('p', { className: 'card-status', attributes: { role: 'status' } });
  if (card.suggestions?.length) {
    const list = node('ul', { className: 'suggestions', attributes: { 'aria-label': 'Suggestions' } });
    for (const suggestion of card.suggestions) {
      const item = node('li');
      const accept = node('button', { text: 'Accept', attributes: { type: 'button', 'aria-label': `Accept: ${suggestion.label}` } });
      accept.addEventListener('click', () => handlers.accept(card, suggestion, status, article));
      item.append(accept, node('span', { text: suggestion.label + (suggestion.isRecommended ? ' (recommended)' : '') }));
      list.append(item);
    }
    article.append(list);
  }

  const actions = node('div', { className: 'card-actions' });
  for (const link of card.links || []) {
    if (link.type === 'smart') {
      const open = node('button', { className: 'secondary', text: link.label, attributes: { type: 'button', 'data-smart-link': link.url } });
      open.addEventListener('click', () => handlers.launch(card, link, status));
      actions.append(open);
    } else {
      actions.append(node('a', { text: link.label, attributes: { href: link.url, target: '_blank', rel: 'noopener noreferrer' } }));
    }
  }
  const dismiss = node('button', { className: 'secondary', text: 'Dismiss', attributes: { type: 'button', 'aria-label': `Dismiss: ${card.summary}` } });
  dismiss.addEventListener('click', () => handlers.dismiss(card, status, article));
  actions.append(dismiss);
  article.append(actions, status);
  return article;
}
