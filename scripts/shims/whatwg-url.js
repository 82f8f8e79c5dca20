// node-fetch 2 takes `require('url').URL` when Node has it (Node >= 10) and falls back to the
// whatwg-url package otherwise. Node 20 always has it, so the bundles alias whatwg-url to this
// file instead of shipping its ~290 kB of Unicode tables (tr46) that never run.
'use strict';
module.exports = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };
