// Where the core alone's bytes go: bundles packages/core/src/core-only.ts as the size script
// does (production, `_private` props mangled, minified), then again with one module at a time
// replaced by a trivial stub, and prints what each module costs (minified, brotli -11 bytes).
// `node bench/core-modules.mjs`

import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';

const stubs = {
  sanitize: 'export const SANITIZE_LIMITS={};export const sanitize=(p)=>p;',
  store:
    'export const STORE_PREFIX="tp_";export function createStore(){const m={};return{_get:k=>m[k],_set(k,v){m[k]=v},_persist(){},_clear(){}}}',
  redact: 'export const REDACTED="";export const redactUrl=u=>u;',
  emitter:
    'export function createEmitter(){const s={};return{_on(t,f){(s[t]??=new Set).add(f);return()=>s[t].delete(f)},_emit(t,p){s[t]?.forEach(f=>f(p))}}}',
  navigation: 'export function watchNavigation(){}',
  session:
    'export const SESSION_TIMEOUT_MS=1;export function touchSession(s,n,e){return {id:"",views:0,trail:[]}}',
  uuid: 'export const uuid=()=>crypto.randomUUID()',
};
const size = async (stub) => {
  const r = await build({
    entryPoints: ['packages/core/src/core-only.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    define: { __DEV__: 'false' },
    logLevel: 'silent',
    mangleProps: /^_[a-z]/,
    plugins: stub
      ? [
          {
            name: 's',
            setup(b) {
              b.onLoad({ filter: new RegExp(`/${stub}\\.ts$`) }, () => ({
                contents: stubs[stub],
                loader: 'ts',
              }));
            },
          },
        ]
      : [],
  });
  const c = r.outputFiles[0].contents;
  return [c.length, brotliCompressSync(c, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
};
const base = await size();
console.log('base', base);
for (const k of Object.keys(stubs)) {
  const s = await size(k);
  console.log(k.padEnd(12), base[0] - s[0], base[1] - s[1]);
}
