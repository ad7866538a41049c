// NextSeason widget for any page: paste
//   <div data-nextseason data-show="metallic-rouge"></div>
//   <script type="module" src="https://…/embed.js"></script>
// Every [data-nextseason] element gets a shadow root (the host's CSS cannot reach in, the
// widget's cannot leak out) with the widget's stylesheet, and the widget mounted inside.
// The wasm, its glue and embed.css are found next to this file; the bundle in data/ beside it,
// unless data-bundle says otherwise. The only global is window.NextSeason.
const here = new URL('.', import.meta.url);
// Written by the build (Trunk.toml's post_build hook): the hashed names of this build's files.
// The widget's wasm has the catalogue too; the show widgets' (release builds) a show alone, a
// lighter download for a <div> with data-show. Where the build has no show widgets' wasm (its
// names left as they are here), every widget uses the widget's.
const APPS = {
  widget: { glue: '__NEXTSEASON_JS__', wasm: '__NEXTSEASON_WASM__' },
  show: { glue: '__NEXTSEASON_SHOW_JS__', wasm: '__NEXTSEASON_SHOW_WASM__' },
};
if (APPS.show.glue.startsWith('__')) APPS.show = APPS.widget;

const loading = new Map();
let sheet;
function load(app) {
  sheet ??= fetch(new URL('embed.css', here))
    .then((response) => response.text())
    .then((text) => {
      // One stylesheet object, adopted by every widget's shadow root.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
  const { glue, wasm } = APPS[app];
  if (!loading.has(glue)) {
    loading.set(glue, import(new URL(glue, here).href).then(async (module) => {
      await module.default({ module_or_path: new URL(wasm, here) });
      return module;
    }));
  }
  return Promise.all([loading.get(glue), sheet]);
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
  const [glue, sheet] = await load(options.show ? 'show' : 'widget');
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
  const [glue] = await load('widget');
  return glue.pasted_snippet(String(slug), new URL(bundle, location.href).href.replace(/\/$/, ''), String(origin));
}

window.NextSeason = Object.freeze({ mount, mountAll, snippet });
mountAll();
