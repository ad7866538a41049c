// NextSeason widget for any page: paste
//   <div data-nextseason data-show="metallic-rouge"></div>
//   <script type="module" src="https://…/embed.js"></script>
// Every [data-nextseason] element gets a shadow root (the host's CSS cannot reach in, the
// widget's cannot leak out) with the widget's stylesheet, and the widget mounted inside.
// The wasm, its glue and embed.css are found next to this file; the bundle in data/ beside it,
// unless data-bundle says otherwise. The only global is window.NextSeason.
const here = new URL('.', import.meta.url);
// Written by the build (Trunk.toml's post_build hook): the hashed names of this build's files.
const GLUE = '__NEXTSEASON_JS__';
const WASM = '__NEXTSEASON_WASM__';

let loading;
function load() {
  loading ??= Promise.all([
    import(new URL(GLUE, here).href).then(async (glue) => {
      await glue.default({ module_or_path: new URL(WASM, here) });
      return glue;
    }),
    // One stylesheet object, adopted by every widget's shadow root.
    fetch(new URL('embed.css', here))
      .then((response) => response.text())
      .then((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return sheet;
      }),
  ]);
  return loading;
}

const mounted = new WeakSet();
let widgets = 0;

/** Mounts the widget in one element (done for every [data-nextseason] at start). */
async function mount(element) {
  if (!(element instanceof HTMLElement)) {
    throw new TypeError(`NextSeason.mount needs an element of the page, such as a <div data-nextseason>; got ${element}`);
  }
  if (mounted.has(element)) return;
  mounted.add(element);
  const options = element.dataset;
  const [glue, sheet] = await load();
  // Attached once the widget can render: until then, cards pasted inside the element (what the
  // site's embed page, /embed/?show=…, gives to paste) stay on show; the shadow root then takes
  // their place.
  const shadow = element.attachShadow({ mode: 'open' });
  // The first widget on a page keeps its show in ?show=, the next ones in ?show2=, ?show3=…;
  // numbered once it has its shadow root, so that an element refused one takes no number.
  const number = ++widgets;
  shadow.adoptedStyleSheets = [sheet];
  const root = document.createElement('div');
  root.className = 'ns-embed';
  shadow.append(root);
  const bundle = options.bundle ? new URL(options.bundle, location.href) : new URL('data/', here);
  glue.mount_widget(
    root,
    options.show ?? null,
    options.cards ?? null,
    bundle.href.replace(/\/$/, ''),
    options.links ?? null,
    options.base ?? null,
    options.param ?? (number === 1 ? 'show' : `show${number}`),
  );
}

function mountAll() {
  document.querySelectorAll('[data-nextseason]').forEach(mount);
}

/** The show's cards as a blogger pastes them inside the <div> for readers without JavaScript,
 *  links to the site at `origin` (the site's embed page shows them): a string, or undefined
 *  for a show the bundle does not have. */
async function snippet(slug, origin, bundle = new URL('data/', here)) {
  const [glue] = await load();
  return glue.pasted_snippet(String(slug), new URL(bundle, location.href).href.replace(/\/$/, ''), String(origin));
}

window.NextSeason = Object.freeze({ mount, mountAll, snippet });
mountAll();
