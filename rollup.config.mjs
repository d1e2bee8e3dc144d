/**
 * The widget as one self-contained file, Lit included: what a host page loads with one script tag.
 * Written twice: as an ES module into widget/dist (the npm package, for sites that bundle their
 * own JavaScript), and as a script that runs either way into the plugin's dist, from where the CMS
 * serves it at /api/kinship-offer/widget.js: people paste that tag as they find it, and tag
 * managers and some CMSs write it without type="module", where a module's `import.meta` or
 * `export` is a SyntaxError and nothing of ours could even say why.
 *
 * A service's details (widget/src/render/service-details.ts) are not in that one file: the element
 * imports them once an offer is shown. In the npm package they are a chunk beside the module, as
 * rollup splits it; beside the served script, a module of their own (service-details.js), which
 * uses the served script's Lit rather than carrying another (see serviceDetails below).
 *
 * Then the public pages (widget/src/pages), into the plugin's dist/pages: the renderer the CMS runs
 * (render.mjs, for Node: the element's render modules, with lit and @lit-labs/ssr left to the
 * plugin's dependencies, so the server renders the very templates the element does, from the
 * plugin's own build), the small script the pages load (pages.js, for browsers), the iframe view's
 * (embed.js) and the script a host may load to size that iframe (resize.js).
 */
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The CMS sends widget.js compressed as the browser accepts (plugin/server/src/controllers/widget.ts):
 * compressed once here, at the highest levels, with Node's own zlib, rather than on every request.
 */
const compressed = (file, code) => {
  writeFileSync(`${file}.br`, brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length } }));
  writeFileSync(`${file}.gz`, gzipSync(code, { level: 9 }));
};
const precompress = (file) => ({
  name: 'precompress',
  writeBundle(options, bundle) {
    if (options.file !== file) return;
    compressed(file, Buffer.from(Object.values(bundle).find((chunk) => chunk.type === 'chunk').code));
  },
});

/**
 * The words in other languages (widget/src/packs/<code>.json, see widget/src/packs.ts) go beside
 * each copy of the script, in packs/, as compact JSON without the pages' words (`pages`: widget.js
 * never shows them); beside the CMS's copy, compressed too (the plugin serves them as it serves the
 * script). They are fetched when needed, never bundled. The page renderer's copies, every word
 * (`strings` and `pages`), go into the plugin's dist/pages/packs, which the CMS reads and never serves.
 */
const packs = () => ({
  name: 'language-packs',
  writeBundle(options) {
    const into = path.join(options.dir ?? path.dirname(options.file), 'packs');
    // The CMS's copy (compressed) and the renderer's are written once, with the served script.
    const served = into.startsWith('plugin/');
    const forPages = 'plugin/dist/pages/packs';
    mkdirSync(into, { recursive: true });
    if (served) mkdirSync(forPages, { recursive: true });
    for (const file of readdirSync('widget/src/packs')) {
      const { pages, ...forElement } = JSON.parse(readFileSync(path.join('widget/src/packs', file), 'utf8'));
      const json = Buffer.from(JSON.stringify(forElement));
      writeFileSync(path.join(into, file), json);
      if (!served) continue;
      compressed(path.join(into, file), json);
      writeFileSync(path.join(forPages, file), JSON.stringify({ ...forElement, pages }));
    }
  },
});

/**
 * Where the served script finds its own address (`import.meta.url` in the source, which a classic
 * script cannot have): a classic script's `document.currentScript`; as a module (where that is
 * null), its tag, the last on the page with the served path.
 *
 * Read once, as the script runs, into SCRIPT (the served script's first line, see `intro` below),
 * and only from a script element. Later the page may have removed the tag (a loader such as
 * jQuery.getScript does once it has run) or added another with another version (a tag manager),
 * and `document.currentScript` is then null, or another script of the page's. And a page's own
 * content can hide `document.currentScript` behind an element of its own: `<img name="currentScript"
 * src="…">` becomes that property of `document` (DOM clobbering), and the services' details would
 * be imported, as script, from the image's address. So it is taken only when its tag name is
 * SCRIPT, which no element of the page's can fake (a form's named fields hide the form's
 * properties, but are elements, not that string); not `instanceof HTMLScriptElement`, which a
 * script made by another frame (a page writing into an iframe) is not.
 */
const SCRIPT = 'kinshipOfferScript';
const SCRIPT_ADDRESS = `((document.currentScript?.tagName==='SCRIPT'&&document.currentScript)||[...document.querySelectorAll('script[src*="/kinship-offer/widget.js"]')].pop()||location).src||location.href`;
const scriptAddress = () => ({
  name: 'script-address',
  resolveImportMeta(property, { format }) {
    return format === 'iife' && property === 'url' ? SCRIPT : null;
  },
});

/**
 * The served script imports the services' details from beside itself, with its own query (a
 * versioned script loads the same version's details): a classic script cannot carry a chunk, so
 * the import is left to the browser, which runs import() in classic scripts too.
 */
const SERVICE_DETAILS = path.join('widget', 'src', 'render', 'service-details.ts');
const detailsBesideScript = () => ({
  name: 'details-beside-script',
  async resolveDynamicImport(specifier, importer) {
    const resolved = typeof specifier === 'string' && (await this.resolve(specifier, importer));
    return resolved && resolved.id.endsWith(SERVICE_DETAILS) ? { id: 'service-details.js', external: true } : null;
  },
  renderDynamicImport({ targetModuleId }) {
    return targetModuleId === 'service-details.js' ? { left: 'import(new URL(', right: `+new URL(${SCRIPT}).search,${SCRIPT}).href)` } : null;
  },
});

/**
 * What the served service-details.js takes from Lit: only `html` and `nothing`, which make plain
 * data the served script's own Lit renders (widget/src/render/template-results.ts), so readers do
 * not download Lit twice.
 */
const litAsTemplateResults = () => ({
  name: 'lit-as-template-results',
  resolveId(id) {
    return id === 'lit' ? path.resolve('widget/src/render/template-results.ts') : null;
  },
});

/** The element alone renders no page: widget/src/render/renders-pages.ts is false in its build. */
const elementOnly = () => ({
  name: 'element-only',
  load(id) {
    return id.endsWith(path.join('widget', 'src', 'render', 'renders-pages.ts')) ? 'export const RENDERS_PAGES = false;' : null;
  },
});

/** How the element's code is compiled and minified, in each of its files. */
const elementPlugins = () => [
  elementOnly(),
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  scriptAddress(),
  typescript({ tsconfig: 'widget/tsconfig.json', declaration: false, declarationMap: false, outDir: undefined }),
  // Lit's templates and styles are strings (html`…`, and tags with "css" in their name): strip
  // their indentation and comments too. Lit parses a template with the browser's own HTML parser,
  // so end tags HTML lets a parser imply (</p> before a block, </li>, </dt>, </dd>) and quotes
  // around plain attribute values are left out: the element's DOM is the same without them.
  // A template the minifier cannot read fails the build rather than ship unminified.
  minifyHTML({ failOnError: true, options: { minifyOptions: { removeOptionalTags: true, removeAttributeQuotes: true } } }),
  terser({
    ecma: 2022,
    module: true,
    // keep_fargs: nothing in the widget or Lit reads a function's .length, so unused trailing
    // parameters (Lit's empty lifecycle hooks) may go.
    compress: { passes: 3, unsafe_arrows: true, pure_getters: true, keep_fargs: false },
    // The element's private members (_offer, _renderService…) are named for readers of the source;
    // in the bundle they may be short. Lit's own (_$…) are shared between its modules: left alone.
    mangle: { properties: { regex: /^_(?!\$)/ } },
    format: { comments: false },
  }),
];

/** The npm package's module, and its chunk of services' details beside it. */
const widget = {
  input: 'widget/src/kinship-offer.ts',
  output: { dir: 'widget/dist', format: 'es', entryFileNames: 'kinship-offer.js', chunkFileNames: '[name].js', sourcemap: true },
  // The chunk imports what it shares with the element from the module itself, not from a third file.
  preserveEntrySignatures: 'allow-extension',
  plugins: [packs(), ...elementPlugins()],
};

/** The script the CMS serves (widget.js), which runs with or without type="module". */
const servedWidget = {
  input: 'widget/src/kinship-offer.ts',
  output: {
    file: 'plugin/dist/widget/kinship-offer.js',
    format: 'iife',
    intro: `const ${SCRIPT}=${SCRIPT_ADDRESS};`,
    plugins: [precompress('plugin/dist/widget/kinship-offer.js')],
  },
  plugins: [packs(), detailsBesideScript(), ...elementPlugins()],
};

/** The services' details beside the served script (service-details.js), a module it imports. */
const servedServiceDetails = {
  input: SERVICE_DETAILS,
  output: { file: 'plugin/dist/widget/service-details.js', format: 'es', plugins: [precompress('plugin/dist/widget/service-details.js')] },
  plugins: [litAsTemplateResults(), ...elementPlugins()],
};

/** Lit and its server rendering stay imports: the plugin depends on them (plugin/package.json). */
const external = (id) => /^(lit|lit-html|@lit\/reactive-element|@lit-labs\/ssr|qrcode)(\/|$)/.test(id);

const pageRenderer = {
  input: 'widget/src/pages/index.ts',
  output: { file: 'plugin/dist/pages/render.mjs', format: 'es' },
  external,
  plugins: [
    nodeResolve({ exportConditions: ['node'] }),
    typescript({ tsconfig: 'widget/tsconfig.json', declaration: false, declarationMap: false, outDir: undefined }),
  ],
};

const pageScript = {
  input: 'widget/src/pages/enhance.ts',
  output: { file: 'plugin/dist/pages/pages.js', format: 'es' },
  plugins: [
    nodeResolve({ browser: true }),
    typescript({ tsconfig: 'widget/tsconfig.json', declaration: false, declarationMap: false, outDir: undefined }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
};

/** The iframe view's script and the host's resize script: classic scripts (see widget/src/pages/embed.ts). */
const classicScript = (name) => ({
  input: `widget/src/pages/${name}.ts`,
  output: { file: `plugin/dist/pages/${name}.js`, format: 'iife' },
  plugins: [
    nodeResolve({ browser: true }),
    typescript({ tsconfig: 'widget/tsconfig.json', declaration: false, declarationMap: false, outDir: undefined }),
    terser({ ecma: 2022, format: { comments: false } }),
  ],
});

export default [widget, servedWidget, servedServiceDetails, pageRenderer, pageScript, classicScript('embed'), classicScript('resize')];
