// Written by nextseason-prerender (src/prerender/embed_page.js): the embed page's script, in a
// file of its own (no inline script: the site's Content-Security-Policy allows none). It needs
// no app: the widget (embed.js) renders the show's cards to paste, as the build would write
// them, and its live preview. Text only goes into the page as text (textContent, value).
const page = document.querySelector('[data-ns-embed-code]');
const origin = page.dataset.origin;
const status = page.querySelector('[data-ns-status]');
const input = page.querySelector('#ns-embed-show');
const widget = page.querySelector('#ns-embed-widget');
const full = page.querySelector('#ns-embed-full');
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A message in the status line: text, then an optional link. */
function say(text, link) {
  status.replaceChildren(text);
  if (link) {
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.text;
    status.append(' ', a, '.');
  }
}

/** The slug in what the blogger typed: a slug, or a show's address (/shows/<slug>). */
function slugOf(typed) {
  const text = typed.trim();
  let path = text;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    try {
      path = new URL(text).pathname;
    } catch {
      return undefined;
    }
  }
  const shown = path.match(/(?:^|\/)shows\/([^/?#]+)\/?$/);
  const slug = (shown ? shown[1] : path.replace(/^\/+|\/+$/g, '')).toLowerCase();
  return SLUG.test(slug) ? slug : undefined;
}

const widgetCode = (slug) => `<div data-nextseason data-show="${slug}"></div>\n<script type="module" src="${origin}/embed.js"></script>\n`;

// Copy: the clipboard where the browser allows it, else the text selected for Ctrl+C.
for (const hidden of page.querySelectorAll('.ns-embed-code__copy[hidden]')) hidden.hidden = false;
for (const button of page.querySelectorAll('[data-ns-copy]')) {
  button.addEventListener('click', async () => {
    const text = page.querySelector(`#${button.dataset.nsCopy}`);
    try {
      await navigator.clipboard.writeText(text.value);
      say(`Copied: ${button.textContent.replace(/^Copy /, '')}.`);
    } catch {
      text.focus();
      text.select();
      say('Selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  });
}

async function main() {
  const typed = new URLSearchParams(location.search).get('show');
  if (typed === null || typed.trim() === '') return;
  input.value = typed;
  const asked = slugOf(typed);
  const find = { href: '/', text: 'Find the show in the catalogue' };
  if (!asked) {
    say(`“${typed.trim()}” is not a show's address: a show's address ends in /shows/ and its slug, such as metallic-rouge.`, find);
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  say(`Loading the cards of ${asked}…`);
  let snippet;
  try {
    await import('/embed.js');
    snippet = await window.NextSeason.snippet(asked, origin);
  } catch (error) {
    say(`The show's cards could not be loaded: ${error?.message ?? error}. Reload the page to try again.`);
    return;
  }
  if (snippet === undefined) {
    say(`NextSeason has no show at /shows/${asked}. Check the address: its end is the show's slug, such as metallic-rouge.`, find);
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  // A renamed show's former slug gives the show under its slug now.
  const slug = snippet.match(/^<div data-nextseason data-show="([^"]+)">/)?.[1] ?? asked;
  if (slug !== asked || typed !== slug) {
    const address = new URL(location.href);
    address.searchParams.set('show', slug);
    history.replaceState(history.state, '', address);
    input.value = slug;
  }
  const code = widgetCode(slug);
  widget.value = code;
  full.value = snippet.replace(/\n$/, '') + code.slice(code.indexOf('\n'));
  page.querySelector('[data-ns-placeholder-hint]').hidden = true;
  widget.removeAttribute('aria-describedby');
  page.querySelector('[data-ns-with-cards]').hidden = false;
  // The live widget: its links to other shows lead to their own embed pages.
  const preview = document.createElement('div');
  preview.dataset.nextseason = '';
  preview.dataset.show = slug;
  preview.dataset.links = '/embed/?show={slug}';
  page.querySelector('[data-ns-preview]').replaceChildren(preview);
  page.querySelector('[data-ns-preview-card]').hidden = false;
  window.NextSeason.mount(preview);
  say(slug === asked ? `The code for ${slug} is ready.` : `${asked} is now ${slug}: the code for ${slug} is ready.`);
}

main();
