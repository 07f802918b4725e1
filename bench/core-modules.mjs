// Where the bytes of `import { createTouchpoint } from '@touchpoint/core'` go: bundles the
// package entry as scripts/size.mjs does (production, `_private` props mangled, minified),
// then again with one module at a time replaced by a trivial stub, and prints what each
// module costs (minified and brotli -11 bytes).
// `node bench/core-modules.mjs`

import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';

const stubs = {
  sanitize: 'export const SANITIZE_LIMITS={};export const sanitize=(props)=>props;',
  store:
    'export function createStore(){const memory={};return{_get:(key)=>memory[key],_set(key,value){memory[key]=value},_persist(){},_clear(){}}}',
  redact: 'export const REDACTED="";export const redactUrl=(url)=>url;',
  emitter:
    'export function createEmitter(){const sets={};return{_on(type,fn){(sets[type]??=new Set).add(fn);return()=>sets[type].delete(fn)},_emit(type,payload){sets[type]?.forEach((fn)=>fn(payload))}}}',
  navigation: 'export function watchNavigation(){}',
  session:
    'export const SESSION_TIMEOUT_MS=1;export const pageViews=()=>0;export function touchSession(){return {id:"",views:0,trail:[]}}',
  uuid: 'export const uuid=()=>crypto.randomUUID()',
  validate: 'export function validateConfig(config){return {config,problems:[],skipped:[]}}',
  eligibility: 'export const DEFAULT_LIMITS={};export function eligibility(){return []}',
  'config-hash': 'export const canonicalJson=JSON.stringify;export const configHash=()=>""',
  'load-config': 'export const cachedConfig=()=>undefined;export const loadConfig=(source)=>source;',
};

const measure = async (stub) => {
  const result = await build({
    stdin: {
      contents:
        'import { createTouchpoint, STAGES } from "./packages/core/src/index.ts"; console.log(createTouchpoint, STAGES);',
      resolveDir: process.cwd(),
      loader: 'js',
    },
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
            name: 'stub',
            setup(builder) {
              builder.onLoad({ filter: new RegExp(`/${stub}\\.ts$`) }, () => ({
                contents: stubs[stub],
                loader: 'ts',
              }));
            },
          },
        ]
      : [],
  });
  const code = result.outputFiles[0].contents;
  return {
    min: code.length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const whole = await measure();
console.log(`${'whole entry'.padEnd(14)}${String(whole.min).padStart(7)}${String(whole.brotli).padStart(7)}`);
for (const module of Object.keys(stubs)) {
  const without = await measure(module);
  console.log(
    `${module.padEnd(14)}${String(whole.min - without.min).padStart(7)}${String(whole.brotli - without.brotli).padStart(7)}`,
  );
}
